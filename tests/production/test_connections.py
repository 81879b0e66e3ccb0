"""Connections that survive: when PostgreSQL drops the app's connections (a restart, a failover,
pg_terminate_backend), the next request is answered by itself, without restarting the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection

from bench.serve import get, serve
from samenspel.directory.models import Group
from tests.production.pg import current_database_url, on_postgres

pytestmark = [on_postgres, pytest.mark.django_db(transaction=True)]


def terminate_other_backends() -> int:
    """Kill every connection to the test database but this test's own, as a server restart would."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return int(cursor.fetchone()[0])


@pytest.mark.parametrize("pool", ["1", "0"], ids=["psycopg-pool", "persistent-connections"])
def test_the_next_request_after_the_database_dropped_every_connection_answers_200(
    tmp_path: Path, group: Group, pool: str
) -> None:
    pages = ["/healthz", f"/groep/{group.slug}/", f"/groep/{group.slug}/vraag/", "/?q=depressie"]
    with serve(tmp_path, current_database_url(), SERVE_SKIP_MIGRATE="1", DB_POOL=pool) as base:
        for _ in range(3):  # both threads of the worker hold a connection
            for page in pages:
                assert get(base + page)[0] == 200, page

        assert terminate_other_backends() >= 1

        for page in pages:
            status, _headers, body = get(base + page)
            assert status == 200, (page, body[:500])

"""A spreadsheet import killed half-way leaves nothing, and the retry gives each group once.

The import runs in a process of its own, as a worker or a web request would, and is killed with SIGKILL while
it writes (no clean-up runs). The database then holds none of its rows; the retry imports every row once; a
third try is refused as already imported.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from bench.serve import ROOT
from samenspel.directory.models import Group, Organisation
from samenspel.workspace.importer import guess_mapping
from samenspel.workspace.models import ImportBatch
from samenspel.workspace.services import imports
from tests.production.pg import current_database_url, on_postgres

pytestmark = [on_postgres, pytest.mark.django_db(transaction=True)]

ROWS = 4000
APPLY = """
import django, sys
django.setup()
from samenspel.workspace.models import ImportBatch
from samenspel.workspace.services.imports import import_batch_apply
import_batch_apply(batch=ImportBatch.objects.get(pk=int(sys.argv[1])), actor=None)
"""


def _writing() -> bool:
    """Whether another connection is inside a transaction that inserts groups right now."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
            "AND xact_start IS NOT NULL AND query ILIKE %s",
            ["%directory_group%"],
        )
        return bool(cursor.fetchone()[0])


def test_an_import_killed_while_writing_leaves_nothing_and_the_retry_gives_each_group_once(
    support_point: Organisation, reference: None
) -> None:
    headers = ["Naam", "E-mail", "Thema", "Taal"]
    rows = [[f"Lotgenotengroep {i}", f"groep{i}@example.org", "depression", "nl"] for i in range(ROWS)]
    batch = ImportBatch.objects.create(support_point=support_point, filename="groepen.csv", headers=headers, rows=rows)
    imports.import_batch_check(batch=batch, mapping=guess_mapping(headers), actor=None)

    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        "DJANGO_SETTINGS_MODULE": "samenspel.settings",
        "DATABASE_URL": current_database_url(),
        "SECRET_KEY": "import-test-key-" + "x" * 40,
        "DB_POOL": "0",
    }
    process = subprocess.Popen([sys.executable, "-c", APPLY, str(batch.pk)], cwd=ROOT, env=env)
    try:
        deadline = time.monotonic() + 120
        while not _writing():
            assert process.poll() is None, "the import ended before it was seen writing"
            assert time.monotonic() < deadline, "the import was never seen writing"
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)  # half-way: no exception handler, no clean-up
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    # PostgreSQL rolls the dead connection's transaction back: nothing of the import is there.
    deadline = time.monotonic() + 30
    while _writing() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert Group.objects.filter(support_point=support_point).count() == 0
    batch.refresh_from_db()
    assert batch.imported_at is None

    counts = imports.import_batch_apply(batch=batch, actor=None)
    assert counts["created"] == ROWS
    names = list(Group.objects.filter(support_point=support_point).values_list("name_nl", flat=True))
    assert len(names) == ROWS == len(set(names))

    with pytest.raises(ValidationError):
        imports.import_batch_apply(batch=batch, actor=None)
    assert Group.objects.filter(support_point=support_point).count() == ROWS

"""PostgreSQL helpers for the production tests: they run only when the suite runs on PostgreSQL."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

on_postgres = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="PostgreSQL only: the suite runs on SQLite",
)


def url_for(name: str) -> str:
    """A postgres:// URL for database `name` on the test server, with the test connection's credentials."""
    db = connection.settings_dict
    auth = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        auth += ":" + quote(db["PASSWORD"], safe="")
    host = db["HOST"] or "127.0.0.1"
    return f"postgres://{auth}@{host}:{db['PORT'] or 5432}/{name}"


def current_database_url() -> str:
    return url_for(connection.settings_dict["NAME"])

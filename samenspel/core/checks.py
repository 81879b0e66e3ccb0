"""Start-up checks for the production path (run by bin/serve: manage.py check --deploy --database default)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register
from django.db import connections

# Connections kept free for psql, backups and migrations next to the web processes.
SPARE_CONNECTIONS = 10


@register(Tags.database)
def pool_fits_the_server(app_configs: Any = None, databases: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Every web process may hold its whole pool: together they must fit in PostgreSQL's max_connections."""
    if not databases or "default" not in databases:
        return []
    db = settings.DATABASES["default"]
    pool = db.get("OPTIONS", {}).get("pool")
    if db["ENGINE"] != "django.db.backends.postgresql" or not isinstance(pool, dict):
        return []
    with connections["default"].cursor() as cursor:
        cursor.execute("SHOW max_connections")
        max_connections = int(cursor.fetchone()[0])
    needed = settings.WEB_WORKERS * int(pool.get("max_size", 1))
    if needed + SPARE_CONNECTIONS > max_connections:
        return [
            Warning(
                f"WEB_WORKERS x DB_POOL_MAX_SIZE = {needed} connections, PostgreSQL allows {max_connections} "
                f"(keep {SPARE_CONNECTIONS} spare). Lower them, raise max_connections or put PgBouncer in front.",
                id="samenspel.W001",
            )
        ]
    return []

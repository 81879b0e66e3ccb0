"""Backup and restore (deploy/backup, deploy/restore): a dump restored into a fresh database holds the same
groups, citizens' questions and warm handovers, and the handover's contact details are readable with the keys."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from samenspel.directory.models import Group
from samenspel.finder.models import Question
from samenspel.referral.crypto import decrypt
from samenspel.referral.models import Handover
from tests.production.pg import on_postgres, url_for

ROOT = Path(__file__).resolve().parent.parent.parent


def run_script(script: str, *args: str, database_url: str, tmp_path: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update({"DATABASE_URL": database_url, "PYTHON": sys.executable, "SAMENSPEL_VAR_DIR": str(tmp_path)})
    result = subprocess.run(
        [str(ROOT / "deploy" / script), *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.fixture
def fresh_database() -> Iterator[str]:
    """A fresh, empty PostgreSQL database next to the test database; yields its URL."""
    name = connection.settings_dict["NAME"] + "_restored"
    admin = pg(url_for("postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url_for(name)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def pg(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


@on_postgres
@pytest.mark.django_db(transaction=True)
def test_a_restored_dump_has_the_same_groups_questions_and_readable_handovers(
    tmp_path: Path, handover: Handover, gambling_group: Group, other_group: Group, fresh_database: str
) -> None:
    question = Question.objects.create(
        group=gambling_group, message="Mag ik komen kijken?", reply_by="email", reply_email="iemand@example.net"
    )

    dump = Path(
        run_script(
            "backup",
            str(tmp_path / "backups"),
            database_url=url_for(connection.settings_dict["NAME"]),
            tmp_path=tmp_path,
        ).strip()
    )
    assert dump.suffix == ".dump" and dump.stat().st_size > 0
    run_script(
        "restore", str(dump), "--database-url", fresh_database, database_url="postgres://unused/none", tmp_path=tmp_path
    )

    # Read the restored database on its own connection, as the restored installation would.
    with psycopg.connect(pg(fresh_database)) as restored:
        slugs = [row[0] for row in restored.execute("SELECT slug FROM directory_group ORDER BY slug")]
        questions = restored.execute("SELECT id, message, reply_email FROM finder_question").fetchall()
        handovers = restored.execute("SELECT uuid, contact_name, contact_phone FROM referral_handover").fetchall()
    assert slugs == sorted([gambling_group.slug, other_group.slug])
    assert questions == [(question.pk, "Mag ik komen kijken?", "iemand@example.net")]
    [(uuid, stored_name, stored_phone)] = handovers
    assert uuid == handover.uuid
    # Encrypted at rest, readable again with the same keys.
    assert "Mehmet" not in stored_name
    assert (decrypt(stored_name), decrypt(stored_phone)) == ("Mehmet", "+31612345678")


@pytest.mark.django_db(transaction=True)
def test_a_sqlite_backup_is_a_complete_copy_and_old_backups_are_pruned(tmp_path: Path) -> None:
    import sqlite3

    source = tmp_path / "site.sqlite3"
    with sqlite3.connect(source) as db:
        db.execute("CREATE TABLE t (x TEXT)")
        db.execute("INSERT INTO t VALUES ('groep')")
    url = f"sqlite:///{source}"
    backups = tmp_path / "backups"
    for stale in ("samenspel-20200101T000000Z.sqlite3", "samenspel-20200102T000000Z.sqlite3"):
        (backups / stale).parent.mkdir(exist_ok=True)
        (backups / stale).write_bytes(b"old")

    dump = Path(run_script("backup", str(backups), "--keep", "2", database_url=url, tmp_path=tmp_path).strip())
    assert sorted(p.name for p in backups.iterdir()) == ["samenspel-20200102T000000Z.sqlite3", dump.name]

    target = tmp_path / "restored.sqlite3"
    run_script("restore", str(dump), "--database-url", f"sqlite:///{target}", database_url=url, tmp_path=tmp_path)
    with sqlite3.connect(target) as db:
        assert db.execute("SELECT x FROM t").fetchall() == [("groep",)]

"""Back up and restore the database: PostgreSQL with pg_dump/pg_restore (custom format), SQLite with its
online backup API (a consistent copy while the site runs). Used by deploy/backup and deploy/restore.

A dump holds handover contact details encrypted: restoring it is only useful with the same SECRET_KEY and,
when set, REFERRAL_ENCRYPTION_KEY (deploy/README.md). Neither is ever written into the dump.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent.parent
KEEP_DEFAULT = 14


def database_url() -> str:
    """DATABASE_URL as samenspel.settings reads it, without importing the settings (no SECRET_KEY needed)."""
    var_dir = Path(os.environ.get("SAMENSPEL_VAR_DIR", BASE_DIR / "var"))
    return os.environ.get("DATABASE_URL") or f"sqlite:///{var_dir / 'samenspel.sqlite3'}"


def is_postgres(url: str) -> bool:
    return urlsplit(url).scheme in {"postgres", "postgresql", "pgsql"}


def sqlite_path(url: str) -> Path:
    # sqlite:///relative/or/absolute (dj-database-url's form): everything after "sqlite://".
    path = url.split("://", 1)[1]
    return Path(path[1:] if path.startswith("//") else path)


def _pg_url(url: str) -> str:
    # libpq knows postgres:// and postgresql://, not Django's pgsql:// spelling.
    return "postgresql://" + url.split("://", 1)[1]


def _run(command: list[str]) -> None:
    # No shell: the arguments are ours and a file name; pg_dump and pg_restore come from PATH, as psql would.
    subprocess.run(command, check=True)  # noqa: S603


def _sqlite_copy(source_path: Path, target_path: Path) -> None:
    """SQLite's online backup: a consistent copy even while the site writes to the source."""
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    target = sqlite3.connect(target_path)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def backup(target_dir: Path, url: str | None = None, keep: int = KEEP_DEFAULT) -> Path:
    """Write one dump into target_dir and keep the newest `keep` dumps there; returns the new file."""
    url = url or database_url()
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    if is_postgres(url):
        target = target_dir / f"samenspel-{stamp}.dump"
        partial = target.with_suffix(".dump.partial")
        # --no-owner/--no-acl: the dump restores into a database owned by any role.
        command = ["pg_dump", "--format=custom", "--no-owner", "--no-acl", f"--file={partial}", _pg_url(url)]
        _run(command)
    else:
        target = target_dir / f"samenspel-{stamp}.sqlite3"
        partial = target.with_suffix(".sqlite3.partial")
        _sqlite_copy(sqlite_path(url), partial)
    # Only a complete dump gets its final name, so a crash never leaves a truncated "backup".
    partial.rename(target)
    dumps = sorted(p for p in target_dir.glob("samenspel-*") if p.suffix in {".dump", ".sqlite3"})
    for old in dumps[:-keep] if keep > 0 else []:
        old.unlink()
    return target


def restore(dump: Path, url: str | None = None) -> None:
    """Replace the database at url (default DATABASE_URL) with the dump. The database must exist for PostgreSQL
    (createdb first for a fresh one); its tables are dropped and recreated in one transaction."""
    url = url or database_url()
    if not dump.is_file():
        raise FileNotFoundError(dump)
    if is_postgres(url):
        if dump.suffix != ".dump":
            raise ValueError(f"{dump} is not a PostgreSQL dump (.dump)")
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-acl",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={_pg_url(url)}",
                str(dump),
            ]
        )
    else:
        if dump.suffix != ".sqlite3":
            raise ValueError(f"{dump} is not a SQLite backup (.sqlite3)")
        target_path = sqlite_path(url)
        target_path.parent.mkdir(parents=True, exist_ok=True)
        _sqlite_copy(dump, target_path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="samenspel-backup", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("backup", help="dump the database into a folder")
    b.add_argument("target_dir", type=Path, nargs="?", default=Path(os.environ.get("BACKUP_DIR", "var/backups")))
    b.add_argument("--keep", type=int, default=int(os.environ.get("BACKUP_KEEP", KEEP_DEFAULT)))
    r = sub.add_parser("restore", help="replace the database with a dump")
    r.add_argument("dump", type=Path)
    r.add_argument("--database-url", help="restore into this database instead of DATABASE_URL")
    args = parser.parse_args(argv)
    if args.command == "backup":
        print(backup(args.target_dir, keep=args.keep))
    else:
        restore(args.dump, args.database_url)
        print(f"restored {args.dump}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

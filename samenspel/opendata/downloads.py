"""The export downloads (/api/hsds/export.zip and .json): built once, kept until the public map changes.

The first download after a change streams the export as before and writes it to a file on the way;
the file is renamed into place only when it is complete, so a download running at the same time never
reads half a file, and a download that broke off leaves nothing behind. Later downloads read the file.

A file belongs to a data version read from the database on every download, in a few aggregate
queries over what the export reads: the number, highest id and latest change of each table, so that
any row added or deleted changes it; which locations are public, area-only, on request or online (a
location has no timestamp of its own); the audit log of the directory and the admin's log, which
every edit through the workspace, an import or the admin adds to; the freshness command's hidden
groups; and every column of the small theme and language tables. The version also covers the code and the translations that shape the export,
and the file is per language and per site address (the group page URLs in it).
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.db.models import Count, Max, Q, Sum

from samenspel.core.models import AuditEntry
from samenspel.directory.models import (
    Cancellation,
    Disclosure,
    Group,
    Language,
    Location,
    Organisation,
    Schedule,
    Theme,
)

BUILDING = ".building-"  # a file being written; renamed into place when complete
ABANDONED_AFTER = 3600  # seconds after which a file still being written is taken to be left over from a crash

# Objects whose audit entries change what the export shows.
AUDITED = [
    model._meta.label_lower for model in (Group, Organisation, Location, Schedule, Cancellation, Theme, Language)
] + ["directory.groupfreshness"]


def export_dir() -> Path:
    return Path(settings.OPENDATA_EXPORT_DIR)


def data_version() -> str:
    """A token that changes whenever what the export reads changes (see the module's docstring)."""
    counted = {"n": Count("pk"), "last": Max("pk")}
    facts: list[object] = [
        Group.objects.aggregate(
            **counted,
            changed=Max("updated_at"),
            hidden=Count("freshness__hidden_at"),
            last_hidden=Max("freshness__hidden_at"),
        ),
        Organisation.objects.aggregate(**counted, changed=Max("updated_at")),
    ]
    # Which locations have which disclosure: a location made area-only must never stay public in a kept file.
    by_disclosure = {f"ids_{d}": Sum("pk", filter=Q(disclosure=d)) for d in Disclosure.values}
    facts.append(Location.objects.aggregate(**counted, **by_disclosure))
    for model in (Schedule, Cancellation, Group.themes.through, Group.languages.through):
        facts.append(model.objects.aggregate(**counted))
    facts.append(AuditEntry.objects.filter(object_type__in=AUDITED).aggregate(last=Max("pk")))
    facts.append(
        LogEntry.objects.filter(
            Q(content_type__app_label="directory") | Q(content_type__app_label="workspace")
        ).aggregate(last=Max("pk"))
    )
    for small in (Theme, Language):
        # Every column as stored (each translation its own), not the active language's texts.
        facts.append(list(small.objects.order_by("pk").rewrite(False).values_list()))
    return hashlib.sha256(repr(facts).encode()).hexdigest()


@functools.cache
def code_version() -> str:
    """The code and the compiled translations that shape the export, as they are in this process."""
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for path in sorted([*(root / "samenspel").rglob("*.py"), *(root / "locale").rglob("*.mo")]):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def version() -> str:
    return hashlib.sha256(f"{data_version()}:{code_version()}".encode()).hexdigest()[:32]


def path_for(kind: str, *, language: str, base_url: str) -> Path:
    """Where the download of this kind ("zip", "json") in this language for this site is kept."""
    variant = hashlib.sha256(f"{language}\n{base_url}".encode()).hexdigest()[:16]
    return export_dir() / f"{version()}-{variant}.{kind}"


def open_kept(path: Path) -> IO[bytes] | None:
    """The kept file, open for reading, or None when there is none (yet, or any more)."""
    try:
        return path.open("rb")
    except FileNotFoundError:
        return None


def keep(path: Path, pieces: Iterator[bytes]) -> Iterator[bytes]:
    """Yield the pieces, writing them to `path` on the way; the file appears only once all are written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, building = tempfile.mkstemp(dir=path.parent, prefix=BUILDING, suffix=path.suffix)
    complete = False
    try:
        with os.fdopen(fd, "wb") as out:
            for piece in pieces:
                out.write(piece)
                yield piece
        os.replace(building, path)
        complete = True
    finally:
        if not complete:
            Path(building).unlink(missing_ok=True)
    # The version as it is now: if the map changed while this file was written, it goes too.
    forget_all_but(version())


def forget_all_but(current: str) -> None:
    """Remove the downloads of other versions (a reader that has one open keeps reading it) and leftovers."""
    now = time.time()
    for path in export_dir().iterdir():
        try:
            if path.name.startswith(BUILDING):
                stale = now - path.stat().st_mtime > ABANDONED_AFTER
            else:
                stale = not path.name.startswith(current + "-")
            if stale:
                path.unlink(missing_ok=True)
        except FileNotFoundError:
            continue  # removed by another download meanwhile

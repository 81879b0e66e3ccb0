"""The whole public map as an HSDS datapackage: CSV tables + datapackage.json, or one JSON file.

Streamed: rows are read in chunks (QuerySet.iterator) and written as they
come, so memory stays flat however many groups there are. Uses the same
mapping as the API (hsds.py), so disclosure rules are the same.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from django.http import HttpRequest

from samenspel.opendata import hsds

CHUNK = 500

# HSDS tables (names as in the specification's examples/csv) and their columns; profile columns last.
TABLES: dict[str, tuple[str, ...]] = {
    "organizations": ("id", "name", "description", "email", "website", "organization_kind", "translations"),
    "services": (
        "id",
        "organization_id",
        "name",
        "description",
        "url",
        "email",
        "status",
        "application_process",
        "fees_description",
        "eligibility_description",
        "minimum_age",
        "maximum_age",
        "assured_date",
        "last_modified",
        "audience",
        "gender",
        "intake",
        "lifecycle_stage",
        "group_kind",
        "working_method",
        "led_by",
        "typical_size",
        "house_rules",
        "translations",
    ),
    "locations": ("id", "location_type", "name", "latitude", "longitude", "disclosure"),
    "addresses": (
        "id",
        "location_id",
        "address_1",
        "city",
        "state_province",
        "postal_code",
        "country",
        "address_type",
    ),
    "accessibility": ("id", "location_id", "description"),
    "service_at_location": ("id", "service_id", "location_id"),
    "phones": ("id", "service_id", "organization_id", "contact_id", "number", "type"),
    "contacts": ("id", "service_id", "name", "email"),
    "languages": ("id", "service_id", "name", "code"),
    "schedules": (
        "id",
        "service_id",
        "valid_from",
        "valid_to",
        "dtstart",
        "until",
        "wkst",
        "freq",
        "interval",
        "byday",
        "bymonthday",
        "description",
        "opens_at",
        "closes_at",
        "notes",
        "cancelled_dates",
    ),
    "cost_options": ("id", "service_id", "currency", "amount", "amount_description"),
    "attributes": ("id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"),
    "taxonomies": ("id", "name", "description", "version"),
    "taxonomy_terms": ("id", "code", "name", "description", "parent_id", "taxonomy", "taxonomy_id", "translations"),
}


def _url_for(base_url: str) -> hsds.UrlFor:
    return lambda path: base_url.rstrip("/") + path


def services(base_url: str) -> Iterator[dict[str, Any]]:
    """Every public service, fully nested: groups in chunks, each chunk's related rows in four queries."""
    render = _url_for(base_url)
    vocabulary = hsds.Vocabulary()
    places: dict[int, dict[str, Any]] = {}  # about one place per five groups: bounded by the map's places
    chunk: list[Any] = []
    groups = hsds.services_query().select_related("location").iterator(chunk_size=CHUNK)
    while True:
        chunk = list(itertools.islice(groups, CHUNK))
        if not chunk:
            return
        related = hsds.related_rows([g.pk for g in chunk], vocabulary)
        for group in chunk:
            yield hsds.service_full(group, render, related[group.pk], places)


def organizations() -> Iterator[dict[str, Any]]:
    for org in hsds.organizations_query().iterator(chunk_size=CHUNK):
        yield hsds.organization(org)


def taxonomy_terms() -> Iterator[dict[str, Any]]:
    for theme in hsds.themes_query().iterator(chunk_size=CHUNK):
        yield hsds.taxonomy_term(theme, theme.parent.slug if theme.parent else None)


def _cell(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else ""
    return "" if value is None else value


class Tables:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[str, IO[str]] = {}
        self.writers: dict[str, Any] = {}
        for name, columns in TABLES.items():
            fh = (folder / f"{name}.csv").open("w", encoding="utf-8", newline="")
            writer = csv.writer(fh)
            writer.writerow(columns)
            self.files[name], self.writers[name] = fh, writer

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.writers[table].writerow([_cell(row.get(column)) for column in TABLES[table]])

    def close(self) -> None:
        for fh in self.files.values():
            fh.close()


def write_csv(folder: Path, *, base_url: str) -> dict[str, int]:
    """The tabular datapackage: one CSV per HSDS table and datapackage.json. Returns row counts."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = Tables(folder)
    counts = dict.fromkeys(TABLES, 0)

    def add(table: str, row: dict[str, Any]) -> None:
        tables.add(table, row)
        counts[table] += 1

    seen_locations: set[str] = set()  # locations are shared by groups: write each once
    try:
        for org in organizations():
            add("organizations", org)
            for phone in org.get("phones", []):
                add("phones", phone)
        add("taxonomies", hsds.taxonomy())
        for term in taxonomy_terms():
            add("taxonomy_terms", term)
        for service in services(base_url):
            add("services", service)
            for sal in service["service_at_locations"]:
                add("service_at_location", sal)
                location = sal["location"]
                if location["id"] not in seen_locations:
                    seen_locations.add(location["id"])
                    add("locations", location)
                    for address in location.get("addresses", []):
                        add("addresses", address)
                    for item in location.get("accessibility", []):
                        add("accessibility", item)
            for contact in service["contacts"]:
                add("contacts", contact)
                for phone in contact.get("phones", []):
                    add("phones", phone)
            for phone in service.get("phones", []):
                add("phones", phone)
            for key, table in (
                ("languages", "languages"),
                ("schedules", "schedules"),
                ("attributes", "attributes"),
                ("cost_options", "cost_options"),
            ):
                for row in service.get(key, []):
                    add(table, row)
    finally:
        tables.close()
    (folder / "datapackage.json").write_text(json.dumps(datapackage(), indent=2) + "\n", encoding="utf-8")
    return counts


def datapackage() -> dict[str, Any]:
    return {
        "name": "samenspel-hsds",
        "title": "Samenspel: the social map of peer support (HSDS 3.0, Samenspel profile)",
        "profile": "tabular-data-package",
        "resources": [
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": [{"name": column, "type": "string"} for column in columns]},
            }
            for name, columns in TABLES.items()
        ],
    }


def iter_json(*, base_url: str, counts: dict[str, int] | None = None) -> Iterator[str]:
    """One JSON document {"services": [...fully nested...], "organizations": [...], ...}, piece by piece."""
    counts = {} if counts is None else counts
    sections: tuple[tuple[str, Iterator[dict[str, Any]]], ...] = (
        ("organizations", organizations()),
        ("taxonomies", iter([hsds.taxonomy()])),
        ("taxonomy_terms", taxonomy_terms()),
        ("services", services(base_url)),
    )
    yield '{"hsds_version": ' + json.dumps(hsds.HSDS_VERSION)
    for name, items in sections:
        yield f',\n"{name}": ['
        counts[name] = 0
        for item in items:
            yield ("\n" if counts[name] == 0 else ",\n") + json.dumps(item, ensure_ascii=False, sort_keys=True)
            counts[name] += 1
        yield "\n]"
    yield "}\n"


def write_json(out: IO[str], *, base_url: str) -> dict[str, int]:
    """The JSON document written to a file as it is made. Returns counts per section."""
    counts: dict[str, int] = {}
    for piece in iter_json(base_url=base_url, counts=counts):
        out.write(piece)
    return counts


class _Pipe(io.RawIOBase):
    """An unseekable sink for zipfile: what it receives is handed on in pieces, never kept whole."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.chunks.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data = b"".join(self.chunks)
        self.chunks.clear()
        return data


def iter_zip(*, base_url: str) -> Iterator[bytes]:
    """The CSV datapackage as a zip, streamed: the tables go to a temporary folder first (disk, not memory)."""
    folder = Path(tempfile.mkdtemp(prefix="hsds-zip-"))
    try:
        write_csv(folder, base_url=base_url)
        pipe = _Pipe()
        with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for path in sorted(folder.iterdir()):
                with path.open("rb") as src, archive.open(path.name, "w", force_zip64=True) as dest:
                    while chunk := src.read(1 << 16):
                        dest.write(chunk)
                        if data := pipe.take():
                            yield data
        yield pipe.take()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def base_url_of(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")

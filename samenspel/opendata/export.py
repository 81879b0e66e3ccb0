"""The whole public map as an HSDS datapackage: CSV tables + datapackage.json, or one JSON file.

Streamed: rows are read in chunks (QuerySet.iterator) and written as they
come, so memory stays flat however many groups there are. Uses the same
mapping as the API (hsds.py), so disclosure rules are the same.
"""

from __future__ import annotations

import io
import json
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from django.http import HttpRequest

from samenspel.opendata import extra, hsds

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
        "website",
        "activity",
        "one_to_one",
        "phone_contact",
        "hybrid",
        "next_intake_date",
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
        "service_at_location_id",
        "location_id",
    ),
    "cost_options": ("id", "service_id", "currency", "amount", "amount_description"),
    "attributes": ("id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"),
    "taxonomies": ("id", "name", "description", "version"),
    "taxonomy_terms": ("id", "code", "name", "description", "parent_id", "taxonomy", "taxonomy_id", "translations"),
}


def _url_for(base_url: str) -> hsds.UrlFor:
    return lambda path: base_url.rstrip("/") + path


def services(base_url: str) -> Iterator[dict[str, Any]]:
    """Every public service, fully nested: groups in chunks, read as rows (hsds.service_rows)."""
    render = _url_for(base_url)
    texts = hsds.Texts()
    vocabulary = hsds.Vocabulary(texts)
    shared = hsds.Shared()
    for group, related in hsds.service_rows(vocabulary, shared, CHUNK):
        yield hsds.service_full(group, render, texts, related, shared)
    yield from extra.services(render, texts)  # the help beside the groups other rooms keep (opendata/extra.py)


def organizations() -> Iterator[dict[str, Any]]:
    for org in hsds.organization_rows(hsds.Texts(), CHUNK):
        yield hsds.organization(org)


def taxonomy_terms() -> Iterator[dict[str, Any]]:
    for theme in hsds.themes_query().iterator(chunk_size=CHUNK):
        yield hsds.taxonomy_term(theme, theme.parent.slug if theme.parent else None)


# The text of json.dumps(value, ensure_ascii=False, sort_keys=True), with one encoder for every call, and
# without looking for cycles (a fifth of the time): the objects are trees that hsds.py has just built.
_dumps = json.JSONEncoder(ensure_ascii=False, sort_keys=True, check_circular=False).encode


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (dict, list)):
        return _dumps(value) if value else ""
    return "" if value is None else str(value)


def _quoted(text: str) -> str:
    if '"' in text:
        return '"' + text.replace('"', '""') + '"'
    if "," in text or "\n" in text or "\r" in text:
        return '"' + text + '"'
    return text


class Tables:
    """The CSV tables, written as csv.writer writes them (excel dialect: minimal quoting, quotes doubled).

    By hand because csv.writer looks at long texts one character at a time (a service row carries its
    descriptions in nine languages): a line is joined first, and only a line with a comma too many,
    a quote or a line break has its cells quoted one by one.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[str, IO[str]] = {}
        for name, columns in TABLES.items():
            fh = (folder / f"{name}.csv").open("w", encoding="utf-8", newline="", buffering=1 << 16)
            self.files[name] = fh
            self._write(name, columns)

    def _write(self, table: str, values: Iterable[Any]) -> None:
        cells = [value if value.__class__ is str else _text(value) for value in values]
        line = ",".join(cells)
        if line.count(",") >= len(cells) or '"' in line or "\n" in line or "\r" in line:
            line = ",".join(map(_quoted, cells))
        self.files[table].write(line + "\r\n")

    def add(self, table: str, row: dict[str, Any]) -> None:
        self._write(table, map(row.get, TABLES[table]))

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


class _ServiceEncoder:
    """_dumps(service), with what many services nest encoded once and reused: the provider, the place
    and the terms of the themes are a third of the document. The text is the same as _dumps gives.

    The nested objects are swapped for a marker (a string starting with NUL, which no text in the
    database holds: PostgreSQL refuses it), the service is encoded, and the markers are replaced.
    """

    MARK = "\x00samenspel-shared:"
    ENCODED_MARK = _dumps(MARK)[:-1]  # the marker's opening quote and text, as it appears in _dumps' output
    REMEMBERED = 50_000  # encodings kept at most (a place or a provider: about a kilobyte each)

    def __init__(self) -> None:
        self.known: dict[str, str] = {}
        self.marked: list[str] = []

    def _mark(self, kind: str, obj: dict[str, Any]) -> str:
        # An id stands for the same object throughout one export.
        key = f"{kind}:{obj['id']}"
        if key not in self.known:
            self.known[key] = _dumps(obj)
        self.marked.append(key)
        return self.MARK + key

    def encode(self, service: dict[str, Any]) -> str:
        if len(self.known) > self.REMEMBERED:
            self.known.clear()
        self.marked.clear()
        marked = dict(service)
        if "organization" in service:
            marked["organization"] = self._mark("organization", service["organization"])
        marked["service_at_locations"] = [
            {**link, "location": self._mark("location", link["location"])} for link in service["service_at_locations"]
        ]
        marked["attributes"] = [
            {**attribute, "taxonomy_term": self._mark("term", attribute["taxonomy_term"])}
            for attribute in service["attributes"]
        ]
        text = _dumps(marked)
        for key in self.marked:
            text = text.replace(f'{self.ENCODED_MARK}{key}"', self.known[key], 1)
        return text


def iter_json(*, base_url: str, counts: dict[str, int] | None = None) -> Iterator[str]:
    """One JSON document {"services": [...fully nested...], "organizations": [...], ...}, piece by piece."""
    counts = {} if counts is None else counts
    sections: tuple[tuple[str, Iterator[dict[str, Any]], Callable[[dict[str, Any]], str]], ...] = (
        ("organizations", organizations(), _dumps),
        ("taxonomies", iter([hsds.taxonomy()]), _dumps),
        ("taxonomy_terms", taxonomy_terms(), _dumps),
        ("services", services(base_url), _ServiceEncoder().encode),
    )
    yield '{"hsds_version": ' + json.dumps(hsds.HSDS_VERSION)
    for name, items, encode in sections:
        yield f',\n"{name}": ['
        counts[name] = 0
        for item in items:
            yield ("\n" if counts[name] == 0 else ",\n") + encode(item)
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

"""Reading HSDS input into one shape: organizations, taxonomy terms and fully nested services.

Accepted: the tabular datapackage (a folder or a .zip with datapackage.json and
CSV tables), HSDS JSON as another directory publishes it (a list of services,
an HSDA page, one service, one organization with its services) and our own
JSON export. Size is checked while reading, before anything is parsed whole.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.utils.translation import gettext as _

from samenspel.core.text import storable

Json = dict[str, Any]

# Tables of the tabular form that carry what Samenspel imports.
TABLE_NAMES = (
    "organizations",
    "services",
    "service_at_location",
    "locations",
    "addresses",
    "accessibility",
    "phones",
    "contacts",
    "languages",
    "schedules",
    "attributes",
    "taxonomy_terms",
    "cost_options",
)
CHUNK = 1 << 16


def max_bytes() -> int:
    return int(getattr(settings, "OPENDATA_IMPORT_MAX_BYTES", 50 * 2**20))


class ImportRefused(Exception):
    """The input as a whole cannot be read (too big, not HSDS, not JSON): nothing is imported."""

    def __init__(self, message: str, *, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclasses.dataclass
class Problem:
    record_type: str
    record_id: str
    field: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return dataclasses.asdict(self)


@dataclasses.dataclass
class Package:
    organizations: list[Json] = dataclasses.field(default_factory=list)
    taxonomy_terms: list[Json] = dataclasses.field(default_factory=list)
    services: list[Json] = dataclasses.field(default_factory=list)
    problems: list[Problem] = dataclasses.field(default_factory=list)


def too_big(limit: int) -> ImportRefused:
    return ImportRefused(
        _("The file is larger than %(mb)s MB: split it, or import the tabular datapackage.")
        % {"mb": round(limit / 2**20)},
        status=413,
    )


def read_limited(stream: IO[bytes], limit: int | None = None) -> bytes:
    """Read at most `limit` bytes; refuse as soon as there is more, without reading the rest."""
    limit = max_bytes() if limit is None else limit
    buffer = io.BytesIO()
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            return buffer.getvalue()
        buffer.write(chunk)
        if buffer.tell() > limit:
            raise too_big(limit)


def read_path(path: Path, limit: int | None = None) -> Package:
    limit = max_bytes() if limit is None else limit
    if path.is_dir():
        return read_tabular(_FolderSource(path, limit))
    if not path.is_file():
        raise ImportRefused(_("No such file or folder: %(path)s") % {"path": path})
    if path.stat().st_size > limit:
        raise too_big(limit)
    with path.open("rb") as fh:
        return read_bytes(read_limited(fh, limit), limit)


def read_bytes(data: bytes, limit: int | None = None) -> Package:
    limit = max_bytes() if limit is None else limit
    if len(data) > limit:
        raise too_big(limit)
    if data[:4] == b"PK\x03\x04":
        return _read_zip(data, limit)
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportRefused(_("The file is not UTF-8 text, a JSON document or a zip.")) from None
    except json.JSONDecodeError as exc:
        raise ImportRefused(
            _("The file is not valid JSON (line %(line)s, column %(column)s: %(error)s).")
            % {"line": exc.lineno, "column": exc.colno, "error": exc.msg}
        ) from None
    return read_json(document)


# --- JSON -----------------------------------------------------------------------


def _is_organization(item: Json) -> bool:
    return isinstance(item.get("services"), list) and "organization_id" not in item


def _storable_json(value: Any) -> Any:
    """Every text made storable: a JSON "\\ud800" escape decodes to a lone surrogate no database takes."""
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, dict):
        return {storable(str(k)): _storable_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_storable_json(v) for v in value]
    return value


def read_json(document: Any) -> Package:
    document = _storable_json(document)
    package = Package()
    items: list[Any]
    if isinstance(document, list):
        items = document
    elif isinstance(document, dict) and isinstance(document.get("contents"), list):
        items = document["contents"]  # an HSDA page
    elif isinstance(document, dict) and "id" not in document and isinstance(document.get("services"), list):
        # A bundle: our own export ({"organizations": [...], "taxonomy_terms": [...], "services": [...]}).
        for key in ("organizations", "taxonomy_terms", "services"):
            value = document.get(key, [])
            if not isinstance(value, list):
                package.problems.append(Problem(key, "", key, _("Expected a list.")))
                continue
            for item in value:
                if not isinstance(item, dict):
                    package.problems.append(Problem(key, "", "", _("Expected an object.")))
                    continue
                getattr(package, key).append(item)
        return package
    elif isinstance(document, dict):
        items = [document]
    else:
        raise ImportRefused(_("The JSON is neither an HSDS object nor a list of them."))
    for item in items:
        if not isinstance(item, dict):
            package.problems.append(Problem("service", "", "", _("Expected an object.")))
        elif _is_organization(item):
            org = {k: v for k, v in item.items() if k != "services"}
            package.organizations.append(org)
            for service in item["services"]:
                if isinstance(service, dict):
                    package.services.append({"organization_id": item.get("id"), **service})
                else:
                    package.problems.append(Problem("service", "", "", _("Expected an object.")))
        else:
            package.services.append(item)
    return package


# --- The tabular form ---------------------------------------------------------------


class _Source:
    limit: int

    def names(self) -> set[str]:
        raise NotImplementedError

    def open(self, name: str) -> IO[bytes]:
        raise NotImplementedError


class _FolderSource(_Source):
    def __init__(self, folder: Path, limit: int) -> None:
        self.folder, self.limit = folder, limit
        total = sum(p.stat().st_size for p in folder.glob("*.csv"))
        if total > limit:
            raise too_big(limit)

    def names(self) -> set[str]:
        return {p.name for p in self.folder.iterdir() if p.is_file()}

    def open(self, name: str) -> IO[bytes]:
        return (self.folder / name).open("rb")


class _ZipSource(_Source):
    def __init__(self, archive: zipfile.ZipFile, prefix: str, limit: int) -> None:
        self.archive, self.prefix, self.limit = archive, prefix, limit
        # Uncompressed sizes count, so a small zip that unpacks to gigabytes is refused too.
        if sum(i.file_size for i in archive.infolist()) > limit:
            raise too_big(limit)

    def names(self) -> set[str]:
        return {n[len(self.prefix) :] for n in self.archive.namelist() if n.startswith(self.prefix)}

    def open(self, name: str) -> IO[bytes]:
        return self.archive.open(self.prefix + name)


def _read_zip(data: bytes, limit: int) -> Package:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
    except zipfile.BadZipFile:
        raise ImportRefused(_("The zip file is damaged.")) from None
    for name in sorted(names, key=len):
        if name.endswith("datapackage.json") or name.endswith("services.csv"):
            prefix = name.rsplit("/", 1)[0] + "/" if "/" in name else ""
            return read_tabular(_ZipSource(archive, prefix, limit))
    jsons = [n for n in names if n.endswith(".json")]
    if len(jsons) == 1:
        with archive.open(jsons[0]) as fh:
            return read_bytes(read_limited(fh, limit), limit)
    raise ImportRefused(_("The zip holds neither a datapackage (datapackage.json, services.csv) nor one JSON file."))


def _rows(source: _Source, table: str, package: Package) -> list[Json]:
    name = f"{table}.csv"
    if name not in source.names():
        return []
    with source.open(name) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        try:
            reader = csv.DictReader(text)
            rows = []
            for row in reader:
                # Empty cells are missing values; None keys are cells beyond the header.
                rows.append({k: storable(v) for k, v in row.items() if k and v not in ("", None)})
            return rows
        except (UnicodeDecodeError, csv.Error) as exc:
            package.problems.append(
                Problem(table, "", "", _("Cannot read %(name)s: %(error)s") % {"name": name, "error": exc})
            )
            return []


def _by_id(rows: Iterable[Json], table: str, package: Package) -> dict[str, Json]:
    result: dict[str, Json] = {}
    for row in rows:
        row_id = row.get("id", "")
        if not row_id:
            package.problems.append(Problem(table, "", "id", _("A row without an id.")))
        elif row_id in result:
            package.problems.append(Problem(table, row_id, "id", _("This id occurs more than once.")))
        else:
            result[row_id] = row
    return result


def _children(rows: Iterable[Json], key: str) -> dict[str, list[Json]]:
    found: dict[str, list[Json]] = {}
    for row in rows:
        if row.get(key):
            found.setdefault(row[key], []).append(row)
    return found


def read_tabular(source: _Source) -> Package:
    package = Package()
    names = source.names()
    if "services.csv" not in names:
        raise ImportRefused(_("The datapackage has no services.csv."))
    t = {table: _rows(source, table, package) for table in TABLE_NAMES}
    services = _by_id(t["services"], "service", package)
    locations = _by_id(t["locations"], "location", package)
    orgs = _by_id(t["organizations"], "organization", package)
    terms = _by_id(t["taxonomy_terms"], "taxonomy_term", package)
    contacts = _by_id(t["contacts"], "contact", package)
    sals = _by_id(t["service_at_location"], "service_at_location", package)
    for table in ("phones", "languages", "schedules", "cost_options", "addresses", "accessibility", "attributes"):
        _by_id(t[table], table.rstrip("s") if table != "accessibility" else table, package)

    def check_ref(table: str, rows: Iterable[Json], key: str, known: dict[str, Json], label: str) -> None:
        for row in rows:
            ref = row.get(key)
            if ref and ref not in known:
                package.problems.append(
                    Problem(
                        table,
                        row.get("id", ""),
                        key,
                        _("Refers to %(what)s %(id)s, which is not in the file.") % {"what": label, "id": ref},
                    )
                )

    check_ref("service_at_location", sals.values(), "service_id", services, "service")
    check_ref("service_at_location", sals.values(), "location_id", locations, "location")
    for table in ("contacts", "languages", "cost_options"):
        check_ref(table, t[table], "service_id", services, "service")
    check_ref("schedules", t["schedules"], "service_id", services, "service")
    check_ref("phones", t["phones"], "service_id", services, "service")
    check_ref("addresses", t["addresses"], "location_id", locations, "location")
    check_ref("accessibility", t["accessibility"], "location_id", locations, "location")
    check_ref(
        "attributes",
        [a for a in t["attributes"] if a.get("link_entity", "service") == "service"],
        "link_id",
        services,
        "service",
    )

    addresses = _children(t["addresses"], "location_id")
    accessibility = _children(t["accessibility"], "location_id")
    located = _children(sals.values(), "service_id")
    by_contact = _children(t["phones"], "contact_id")
    service_phones = _children([p for p in t["phones"] if not p.get("contact_id")], "service_id")
    org_phones = _children(
        [p for p in t["phones"] if not p.get("service_id") and not p.get("contact_id")], "organization_id"
    )
    service_contacts = _children(contacts.values(), "service_id")
    languages = _children(t["languages"], "service_id")
    schedules = _children(t["schedules"], "service_id")
    costs = _children(t["cost_options"], "service_id")
    attributes = _children(t["attributes"], "link_id")

    for org_id, org in orgs.items():
        package.organizations.append({**org, "phones": org_phones.get(org_id, [])})
    package.taxonomy_terms.extend(terms.values())
    for service_id, row in services.items():
        nested_sals = []
        for sal in located.get(service_id, []):
            loc = locations.get(sal.get("location_id", ""))
            if loc is None:
                continue
            loc_id = loc["id"]
            nested_sals.append(
                {
                    **sal,
                    "location": {
                        **loc,
                        "addresses": addresses.get(loc_id, []),
                        "accessibility": accessibility.get(loc_id, []),
                    },
                }
            )
        package.services.append(
            {
                **row,
                "service_at_locations": nested_sals,
                "phones": service_phones.get(service_id, []),
                "contacts": [
                    {**c, "phones": by_contact.get(c["id"], [])} for c in service_contacts.get(service_id, [])
                ],
                "languages": languages.get(service_id, []),
                "schedules": schedules.get(service_id, []),
                "cost_options": costs.get(service_id, []),
                "attributes": [
                    a for a in attributes.get(service_id, []) if a.get("link_entity", "service") == "service"
                ],
            }
        )
    return package

"""Importing HSDS: our own export back (round trip), another directory's data, and bad input that writes nothing."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samenspel.directory.models import (
    Group,
    Location,
    Organisation,
    OrganisationKind,
    SearchDocument,
    Theme,
)
from samenspel.opendata import export, ids, importer, reader
from tests.opendata.conftest import HSDS_DIR


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    # Some tests read the importer's English messages.
    with translation.override("en"):
        yield


pytestmark = pytest.mark.django_db
BASE = "https://samenspel.example.org/"


def tables(folder: Path) -> dict[str, list[dict[str, str]]]:
    """Every CSV table, without the one field allowed to differ (the moment of the last change)."""
    result = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            result[path.stem] = [{k: v for k, v in row.items() if k != "last_modified"} for row in csv.DictReader(fh)]
    return result


def json_export() -> dict[str, Any]:
    out = io.StringIO()
    export.write_json(out, base_url=BASE)
    document = json.loads(out.getvalue())
    for service in document["services"]:
        service.pop("last_modified", None)
    return document


def empty_the_map() -> None:
    """Delete every directory row (the reference themes and languages stay, as on any fresh install)."""
    from samenspel.core.audit import AuditEntry

    AuditEntry.objects.all().delete()
    Group.objects.all().delete()
    Location.objects.all().delete()
    Organisation.objects.all().delete()
    assert not SearchDocument.objects.exists()


def busiest_support_point() -> Organisation:
    return (
        Organisation.objects.support_points().annotate(n=Count("supported_groups")).order_by("-n").first()  # type: ignore[return-value]
    )


def run(
    path_or_package: Path | reader.Package, support_point: Organisation, *, commit: bool, **kw: Any
) -> importer.Report:
    package = reader.read_path(path_or_package) if isinstance(path_or_package, Path) else path_or_package
    return importer.Importer(support_point=support_point, **kw).run(package, commit=commit)


def test_an_exported_map_imported_into_an_empty_database_exports_identically(
    tmp_path: Path, small_demo: dict[str, int], django_capture_on_commit_callbacks: Any
) -> None:
    export.write_csv(tmp_path / "first", base_url=BASE)
    first_json = json_export()
    sp_id = str(busiest_support_point().uuid)
    public_groups = Group.objects.public().count()
    empty_the_map()

    package = reader.read_path(tmp_path / "first")
    support_point = importer.support_point_for(sp_id, package)
    assert support_point is not None
    with django_capture_on_commit_callbacks(execute=True):
        report = importer.Importer(support_point=support_point, scoped=False).run(package, commit=True)
    assert report.errors == [], report.errors[:5]
    assert report.committed
    assert report.created["services"] == public_groups

    export.write_csv(tmp_path / "second", base_url=BASE)
    first, second = tables(tmp_path / "first"), tables(tmp_path / "second")
    for table in first:
        assert first[table] == second[table], table
    assert json_export() == first_json
    # The search index is current: every imported public group can be found.
    assert SearchDocument.objects.count() == public_groups
    assert set(Group.objects.values_list("support_point__uuid", flat=True)) == {support_point.uuid}


def test_our_json_export_imports_too_and_a_second_import_updates_instead_of_duplicating(
    tmp_path: Path, small_demo: dict[str, int]
) -> None:
    path = tmp_path / "export.json"
    with path.open("w", encoding="utf-8") as fh:
        export.write_json(fh, base_url=BASE)
    before = json_export()
    sp_id = str(busiest_support_point().uuid)
    empty_the_map()
    support_point = importer.support_point_for(sp_id, reader.read_path(path))
    assert support_point is not None
    first = run(path, support_point, commit=True, scoped=False)
    assert first.errors == [] and first.created["services"] > 0
    counts = (Group.objects.count(), Location.objects.count(), Organisation.objects.count())

    again = run(path, Organisation.objects.get(uuid=support_point.uuid), commit=True, scoped=False)
    assert again.errors == []
    assert again.created.get("services", 0) == 0 and again.updated["services"] == first.created["services"]
    assert (Group.objects.count(), Location.objects.count(), Organisation.objects.count()) == counts
    assert json_export() == before


def another_directory(**service_changes: Any) -> list[dict[str, Any]]:
    """A municipal social map's HSDS JSON: its own ids, its own taxonomy."""
    service = {
        "id": "gemeente-42",
        "name": "Praatgroep mantelzorgers",
        "description": "Elke maand samen praten over zorgen voor een naaste.",
        "email": "mantelzorg@gemeente.example.nl",
        "status": "active",
        "minimum_age": 18,
        "organization": {"id": "org-7", "name": "Welzijn Oost", "email": "info@welzijn.example.nl"},
        "organization_id": "org-7",
        "attributes": [
            {
                "id": "attr-1",
                "taxonomy_term_id": "term-mz",
                "taxonomy_term": {"id": "term-mz", "code": "MZ", "name": "Mantelzorg"},
            }
        ],
        "languages": [{"id": "l1", "code": "nl", "name": "Nederlands"}],
        "service_at_locations": [
            {
                "id": "sal-1",
                "location": {
                    "id": "loc-9",
                    "name": "Wijkcentrum De Kroon",
                    "location_type": "physical",
                    "addresses": [
                        {
                            "id": "a1",
                            "address_1": "Kroonstraat 1",
                            "postal_code": "5611 AB",
                            "city": "Eindhoven",
                            "country": "NL",
                        }
                    ],
                },
            }
        ],
        "schedules": [{"id": "s1", "freq": "MONTHLY", "byday": "2TU", "opens_at": "19:30", "closes_at": "21:00"}],
    }
    service.update(service_changes)
    return [service]


def package_of(document: Any) -> reader.Package:
    return reader.read_bytes(json.dumps(document).encode())


def test_unknown_terms_are_listed_with_suggestions_and_need_a_mapping(
    reference: None, support_point: Organisation
) -> None:
    report = run(package_of(another_directory()), support_point, commit=True)
    assert not report.committed and not Group.objects.exists()
    (term,) = report.unknown_terms
    assert term["id"] == "term-mz" and term["name"] == "Mantelzorg"
    assert term["suggestions"], "a Dutch theme label close to 'Mantelzorg' is suggested"
    assert any(e.record_type == "taxonomy_term" and e.record_id == "term-mz" for e in report.errors)

    theme = Theme.objects.get(slug=term["suggestions"][0])
    report = run(package_of(another_directory()), support_point, commit=True, mapping={"MZ": theme.slug})
    assert report.errors == [] and report.committed
    group = Group.objects.get(source_id="gemeente-42")
    assert list(group.themes.all()) == [theme]
    assert group.support_point == support_point
    assert group.organisation is not None and group.organisation.source_id == "org-7"
    assert group.location is not None and group.location.street == "Kroonstraat 1"
    schedule = group.schedules.get()
    assert (schedule.kind, schedule.nth, schedule.weekdays) == ("monthly_nth_weekday", 2, [1])


def test_a_second_import_of_another_directory_updates_the_same_rows(
    reference: None, support_point: Organisation
) -> None:
    mapping = {"term-mz": "caregivers"}
    assert run(package_of(another_directory()), support_point, commit=True, mapping=mapping).committed
    report = run(
        package_of(another_directory(name="Praatgroep voor mantelzorgers")), support_point, commit=True, mapping=mapping
    )
    assert report.committed and report.updated["services"] == 1 and not report.created.get("services")
    assert Group.objects.get(source_id="gemeente-42").name_nl == "Praatgroep voor mantelzorgers"
    assert Group.objects.count() == 1 and Location.objects.count() == 1


def test_a_dry_run_reports_what_it_would_do_and_writes_nothing(reference: None, support_point: Organisation) -> None:
    report = run(
        package_of(another_directory()), support_point, commit=False, mapping={"*": "depression", "term-mz": "-"}
    )
    assert report.errors == [] and report.dry_run and not report.committed
    assert report.created["services"] == 1 and report.created["locations"] == 1
    assert not Group.objects.exists() and not Location.objects.filter(source_id="loc-9").exists()


@pytest.mark.parametrize(
    ("changes", "record_type", "field"),
    [
        ({"minimum_age": "eighteen"}, "service", "minimum_age"),
        ({"name": ["not", "text"]}, "service", "name"),
        ({"organization_id": "nowhere", "organization": None}, "service", "organization_id"),
        ({"schedules": "weekly"}, "service", "schedules"),
        ({"email": "", "organization": None, "organization_id": ""}, "service", "email"),
        ({"lifecycle_stage": "flourishing"}, "service", "lifecycle_stage"),
    ],
)
def test_bad_records_get_an_error_each_and_nothing_is_written(
    reference: None, support_point: Organisation, changes: dict[str, Any], record_type: str, field: str
) -> None:
    good = another_directory(id="good-1")[0]
    document = [good, *another_directory(**changes)]
    report = run(package_of(document), support_point, commit=True, mapping={"*": "depression", "term-mz": "-"})
    assert not report.committed
    assert any((e.record_type, e.record_id, e.field) == (record_type, "gemeente-42", field) for e in report.errors), (
        report.errors
    )
    assert not Group.objects.exists() and not Organisation.objects.filter(source_id="org-7").exists()


def test_duplicate_ids_and_unknown_term_references_are_errors(reference: None, support_point: Organisation) -> None:
    twice = another_directory() + another_directory()
    dangling = another_directory(id="other", attributes=[{"id": "attr-9", "taxonomy_term_id": "no-such-term"}])
    report = run(package_of(twice + dangling), support_point, commit=True, mapping={"term-mz": "-", "*": "depression"})
    problems = {(e.record_type, e.record_id, e.field) for e in report.errors}
    assert ("service", "gemeente-42", "id") in problems
    assert ("attribute", "attr-9", "taxonomy_term_id") in problems
    assert not Group.objects.exists()


def test_malformed_json_and_oversized_files_are_refused_before_parsing(tmp_path: Path, settings: Any) -> None:
    with pytest.raises(reader.ImportRefused, match="not valid JSON"):
        reader.read_bytes(b'[{"id": "x", "name": ')
    big = tmp_path / "big.json"
    with big.open("wb") as fh:
        fh.truncate(100 * 2**20)  # a 100 MB file (sparse: no need to write it)
    with pytest.raises(reader.ImportRefused) as refused:
        reader.read_path(big)
    assert refused.value.status == 413

    class Endless(io.RawIOBase):
        """A stream that never ends: the reader must stop at the limit, not read it whole."""

        read_so_far = 0

        def readable(self) -> bool:
            return True

        def read(self, n: int = -1) -> bytes:
            n = 65536 if n is None or n < 0 else n
            self.read_so_far += n
            return b" " * n

    settings.OPENDATA_IMPORT_MAX_BYTES = 2**20
    stream = Endless()
    with pytest.raises(reader.ImportRefused):
        reader.read_limited(stream)  # type: ignore[arg-type]
    assert stream.read_so_far <= 2**20 + reader.CHUNK


def test_a_zip_bomb_is_refused_by_its_unpacked_size(tmp_path: Path, settings: Any) -> None:
    settings.OPENDATA_IMPORT_MAX_BYTES = 2**20
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("services.csv", "id,name\n" + "x" * (3 * 2**20))
    with pytest.raises(reader.ImportRefused) as refused:
        reader.read_bytes(buffer.getvalue())
    assert refused.value.status == 413


def test_an_import_never_touches_another_support_points_group(small_demo: dict[str, int]) -> None:
    ours, theirs = Organisation.objects.support_points()[:2]
    victim = Group.objects.public().filter(support_point=theirs).select_related("location").first()
    assert victim is not None
    document = another_directory(id=str(victim.uuid), name="Overgenomen")
    report = run(package_of(document), ours, commit=True, mapping={"term-mz": "-", "*": "depression"})
    assert not report.committed
    assert any(e.record_id == str(victim.uuid) and "another support point" in e.message for e in report.errors)
    victim.refresh_from_db()
    assert victim.name != "Overgenomen" and victim.support_point == theirs


def test_the_datapackage_zip_imports_like_the_folder(tmp_path: Path, small_demo: dict[str, int]) -> None:
    export.write_csv(tmp_path / "pkg", base_url=BASE)
    archive = tmp_path / "pkg.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in (tmp_path / "pkg").iterdir():
            zf.write(path, f"hsds/{path.name}")
    assert reader.read_path(tmp_path / "pkg") == reader.read_path(archive)


def test_the_command_does_a_dry_run_by_default_and_writes_with_commit(
    tmp_path: Path, reference: None, support_point: Organisation
) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(another_directory()), encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_hsds", str(path), "--support-point", support_point.slug, stdout=out)
    assert "Mantelzorg" in out.getvalue() and not Group.objects.exists()

    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"term-mz": "-", "*": "depression"}), encoding="utf-8")
    call_command("import_hsds", str(path), "--support-point", support_point.slug, "--mapping", str(mapping), stdout=out)
    assert not Group.objects.exists()
    call_command(
        "import_hsds",
        str(path),
        "--support-point",
        str(support_point.uuid),
        "--mapping",
        str(mapping),
        "--commit",
        stdout=out,
    )
    assert Group.objects.get(source_id="gemeente-42").support_point == support_point


def test_private_places_from_an_export_stay_private_after_import(tmp_path: Path, small_demo: dict[str, int]) -> None:
    export.write_csv(tmp_path / "pkg", base_url=BASE)
    private = {r["id"] for r in tables(tmp_path / "pkg")["locations"] if r["disclosure"] in ("area", "on_request")}
    assert private
    sp_id = str(busiest_support_point().uuid)
    empty_the_map()
    package = reader.read_path(tmp_path / "pkg")
    sp = importer.support_point_for(sp_id, package)
    assert sp is not None
    assert run(package, sp, commit=True, scoped=False).committed
    for loc in Location.objects.filter(uuid__in=private):
        assert loc.street == "" and loc.disclosure in ("area", "on_request")


# --- The specification's own examples --------------------------------------------------------

EXAMPLES = HSDS_DIR / "examples"


def spec_example(name: str) -> Path:
    if not EXAMPLES.is_dir():
        pytest.skip(f"HSDS 3.0 examples not found at {EXAMPLES}: their import is not checked here")
    return EXAMPLES / name


@pytest.mark.parametrize("name", ["service_full.json", "service_list.json", "organization_full.json", "csv"])
def test_the_specifications_examples_import_without_error(
    name: str, reference: None, support_point: Organisation
) -> None:
    path = spec_example(name)
    package = reader.read_path(path)
    # The review step: the example's own taxonomy terms are mapped, and services without one get a theme.
    dry = importer.Importer(support_point=support_point).run(package, commit=False)
    mapping = {term["id"]: "depression" for term in dry.unknown_terms} | {"*": "depression"}
    report = importer.Importer(support_point=support_point, mapping=mapping).run(package, commit=True)
    assert report.errors == [], [e.as_dict() for e in report.errors]
    assert report.committed and report.created["services"] >= 1
    # Its places are in another country (or missing): imported off the map, with a warning, never guessed.
    assert any(w.field in ("addresses", "service_at_locations") for w in report.warnings)
    assert not Group.objects.public().filter(support_point=support_point).exists()


def test_a_support_point_in_the_file_can_be_the_importing_one(reference: None) -> None:
    sp_id = ids.derived("test-support-point")
    document = {
        "organizations": [
            {
                "id": sp_id,
                "name": "Steunpunt Nieuw",
                "organization_kind": OrganisationKind.SUPPORT_POINT,
                "email": "a@b.nl",
            }
        ],
        "services": another_directory(organization_id=sp_id, organization=None),
    }
    package = package_of(document)
    sp = importer.support_point_for(sp_id, package)
    assert sp is not None and sp.pk is None
    report = importer.Importer(support_point=sp, mapping={"term-mz": "-", "*": "depression"}, scoped=False).run(
        package, commit=True
    )
    assert report.errors == []
    assert Group.objects.get().support_point.uuid == Organisation.objects.get(source_id=sp_id).uuid  # type: ignore[union-attr]


# --- Whatever arrives, the importer answers with a report -------------------------------------

_scalars = st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.floats(allow_nan=False) | st.text(max_size=12)
_keys = st.sampled_from(
    [
        "id", "name", "email", "status", "minimum_age", "organization_id", "organization", "attributes",
        "taxonomy_term_id", "taxonomy_term", "schedules", "freq", "byday", "opens_at", "closes_at", "valid_from",
        "service_at_locations", "location", "addresses", "postal_code", "city", "disclosure", "languages", "code",
        "cost_options", "amount", "contacts", "phones", "number", "translations", "lifecycle_stage", "services",
    ]
)  # fmt: skip
_json = st.recursive(
    _scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=6), max_leaves=25
)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(document=_json)
def test_any_json_gets_a_report_and_a_refused_import_writes_nothing(document: Any) -> None:
    support_point = Organisation.objects.get(slug="steunpunt-hypothesis")
    groups_before = Group.objects.count()
    try:
        package = reader.read_json(document)
    except reader.ImportRefused:
        return
    report = importer.Importer(support_point=support_point, mapping={"*": "depression"}).run(package, commit=True)
    assert isinstance(report.as_dict(), dict)
    if report.errors:
        assert not report.committed and Group.objects.count() == groups_before


@pytest.fixture(autouse=False)
def hypothesis_support_point(reference: None) -> Organisation:
    return Organisation.objects.create(slug="steunpunt-hypothesis", kind="support_point", name="Steunpunt H")


test_any_json_gets_a_report_and_a_refused_import_writes_nothing = pytest.mark.usefixtures("hypothesis_support_point")(
    test_any_json_gets_a_report_and_a_refused_import_writes_nothing
)


def test_derived_ids_are_the_standard_name_based_uuids() -> None:
    # Ids are part of the published data: a faster computation must give exactly uuid5's answer.
    import uuid

    for parts in [("theme", "depression"), ("schedule", "0b6f1f5e-0000-4000-8000-000000000000", 2, "2026-12-01")]:
        assert ids.derived(*parts) == str(uuid.uuid5(ids.NAMESPACE, ":".join(str(p) for p in parts)))


# --- Hostile text (tests/hostile.py) in any field: a report, and only storable text stored ---------------

from tests.hostile import hostile_text  # noqa: E402

_hostile_scalars = st.none() | st.floats(allow_nan=True, allow_infinity=True) | hostile_text
_hostile_json = st.recursive(
    _hostile_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=6),
    max_leaves=20,
)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(document=_hostile_json, name=hostile_text, latitude=st.sampled_from(["nan", "inf", "-inf", "1e309", "52.1"]))
def test_hostile_text_and_numbers_get_a_report_and_only_storable_text_is_stored(
    document: Any, name: str, latitude: str
) -> None:
    support_point = Organisation.objects.get(slug="steunpunt-hypothesis")
    service = {
        "id": "11111111-1111-4111-8111-111111111111",
        "name": name,
        "service_at_locations": [{"location": {"name": name, "latitude": latitude, "longitude": "5.4"}}],
        "attributes": document if isinstance(document, list) else [document],
    }
    for candidate in (document, [service]):
        try:
            package = reader.read_json(json.loads(json.dumps(candidate)))
        except reader.ImportRefused:
            continue
        report = importer.Importer(support_point=support_point, mapping={"*": "depression"}).run(package, commit=True)
        assert isinstance(report.as_dict(), dict)
    for group in Group.objects.all():
        assert "\x00" not in group.name_nl and all(not 0xD800 <= ord(c) <= 0xDFFF for c in group.name_nl)
    for location in Location.objects.all():
        assert location.latitude is None or abs(float(location.latitude)) <= 90


test_hostile_text_and_numbers_get_a_report_and_only_storable_text_is_stored = pytest.mark.usefixtures(
    "hypothesis_support_point"
)(test_hostile_text_and_numbers_get_a_report_and_only_storable_text_is_stored)

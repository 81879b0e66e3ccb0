"""The export command: an HSDS datapackage of the public map, as CSV tables or one JSON file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from samenspel.directory.models import Group, Location
from samenspel.opendata import export
from tests.conftest import built_once
from tests.opendata.conftest import Validate, build_demo

pytestmark = pytest.mark.django_db


def rows(folder: Path, table: str) -> list[dict[str, str]]:
    with (folder / f"{table}.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


# The demo region every test of this class reads: built once (tests/opendata/conftest.py, `build_demo`), each test in a
# savepoint inside it. Class-scoped: the module's other tests start from an empty database.
_demo_rows, demo = built_once(build_demo, name="demo", scope="class")


class TestTheDemoRegion:
    """The export of the demo region."""

    def test_the_csv_datapackage_holds_every_public_group(self, tmp_path: Path, demo: dict[str, int]) -> None:
        call_command("export_hsds", "--format", "csv", "--output", str(tmp_path / "out"))
        out = tmp_path / "out"
        package = json.loads((out / "datapackage.json").read_text())
        assert {r["path"] for r in package["resources"]} <= {p.name for p in out.glob("*.csv")}
        services = rows(out, "services")
        assert {s["id"] for s in services} == {str(u) for u in Group.objects.public().values_list("uuid", flat=True)}
        assert rows(out, "schedules") and rows(out, "taxonomy_terms") and rows(out, "attributes")
        sal_locations = {r["location_id"] for r in rows(out, "service_at_location")}
        assert sal_locations == {r["id"] for r in rows(out, "locations")}

    def test_the_csv_export_keeps_private_addresses_out(self, tmp_path: Path, demo: dict[str, int]) -> None:
        location = Location.objects.filter(disclosure="public", groups__status="active").first()
        assert location is not None
        location.disclosure, location.street = "on_request", "Geheimstraat 99"
        location.save()
        call_command("export_hsds", "--format", "csv", "--output", str(tmp_path))
        everything = "".join(p.read_text() for p in tmp_path.glob("*.csv"))
        assert "Geheimstraat" not in everything
        online_urls = [loc.online_url for loc in Location.objects.filter(disclosure="online")]
        assert online_urls and not any(url in everything for url in online_urls)

    def test_the_json_export_validates_against_hsds(
        self, tmp_path: Path, demo: dict[str, int], hsds_validate: Validate
    ) -> None:
        target = tmp_path / "hsds.json"
        call_command("export_hsds", "--format", "json", "--output", str(target))
        data = json.loads(target.read_text())
        assert data["hsds_version"] == "3.0"
        assert len(data["services"]) == Group.objects.public().count()
        errors = [
            error
            for name, schema in (
                ("services", "service.json"),
                ("organizations", "organization.json"),
                ("taxonomy_terms", "taxonomy_term.json"),
                ("taxonomies", "taxonomy.json"),
            )
            for item in data[name]
            for error in hsds_validate(schema, item)
        ]
        assert errors == []

    def test_exporting_twice_gives_the_same_file(self, tmp_path: Path, demo: dict[str, int]) -> None:
        call_command("export_hsds", "--format", "json", "--output", str(tmp_path / "a.json"))
        call_command("export_hsds", "--format", "json", "--output", str(tmp_path / "b.json"))
        assert (tmp_path / "a.json").read_text() == (tmp_path / "b.json").read_text()

    @pytest.mark.parametrize("language", ["nl", "en", "tr"])
    def test_the_export_maps_every_service_as_the_api_does(self, demo: dict[str, int], language: str) -> None:
        # The export maps rows, the API model instances: the same functions must give the same objects,
        # in the language asked for and with the same fallbacks (Turkish texts fall back to Dutch).
        client = Client(HTTP_ACCEPT_LANGUAGE=language)
        with translation.override(language):
            exported = {s["id"]: json.loads(json.dumps(s)) for s in export.services("http://testserver/")}
        assert len(exported) == Group.objects.public().count()
        for service_id, service in exported.items():
            assert client.get(f"/api/hsds/services/{service_id}").json() == service
        listed = client.get("/api/hsds/services", {"per_page": 200}).json()["contents"]
        assert {item["id"] for item in listed} == set(exported)
        for item in listed:
            assert item == {key: value for key, value in exported[item["id"]].items() if key in item}

    def test_the_json_export_writes_each_service_as_json_dumps_would(self, demo: dict[str, int]) -> None:
        encoder = export._ServiceEncoder()
        for service in export.services("http://testserver/"):
            assert encoder.encode(service) == json.dumps(service, ensure_ascii=False, sort_keys=True)


def test_a_csv_export_onto_a_file_is_refused(tmp_path: Path, db: None) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(CommandError):
        call_command("export_hsds", "--format", "csv", "--output", str(tmp_path / "file"))


CELLS = st.one_of(
    st.none(),
    st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00")),
    st.sampled_from(["", ",", '"', "a,b", 'say "hi"', "line\nbreak", "cr\r", "\r\n"]),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.dictionaries(st.sampled_from(["nl", "en"]), st.text(max_size=5), max_size=2),
)


@given(st.lists(CELLS, min_size=2, max_size=8))
def test_a_csv_line_is_what_csv_writer_writes(tmp_path_factory: Any, cells: list[Any]) -> None:
    folder = tmp_path_factory.mktemp("tables")
    tables = export.Tables(folder)
    tables._write("taxonomies", cells)
    tables.close()
    expected = io.StringIO()
    csv.writer(expected).writerow([export._text(cell) if isinstance(cell, dict) else cell for cell in cells])
    written = (folder / "taxonomies.csv").read_bytes().decode("utf-8").split("\r\n", 1)[1]
    assert written == expected.getvalue()

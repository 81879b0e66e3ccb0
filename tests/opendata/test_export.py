"""The export command: an HSDS datapackage of the public map, as CSV tables or one JSON file."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from samenspel.directory.models import Group, Location
from tests.opendata.conftest import Validate

pytestmark = pytest.mark.django_db


def rows(folder: Path, table: str) -> list[dict[str, str]]:
    with (folder / f"{table}.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_the_csv_datapackage_holds_every_public_group(tmp_path: Path, demo: dict[str, int]) -> None:
    call_command("export_hsds", "--format", "csv", "--output", str(tmp_path / "out"))
    out = tmp_path / "out"
    package = json.loads((out / "datapackage.json").read_text())
    assert {r["path"] for r in package["resources"]} <= {p.name for p in out.glob("*.csv")}
    services = rows(out, "services")
    assert {s["id"] for s in services} == {str(u) for u in Group.objects.public().values_list("uuid", flat=True)}
    assert rows(out, "schedules") and rows(out, "taxonomy_terms") and rows(out, "attributes")
    sal_locations = {r["location_id"] for r in rows(out, "service_at_location")}
    assert sal_locations == {r["id"] for r in rows(out, "locations")}


def test_the_csv_export_keeps_private_addresses_out(tmp_path: Path, demo: dict[str, int]) -> None:
    location = Location.objects.filter(disclosure="public", groups__status="active").first()
    assert location is not None
    location.disclosure, location.street = "on_request", "Geheimstraat 99"
    location.save()
    call_command("export_hsds", "--format", "csv", "--output", str(tmp_path))
    everything = "".join(p.read_text() for p in tmp_path.glob("*.csv"))
    assert "Geheimstraat" not in everything
    online_urls = [loc.online_url for loc in Location.objects.filter(disclosure="online")]
    assert online_urls and not any(url in everything for url in online_urls)


def test_the_json_export_validates_against_hsds(tmp_path: Path, demo: dict[str, int], hsds_validate: Validate) -> None:
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


def test_exporting_twice_gives_the_same_file(tmp_path: Path, demo: dict[str, int]) -> None:
    call_command("export_hsds", "--format", "json", "--output", str(tmp_path / "a.json"))
    call_command("export_hsds", "--format", "json", "--output", str(tmp_path / "b.json"))
    assert (tmp_path / "a.json").read_text() == (tmp_path / "b.json").read_text()


def test_a_csv_export_onto_a_file_is_refused(tmp_path: Path, db: None) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(CommandError):
        call_command("export_hsds", "--format", "csv", "--output", str(tmp_path / "file"))

"""The export downloads are built once and kept as a file until the public map changes."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.http import FileResponse
from django.test import Client
from django.utils import translation

from samenspel.directory.models import Group, Location
from samenspel.directory.services import group_update
from samenspel.opendata import downloads, export

pytestmark = pytest.mark.django_db
JSON = "/api/hsds/export.json"
ZIP = "/api/hsds/export.zip"


def download(client: Client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200 and response.streaming
    return b"".join(response.streaming_content)  # type: ignore[arg-type]


def kept_files() -> list[Path]:
    folder = Path(settings.OPENDATA_EXPORT_DIR)
    return sorted(folder.iterdir()) if folder.exists() else []


def members(archive: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return {name: opened.read(name) for name in opened.namelist()}


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The exports built: one for every download that is not read from a kept file."""
    built: list[str] = []
    services = export.services

    def counted(base_url: str) -> Iterator[dict[str, Any]]:
        built.append(base_url)
        return services(base_url)

    monkeypatch.setattr(export, "services", counted)
    return built


def test_a_second_download_is_the_kept_file_and_exports_nothing(
    client: Client, small_demo: dict[str, int], builds: list[str], django_assert_max_num_queries: Any
) -> None:
    first = download(client, JSON)
    with django_assert_max_num_queries(12):  # the data version's aggregates, not the export's queries
        response = client.get(JSON)
        again = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    assert isinstance(response, FileResponse) and response["Content-Type"] == "application/json"
    assert 'filename="samenspel-hsds.json"' in response["Content-Disposition"]
    assert again == first and len(builds) == 1
    assert len(kept_files()) == 1


def test_the_kept_downloads_are_the_export_itself(client: Client, small_demo: dict[str, int]) -> None:
    download(client, JSON), download(client, ZIP)
    kept_json, kept_zip = download(client, JSON), download(client, ZIP)
    with translation.override("en"):
        fresh_json = "".join(export.iter_json(base_url="http://testserver/")).encode()
        fresh_zip = b"".join(export.iter_zip(base_url="http://testserver/"))
    assert kept_json == fresh_json
    # A zip records when its members were written; what they hold is the same.
    assert members(kept_zip) == members(fresh_zip)


def test_a_changed_group_is_in_the_next_download(client: Client, group: Group, builds: list[str]) -> None:
    assert "Peer group depression" in download(client, JSON).decode()
    group_update(group=group, actor=None, name_en="Peer group for low moods")
    body = download(client, JSON).decode()
    assert "Peer group for low moods" in body and "Peer group depression" not in body
    assert len(builds) == 2
    assert len(kept_files()) == 1  # the older version's file is gone


def test_a_deleted_group_leaves_the_next_download(client: Client, small_demo: dict[str, int]) -> None:
    def service_ids() -> set[str]:
        return {service["id"] for service in json.loads(download(client, JSON))["services"]}

    gone = Group.objects.public().order_by("pk").last()
    assert gone is not None and str(gone.uuid) in service_ids()
    gone.delete()
    assert str(gone.uuid) not in service_ids()
    assert len(service_ids()) == Group.objects.public().count()


def test_a_place_made_area_only_never_stays_public_in_a_kept_download(
    client: Client, group: Group, location: Location
) -> None:
    # Straight on the model, as the admin or a script would: no audit entry, no timestamp, no count changes.
    assert "Boogstraat 12" in download(client, JSON).decode()
    assert "Boogstraat 12" in members(download(client, ZIP))["addresses.csv"].decode()
    location.disclosure = "area"
    location.save()
    assert "Boogstraat 12" not in download(client, JSON).decode()
    assert "Boogstraat 12" not in members(download(client, ZIP))["addresses.csv"].decode()


def test_each_language_has_its_own_kept_download(group: Group, builds: list[str]) -> None:
    dutch, english = Client(HTTP_ACCEPT_LANGUAGE="nl"), Client(HTTP_ACCEPT_LANGUAGE="en")
    assert download(dutch, JSON) != download(english, JSON)
    download(dutch, JSON), download(english, JSON)
    assert len(builds) == 2 and len(kept_files()) == 2


def test_a_download_that_breaks_off_keeps_nothing(db: None) -> None:
    path = downloads.path_for("json", language="en", base_url="http://testserver/")
    pieces = downloads.keep(path, iter([b"{", b"}"]))
    assert next(pieces) == b"{"
    pieces.close()  # the client went away: the server closes the response and with it the stream
    assert kept_files() == []
    assert b"".join(downloads.keep(path, iter([b"{", b"}"]))) == b"{}"
    assert kept_files() == [path] and path.read_bytes() == b"{}"


def test_simultaneous_first_downloads_never_see_half_a_file(
    client: Client, small_demo: dict[str, int], builds: list[str]
) -> None:
    first, second = client.get(JSON), client.get(JSON)
    first_pieces = iter(first.streaming_content)  # type: ignore[arg-type]
    started = next(first_pieces)
    # The first is being written: the second does not find a file, and makes its own.
    assert [p.name for p in kept_files() if not p.name.startswith(".building-")] == []
    both = b"".join(second.streaming_content), started + b"".join(first_pieces)  # type: ignore[arg-type]
    assert both[0] == both[1] and len(builds) == 2
    assert [p.name.startswith(".building-") for p in kept_files()] == [False]
    assert download(client, JSON) == both[0] and len(builds) == 2

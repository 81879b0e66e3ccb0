"""API keys, the import endpoint, rate limits on reads and the export downloads."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client

from samenspel.directory.models import Group, Organisation
from samenspel.opendata.models import ApiKey, hash_key
from samenspel.workspace.models import Membership, Role
from tests.opendata.test_import import another_directory
from tests.personas import client_for

pytestmark = pytest.mark.django_db
MAPPING = "map=term-mz%3D-&map=*%3Ddepression"


def post_import(client: Client, body: Any, key: str | None, query: str = MAPPING, **headers: str) -> Any:
    if key is not None:
        headers.setdefault("HTTP_AUTHORIZATION", f"Bearer {key}")
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return client.post(f"/api/hsds/import?{query}", data=data, content_type="application/json", **headers)


@pytest.fixture
def key(reference: None, support_point: Organisation) -> str:
    return ApiKey.issue(support_point=support_point, name="CRM")[1]


def test_only_the_hash_of_a_key_is_stored(key: str) -> None:
    stored = ApiKey.objects.get()
    assert stored.key_hash == hash_key(key) and key not in (stored.key_hash, stored.prefix)
    assert key.startswith(stored.prefix)


def test_import_needs_a_valid_key(client: Client, key: str) -> None:
    assert post_import(client, another_directory(), None).status_code == 401
    assert post_import(client, another_directory(), "ssk_not-a-key").status_code == 401
    ApiKey.objects.get().revoke()
    assert post_import(client, another_directory(), key).status_code == 401
    assert not Group.objects.exists()


def test_import_is_a_dry_run_unless_committed(client: Client, key: str, support_point: Organisation) -> None:
    response = post_import(client, another_directory(), key)
    assert response.status_code == 200, response.content
    report = response.json()
    assert report["dry_run"] and not report["committed"] and report["created"]["services"] == 1
    assert not Group.objects.exists()

    response = post_import(client, another_directory(), None, query=MAPPING + "&commit=true", HTTP_X_API_KEY=key)
    assert response.status_code == 200 and response.json()["committed"]
    assert Group.objects.get(source_id="gemeente-42").support_point == support_point
    assert ApiKey.objects.get().last_used_at is not None


def test_import_errors_come_per_record_and_write_nothing(client: Client, key: str) -> None:
    response = post_import(client, another_directory(minimum_age="old"), key, query=MAPPING + "&commit=true")
    assert response.status_code == 422
    assert {"record_type": "service", "record_id": "gemeente-42", "field": "minimum_age"}.items() <= response.json()[
        "errors"
    ][0].items()
    assert not Group.objects.exists()
    unknown = post_import(client, another_directory(), key, query="commit=true").json()
    assert unknown["unknown_terms"][0]["id"] == "term-mz" and not unknown["committed"]
    assert post_import(client, b"{not json", key).status_code == 400
    assert post_import(client, another_directory(), key, query="map=nonsense").status_code == 400


def test_an_import_body_over_the_limit_is_refused(client: Client, key: str, settings: Any) -> None:
    settings.OPENDATA_IMPORT_MAX_BYTES = 1000
    response = post_import(client, another_directory(description="x" * 2000), key)
    assert response.status_code == 413
    assert not Group.objects.exists()


def test_a_key_can_never_touch_another_support_points_groups(client: Client, small_demo: dict[str, int]) -> None:
    ours, theirs = Organisation.objects.support_points()[:2]
    key = ApiKey.issue(support_point=ours, name="CRM")[1]
    victim = Group.objects.filter(support_point=theirs).first()
    assert victim is not None
    body = another_directory(id=str(victim.uuid), name="Overgenomen")
    response = post_import(client, body, key, query=MAPPING + "&commit=true")
    assert response.status_code == 422
    victim.refresh_from_db()
    assert victim.name != "Overgenomen" and victim.support_point == theirs
    # Nor through its source id.
    victim.source_id = "their-own-id"
    victim.save()
    response = post_import(client, another_directory(id="their-own-id"), key, query=MAPPING + "&commit=true")
    assert response.status_code == 422
    assert Group.objects.get(source_id="their-own-id").support_point == theirs


def test_anonymous_reads_are_rate_limited_with_retry_after(client: Client, reference: None, settings: Any) -> None:
    settings.OPENDATA_ANON_REQUESTS_PER_MINUTE = 3
    statuses = [client.get("/api/hsds/taxonomies").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get("/api/hsds/services")
    assert refused.status_code == 429 and 1 <= int(refused["Retry-After"]) <= 60
    # Another client (another address) is not affected.
    assert Client(REMOTE_ADDR="10.1.2.3").get("/api/hsds/taxonomies").status_code == 200
    assert client.get("/api/meeting-guide.json").status_code == 429


def test_a_key_has_its_own_higher_limit(client: Client, key: str, settings: Any) -> None:
    settings.OPENDATA_ANON_REQUESTS_PER_MINUTE = 1
    settings.OPENDATA_KEY_REQUESTS_PER_MINUTE = 5
    assert client.get("/api/hsds/taxonomies").status_code == 200
    assert client.get("/api/hsds/taxonomies").status_code == 429
    with_key = [client.get("/api/hsds/taxonomies", HTTP_AUTHORIZATION=f"Bearer {key}").status_code for _ in range(6)]
    assert with_key == [200] * 5 + [429]


def test_the_export_zip_is_the_tabular_datapackage(client: Client, small_demo: dict[str, int]) -> None:
    response = client.get("/api/hsds/export.zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert response.streaming
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))  # type: ignore[arg-type]
    names = set(archive.namelist())
    assert {"datapackage.json", "services.csv", "locations.csv", "schedules.csv"} <= names
    package = json.loads(archive.read("datapackage.json"))
    assert {r["path"] for r in package["resources"]} <= names
    services = list(csv.DictReader(io.StringIO(archive.read("services.csv").decode())))
    assert len(services) == Group.objects.public().count()


def test_the_export_json_streams_every_public_service(client: Client, small_demo: dict[str, int]) -> None:
    response = client.get("/api/hsds/export.json")
    assert response.status_code == 200 and response.streaming
    document = json.loads(b"".join(response.streaming_content))  # type: ignore[arg-type]
    assert len(document["services"]) == Group.objects.public().count()
    assert {"organizations", "taxonomy_terms", "taxonomies"} <= set(document)


def test_managers_create_list_and_revoke_keys_with_the_command(support_point: Organisation) -> None:
    user = get_user_model().objects.create_user(username="beheer", password="x")
    editor = get_user_model().objects.create_user(username="editor", password="x")
    Membership.objects.create(user=user, support_point=support_point, role=Role.MANAGER)
    Membership.objects.create(user=editor, support_point=support_point, role=Role.EDITOR)
    with pytest.raises(CommandError):
        call_command("api_key", "create", "--support-point", support_point.slug, "--name", "x", "--manager", "editor")
    out = io.StringIO()
    call_command(
        "api_key", "create", "--support-point", support_point.slug, "--name", "CRM", "--manager", "beheer", stdout=out
    )
    key = out.getvalue().strip().splitlines()[-1]
    api_key = ApiKey.find(key)
    assert api_key is not None and api_key.support_point == support_point and api_key.created_by == user
    call_command("api_key", "revoke", api_key.prefix, "--manager", "beheer", stdout=out)
    assert ApiKey.find(key) is None


def test_a_manager_makes_a_key_in_the_workspace_sees_it_once_and_revokes_it(
    support_point: Organisation, personas: dict[str, Any]
) -> None:
    browser = client_for(personas["manager"])
    url = f"/werkplek/{support_point.slug}/api-sleutels/"
    made = browser.post(url, {"name": "Our CRM"})
    assert made.status_code == 200 and made["Cache-Control"] == "no-store"
    key = ApiKey.objects.get()
    shown = made.content.decode()
    secret = next(word for word in shown.replace("<", " ").replace(">", " ").split() if word.startswith("ssk_"))
    assert ApiKey.find(secret) == key
    # Afterwards only its start is shown.
    assert secret not in browser.get(url).content.decode() and key.prefix in browser.get(url).content.decode()
    assert browser.post(url, {"revoke": key.prefix}).status_code == 302
    assert ApiKey.find(secret) is None
    assert browser.post(url, {"name": ""}).status_code == 400

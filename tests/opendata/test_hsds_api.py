"""The HSDS read API: envelope, parameters, streaming, and what never leaves (disclosure)."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.test import Client

from samenspel.directory.models import Group, GroupStatus, Location, Organisation, Theme
from samenspel.opendata import ids
from tests.conftest import built_once
from tests.opendata.conftest import build_demo

pytestmark = pytest.mark.django_db


def get_json(client: Client, url: str, **params: Any) -> Any:
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_root_says_hsds_3_and_links_the_profile_and_openapi(client: Client) -> None:
    body = get_json(client, "/api/hsds/")
    assert body["version"] == "3.0"
    assert body["profile"].endswith("/api/hsds/profile/")
    assert body["openapi_url"].endswith("/api/openapi.json")
    assert client.get("/api/hsds/profile/").status_code == 200


def test_openapi_is_version_3_1_and_lists_every_hsds_path(client: Client) -> None:
    spec = get_json(client, "/api/openapi.json")
    assert spec["openapi"].startswith("3.1")
    for path in (
        "/api/hsds/",
        "/api/hsds/services",
        "/api/hsds/services/{id}",
        "/api/hsds/organizations",
        "/api/hsds/organizations/{id}",
        "/api/hsds/service_at_locations",
        "/api/hsds/taxonomies",
        "/api/hsds/taxonomy_terms",
    ):
        assert path in spec["paths"]


# The demo region the tests of each class below read: built once per class (tests/opendata/conftest.py, `build_demo`),
# each test in a savepoint inside it. The module's other tests start from an empty database.
_demo_rows, demo = built_once(build_demo, name="demo", scope="class")


class TestTheDemoRegion:
    """The services of the demo region: paging, parameters and streaming."""

    def test_services_come_in_the_hsda_page_envelope(self, client: Client, demo: dict[str, int]) -> None:
        public = Group.objects.public().count()
        body = get_json(client, "/api/hsds/services", per_page=20)
        assert body["total_items"] == public
        assert body["total_pages"] == -(-public // 20)
        assert (body["page_number"], body["size"], body["first_page"], body["last_page"], body["empty"]) == (
            1,
            20,
            True,
            False,
            False,
        )
        last = get_json(client, "/api/hsds/services", per_page=20, page=body["total_pages"])
        assert last["last_page"] and not last["first_page"]
        assert last["size"] == public - 20 * (body["total_pages"] - 1)
        beyond = get_json(client, "/api/hsds/services", per_page=20, page=body["total_pages"] + 1)
        assert beyond["empty"] and beyond["contents"] == []

    def test_pages_together_hold_every_public_group_once(self, client: Client, demo: dict[str, int]) -> None:
        seen: list[str] = []
        page = 1
        while True:
            body = get_json(client, "/api/hsds/services", per_page=50, page=page)
            seen += [s["id"] for s in body["contents"]]
            if body["last_page"]:
                break
            page += 1
        assert sorted(seen) == sorted(str(u) for u in Group.objects.public().values_list("uuid", flat=True))

    def test_groups_not_on_the_public_map_are_not_in_the_api(self, client: Client, demo: dict[str, int]) -> None:
        hidden = Group.objects.filter(status__in=[GroupStatus.STOPPED, GroupStatus.INITIATIVE]).first()
        assert hidden is not None
        assert client.get(f"/api/hsds/services/{hidden.uuid}").status_code == 404
        listed = get_json(client, "/api/hsds/services", format="json", per_page=200)
        assert str(hidden.uuid) not in {s["id"] for s in listed["contents"]}

    def test_taxonomy_term_id_finds_groups_with_that_theme(self, client: Client, demo: dict[str, int]) -> None:
        theme = Theme.objects.filter(groups__status__in=["active", "looking", "paused"]).first()
        assert theme is not None
        body = get_json(client, "/api/hsds/services", taxonomy_term_id=ids.theme_id(theme.slug), per_page=200)
        expected = set(Group.objects.public().filter(themes=theme).values_list("uuid", flat=True))
        assert {str(u) for u in expected} <= {s["id"] for s in body["contents"]}
        assert body["total_items"] >= len(expected) > 0

    def test_organization_id_finds_the_groups_of_that_organisation(self, client: Client, demo: dict[str, int]) -> None:
        org = Organisation.objects.filter(supported_groups__status="active").first()
        assert org is not None
        body = get_json(client, "/api/hsds/services", organization_id=str(org.uuid), per_page=200)
        assert body["total_items"] > 0
        assert all(s["organization_id"] for s in body["contents"])
        expected = Group.objects.public().filter(organisation=org) | Group.objects.public().filter(support_point=org)
        assert body["total_items"] == expected.distinct().count()

    def test_modified_after_leaves_out_older_changes(self, client: Client, demo: dict[str, int]) -> None:
        future = (datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=1)).isoformat()
        assert get_json(client, "/api/hsds/services", modified_after=future)["total_items"] == 0
        assert get_json(client, "/api/hsds/services", modified_after="2000-01-01T00:00:00")["total_items"] > 0
        assert client.get("/api/hsds/services", {"modified_after": "yesterday"}).status_code == 422

    @pytest.mark.parametrize(
        "moment", ["1651-07-26T01:15:59.74-17:58", "0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-09:00"]
    )
    def test_modified_after_with_an_unusual_offset_or_year_is_answered_not_a_server_error(
        self, client: Client, demo: dict[str, int], moment: str
    ) -> None:
        # Found by schemathesis on PostgreSQL, which refuses offsets beyond ±15:59.
        assert client.get("/api/hsds/services", {"modified_after": moment}).status_code == 200
        assert client.get("/api/hsds/service_at_locations", {"modified_after": moment}).status_code == 200

    def test_search_uses_the_finders_search(self, client: Client, demo: dict[str, int]) -> None:
        body = get_json(client, "/api/hsds/services", search="depressie", per_page=200)
        assert body["total_items"] > 0
        assert body["total_items"] < Group.objects.public().count()
        assert get_json(client, "/api/hsds/services", search="xqzvw")["total_items"] == 0

    @pytest.mark.parametrize("words", ["depressie", "rouw"])
    def test_pages_of_a_search_together_are_its_whole_ranking(
        self, client: Client, demo: dict[str, int], words: str
    ) -> None:
        # A page is asked of the database on its own; the stream reads the whole ranking at once.
        lines = b"".join(client.get("/api/hsds/services", {"search": words, "format": "ndjson"}).streaming_content)  # type: ignore[attr-defined]
        ranking = [json.loads(line)["id"] for line in lines.decode().splitlines()]
        first = get_json(client, "/api/hsds/services", search=words, per_page=3)
        paged = [
            item["id"]
            for page in range(1, first["total_pages"] + 1)
            for item in get_json(client, "/api/hsds/services", search=words, per_page=3, page=page)["contents"]
        ]
        assert len(ranking) > 3 and paged == ranking and first["total_items"] == len(ranking)
        assert get_json(client, "/api/hsds/services", search=words, per_page=3, page=999)["contents"] == []

    def test_postcode_and_proximity_keep_nearby_in_person_groups(self, client: Client, demo: dict[str, int]) -> None:
        near = get_json(client, "/api/hsds/service_at_locations", postcode="5611", proximity=5000, per_page=200)
        wide = get_json(client, "/api/hsds/service_at_locations", postcode="5611", proximity=100000, per_page=200)
        assert 0 < near["total_items"] <= wide["total_items"]
        assert all(s["location"]["location_type"] == "physical" for s in wide["contents"])
        assert get_json(client, "/api/hsds/services", postcode="Nergenshuizen")["total_items"] == 0

    def test_ndjson_streams_every_result_without_paging(self, client: Client, demo: dict[str, int]) -> None:
        response = client.get("/api/hsds/services", {"format": "ndjson"})
        assert response.status_code == 200
        assert response["Content-Type"] == "application/x-ndjson"
        assert response.streaming
        lines = b"".join(response.streaming_content).decode().splitlines()  # type: ignore[attr-defined]
        assert len(lines) == Group.objects.public().count()
        assert all(json.loads(line)["id"] for line in lines)

    def test_organizations_taxonomies_and_terms_are_listed(self, client: Client, demo: dict[str, int]) -> None:
        orgs = get_json(client, "/api/hsds/organizations", per_page=200)
        assert orgs["total_items"] == Organisation.objects.count()
        one = orgs["contents"][0]
        assert get_json(client, f"/api/hsds/organizations/{one['id']}")["name"] == one["name"]
        taxonomies = get_json(client, "/api/hsds/taxonomies")
        assert taxonomies["contents"][0]["id"] == ids.taxonomy_id()
        terms = get_json(client, "/api/hsds/taxonomy_terms", per_page=200)
        assert terms["total_items"] == Theme.objects.count()
        child = next(t for t in terms["contents"] if t.get("parent_id"))
        narrower = get_json(client, "/api/hsds/taxonomy_terms", parent_id=child["parent_id"], per_page=200)
        assert child["id"] in {t["id"] for t in narrower["contents"]}


def test_per_page_is_at_most_200(client: Client) -> None:
    assert client.get("/api/hsds/services", {"per_page": 201}).status_code == 422
    assert client.get("/api/hsds/services", {"per_page": 200}).status_code == 200
    assert client.get("/api/hsds/services", {"page": 0}).status_code == 422


def test_an_unknown_id_is_not_found(client: Client, db: None) -> None:
    assert client.get("/api/hsds/services/not-a-uuid").status_code == 404
    assert client.get("/api/hsds/services/3f1c3b8e-5a0e-4d7a-9b1a-000000000000").status_code == 404
    assert client.get("/api/hsds/organizations/3f1c3b8e-5a0e-4d7a-9b1a-000000000000").status_code == 404


def test_a_service_is_found_by_its_uuid_with_everything_nested(client: Client, group: Group) -> None:
    body = get_json(client, f"/api/hsds/services/{group.uuid}")
    assert body["id"] == str(group.uuid)
    assert body["translations"]["nl"]["name"] == "Lotgenotengroep depressie"
    assert body["translations"]["en"]["name"] == "Peer group depression"
    assert body["audience"] == "affected" and body["intake"] == "just_come" and body["lifecycle_stage"] == "active"
    assert body["schedules"][0]["freq"] == "WEEKLY" and body["schedules"][0]["byday"] == "TH"
    assert body["schedules"][0]["opens_at"] == "19:30"
    assert body["attributes"][0]["taxonomy_term"]["code"] == "depression"
    assert body["languages"][0]["code"] == "nl"
    assert body["organization"]["id"] == str(group.support_point.uuid)  # type: ignore[union-attr]
    address = body["service_at_locations"][0]["location"]["addresses"][0]
    assert address["address_1"] == "Boogstraat 12" and address["postal_code"] == "5611AB"


# --- Disclosure ---------------------------------------------------------------


def _all_output(client: Client, group: Group) -> str:
    parts = [
        client.get(f"/api/hsds/services/{group.uuid}").content.decode(),
        client.get("/api/hsds/services", {"per_page": 200}).content.decode(),
        client.get("/api/hsds/service_at_locations", {"per_page": 200}).content.decode(),
        b"".join(client.get("/api/hsds/services", {"format": "ndjson"}).streaming_content).decode(),  # type: ignore[attr-defined]
        client.get("/api/meeting-guide.json").content.decode(),
    ]
    return "\n".join(parts)


@pytest.mark.parametrize("disclosure", ["area", "on_request"])
def test_a_private_address_never_leaves_through_the_api(client: Client, group: Group, disclosure: str) -> None:
    location = group.location
    assert location is not None
    location.disclosure = disclosure
    location.street = "Geheimstraat 99"
    location.name = "Huiskamer van Fatima"
    location.latitude, location.longitude = 51.441234, 5.478765
    location.save()
    out = _all_output(client, group)
    assert "Geheimstraat" not in out
    assert "Huiskamer van Fatima" not in out
    assert "5611AB" not in out and "5611 AB" not in out
    assert "51.441234" not in out and "5.478765" not in out
    body = get_json(client, f"/api/hsds/services/{group.uuid}")
    place = body["service_at_locations"][0]["location"]
    assert place["disclosure"] == disclosure
    assert place["addresses"][0]["address_1"] == "" and place["addresses"][0]["postal_code"] == ""
    assert place["addresses"][0]["city"] == "Eindhoven"
    assert place["latitude"] == round(51.441234, 2)


def test_an_online_link_never_leaves_through_the_api(client: Client, group: Group) -> None:
    online = Location.objects.create(disclosure="online", online_url="https://meet.example.org/geheim-123")
    group.location = online
    group.save()
    out = _all_output(client, group)
    assert "meet.example.org" not in out and "geheim-123" not in out
    place = get_json(client, f"/api/hsds/services/{group.uuid}")["service_at_locations"][0]["location"]
    assert place["location_type"] == "virtual" and "url" not in place and "addresses" not in place


def test_a_contact_persons_name_shows_only_when_they_chose_so(client: Client, group: Group) -> None:
    group.contact_name = "Annemarie Jansen"
    group.save()
    assert "Annemarie" not in _all_output(client, group)
    group.contact_name_public = True
    group.save()
    body = get_json(client, f"/api/hsds/services/{group.uuid}")
    assert body["contacts"][0]["name"] == "Annemarie Jansen"


# --- Bounded queries ----------------------------------------------------------


class TestBoundedQueries:
    """The lists and a full service on the demo region take a fixed number of queries."""

    @pytest.mark.parametrize(
        "url",
        [
            "/api/hsds/services",
            "/api/hsds/organizations",
            "/api/hsds/service_at_locations",
            "/api/hsds/taxonomy_terms",
            "/api/hsds/taxonomies",
        ],
    )
    def test_list_endpoints_use_a_fixed_number_of_queries(
        self, client: Client, demo: dict[str, int], django_assert_max_num_queries: Any, url: str
    ) -> None:
        with django_assert_max_num_queries(4):
            assert client.get(url, {"per_page": 200}).status_code == 200

    def test_filtered_service_lists_use_a_fixed_number_of_queries(
        self, client: Client, demo: dict[str, int], django_assert_max_num_queries: Any
    ) -> None:
        theme = Theme.objects.filter(groups__isnull=False).first()
        assert theme is not None
        query = {
            "per_page": 200,
            "search": "rouw",
            "postcode": "5611",
            "proximity": 50000,
            "taxonomy_term_id": ids.theme_id(theme.slug),
        }
        # The first request fills the process's caches of the vocabulary (themes, synonyms, languages): once.
        with django_assert_max_num_queries(14):
            client.get("/api/hsds/services", query)
        # After that a page of 200 services costs the same few queries, however many groups it holds.
        with django_assert_max_num_queries(6):
            client.get("/api/hsds/services", query)

    def test_a_full_service_uses_a_fixed_number_of_queries(
        self, client: Client, demo: dict[str, int], django_assert_max_num_queries: Any
    ) -> None:
        group = Group.objects.public().filter(schedules__isnull=False).first()
        assert group is not None
        with django_assert_max_num_queries(8):
            assert client.get(f"/api/hsds/services/{group.uuid}").status_code == 200

"""The key person's social map of all help (issue 15, point 2): services around a question, the first contact
person, suggestions the support point reviews, and the open data that carries what is public, never the person."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from samenspel.directory.models import Language, Organisation
from samenspel.network.models import HelpService, HelpSuggestion, SuggestionStatus
from samenspel.network.services import help_service_save
from samenspel.opendata import export
from tests.network.conftest import key_person
from tests.personas import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def debt_help(reference: None, support_point: Organisation) -> HelpService:
    municipality = Organisation.objects.create(
        slug="gemeente-eindhoven", kind="municipality", name="Gemeente Eindhoven"
    )
    return help_service_save(
        support_point=support_point,
        actor=None,
        languages=list(Language.objects.filter(code__in=("nl", "tr"))),
        provider=municipality,
        name="Schuldhulpverlening Eindhoven",
        topic="debt",
        description="Help with debts and letters from creditors.",
        conditions="Living in Eindhoven, 18 or older.",
        procedure="Call the counter or walk in on Tuesday morning.",
        role_email="schuldhulp@gemeente.example.org",
        role_phone="14 040",
        contact_name="Mirjam de Wit",
        contact_role="Klantmanager schuldhulp",
        contact_phone="040 238 0000",
        contact_email="m.dewit@gemeente.example.org",
        network_note="Ask for Mirjam; she can plan a first talk with an interpreter.",
    )


@pytest.mark.parametrize("words", ["schuldhulp", "schulden", "debt", "rekeningen"])
def test_a_key_person_finds_debt_help_for_a_question_with_the_first_contact_person(
    words: str, cast: dict[str, Any], debt_help: HelpService
) -> None:
    body = client_for(cast["key_person"]).get(reverse("network:help_map"), {"q": words}).content.decode()
    assert "Schuldhulpverlening Eindhoven" in body
    assert "Mirjam de Wit" in body and "Klantmanager schuldhulp" in body
    assert "Living in Eindhoven, 18 or older." in body


def test_another_question_or_another_support_point_does_not_find_it(
    cast: dict[str, Any], debt_help: HelpService
) -> None:
    body = client_for(cast["key_person"]).get(reverse("network:help_map"), {"q": "huiselijk geweld"}).content.decode()
    assert "Schuldhulpverlening" not in body
    body = client_for(cast["other_key_person"]).get(reverse("network:help_map"), {"q": "schuldhulp"}).content.decode()
    assert "Schuldhulpverlening" not in body, "each support point keeps its own map for its own key persons"


def test_a_key_person_suggests_a_correction_and_the_support_point_takes_it_over(
    cast: dict[str, Any], debt_help: HelpService, support_point: Organisation
) -> None:
    response = client_for(cast["key_person"]).post(
        reverse("network:help_suggest"),
        {"service": debt_help.pk, "text": "The walk-in hour moved to Thursday morning."},
    )
    assert response.status_code == 302
    suggestion = HelpSuggestion.objects.get()
    assert suggestion.key_person == key_person(cast["key_person"])
    manager = client_for(cast["manager"])
    page = manager.get(reverse("network:help_services", args=[support_point.slug])).content.decode()
    assert "The walk-in hour moved to Thursday morning." in page
    response = manager.post(
        reverse("network:help_suggestion_decide", args=[support_point.slug, suggestion.uuid]), {"accept": ""}
    )
    assert response["Location"] == reverse("network:help_service", args=[support_point.slug, debt_help.uuid])
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.ACCEPTED


def test_a_manager_adds_a_service_by_the_form(cast: dict[str, Any], support_point: Organisation) -> None:
    provider = Organisation.objects.create(slug="veilig-thuis", kind="care_organisation", name="Veilig Thuis")
    response = client_for(cast["manager"]).post(
        reverse("network:help_services", args=[support_point.slug]),
        {
            "provider": provider.pk,
            "name": "Advies bij huiselijk geweld",
            "topic": "domestic_violence",
            "role_phone": "0800 2000",
            "open_data": "on",
            "languages": [Language.objects.get(code="ar").pk],
        },
    )
    assert response.status_code == 302
    service = HelpService.objects.get()
    assert service.support_point == support_point and service.contact_checked_on is None
    body = client_for(cast["key_person"]).get(reverse("network:help_map"), {"q": "geweld"}).content.decode()
    assert "Advies bij huiselijk geweld" in body


def test_the_open_data_carries_the_service_but_never_the_named_contact_person(
    client: Any, debt_help: HelpService, support_point: Organisation
) -> None:
    hidden = help_service_save(
        support_point=support_point, actor=None, provider=debt_help.provider, name="Kept inside", topic="other",
        open_data=False,
    )  # fmt: skip
    services = list(export.services("https://samenspel.example.org"))
    (exported,) = [s for s in services if s["id"] == str(debt_help.uuid)]
    assert exported["help_topic"] == "debt"
    assert exported["eligibility_description"] == "Living in Eindhoven, 18 or older."
    assert exported["application_process"] == "Call the counter or walk in on Tuesday morning."
    assert exported["organization"]["name"] == "Gemeente Eindhoven"
    assert exported["contacts"][0]["email"] == "schuldhulp@gemeente.example.org"
    assert {lang["code"] for lang in exported["languages"]} == {"nl", "tr"}
    text = json.dumps(services)
    for private in ("Mirjam", "dewit", "040 238 0000", "interpreter", str(hidden.uuid)):
        assert private not in text
    # The JSON document and the CSV tables are made from the same stream.
    document = "".join(export.iter_json(base_url="https://samenspel.example.org"))
    assert str(debt_help.uuid) in document and "Mirjam" not in document
    # The API finds it by its id, like a group.
    response = client.get(f"/api/hsds/services/{debt_help.uuid}")
    assert response.status_code == 200 and response.json()["name"] == "Schuldhulpverlening Eindhoven"
    assert client.get(f"/api/hsds/services/{hidden.uuid}").status_code == 404


def test_a_named_contact_person_nobody_checked_for_a_year_is_removed(debt_help: HelpService) -> None:
    checked = debt_help.contact_checked_on
    assert checked is not None
    call_command("purge_network_notes", today=(checked + datetime.timedelta(days=365)).isoformat())
    debt_help.refresh_from_db()
    assert debt_help.contact_name == "Mirjam de Wit"
    call_command("purge_network_notes", today=(checked + datetime.timedelta(days=366)).isoformat())
    debt_help.refresh_from_db()
    assert (debt_help.contact_name, debt_help.contact_phone, debt_help.contact_email) == ("", "", "")
    assert debt_help.contact_role == "Klantmanager schuldhulp", "the role stays: who to ask for"
    assert debt_help.role_email, "the service itself stays"


def test_the_exported_help_service_validates_against_hsds_and_the_samenspel_profile(debt_help: HelpService) -> None:
    from tests.opendata.conftest import SCHEMA_DIR, load_schemas, make_validator, patched_schemas

    if not SCHEMA_DIR.is_dir():
        pytest.skip(f"HSDS 3.0 reference schemas not found at {SCHEMA_DIR}")
    (exported,) = [s for s in export.services("https://samenspel.example.org") if s["id"] == str(debt_help.uuid)]
    assert make_validator(load_schemas(SCHEMA_DIR))("service.json", exported) == []
    assert make_validator(patched_schemas(SCHEMA_DIR))("service.json", exported) == []

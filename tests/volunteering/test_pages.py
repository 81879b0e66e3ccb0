"""The pages: the public sign-up (what it refuses and what it stores), the own-data link, the support point's steps."""

from __future__ import annotations

import json
import re

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from samenspel.directory.models import Organisation
from samenspel.volunteering import services
from samenspel.volunteering.models import Volunteer, VolunteerRole, VolunteerStatus
from tests.personas import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _languages(reference: None) -> None:
    """The languages the form offers come from the reference data."""


@pytest.fixture
def client() -> Client:
    """A browser that reads English, the source strings."""
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def _form(role: VolunteerRole | None = None, **extra: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Samira",
        "email": "samira@example.org",
        "phone": "",
        "give": "Ik vertaal graag.",
        "wants": ["meet_people"],
        "times": ["weekday_evening"],
        "pc4": "5611",
        "languages": ["ar", "nl"],
        "consent": "on",
        "submit_key": "k1",
        **extra,
    }
    if role is not None:
        data["interested_in"] = str(role.uuid)
    return data


def _url(sp: Organisation) -> str:
    return reverse("volunteering:volunteer", kwargs={"slug": sp.slug})


def test_the_public_page_shows_the_open_roles_of_this_support_point_only(client: Client, support_point, role) -> None:
    closed = VolunteerRole.objects.create(
        support_point=support_point, kind="driver", title="Chauffeur", description="Rijden", is_open=False
    )
    other = Organisation.objects.create(slug="elders", kind="support_point", name="Elders")
    VolunteerRole.objects.create(support_point=other, kind="host", title="Gastheer elders", description="Koffie")
    response = client.get(_url(support_point))
    page = response.content.decode()
    assert response.status_code == 200
    assert role.title in page and closed.title not in page and "Gastheer elders" not in page
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_a_page_for_something_that_is_no_support_point_is_not_found(client: Client, group) -> None:
    assert client.get(reverse("volunteering:volunteer", kwargs={"slug": "bestaat-niet"})).status_code == 404


def test_signing_up_stores_the_volunteer_and_shows_the_thank_you_page(client: Client, support_point, role) -> None:
    response = client.post(_url(support_point), _form(role))
    assert response.status_code == 302
    assert response["Location"].endswith("/vrijwilliger-worden/verstuurd/")
    volunteer = Volunteer.objects.get()
    assert (volunteer.name, volunteer.interested_in, volunteer.pc4) == ("Samira", role, "5611")
    assert sorted(language.code for language in volunteer.languages.all()) == ["ar", "nl"]
    assert client.get(response["Location"]).status_code == 200


def test_a_volunteer_without_consent_gets_a_clear_error_and_nothing_is_stored(
    client: Client, support_point, role
) -> None:
    data = _form(role)
    del data["consent"]
    response = client.post(_url(support_point), data)
    assert response.status_code == 400
    assert "Without your agreement we cannot keep your details" in response.content.decode()
    assert Volunteer.objects.count() == 0 and not mail.outbox


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "geen-adres", "does not look like an e-mail address"),
        ("pc4", "99", "four digits of a Dutch postcode"),
        ("phone", "bel me", "does not look like a phone number"),
        ("give", "", "Write a few words"),
        ("interested_in", "00000000-0000-0000-0000-000000000000", "Choose one of the roles"),
    ],
)
def test_bad_input_gets_a_clear_error_and_changes_nothing(client, support_point, role, field, value, message) -> None:
    response = client.post(_url(support_point), {**_form(role), field: value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Volunteer.objects.count() == 0


def test_a_role_of_another_support_point_cannot_be_chosen(client: Client, support_point, role) -> None:
    other = Organisation.objects.create(slug="elders", kind="support_point", name="Elders")
    response = client.post(_url(other), _form(role))
    assert response.status_code == 400
    assert Volunteer.objects.count() == 0


def test_the_honeypot_shows_the_same_thanks_and_keeps_nothing(client: Client, support_point) -> None:
    response = client.post(_url(support_point), _form(website="http://spam.example"))
    assert response.status_code == 302
    assert Volunteer.objects.count() == 0 and not mail.outbox


@override_settings(VOLUNTEER_RATE_LIMIT=2)
def test_many_sign_ups_from_one_address_are_refused_for_an_hour(client: Client, support_point) -> None:
    for n in range(2):
        assert client.post(_url(support_point), _form(submit_key=f"k{n}")).status_code == 302
    response = client.post(_url(support_point), _form(submit_key="k9"))
    assert response.status_code == 429
    assert Volunteer.objects.count() == 2


def test_the_same_form_sent_twice_is_one_sign_up(client: Client, support_point) -> None:
    client.post(_url(support_point), _form())
    client.post(_url(support_point), _form())
    assert Volunteer.objects.count() == 1


def _own_link(volunteer: Volunteer) -> str:
    return "/" + services.own_link(volunteer).split("://", 1)[1].split("/", 1)[1]


def test_the_own_link_shows_the_details_downloads_them_and_deletes_everything(client: Client, volunteer) -> None:
    link = _own_link(volunteer)
    page = client.get(link)
    assert page.status_code == 200 and "samira@example.org" in page.content.decode()
    download = client.post(link, {"action": "download"})
    assert json.loads(download.content)["email"] == "samira@example.org"
    assert Volunteer.objects.count() == 1  # opening and downloading change nothing
    assert client.post(link, {"action": "delete"}).status_code == 200
    assert Volunteer.objects.count() == 0
    assert client.get(link).status_code == 404


def test_a_tampered_own_link_shows_nothing(client: Client, volunteer) -> None:
    link = _own_link(volunteer)
    assert client.get(link[:-3] + "abc/").status_code == 404
    assert client.post(link[:-3] + "abc/", {"action": "delete"}).status_code == 404
    assert Volunteer.objects.count() == 1


def test_the_mailed_receipt_holds_a_working_own_link(client: Client, support_point) -> None:
    client.post(_url(support_point), _form())
    receipt = mail.outbox[0]
    path = re.search(r"https?://\S+(/vrijwilliger/mijn-gegevens/\S+)", receipt.body).group(1)  # type: ignore[union-attr]
    assert client.get(path).status_code == 200


def test_the_support_point_answers_starts_a_trial_fixes_a_role_and_prints_a_letter(
    client, personas, volunteer, role
) -> None:
    sign_in(client, personas["editor"])
    url = reverse("volunteering:volunteer_detail", kwargs={"volunteer_uuid": volunteer.uuid})
    page = client.get(url).content.decode()
    assert role.title in page  # among the roles that may fit
    mail.outbox.clear()
    assert client.post(url, {"action": "answer", "message": "Welkom! Ik bel je morgen."}).status_code == 302
    assert mail.outbox[-1].to == ["samira@example.org"]
    assert (
        client.post(url, {"action": "trial", "trial-role": str(role.uuid), "trial-since": "2026-01-05"}).status_code
        == 302
    )
    assert (
        client.post(url, {"action": "role", "role-role": str(role.uuid), "role-since": "2025-02-01"}).status_code == 302
    )
    assert client.post(url, {"action": "hours", "year": "2026", "hours": "48"}).status_code == 302
    volunteer.refresh_from_db()
    assert volunteer.status == VolunteerStatus.ACTIVE and volunteer.hours.get().hours == 48
    letter = client.get(reverse("volunteering:letter", kwargs={"volunteer_uuid": volunteer.uuid}))
    assert letter["Content-Type"] == "application/pdf" and letter.content.startswith(b"%PDF")
    export = client.get(reverse("volunteering:export", kwargs={"volunteer_uuid": volunteer.uuid}))
    assert json.loads(export.content)["hours"] == {"2026": 48}
    queue = client.get(reverse("volunteering:queue", kwargs={"slug": volunteer.support_point.slug})).content.decode()
    assert "Samira" in queue and "48" in queue


def test_a_trial_in_a_role_of_another_support_point_is_refused(client, personas, volunteer) -> None:
    other = Organisation.objects.create(slug="elders", kind="support_point", name="Elders")
    foreign = VolunteerRole.objects.create(support_point=other, kind="host", title="Elders", description="x")
    sign_in(client, personas["editor"])
    url = reverse("volunteering:volunteer_detail", kwargs={"volunteer_uuid": volunteer.uuid})
    response = client.post(url, {"action": "trial", "trial-role": str(foreign.uuid), "trial-since": "2026-01-05"})
    assert response.status_code == 400
    volunteer.refresh_from_db()
    assert volunteer.status == VolunteerStatus.NEW


def test_the_support_point_deletes_a_volunteer_on_request(client, personas, volunteer) -> None:
    sign_in(client, personas["manager"])
    url = reverse("volunteering:volunteer_detail", kwargs={"volunteer_uuid": volunteer.uuid})
    assert client.post(url, {"action": "delete"}).status_code == 302
    assert Volunteer.objects.count() == 0


def test_an_editor_adds_a_role_that_appears_on_the_public_page(client, personas, support_point, reference) -> None:
    sign_in(client, personas["editor"])
    url = reverse("volunteering:roles", kwargs={"slug": support_point.slug})
    data = {"kind": "driver", "title": "Chauffeur naar de groep", "description": "Je rijdt mensen", "is_open": "on"}
    assert client.post(url, data).status_code == 302
    assert "Chauffeur naar de groep" in Client().get(_url(support_point)).content.decode()


def test_a_support_point_member_finds_the_volunteers_on_their_home_page(client, personas, support_point) -> None:
    sign_in(client, personas["viewer"])
    page = client.get(reverse("home")).content.decode()
    assert reverse("volunteering:queue", kwargs={"slug": support_point.slug}) in page


def test_a_group_contact_sees_no_volunteers_on_their_home_page(client, personas, support_point) -> None:
    sign_in(client, personas["contact"])
    page = client.get(reverse("home")).content.decode()
    assert "/vrijwilligers/" not in page


def test_the_volunteer_records_their_own_hours_on_their_page(client: Client, volunteer) -> None:
    link = _own_link(volunteer)
    assert client.post(link, {"action": "hours", "year": "2026", "hours": "52"}).status_code == 302
    assert volunteer.hours.get().hours == 52
    assert client.post(link, {"action": "hours", "year": "2026", "hours": "-3"}).status_code == 400
    assert volunteer.hours.get().hours == 52

"""The public group page: what a visitor needs to decide, and never more of the place than is public."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.test import Client
from django.utils import timezone

from samenspel.directory.models import Cancellation, Group, Language, Location

pytestmark = pytest.mark.django_db


@pytest.fixture
def client() -> Client:
    # English is the source language: these assertions keep holding once the Dutch .po files arrive.
    return Client(HTTP_ACCEPT_LANGUAGE="en")


JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def page(client: Client, group: Group) -> str:
    response = client.get(f"/groep/{group.slug}/")
    assert response.status_code == 200
    return response.content.decode()


def jsonld(html: str) -> dict[str, object]:
    match = JSONLD.search(html)
    assert match is not None
    return json.loads(match.group(1))


def set_disclosure(location: Location, disclosure: str) -> None:
    location.disclosure = disclosure
    if disclosure == "online":
        location.online_url = "https://meet.example.org/secret-room-42"
    location.full_clean()
    location.save()


def test_it_shows_the_essentials_of_a_group(client: Client, group: Group) -> None:
    group.first_visit_nl = "Je mag eerst alleen luisteren."
    group.house_rules_nl = "Wat hier gezegd wordt, blijft hier."
    group.age_min, group.age_max = 18, 65
    group.led_by, group.leader_count = "volunteer", 2
    group.save()

    html = page(client, group)

    assert "Peer group depression" in html  # the English name, as the visitor reads English
    assert "Een groep voor mensen die somber zijn." in html
    assert "Je mag eerst alleen luisteren." in html
    assert "Wat hier gezegd wordt, blijft hier." in html
    assert "From 18 to 65 years old" in html
    assert "A volunteer (2 leaders)" in html
    assert "Boogstraat 12" in html  # a public address is shown in full
    assert "Steunpunt Test" in html and "info@steunpunt.example.org" in html
    assert "Free" in html
    assert f'href="/groep/{group.slug}/vraag/"' in html
    assert f'href="/groep/{group.slug}/flyer/"' in html
    assert f'href="/groep/{group.slug}/agenda.ics"' in html


def test_it_lists_the_next_five_meetings_from_the_schedules(client: Client, group: Group) -> None:
    html = page(client, group)
    shown = re.findall(r'<time datetime="([^"]+)"', html)
    assert shown == [start.isoformat() for start in group.next_meetings(5)]


def test_it_says_a_meeting_in_the_window_is_cancelled_and_still_shows_five_that_happen(
    client: Client, group: Group
) -> None:
    schedule = group.schedules.get()
    cancelled_start = group.next_meetings(2)[1]
    Cancellation.objects.create(schedule=schedule, date=cancelled_start.date(), reason="Kerst")

    html = page(client, group)

    assert html.count('class="cancelled"') == 1
    assert "Cancelled" in html
    held = re.findall(r'<li>\s*<time datetime="([^"]+)"', html)
    assert held == [start.isoformat() for start in group.next_meetings(5)]
    assert cancelled_start.isoformat() not in held


@pytest.mark.parametrize("disclosure", ["area", "on_request"])
def test_it_hides_the_street_when_only_the_area_is_public(
    client: Client, group: Group, location: Location, disclosure: str
) -> None:
    set_disclosure(location, disclosure)

    html = page(client, group)

    assert "Boogstraat" not in html
    assert "5611 AB" not in html and "5611AB" not in html
    assert location.municipality in html
    assert "The contact point gives you the address." in html


def test_it_never_shows_the_online_link(client: Client, group: Group, location: Location) -> None:
    set_disclosure(location, "online")

    html = page(client, group)

    assert "meet.example.org" not in html
    assert "secret-room-42" not in html
    assert "The contact point sends you the link." in html


@pytest.mark.parametrize("status", ["stopped", "initiative"])
def test_a_group_that_is_not_on_the_public_map_does_not_exist_for_visitors(
    client: Client, group: Group, status: str
) -> None:
    group.status = status
    group.save()
    for path in ("", "agenda.ics", "vraag/", "vraag/verstuurd/", "flyer/"):
        assert client.get(f"/groep/{group.slug}/{path}").status_code == 404


def test_a_paused_group_is_shown_with_a_note(client: Client, group: Group) -> None:
    group.status = "paused"
    group.save()
    assert "does not meet for a while" in page(client, group)


def test_the_json_ld_describes_the_group_as_a_service(client: Client, group: Group) -> None:
    group.languages.add(Language.objects.get(code="fa"))

    data = jsonld(page(client, group))

    assert data["@type"] == "Service"
    assert data["name"] == "Peer group depression"
    assert {lang["alternateName"] for lang in data["availableLanguage"]} == {"nl", "fa"}  # type: ignore[union-attr]
    address = data["availableChannel"]["serviceLocation"]["address"]  # type: ignore[index]
    assert address["streetAddress"] == "Boogstraat 12"
    assert data["provider"]["name"] == "Steunpunt Test"  # type: ignore[index]


@pytest.mark.parametrize("disclosure", ["area", "on_request", "online"])
def test_the_json_ld_has_no_street_and_no_link_for_a_place_that_is_not_public(
    client: Client, group: Group, location: Location, disclosure: str
) -> None:
    set_disclosure(location, disclosure)

    html = page(client, group)
    raw = JSONLD.search(html).group(1)  # type: ignore[union-attr]
    data = jsonld(html)

    assert "Boogstraat" not in raw and "5611" not in raw and "meet.example.org" not in raw
    assert "streetAddress" not in raw and "postalCode" not in raw and "geo" not in raw
    assert data["@type"] == "Service"


def test_the_json_ld_cannot_break_out_of_its_script_element(client: Client, group: Group) -> None:
    group.description_nl = "</script><script>alert(1)</script> & <!-- meer"
    group.save()

    html = page(client, group)

    assert "<script>alert(1)" not in html
    assert jsonld(html)["description"] == "</script><script>alert(1)</script> & <!-- meer"


def test_it_shows_a_neutral_note_when_the_information_is_over_a_year_old(client: Client, group: Group) -> None:
    group.last_verified_at = timezone.now() - datetime.timedelta(days=400)
    group.save()
    assert "has not been checked since" in page(client, group)

    group.last_verified_at = timezone.now() - datetime.timedelta(days=30)
    group.save()
    html = page(client, group)
    assert "Last checked on" in html
    assert "has not been checked since" not in html


def test_it_shows_the_fee_and_never_a_private_contact_name(client: Client, group: Group) -> None:
    group.cost, group.cost_amount = "fee", "2.50"
    group.contact_name, group.contact_name_public = "Fatima Jansen", False
    group.save()

    html = page(client, group)

    assert "Fee: € 2,50" in html or "Fee: € 2.50" in html
    assert "Fatima" not in html


def test_the_group_page_needs_few_queries(client: Client, group: Group, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    group.languages.add(*Language.objects.filter(code__in=["en", "ar"]))
    Cancellation.objects.create(schedule=group.schedules.get(), date=group.next_meetings(1)[0].date())
    with django_assert_max_num_queries(12):
        page(client, group)


def test_it_leads_to_the_support_points_volunteer_page_and_newsletter(client: Client, group: Group) -> None:
    html = page(client, group)
    sp = group.support_point
    assert sp is not None
    volunteer = f'<a href="/steunpunt/{sp.slug}/vrijwilliger-worden/">Help as a volunteer at {sp.name}</a>'
    newsletter = f'<a href="/steunpunt/{sp.slug}/nieuwsbrief/">Newsletter of {sp.name}</a>'
    assert volunteer in html and newsletter in html
    for path in (f"/steunpunt/{sp.slug}/vrijwilliger-worden/", f"/steunpunt/{sp.slug}/nieuwsbrief/"):
        assert client.get(path).status_code == 200

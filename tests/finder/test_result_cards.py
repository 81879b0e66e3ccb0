"""Result cards that neither mislead nor look alike, and a question form that gives a date, not a sum."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import translation
from django.utils.formats import date_format

from samenspel.directory.models import Group, Language, Location, Schedule, Theme
from samenspel.directory.search_index import index_groups
from samenspel.finder.models import retention_date

pytestmark = pytest.mark.django_db


def card_of(html: str, name: str) -> str:
    start = html.index(f">{name}</a>")
    return html[html.rindex('<li class="result">', 0, start) : html.index("</li>", start)]


def test_a_paused_group_says_so_instead_of_a_date(group: Group) -> None:
    Group.objects.filter(pk=group.pk).update(status="paused")
    index_groups([group.pk])
    html = Client(HTTP_ACCEPT_LANGUAGE="en").get("/", {"q": "depressie"}).content.decode()
    card = card_of(html, "Peer group depression")
    assert "<time" not in card
    # Said once, as the card's status; under "Next meeting" the visitor is sent to the contact point.
    assert card.count("paused for now") == 1
    assert "Next meeting</dt><dd>ask the contact point</dd>" in card


def test_a_paused_group_has_no_date_on_the_printed_list_either(group: Group) -> None:
    Group.objects.filter(pk=group.pk).update(status="paused")
    index_groups([group.pk])
    html = Client(HTTP_ACCEPT_LANGUAGE="en").get("/lijst/", {"q": "depressie"}).content.decode()
    assert "paused for now" in html
    assert "Thu " not in html


def test_an_active_group_still_shows_its_next_meeting(group: Group) -> None:
    index_groups([group.pk])
    html = Client(HTTP_ACCEPT_LANGUAGE="en").get("/", {"q": "depressie"}).content.decode()
    card = card_of(html, "Peer group depression")
    assert "<time" in card and "Thursday" in card
    assert 'class="subtitle"' not in card  # no namesake on the page, nothing to tell apart


@pytest.fixture
def namesake(group: Group) -> Group:
    location = Location(name="Wijkcentrum 't Hofke", street="Hofstraat 3", postcode="5701 AB", disclosure="public")
    location.full_clean()
    location.save()
    twin = Group.objects.create(
        slug="lotgenoten-depressie-2",
        name_nl=group.name_nl,
        name_en=group.name_en,
        description_nl="Dezelfde naam, een andere plek.",
        support_point=group.support_point,
        location=location,
        contact_email="depressie@steunpunt.example.org",
    )
    twin.themes.set([Theme.objects.get(slug="depression")])
    twin.languages.set([Language.objects.get(code="ti")])
    Schedule.objects.create(
        group=twin,
        kind="weekly",
        weekdays=[0],
        start_time=datetime.time(10, 0),
        end_time=datetime.time(12, 0),
        valid_from=datetime.date(2026, 1, 1),
    )
    index_groups([group.pk, twin.pk])
    return twin


def test_cards_with_the_same_name_say_where_when_and_in_which_language(group: Group, namesake: Group) -> None:
    html = Client(HTTP_ACCEPT_LANGUAGE="en").get("/", {"q": "depressie"}).content.decode()
    subtitles = [part.split("</p>")[0] for part in html.split('<p class="subtitle">')[1:]]
    assert len(subtitles) == 2
    first, second = sorted(subtitles, key=lambda text: "Boog" not in text)
    assert "Buurthuis De Boog" in first and "every Thursday" in first and 'lang="nl"' in first
    assert "Hofke" in second and "every Monday" in second and 'lang="ti"' in second
    assert first != second


def test_the_question_form_gives_the_deletion_date_in_the_readers_language(group: Group) -> None:
    for code in ("en", "nl", "pl"):
        html = Client(HTTP_ACCEPT_LANGUAGE=code).get(f"/groep/{group.slug}/vraag/").content.decode()
        with translation.override(code):
            sentence = translation.gettext("We delete your question on %(date)s.") % {
                "date": date_format(retention_date(), "DATE_FORMAT")
            }
        assert sentence in html
        assert "30 days" not in html and "30 dagen" not in html

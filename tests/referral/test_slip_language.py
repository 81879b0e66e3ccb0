"""The professional's side of issue 22: the slip in the reader's language and grammar, each block in its own
direction, the slip's language chosen sensibly, the audience asked as a professional asks it, and the same fallback
as the public search."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samenspel.directory.models import Group, Language, Schedule, Theme
from samenspel.directory.search_index import index_groups
from samenspel.referral.services import group_code
from tests.personas import client_for

pytestmark = pytest.mark.django_db

# CLDR's Polish month names: the genitive a date takes ("10 grudnia") and the nominative it must not ("Grudzień").
POLISH_GENITIVE = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
                   "października", "listopada", "grudnia")  # fmt: skip
POLISH_NOMINATIVE = ("styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień",
                     "październik", "listopad", "grudzień")  # fmt: skip


def pdf_text(pdf: bytes) -> str:
    if shutil.which("pdftotext") is None:
        (pytest.fail if os.environ.get("CI") else pytest.skip)(
            "pdftotext not installed: run bin/install-system-packages as root (poppler-utils)"
        )
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode()


def next_tenth_of_december() -> datetime.date:
    today = timezone.localdate()
    this_year = datetime.date(today.year, 12, 10)
    return this_year if this_year > today else datetime.date(today.year + 1, 12, 10)


@pytest.fixture
def december_group(gambling_group: Group) -> Group:
    """The gambling group, meeting only on the next 10 December: its slip prints that date."""
    gambling_group.schedules.all().delete()
    Schedule.objects.create(
        group=gambling_group,
        kind="dates",
        dates=[next_tenth_of_december().isoformat()],
        start_time=datetime.time(19, 0),
        end_time=datetime.time(21, 0),
        valid_from=timezone.localdate(),
    )
    return gambling_group


def test_the_polish_slip_pdf_says_10_grudnia_not_grudzien(client: Client, december_group: Group) -> None:
    code = group_code(december_group)
    html = client.get(reverse("referral:slip", args=[code.code, "pl"])).content.decode()
    assert "10 grudnia" in html
    text = pdf_text(client.get(reverse("referral:slip_pdf", args=[code.code, "pl"])).content)
    assert "10 grudnia" in text, text
    assert "Grudzień" not in text and "grudzień" not in text
    assert "december" not in text.lower()


@pytest.mark.parametrize(("code", "month"), [("uk", "грудня"), ("ti", "ታሕሳስ"), ("so", "Diseembar"), ("nl", "december")])
def test_the_slip_names_the_month_in_the_readers_language(
    client: Client, december_group: Group, code: str, month: str
) -> None:
    slip = group_code(december_group)
    html = client.get(reverse("referral:slip", args=[slip.code, code])).content.decode()
    assert f"10 {month}" in html or f"{month} 10" in html
    if code != "nl":
        assert "december" not in html.lower()


def test_a_dutch_description_on_an_arabic_slip_is_laid_out_left_to_right(client: Client, gambling_group: Group) -> None:
    gambling_group.description_nl = "Een ervaren vrijwilliger begeleidt de gesprekken."
    gambling_group.save()
    code = group_code(gambling_group)
    # In the PDF the full stop stays at the end of the Dutch sentence (laid out right to left it comes first).
    text = pdf_text(client.get(reverse("referral:slip_pdf", args=[code.code, "ar"])).content)
    assert "begeleidt de gesprekken." in text, text
    html = client.get(reverse("referral:slip", args=[code.code, "ar"])).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<div lang="nl" dir="ltr" data-content><p>Een ervaren vrijwilliger' in html


def test_the_slip_language_follows_the_search_then_the_group(gambling_group: Group, personas: dict[str, Any]) -> None:
    gp = client_for(personas["professional_a"])
    url = reverse("referral:slip_make", args=[gambling_group.slug])

    def chosen(response: Any) -> str:
        return str(response.context["form"]["language"].value())

    # Searched in Polish: the slip is Polish.
    assert chosen(gp.get(url, {"searched": "pl"})) == "pl"
    # No language searched for, the group meets in Turkish: the slip is Turkish (the professional works in Dutch).
    assert chosen(gp.get(url, HTTP_ACCEPT_LANGUAGE="nl")) == "tr"
    # A group that meets only in Dutch: Dutch.
    gambling_group.languages.set([Language.objects.get(code="nl")])
    assert chosen(gp.get(url, HTTP_ACCEPT_LANGUAGE="nl")) == "nl"
    # A language the site does not speak is not a slip language.
    assert chosen(gp.get(url, {"searched": "xx"}, HTTP_ACCEPT_LANGUAGE="nl")) == "nl"


def test_the_search_links_the_slip_in_the_language_searched_for(
    reference: None, gambling_group: Group, personas: dict[str, Any]
) -> None:
    index_groups([gambling_group.pk])
    gp = client_for(personas["professional_a"])
    body = gp.get(reverse("referral:search"), {"q": "gokken", "language": "tr", "distance": "any"}).content.decode()
    assert reverse("referral:slip_make", args=[gambling_group.slug]) + "?searched=tr" in body


def test_the_professional_says_whether_the_group_is_for_the_client_or_a_relative(
    reference: None, gambling_group: Group, personas: dict[str, Any]
) -> None:
    index_groups([gambling_group.pk])  # a group for the people it concerns
    gp = client_for(personas["professional_a"])
    url = reverse("referral:search")
    form = gp.get(url).content.decode()
    assert 'name="audience" value="self"' in form and 'name="audience" value="relative"' in form
    for_client = gp.get(url, {"q": "gokken", "distance": "any", "audience": "self"})
    assert for_client.context["results"].total == 1
    for_relative = gp.get(url, {"q": "gokken", "distance": "any", "audience": "relative"})
    assert for_relative.context["results"].filters.audience == "relative"
    assert gambling_group.slug not in {row["hit"].group.slug for row in for_relative.context["rows"]}


def test_the_professional_search_keeps_the_theme_when_the_language_has_no_group(
    reference: None, gambling_group: Group, personas: dict[str, Any]
) -> None:
    # A Polish group exists, about something else: Polish is a language to search in, but not for gambling.
    polish = Group.objects.create(
        slug="depresja",
        name_nl="Depressie in het Pools",
        support_point=gambling_group.support_point,
        contact_email="depresja@steunpunt.example.org",
    )
    polish.themes.set([Theme.objects.get(slug="depression")])
    polish.languages.set([Language.objects.get(code="pl")])
    index_groups([gambling_group.pk, polish.pk])
    gp = client_for(personas["professional_a"])
    response = gp.get(reverse("referral:search"), {"q": "gokken", "language": "pl", "distance": "any"})
    assert response.context["results"].total == 0
    fallback = response.context["fallback"]
    assert fallback is not None and fallback.relaxed == ["language"]
    assert response.context["rows"] == []
    assert [row["hit"].group.slug for row in response.context["fallback_rows"]] == [gambling_group.slug]
    body = response.content.decode()
    assert 'class="fallback-sentence"' in body and "Polish" in fallback.sentence
    assert "The same search in any language" in body

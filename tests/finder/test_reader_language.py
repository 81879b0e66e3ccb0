"""Dates, numbers and directions in the reader's language (issue 22, points 1 and 2), without a browser."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import translation

from samenspel.core import dates
from samenspel.directory.models import Group, Language

pytestmark = pytest.mark.django_db

TENTH_OF_DECEMBER = datetime.datetime(2026, 12, 10, 18, 30, tzinfo=datetime.UTC)  # 19:30 in Amsterdam


@pytest.mark.parametrize(
    ("code", "long", "meeting"),
    [
        ("nl", "10 december 2026", "donderdag 10 december, 19:30"),
        ("en", "10 December 2026", "Thursday 10 December, 19:30"),
        ("pl", "10 grudnia 2026", "czwartek 10 grudnia, 19:30"),
        ("uk", "10 грудня 2026", "четвер 10 грудня, 19:30"),
        ("ti", "10 ታሕሳስ 2026", "ሓሙስ፣ 10 ታሕሳስ, 19:30"),
        ("so", "Diseembar 10, 2026", "Khamiis, Diseembar 10, 19:30"),
    ],
)
def test_a_date_takes_the_month_and_grammar_of_the_reader(code: str, long: str, meeting: str) -> None:
    with translation.override(code):
        assert dates.long_date(TENTH_OF_DECEMBER.date()).startswith(long)
        assert dates.meeting(TENTH_OF_DECEMBER) == meeting
        if code not in ("pl", "uk"):
            return
        # The genitive, never the nominative Django's F gives ("Grudzień", "грудень").
        assert "rudzień" not in dates.day_month(TENTH_OF_DECEMBER)
        assert "грудень" not in dates.day_month(TENTH_OF_DECEMBER)


def test_a_format_with_an_escaped_letter_keeps_it() -> None:
    with translation.override("ti"):
        assert dates._format(TENTH_OF_DECEMBER.date(), r"j F \F") == "10 ታሕሳስ F"


def test_the_dutch_description_on_an_arabic_page_is_left_to_right_and_phones_always_are(group: Group) -> None:
    group.contact_phone = "040 123 4567"
    group.save()
    group.languages.set([Language.objects.get(code="nl")])
    html = Client(HTTP_ACCEPT_LANGUAGE="ar").get(f"/groep/{group.slug}/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<div lang="nl" dir="ltr" data-content><p>Een groep voor mensen die somber zijn.</p></div>' in html
    assert 'dir="ltr">040 123 4567</a>' in html
    assert '<span lang="nl" dir="ltr" data-content>Nederlands</span>' in html


def test_an_arabic_text_on_a_dutch_page_is_right_to_left(group: Group) -> None:
    group.languages.set([Language.objects.get(code="ar")])
    group.description_ar = "مجموعة للأشخاص الذين يشعرون بالحزن."
    group.save()
    # The Arabic page shows the Arabic description; the Dutch page names the meeting language in Arabic script.
    arabic = Client(HTTP_ACCEPT_LANGUAGE="ar").get(f"/groep/{group.slug}/").content.decode()
    assert '<div lang="ar" dir="rtl" data-content><p>مجموعة' in arabic
    dutch = Client(HTTP_ACCEPT_LANGUAGE="nl").get(f"/groep/{group.slug}/").content.decode()
    assert '<span lang="ar" dir="rtl" data-content>العربية</span>' in dutch


def test_the_flyer_marks_a_dutch_name_inside_an_arabic_block(group: Group) -> None:
    group.description_ar = "مجموعة للأشخاص الذين يشعرون بالحزن."
    group.save()
    group.languages.set([Language.objects.get(code="nl"), Language.objects.get(code="ar")])
    html = Client().get(f"/groep/{group.slug}/flyer/").content.decode()
    assert '<section class="flyer-block" lang="ar" dir="rtl">' in html
    assert '<h1 lang="nl" dir="ltr" data-content>Lotgenotengroep depressie</h1>' in html

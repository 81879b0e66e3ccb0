"""The flyer: one A4 page in the group's languages, with a QR code to the group page; HTML and PDF."""

from __future__ import annotations

import datetime
import re
import zlib

import pytest
from django.test import Client
from django.utils import translation

from samenspel.directory.models import Group, Language, Location, Schedule
from samenspel.directory.schedule_text import describe_schedule

pytestmark = pytest.mark.django_db


@pytest.fixture
def client() -> Client:
    # English is the source language: these assertions keep holding once the Dutch .po files arrive.
    return Client(HTTP_ACCEPT_LANGUAGE="en")


PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


def pdf_objects(pdf: bytes) -> bytes:
    """The PDF with its compressed streams inflated, so page objects can be found without a PDF library."""
    parts = [pdf]
    for stream in STREAM.findall(pdf):
        try:
            parts.append(zlib.decompress(stream))
        except zlib.error:
            continue  # not a Flate stream (an image, say): holds no page objects
    return b"\n".join(parts)


def page_count(pdf: bytes) -> int:
    return len(PAGE_OBJECT.findall(pdf_objects(pdf)))


def multilingual(group: Group, *codes: str) -> Group:
    group.languages.add(*Language.objects.filter(code__in=codes))
    for code in codes:
        setattr(group, f"name_{code}", f"Peer group ({code})")
    group.save()
    return group


def test_the_flyer_has_a_qr_code_to_the_group_page(client: Client, group: Group) -> None:
    html = client.get(f"/groep/{group.slug}/flyer/").content.decode()

    assert '<svg viewBox="' in html and 'class="qr"' in html
    assert "<title>http://testserver/groep/lotgenoten-depressie/</title>" in html
    assert "depressie@steunpunt.example.org" in html


def test_the_flyer_has_a_block_per_meeting_language_with_a_translation(client: Client, group: Group) -> None:
    multilingual(group, "en", "fa")
    group.languages.add(Language.objects.get(code="tr"))  # spoken, but the group wrote nothing in Turkish

    html = client.get(f"/groep/{group.slug}/flyer/").content.decode()

    assert 'class="flyer-block" lang="nl" dir="ltr"' in html
    assert 'class="flyer-block" lang="en" dir="ltr"' in html
    assert 'class="flyer-block" lang="fa" dir="rtl"' in html
    assert 'lang="tr"' not in html
    assert "Lotgenotengroep depressie" in html and "Peer group (fa)" in html


def test_the_flyer_hides_the_street_when_only_the_area_is_public(
    client: Client, group: Group, location: Location
) -> None:
    location.disclosure = "on_request"
    location.save()
    multilingual(group, "en")  # the English block holds the English source text

    html = client.get(f"/groep/{group.slug}/flyer/").content.decode()

    assert "Boogstraat" not in html
    assert "The contact point gives you the address." in html


def test_the_pdf_is_one_a4_page(client: Client, group: Group) -> None:
    multilingual(group, "en", "fa")

    response = client.get(f"/groep/{group.slug}/flyer.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert page_count(response.content) == 1
    assert re.search(rb"/MediaBox\s*\[\s*0 0 595(\.\d+)? 841(\.\d+)?", pdf_objects(response.content))  # A4 in points


def test_the_pdf_stays_one_page_with_six_languages(client: Client, group: Group) -> None:
    group.description_nl = "Een groep voor mensen die somber zijn. " * 3
    multilingual(group, "en", "fa", "ar", "tr", "ti", "so", "pl")

    content = client.get(f"/groep/{group.slug}/flyer.pdf").content

    assert page_count(content) == 1


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({"kind": "weekly", "weekdays": [3]}, "every Thursday, 19:30-21:30"),
        ({"kind": "weekly", "weekdays": [0, 2, 4]}, "every Monday, Wednesday and Friday, 19:30-21:30"),
        ({"kind": "every_n_weeks", "weekdays": [1], "interval": 2}, "every 2 weeks on Tuesday, 19:30-21:30"),
        ({"kind": "monthly_nth_weekday", "weekdays": [1], "nth": 1}, "every first Tuesday of the month, 19:30-21:30"),
        ({"kind": "monthly_nth_weekday", "weekdays": [4], "nth": -1}, "every last Friday of the month, 19:30-21:30"),
        ({"kind": "monthly_date", "day_of_month": 15}, "every month on day 15, 19:30-21:30"),
        (
            {"kind": "dates", "dates": ["2026-12-01", "2027-01-05"]},
            "on 1 December 2026 and 5 January 2027, 19:30-21:30",
        ),
        (
            {"kind": "weekly", "weekdays": [3], "valid_until": datetime.date(2027, 6, 30)},
            "every Thursday, 19:30-21:30, until 30 June 2027",
        ),
    ],
)
def test_a_schedule_is_described_in_plain_words(fields: dict[str, object], text: str) -> None:
    schedule = Schedule(
        start_time=datetime.time(19, 30), end_time=datetime.time(21, 30), valid_from=datetime.date(2026, 1, 1), **fields
    )
    with translation.override("en"):
        described = describe_schedule(schedule)
    assert described.replace("\u2066", "").replace("\u2069", "") == text
    assert "\u206619:30-21:30\u2069" in described  # times stay left to right in Arabic and Farsi

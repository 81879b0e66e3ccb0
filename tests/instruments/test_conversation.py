"""The matrix conversation: a person walks through it in their language; nothing is kept unless they agree."""

from __future__ import annotations

import re

import pypdfium2
import pytest
from django.test import Client
from django.urls import reverse

from samenspel.directory.models import Organisation
from samenspel.instruments.matrix import matrix
from samenspel.instruments.models import ContributionReceipt, ConversationCount, FactorCount

pytestmark = pytest.mark.django_db

URL = "/deelname-gesprek/"
LANGUAGE = "ar"


def _factor(nl: str) -> str:
    return next(f.key for f in matrix().conversation_factors() if f.labels["nl"] == nl)


SHAME = "Schaamte voor de eigen problemen"
TAAL = "Taalbarrière"
HOPE = "Hoop op herstel"
COFFEE = "Eigen bijdrage koffie en thee"


def _hidden(html: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html):
        found.setdefault(name, []).append(value)
    return found


def _walk(
    client: Client, url: str = URL, *, theme: str = "depression", plan: str = "Samen naar een proefbijeenkomst."
) -> str:
    """Start, answer in each part, write the plan: the result page's HTML."""
    page = client.post(url, {"step": 0, "theme": theme, "go": "next"})
    assert page.status_code == 200
    assert "Part 1 of 3" in page.content.decode()
    page = client.post(url, {"step": 1, "theme": theme, "go": "next", f"f:{_factor(HOPE)}": "helps"})
    page = client.post(
        url,
        {
            "step": 2,
            "theme": theme,
            "go": "next",
            f"f:{_factor(HOPE)}": "helps",
            f"f:{_factor(SHAME)}": "in_the_way",
            f"f:{_factor(TAAL)}": "in_the_way",
        },
    )
    carried = _hidden(page.content.decode())
    assert carried[f"f:{_factor(HOPE)}"] == ["helps"], "answers of other parts travel along, hidden"
    data = {k: v for k, v in carried.items() if k != "csrfmiddlewaretoken"}
    data.update({"go": "next", f"f:{_factor(COFFEE)}": "in_the_way"})
    page = client.post(url, data)
    assert "What will we try?" in page.content.decode()
    data = {k: v for k, v in _hidden(page.content.decode()).items() if k != "csrfmiddlewaretoken"}
    data.update({"go": "next", "plan": plan})
    result = client.post(url, data)
    assert result.status_code == 200
    assert result["Cache-Control"] == "no-store"
    return result.content.decode()


def test_walking_through_the_matrix_gives_a_page_of_what_helps_what_stands_in_the_way_and_the_plan(
    client, themes
) -> None:
    html = _walk(client)
    helps = html.split("<h2>What helps</h2>")[1].split("<h2>")[0]
    in_the_way = html.split("<h2>What stands in the way</h2>")[1].split("<h2>")[0]
    assert "Hope of recovery" in helps and "Shame" not in helps
    assert "Shame about your own problems" in in_the_way and "Language barrier" in in_the_way
    assert "Paying for coffee and tea" in in_the_way
    assert "Samen naar een proefbijeenkomst." in html
    assert not ConversationCount.objects.exists() and not FactorCount.objects.exists(), "nothing kept without consent"
    assert not client.cookies.get("csrftoken"), "the conversation sets no cookie"
    assert not ContributionReceipt.objects.exists()


def test_going_back_keeps_the_answers(client, themes) -> None:
    client.post(URL, {"step": 0, "go": "next"})
    page = client.post(
        URL, {"step": 2, "go": "back", f"f:{_factor(HOPE)}": "helps", f"f:{_factor(SHAME)}": "in_the_way"}
    )
    html = page.content.decode()
    assert "Part 1 of 3" in html
    assert re.search(rf'name="f:{re.escape(_factor(HOPE))}" value="helps" checked', html)
    assert _hidden(html)[f"f:{_factor(SHAME)}"] == ["in_the_way"]


def test_the_page_is_in_the_persons_language_right_to_left(themes) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE=LANGUAGE)
    page = client.get(URL)
    html = page.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    result = _walk_in_arabic(client)
    assert '<html lang="ar" dir="rtl">' in result
    # The factors are in Arabic too (the data file's labels), so none is marked as another language.
    assert "الخجل من مشاكلك" in result and "Shame about your own problems" not in result
    assert 'lang="en"' not in result


def _walk_in_arabic(client: Client) -> str:
    return client.post(URL, {"step": 4, "go": "next", f"f:{_factor(SHAME)}": "in_the_way"}).content.decode()


def test_the_pdf_is_one_page_made_from_the_posted_answers(client, themes) -> None:
    html = _walk(client)
    form = html.split('action="/deelname-gesprek/pdf/"')[1].split("</form>")[0]
    data = {k: v for k, v in _hidden(form).items() if k != "csrfmiddlewaretoken"}
    response = client.post(reverse("instruments:result_pdf"), data)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    document = pypdfium2.PdfDocument(response.content)
    assert len(document) == 1
    text = document[0].get_textpage().get_text_range()
    assert "Shame about your own problems" in text and "Samen naar een proefbijeenkomst." in text
    assert not FactorCount.objects.exists()


def test_with_consent_the_answers_are_added_to_counts_once_and_the_plan_is_never_kept(client, themes) -> None:
    html = _walk(client, plan="Bel Fatima op 0612345678")
    form = html.split('action="/deelname-gesprek/meetellen/"')[1].split("</form>")[0]
    data = {k: v for k, v in _hidden(form).items() if k != "csrfmiddlewaretoken"}
    assert data["submit_key"][0]
    first = client.post(reverse("instruments:contribute"), data)
    again = client.post(reverse("instruments:contribute"), data)
    assert first.status_code == again.status_code == 200
    assert "Your answers were added" in first.content.decode()
    assert list(ConversationCount.objects.values_list("theme__slug", "language", "count")) == [("depression", "en", 1)]
    counted = {(row.factor, row.answer): row.count for row in FactorCount.objects.all()}
    assert counted == {
        (_factor(HOPE), "helps"): 1,
        (_factor(SHAME), "in_the_way"): 1,
        (_factor(TAAL), "in_the_way"): 1,
        (_factor(COFFEE), "in_the_way"): 1,
    }
    # The plan is nowhere in the database.
    from django.db import connection

    for model in (ConversationCount, FactorCount, ContributionReceipt):
        for row in model.objects.values():
            assert "Fatima" not in str(row) and "0612345678" not in str(row)
    assert connection.vendor in ("sqlite", "postgresql")


def test_two_conversations_add_up(client, themes) -> None:
    for _ in range(2):
        html = _walk(client)
        form = html.split('action="/deelname-gesprek/meetellen/"')[1].split("</form>")[0]
        client.post(reverse("instruments:contribute"), {k: v for k, v in _hidden(form).items()})
    assert sum(ConversationCount.objects.values_list("count", flat=True)) == 2
    assert FactorCount.objects.get(factor=_factor(SHAME)).count == 2


def test_a_conversation_via_a_support_points_link_counts_for_that_support_point(client, themes, support_point) -> None:
    url = reverse("instruments:conversation_sp", kwargs={"slug": support_point.slug})
    html = _walk(client, url)
    count_url = reverse("instruments:contribute_sp", kwargs={"slug": support_point.slug})
    form = html.split(f'action="{count_url}"')[1].split("</form>")[0]
    client.post(count_url, {k: v for k, v in _hidden(form).items()})
    assert ConversationCount.objects.get().support_point == support_point


def test_an_unknown_support_point_or_a_forged_answer_is_not_found(client, themes) -> None:
    assert client.get("/deelname-gesprek/bestaat-niet/").status_code == 404
    forged = {"in_the_way": ["willen.e.need-for.nonsense"], "submit_key": "x" * 20}
    assert client.post(reverse("instruments:contribute"), forged).status_code == 404
    assert not FactorCount.objects.exists()


def test_the_honeypot_counts_nothing(client, themes) -> None:
    data = {"in_the_way": [_factor(SHAME)], "submit_key": "y" * 20, "website": "http://spam.example"}
    assert client.post(reverse("instruments:contribute"), data).status_code == 200
    assert not FactorCount.objects.exists()


def test_a_bad_step_is_answered_with_the_start_again(client, themes) -> None:
    response = client.post(URL, {"step": 99, "go": "next"})
    assert response.status_code == 400
    assert "Start" in response.content.decode()


def test_an_organisation_that_is_no_support_point_has_no_conversation_link(client, themes) -> None:
    Organisation.objects.create(slug="buurthuis", kind="other", name="Buurthuis")
    assert client.get("/deelname-gesprek/buurthuis/").status_code == 404

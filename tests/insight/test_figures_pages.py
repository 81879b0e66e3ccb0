"""Figures pages a civil servant can read alone (issue #20, point 6): months in words, "nearby" explained,
the gaps say which themes they cover, CSV and PDF downloads, and server-drawn SVG charts that never draw a hidden
number at its length."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest
from django.urls import reverse

from samenspel.core.figures import HIDDEN_BAR, FigureTable, bar_chart
from samenspel.core.privacy import HIDDEN, protect_breakdown
from samenspel.directory.models import Group
from samenspel.referral.models import ProfessionalRole
from tests.figures_solver import leaks
from tests.insight.conftest import A_SLUG, MARCH, add_count
from tests.personas import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def revealing_counts(region: dict[str, Group]) -> None:
    add_count(region["geldrop_depression"], "slip", ProfessionalRole.POH_GGZ, MARCH, 8)
    add_count(region["mierlo_grief"], "slip", ProfessionalRole.SOCIAL_WORKER, MARCH, 2)


def test_months_are_in_words_in_the_readers_language(revealing_counts: None, personas: dict[str, Any]) -> None:
    client = client_for(personas["municipality_a"])
    url = reverse("insight:referrals", args=[A_SLUG])
    assert "March 2026" in client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    dutch = client.get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "maart 2026" in dutch
    assert "2026-03" not in dutch


def test_the_coverage_page_explains_nearby_and_which_themes_the_gaps_cover(
    region: dict[str, Group], personas: dict[str, Any]
) -> None:
    body = client_for(personas["municipality_a"]).get(reverse("insight:coverage", args=[A_SLUG])).content.decode()
    assert "groups that meet outside Geldrop-Mierlo, but within 25 km of its centre" in body
    assert "Nearby, outside Geldrop-Mierlo (within 25 km)" in body
    # Four main themes and five common ones in the built region; the page says it looks at those, not at all.
    assert "We look at the 4 main themes and the 5 common themes" in body
    assert "fixed list" in body and "not measured from searches" in body


def _csv(response: Any) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_the_csv_holds_the_shown_numbers_and_hides_what_the_page_hides(
    revealing_counts: None, personas: dict[str, Any]
) -> None:
    client = client_for(personas["municipality_a"])
    url = reverse("insight:referrals", args=[A_SLUG])
    rows = _csv(client.get(url, {"download": "csv"}))
    by_label = {row[0]: row[1:] for row in rows if row}
    assert by_label["March 2026"] == ["10", "0"]
    assert by_label["Total"] == ["10", "0"]
    cells = {cell for row in rows for cell in row}
    assert "2" not in cells and "8" not in cells, "neither the 2 nor the 8 that would give it away"
    assert "<5" in cells and "hidden" in cells
    # No column of a block has exactly one hidden number next to its total.
    blocks: list[list[list[str]]] = [[]]
    for row in rows:
        if not row:
            blocks.append([])
        else:
            blocks[-1].append(row)
    for block in blocks[1:]:
        body = block[2:-1] if block[1][0] == "" else block[3:-1]
        total = block[-1]
        for j in (1, 2):
            hidden = [r for r in body if r[j] in ("<5", "hidden")]
            assert len(hidden) != 1 or not total[j].isdigit(), block


def test_every_figures_page_offers_a_csv_and_a_pdf(
    revealing_counts: None, region: dict[str, Group], personas: dict[str, Any]
) -> None:
    sp = region["geldrop_depression"].support_point
    pages = [
        (personas["municipality_a"], reverse("insight:coverage", args=[A_SLUG])),
        (personas["municipality_a"], reverse("insight:referrals", args=[A_SLUG])),
        (personas["member"], reverse("referral:figures", args=[sp.slug])),
        (personas["member"], reverse("workspace:information_sessions", args=[sp.slug])),
    ]
    for person, url in pages:
        client = client_for(person)
        body = client.get(url).content.decode()
        assert 'href="?download=csv"' in body and 'href="?download=pdf"' in body, url
        assert _csv(client.get(url, {"download": "csv"})), url
        pdf = client.get(url, {"download": "pdf"})
        assert pdf["Content-Type"] == "application/pdf", url
        assert pdf.content.startswith(b"%PDF"), url


def test_the_pages_draw_accessible_charts_without_script(revealing_counts: None, personas: dict[str, Any]) -> None:
    body = client_for(personas["municipality_a"]).get(reverse("insight:referrals", args=[A_SLUG])).content.decode()
    charts = re.findall(r"<svg.*?</svg>", body, re.S)
    assert len(charts) == 4
    for chart in charts:
        assert 'role="img"' in chart and "aria-label=" in chart and "<title>" in chart
        assert (
            "<script" not in chart
            and "style=" not in chart
            and "http://" not in chart.replace('xmlns="http://www.w3.org/2000/svg"', "")
        )
    assert leaks(body) == []


def test_a_hidden_number_is_a_short_hatched_bar_whatever_its_value() -> None:
    for values in ([100, 3, 200], [9, 3, 200]):
        cells, total = protect_breakdown(values)
        chart = str(
            bar_chart(FigureTable("t", "Test", ["People"], [(str(i), [c]) for i, c in enumerate(cells)], [total]))
        )
        widths = re.findall(r'<rect x="0" y="\d+" width="(\d+)" height="14" fill="([^"]+)"', chart)
        hidden = [int(w) for w, fill in widths if fill.startswith("url(#hatch")]
        assert hidden == [HIDDEN_BAR, HIDDEN_BAR], "the <5 and the number hidden with it: the same short bar"
        assert ">&lt;5<" in chart and f">{HIDDEN}<" in chart
        assert ">100<" not in chart and ">9<" not in chart and ">3<" not in chart

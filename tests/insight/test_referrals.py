"""A municipality's referral figures: slips and handovers for the groups that meet in it, "<5" for 1 to 4."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from samenspel.directory.models import Group
from samenspel.directory.postcodes import in_municipality
from samenspel.referral.figures import referral_figures
from samenspel.referral.models import ReferralCount
from tests.insight.conftest import A_NAME, A_SLUG, APRIL, MARCH, add_count, make_group, table_rows
from tests.personas import client_for

pytestmark = pytest.mark.django_db


def _rows(rows: list[Any]) -> dict[str, tuple[str, str]]:
    return {row.label: (str(row.slips), str(row.handovers)) for row in rows}


def test_the_figures_count_only_groups_in_the_municipality_and_hide_small_numbers(
    referral_counts: None,
) -> None:
    counts = in_municipality(ReferralCount.objects.all(), A_NAME, postcode_field="group__location__postcode")
    with translation.override("en"):
        figures = referral_figures(counts)
    # Eindhoven's 9 slips and the online group's 11 are not Geldrop-Mierlo's.
    assert (str(figures.totals.slips), str(figures.totals.handovers)) == ("12", "<5")
    assert _rows(figures.by_month) == {"March 2026": ("7", "<5"), "April 2026": ("5", "0")}
    assert _rows(figures.by_place) == {"Geldrop": ("7", "<5"), "Mierlo": ("5", "0")}
    assert _rows(figures.by_role) == {
        "GP (huisarts)": ("7", "0"),
        "Practice nurse mental health (POH-GGZ)": ("0", "<5"),
        "Social worker": ("5", "0"),
    }
    # Mierlo's group has two themes: its referrals count for both.
    assert _rows(figures.by_theme) == {"Depression": ("12", "<5"), "Grief": ("5", "0")}


def test_the_page_shows_the_figures(referral_counts: None, personas: dict[str, Any]) -> None:
    response = client_for(personas["municipality_a"]).get(reverse("insight:referrals", args=[A_SLUG]))
    body = response.content.decode()
    assert "<h1>Referral figures of Geldrop-Mierlo</h1>" in body
    rows = table_rows(body)
    assert rows["March 2026"] == ["7", "&lt;5"]
    assert rows["Mierlo"] == ["5", "0"]
    assert "Eindhoven" not in rows
    assert re.findall(r"<dd>(.*?)</dd>", body) == ["12", "&lt;5"]
    shown = {cell for cells in rows.values() for cell in cells}
    assert shown == {"0", "5", "7", "12", "&lt;5"}, "Eindhoven's 9, the online group's 11 and the 2 handovers stay out"


def test_a_count_of_exactly_five_is_shown_and_four_is_not(region: dict[str, Group]) -> None:
    add_count(region["geldrop_gambling"], "slip", "gp", MARCH, 4)
    add_count(region["geldrop_gambling"], "handover", "gp", APRIL, 5)
    figures = referral_figures(
        in_municipality(ReferralCount.objects.all(), A_NAME, postcode_field="group__location__postcode")
    )
    assert (str(figures.totals.slips), str(figures.totals.handovers)) == ("<5", "5")


def _queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_page_costs_the_same_few_queries_for_a_few_dozen_groups(
    referral_counts: None, region: dict[str, Group], personas: dict[str, Any], themes: dict[str, Any]
) -> None:
    client = client_for(personas["municipality_a"])
    url = reverse("insight:referrals", args=[A_SLUG])
    few = _queries(client, url)
    sp = region["geldrop_depression"].support_point
    for i, postcode in enumerate(["5661", "5665", "5731", "5611"] * 8):
        group = make_group(
            f"extra-{i}", support_point=sp, postcode=postcode, themes=[themes["depression"], themes["grief"]]
        )
        for month in (MARCH, APRIL):
            add_count(group, "slip", "gp", month, i + 1)
            add_count(group, "handover", "social_worker", month, 1)
    many = _queries(client, url)
    assert many == few
    assert many <= 12

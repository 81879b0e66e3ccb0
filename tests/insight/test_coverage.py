"""What a municipality sees of its peer groups: counts by theme, language and place, online groups, gaps."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.directory.models import Group
from samenspel.insight.coverage import ThemeCoverage, coverage_of
from tests.insight.conftest import A_NAME, A_SLUG, make_group, table_rows
from tests.personas import client_for

pytestmark = pytest.mark.django_db


def _by_label(rows: list[ThemeCoverage]) -> dict[str, tuple[int, int, int]]:
    return {row.label: (row.here, row.nearby, row.online) for row in rows}


def test_it_counts_the_groups_that_meet_now_in_the_municipality(region: dict[str, Group]) -> None:
    coverage = coverage_of(A_NAME)
    # Paused, stopped and hidden groups in Geldrop-Mierlo are left out; Eindhoven's groups are another municipality.
    assert coverage.groups == 3
    assert coverage.places == [("Geldrop", 2), ("Mierlo", 1)]
    assert coverage.languages == [("Dutch", 3), ("Turkish", 1)]
    assert coverage.online_groups == 2


def test_it_counts_each_main_theme_here_nearby_and_online(region: dict[str, Group]) -> None:
    # (in the municipality, within 25 km outside it, online)
    assert _by_label(coverage_of(A_NAME).top_themes) == {
        "Addiction": (1, 1, 1),  # gambling in Geldrop, alcohol in Eindhoven, gambling online
        "Mental health": (2, 1, 0),  # depression in Geldrop and Mierlo (once, though Mierlo's has two themes)
        "Physical health": (0, 0, 0),  # the cancer group in Groningen is 210 km away; Mierlo's is paused
        "Special life situations": (1, 0, 1),
    }


def test_it_counts_the_themes_people_look_for_most(region: dict[str, Group]) -> None:
    assert _by_label(coverage_of(A_NAME).common_themes) == {
        "Alcohol": (0, 1, 0),
        "Cancer": (0, 0, 0),
        "Depression": (2, 1, 0),
        "Gambling": (1, 0, 1),
        "Grief": (1, 0, 1),
    }


def test_the_gaps_are_the_themes_without_a_group_here(region: dict[str, Group]) -> None:
    assert [gap.label for gap in coverage_of(A_NAME).gaps] == ["Physical health", "Alcohol", "Cancer"]


def test_the_page_shows_the_gaps_and_where_else_to_go(region: dict[str, Group], personas: dict[str, Any]) -> None:
    response = client_for(personas["municipality_a"]).get(reverse("insight:coverage", args=[A_SLUG]))
    body = response.content.decode()
    assert "<h1>Peer groups in Geldrop-Mierlo</h1>" in body
    assert "<strong>Alcohol</strong>:\n1 group outside Geldrop-Mierlo within 25 km;\nno online group.</li>" in body
    assert "<strong>Cancer</strong>:\nno group within 25 km;\nno online group.</li>" in body
    rows = table_rows(body)
    assert rows["Mierlo"] == ["1"]
    assert rows["Turkish"] == ["1"]
    assert rows["Alcohol"] == ["0", "1", "0"]


def test_a_nearby_group_with_an_area_only_address_is_measured_from_its_public_point(
    region: dict[str, Group], themes: dict[str, Any]
) -> None:
    # Heeze (Heeze-Leende) is about 7 km from the centre of Geldrop-Mierlo: near, whatever the rounding.
    make_group(
        "heeze-kanker",
        support_point=region["geldrop_depression"].support_point,
        postcode="5591",
        themes=[themes["cancer"]],
        disclosure="area",
    )
    assert _by_label(coverage_of(A_NAME).common_themes)["Cancer"] == (0, 1, 0)


def _queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_page_costs_the_same_few_queries_for_a_few_dozen_groups(
    region: dict[str, Group], personas: dict[str, Any], themes: dict[str, Any], languages: dict[str, Any]
) -> None:
    client = client_for(personas["municipality_a"])
    url = reverse("insight:coverage", args=[A_SLUG])
    few = _queries(client, url)
    sp = region["geldrop_depression"].support_point
    for i, postcode in enumerate(["5661", "5665", "5731", "5611", "5591", "9711"] * 6):
        make_group(
            f"extra-{i}",
            support_point=sp,
            postcode=postcode,
            themes=[themes["depression"], themes["gambling"]],
            languages=[languages["nl"], languages["ar"]],
            disclosure="online" if i % 7 == 0 else "public",
        )
    assert coverage_of(A_NAME).groups > 3 + 12
    many = _queries(client, url)
    assert many == few
    assert many <= 15

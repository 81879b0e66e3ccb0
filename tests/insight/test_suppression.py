"""No figures page lets a reader work a "<5" out by subtraction (issue #20, point 5).

Builds referrals where one subtraction would reveal a small number (per role: POH-GGZ 8, social worker 2, total
10 slips; per place the same shape), renders every page that shows them, and reads each with the pencil of
tests/figures_solver.py.
"""

from __future__ import annotations

import datetime
import html
import re
from typing import Any

import pytest
from django.urls import reverse

from samenspel.directory.models import Group
from samenspel.referral.models import ProfessionalRole
from samenspel.workspace.models import InformationSession
from tests.figures_solver import hidden_count, leaks
from tests.insight.conftest import A_SLUG, MARCH, add_count
from tests.personas import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def revealing_counts(region: dict[str, Group]) -> None:
    # Per role: POH-GGZ 8, social worker 2, total 10. Per place: Geldrop 8, Mierlo 2. One month: 10.
    add_count(region["geldrop_depression"], "slip", ProfessionalRole.POH_GGZ, MARCH, 8)
    add_count(region["mierlo_grief"], "slip", ProfessionalRole.SOCIAL_WORKER, MARCH, 2)
    add_count(region["geldrop_depression"], "handover", ProfessionalRole.POH_GGZ, MARCH, 6)


def _pages(personas: dict[str, Any], region: dict[str, Group]) -> dict[str, str]:
    municipality = client_for(personas["municipality_a"])
    member = client_for(personas["member"])
    sp = region["geldrop_depression"].support_point
    urls = {
        "municipality referrals": (municipality, reverse("insight:referrals", args=[A_SLUG])),
        "support point figures": (member, reverse("referral:figures", args=[sp.slug])),
        "support point figures, one municipality": (
            member,
            reverse("referral:figures", args=[sp.slug]) + "?municipality=Geldrop-Mierlo",
        ),
        "information sessions": (member, reverse("workspace:information_sessions", args=[sp.slug])),
    }
    pages = {}
    for name, (client, url) in urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        pages[name] = response.content.decode()
    return pages


def test_no_figures_page_lets_a_small_number_be_subtracted_out(
    revealing_counts: None, region: dict[str, Group], personas: dict[str, Any]
) -> None:
    sp = region["geldrop_depression"].support_point
    # Information sessions: at a library 9 people, in a living room 2: total 11.
    for kind, people in (("school", 9), ("living_room", 2)):
        InformationSession.objects.create(
            support_point=sp, date=datetime.date(2026, 5, 4), place_kind=kind, attendees=people, given_by="x"
        )
    for name, body in _pages(personas, region).items():
        assert "&lt;5" in body, f"{name}: the data has a small number to hide"
        # Where a table has no total row, the totals the page shows elsewhere: the referral totals above the
        # tables, the people reached in the sentence above the sessions table.
        elsewhere = [html.unescape(t) for t in re.findall(r"<dd>(.*?)</dd>", body)]
        said = re.search(r"(\d+) sessions, (\S+) people reached", html.unescape(body))
        if said:
            elsewhere = [said.group(1), said.group(2)]
        assert leaks(body, elsewhere or None) == [], name
        assert hidden_count(body) >= 2, name

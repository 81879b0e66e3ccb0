"""The year report (issue 16, point 5): what a municipality officer or a support point shows its funder.

Built on the insight region (tests/insight/conftest.py): Geldrop-Mierlo (municipality A) with groups in Geldrop
and Mierlo, Eindhoven next to it, a group in Groningen and two online, all of one support point.
"""

from __future__ import annotations

import csv
import datetime
import html
import io
import re
from typing import Any

import openpyxl
import pytest
from django.test import Client
from django.urls import get_resolver, reverse
from django.utils import timezone

from samenspel.core.privacy import SMALL
from samenspel.directory.models import Group, GroupStatusChange, Theme
from samenspel.instruments.models import QuestionCount, SurveyAnswer
from samenspel.instruments.reports.figures import Period, default_year, municipality_scope, year_report
from samenspel.referral.models import ProfessionalRole
from samenspel.workspace.models import InformationSession, Membership, Role
from tests.figures_solver import hidden_count, leaks
from tests.insight.conftest import (  # noqa: F401 - fixtures
    A_NAME,
    A_SLUG,
    B_NAME,
    B_SLUG,
    add_count,
    languages,
    referral_counts,
    region,
    table_rows,
    themes,
)
from tests.personas import Personas, client_for, make_municipality_officer, make_user

pytestmark = pytest.mark.django_db

YEAR = 2026


def _url(name: str, slug: str, download: str = "") -> str:
    url = reverse(f"instruments:reports:{name}", args=[slug]) + f"?year={YEAR}"
    return url + (f"&download={download}" if download else "")


@pytest.fixture
def cast(people: Personas, region: dict[str, Group], referral_counts: None) -> dict[str, Any]:  # noqa: F811
    built = people.build("anonymous", "member", "other_member", "professional", "municipality_a", "staff")
    built["other_municipality"] = make_municipality_officer("beleid@eindhoven.example.nl", B_NAME)
    translator = make_user("vertaler@example.org")
    Membership.objects.create(user=translator, support_point=people.world("support_point"), role=Role.TRANSLATOR)
    built["translator"] = translator
    return dict(built)


PERSONAS = [
    "anonymous",
    "member",
    "other_member",
    "municipality_a",
    "other_municipality",
    "professional",
    "translator",
    "staff",
]


def _row(*statuses: int) -> dict[str, int]:
    return dict(zip(PERSONAS, statuses, strict=True))


#                      anon member other  muniA  muniB  prof  transl staff
OWN_SUPPORT_POINT = _row(302, 200, 404, 404, 404, 404, 403, 404)
OTHER_SUPPORT_POINT = _row(302, 404, 200, 404, 404, 404, 404, 404)
MUNICIPALITY_A = _row(302, 404, 404, 200, 404, 404, 404, 404)
MUNICIPALITY_B = _row(302, 404, 404, 404, 200, 404, 404, 404)
NOBODY = _row(302, 404, 404, 404, 404, 404, 404, 404)

# (url name, slug, download, expected): every report URL, as a page and as each download.
MATRIX: list[tuple[str, str, str, dict[str, int]]] = [
    *[("support_point", "steunpunt-test", d, OWN_SUPPORT_POINT) for d in ("", "csv", "xlsx", "pdf")],
    ("support_point", "steunpunt-elders", "", OTHER_SUPPORT_POINT),
    ("support_point", "steunpunt-elders", "csv", OTHER_SUPPORT_POINT),
    ("support_point", "nergens", "", NOBODY),
    *[("municipality", A_SLUG, d, MUNICIPALITY_A) for d in ("", "csv", "xlsx", "pdf")],
    ("municipality", B_SLUG, "", MUNICIPALITY_B),
    ("municipality", B_SLUG, "csv", MUNICIPALITY_B),
    ("municipality", "atlantis", "", NOBODY),
]

CONTENT_TYPES = {
    "": "text/html",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def test_the_access_table_covers_every_report_url() -> None:
    _prefix, namespace = get_resolver().namespace_dict["instruments"]
    _prefix, reports = namespace.namespace_dict["reports"]
    names = {name for name in reports.reverse_dict if isinstance(name, str)}
    assert names == {name for name, *_rest in MATRIX}


@pytest.mark.parametrize(
    ("name", "slug", "download", "expected"), MATRIX, ids=[f"{m[0]}-{m[1]}-{m[2] or 'page'}" for m in MATRIX]
)
def test_every_report_url_answers_each_persona_as_the_table_says(
    name: str,
    slug: str,
    download: str,
    expected: dict[str, int],
    cast: dict[str, Any],
    region: dict[str, Group],  # noqa: F811
) -> None:
    url = _url(name, slug, download)
    got = {}
    for persona in PERSONAS:
        response = client_for(cast[persona]).get(url)
        got[persona] = response.status_code
        if persona == "anonymous":
            assert response["Location"].startswith(reverse("accounts:login"))
        if response.status_code == 200:
            assert response["Content-Type"].startswith(CONTENT_TYPES[download])
            if not download:
                body = response.content.decode()
                # Counts only: no group, no contact point, no person.
                assert not [g.slug for g in region.values() if g.slug in body]
                assert "@groups.example.org" not in body
    assert got == expected, url


def rows_of(body: str, key: str) -> dict[str, list[str]]:
    """The rows of one table of the page (by its key), with the text as a reader sees it."""
    found = re.search(rf'<table [^>]*aria-labelledby="{key}">.*?<tbody>(.*?)</tbody>', body, re.S)
    assert found, key
    return {html.unescape(k): [html.unescape(c) for c in v] for k, v in table_rows(found.group(1)).items()}


def _officer(cast: dict[str, Any]) -> Client:
    return client_for(cast["municipality_a"])


def test_the_municipality_report_counts_referrals_by_route_and_role_with_small_numbers_hidden(
    cast: dict[str, Any],
) -> None:
    response = _officer(cast).get(_url("municipality", A_SLUG))
    body = response.content.decode()
    rows = rows_of(body, "referrals-by-role")
    summary = {label: str(figure) for label, figure in response.context["report"].summary}
    assert summary["Referrals"] == "14", "12 slips and 2 handovers: the sum of both routes, though one is <5"
    # Geldrop-Mierlo: 7 slips from a GP and 2 handovers in March, 5 slips from a social worker in April; the
    # Eindhoven and online referrals are not its own.
    assert rows[str(ProfessionalRole.GP.label)] == ["7", "0"]
    assert rows[str(ProfessionalRole.POH_GGZ.label)] == ["0", SMALL]
    assert rows[str(ProfessionalRole.SOCIAL_WORKER.label)][0] == "5"
    by_month = rows_of(body, "referrals-by-month")
    assert sum(int(cells[0]) for cells in by_month.values()) == 12, "Eindhoven's and online referrals are not its own"
    assert not leaks(body)


def test_the_page_draws_its_charts_as_svg_with_a_title_and_the_numbers_in_a_table(cast: dict[str, Any]) -> None:
    body = _officer(cast).get(_url("municipality", A_SLUG)).content.decode()
    assert body.count("<svg") >= 6
    assert "<script" not in body
    assert '<desc id="stages-desc">' in body and '<title id="stages-title">' in body
    assert 'aria-labelledby="stages-title stages-desc"' in body
    assert '<table class="ws-table" aria-labelledby="stages">' in body
    # The tables sit under their section's heading (h2), one level down.
    assert '<h3 id="stages">' in body and '<h2 id="stages">' not in body


def test_groups_per_stage_follow_the_status_history(cast: dict[str, Any], region: dict[str, Group]) -> None:  # noqa: F811
    # Five groups in Geldrop-Mierlo started before the year; one stopped in May 2026.
    for group in region.values():
        GroupStatusChange.objects.create(group=group, status=group.status, date=datetime.date(2025, 6, 1))
    GroupStatusChange.objects.create(group=region["geldrop_stopped"], status="active", date=datetime.date(2025, 1, 1))
    GroupStatusChange.objects.filter(group=region["geldrop_stopped"], status="stopped").update(
        date=datetime.date(2026, 5, 12)
    )
    report = year_report(municipality_scope(A_NAME), Period.of(YEAR, datetime.date(2026, 12, 4)))
    stages = report.sections[0].tables[0]
    start = dict(zip(stages.columns, (str(c) for c in stages.rows[0][1]), strict=True))
    assert list(start.values())[-1] == "6"
    new_and_stopped = report.sections[0].tables[1]
    may = new_and_stopped.rows[4][1]
    assert str(may[1]) == SMALL, "one group stopped in May: shown as <5"


def _leak_free_along_rows(table: Any) -> bool:
    """No row whose total is shown has exactly one hidden number among its cells."""
    for _label, cells in table.rows:
        *parts, total = cells
        hidden = [c for c in parts if c.hidden]
        if total.value is not None and len(hidden) == 1:
            return False
    return True


def test_the_suppression_leaves_no_hidden_cell_that_a_total_gives_away(
    cast: dict[str, Any],
    region: dict[str, Group],  # noqa: F811
) -> None:
    # Questions: 7 in January and 3 in February. Without a second hidden number, 10 - 7 would give the 3 away.
    group = region["geldrop_depression"]
    QuestionCount.objects.create(
        group=group, support_point=group.support_point, month=datetime.date(2026, 1, 1), count=7
    )
    QuestionCount.objects.create(
        group=group, support_point=group.support_point, month=datetime.date(2026, 2, 1), count=3
    )
    QuestionCount.objects.create(
        group=group, support_point=group.support_point, month=datetime.date(2026, 3, 1), count=9
    )
    add_count(region["mierlo_grief"], "handover", ProfessionalRole.GP, datetime.date(2026, 4, 1), 6)
    body = _officer(cast).get(_url("municipality", A_SLUG)).content.decode()
    months = rows_of(body, "questions-by-month")
    assert hidden_count(body) >= 2
    assert not leaks(body), "a reader with a pencil works nothing out"
    # The total of the questions is shown, so January's 7 (the smallest other) is hidden with February's 3.
    january = next(cells for label, cells in months.items() if label.lower().startswith(("januari", "january")))
    assert january != ["7"] and months[next(k for k in months if k.lower().startswith(("maart", "march")))] == ["9"]
    # The same for the rows with a total (groups per stage: the total of each moment).
    report = year_report(municipality_scope(A_NAME), Period.of(YEAR, datetime.date(2026, 12, 4)))
    for section in report.sections:
        for table in section.tables:
            if table.key == "stages":
                assert _leak_free_along_rows(table)


def test_the_csv_and_the_spreadsheet_hold_the_same_protected_numbers_with_formulas_neutralised(
    cast: dict[str, Any],
    region: dict[str, Group],  # noqa: F811
) -> None:
    group = region["geldrop_depression"]
    formula = Theme.objects.create(
        slug="formule", label_nl="=HYPERLINK(1)", label_en="=HYPERLINK(1)", category="mental"
    )
    group.themes.add(formula)
    QuestionCount.objects.create(
        group=group, support_point=group.support_point, month=datetime.date(2026, 2, 1), count=8
    )
    client = _officer(cast)
    response = client.get(_url("municipality", A_SLUG, "csv"))
    assert response["Content-Disposition"] == f'attachment; filename="jaarverslag-{A_SLUG}-{YEAR}.csv"'
    text = response.content.decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert A_NAME in lines[0][0]
    assert ["'=HYPERLINK(1)", "8"] in lines
    assert not any(cell.startswith(("=", "+", "@")) for line in lines for cell in line)
    handovers = next(line for line in lines if line and line[0] == str(ProfessionalRole.POH_GGZ.label))
    assert handovers == [str(ProfessionalRole.POH_GGZ.label), "0", SMALL]

    sheet = openpyxl.load_workbook(io.BytesIO(client.get(_url("municipality", A_SLUG, "xlsx")).content)).active
    values = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert ["'=HYPERLINK(1)", 8] in values
    assert [str(ProfessionalRole.POH_GGZ.label), 0, SMALL] in values
    assert all(not (isinstance(c, str) and c.startswith("=")) for row in values for c in row)


def test_survey_results_and_sessions_appear_in_the_support_point_report(
    cast: dict[str, Any],
    region: dict[str, Group],  # noqa: F811
) -> None:
    group = region["geldrop_depression"]
    for rating in [3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 0]:
        SurveyAnswer.objects.create(group=group, month=datetime.date(2026, 5, 1), language="nl", self_help=rating)
    InformationSession.objects.create(
        support_point=group.support_point,
        date=datetime.date(2026, 3, 3),
        place_kind="school",
        attendees=40,
        given_by="x",
    )
    InformationSession.objects.create(
        support_point=group.support_point,
        date=datetime.date(2026, 4, 3),
        place_kind="school",
        attendees=25,
        given_by="x",
    )
    body = client_for(cast["member"]).get(_url("support_point", "steunpunt-test")).content.decode()
    rows = rows_of(body, "survey-1")
    # The one 0 is "<5"; the smallest other count (the five +2) is hidden with it, else 12 - 6 - 5 gives it away.
    assert rows["+3"] == ["6", "50,0"] or rows["+3"] == ["6", "50.0"]
    assert rows["0"] == [SMALL, ""] and rows["+2"] == ["hidden", ""]
    assert "65" in body, "the people the sessions reached"
    assert not leaks(body)


def test_the_year_chooser_defaults_to_the_last_full_year_and_offers_this_year_to_date(cast: dict[str, Any]) -> None:
    client = _officer(cast)
    now = timezone.localdate()
    page = client.get(reverse("instruments:reports:municipality", args=[A_SLUG]))
    assert page.context["report"].period.year == default_year(now) == now.year - 1
    assert not page.context["report"].period.to_date
    this_year = client.get(reverse("instruments:reports:municipality", args=[A_SLUG]) + f"?year={now.year}")
    assert this_year.context["report"].period.to_date
    assert this_year.context["report"].period.end == now
    nonsense = client.get(reverse("instruments:reports:municipality", args=[A_SLUG]) + "?year=1900")
    assert nonsense.context["report"].period.year == now.year - 1


def test_the_report_takes_a_fixed_number_of_queries(
    cast: dict[str, Any],
    region: dict[str, Group],  # noqa: F811
    django_assert_max_num_queries: Any,
) -> None:
    client = _officer(cast)
    client.get(_url("municipality", A_SLUG))  # warm the session and the caches
    with django_assert_max_num_queries(45):
        client.get(_url("municipality", A_SLUG))

"""The anonymous participant survey: printed slips, one answer per code, results with "<5" (issue 16, step 3)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse

from samenspel.core.models import AuditEntry
from samenspel.instruments import services, surveys
from samenspel.instruments.models import SurveyAnswer, SurveyCode
from tests.personas import sign_in

pytestmark = pytest.mark.django_db

# The seed's tables (002:3975-4010): rating -> respondents.
TABEL_2 = {0: 2, 1: 17, 2: 63, 3: 76}  # self-help, n=158
TABEL_3 = {-3: 10, -2: 8, -1: 20, 0: 36, 1: 34, 2: 29, 3: 11}  # formal help, n=148


def _expand(table: dict[int, int], n: int) -> list[int | None]:
    values: list[int | None] = [v for v, count in table.items() for _ in range(count)]
    return values + [None] * (n - len(values))


def _answer_all(group, self_help: list[int | None], formal_help: list[int | None]) -> None:
    codes = services.survey_codes_create(group=group, count=len(self_help), actor=None)
    # 60 slips at most per print: print more when needed.
    while len(codes) < len(self_help):
        codes += services.survey_codes_create(group=group, count=len(self_help) - len(codes), actor=None)
    for code, own, formal in zip(codes, self_help, formal_help, strict=True):
        assert services.survey_answer(
            code=code.code,
            routes=[],
            self_help=own,
            formal_help=formal,
            brings=[],
            age_band="",
            gender="",
            language="nl",
        )


def test_the_seeds_tables_fed_through_the_survey_give_the_seeds_percentages(group, client, personas) -> None:
    # 160 respondents: 158 rated self-help, 148 rated formal help (seed 002:3975-4010).
    _answer_all(group, _expand(TABEL_2, 160), list(reversed(_expand(TABEL_3, 160))))
    assert SurveyAnswer.objects.count() == 160 and not SurveyCode.objects.exists()
    # In Dutch, as the seed writes them (48,1); the English page below says 48.1%.
    own, formal = surveys.report(SurveyAnswer.objects.filter(group=group))[:2]
    shown = {line.label: (str(line.count), line.percent) for line in own.lines}
    assert shown["+3"] == ("76", "48,1") and shown["+2"] == ("63", "39,9")
    assert str(own.total) == "158"
    # 2 respondents gave 0: "<5", and one more number is hidden, or 158 - 76 - 63 - 17 would give the 2 away.
    assert shown["0"] == ("<5", "") and shown["+1"] == ("verborgen", "")
    shown = {line.label: (str(line.count), line.percent) for line in formal.lines}
    assert shown == {
        "-3": ("10", "6,8"),
        "-2": ("8", "5,4"),
        "-1": ("20", "13,5"),
        "0": ("36", "24,3"),
        "+1": ("34", "23,0"),
        "+2": ("29", "19,6"),
        "+3": ("11", "7,4"),
    }
    assert str(formal.total) == "148"
    # The group's page shows them.
    sign_in(client, personas["contact"])
    html = client.get(reverse("instruments:group_survey", kwargs={"group_uuid": group.uuid})).content.decode()
    assert "<td>76</td><td>48.1%</td>" in html and "<td>36</td><td>24.3%</td>" in html


def test_a_group_leader_prints_slips_and_each_code_takes_one_answer_without_a_cookie(group, client, personas) -> None:
    sign_in(client, personas["contact"])
    page = client.post(reverse("instruments:group_survey", kwargs={"group_uuid": group.uuid}), {"count": 12})
    html = page.content.decode()
    assert page["Cache-Control"] == "no-store"
    codes = re.findall(r'<p class="slip-code" dir="ltr">([A-Z0-9]+)</p>', html)
    assert len(codes) == 12 and len(set(codes)) == 12
    assert html.count("<svg") == 12, "a QR code on every slip"
    entry = AuditEntry.objects.get(action="survey slips printed")
    assert entry.changes == {"survey slips": [None, 12]}
    participant = Client(HTTP_ACCEPT_LANGUAGE="tr")
    url = reverse("instruments:survey", kwargs={"code": codes[0]})
    form = participant.get(url)
    assert form.status_code == 200 and "csrftoken" not in form.cookies
    answer = {
        "routes": ["gp", "internet"],
        "self_help": "3",
        "formal_help": "-1",
        "brings": ["recognition"],
        "age_band": "36-50",
    }
    sent = participant.post(url, answer)
    assert sent.status_code == 200 and not sent.cookies, "no cookie is set"
    assert participant.post(url, answer).status_code == 404, "a code takes one answer"
    kept = SurveyAnswer.objects.get()
    assert (kept.group, kept.self_help, kept.formal_help, kept.language) == (group, 3, -1, "tr")
    assert kept.routes == ["gp", "internet"] and kept.brings == ["recognition"]
    assert SurveyCode.objects.count() == 11 and not SurveyCode.objects.filter(code=codes[0]).exists()
    # A code typed by hand, in lower case with a space, works too.
    typed = participant.get(
        reverse("instruments:survey_start"), {"code": codes[1].lower()[:5] + " " + codes[1][5:].lower()}
    )
    assert typed["Location"] == reverse("instruments:survey", kwargs={"code": codes[1]})


def test_a_wrong_rating_is_refused_and_keeps_the_code(group) -> None:
    code = services.survey_codes_create(group=group, count=1, actor=None)[0]
    response = Client().post(reverse("instruments:survey", kwargs={"code": code.code}), {"self_help": "7"})
    assert response.status_code == 400
    assert SurveyCode.objects.filter(pk=code.pk).exists() and not SurveyAnswer.objects.exists()


def test_the_support_point_sees_all_its_groups_with_small_numbers_hidden(group, other_group, client, personas) -> None:
    _answer_all(group, [3] * 7, [None] * 7)
    _answer_all(other_group, [2] * 3, [None] * 3)
    sign_in(client, personas["viewer"])
    html = client.get(
        reverse("instruments:survey_overview", kwargs={"slug": group.support_point.slug})
    ).content.decode()
    per_group = html.split("Answers per group")[1].split("</table>")[0]
    assert f'<th scope="row">{other_group.name}</th><td>&lt;5</td>' in per_group
    assert f'<th scope="row">{group.name}</th><td>hidden</td>' in per_group
    assert "<td>10</td>" in per_group


def test_unused_codes_expire_and_old_answers_are_purged(group, settings) -> None:
    settings.INSTRUMENTS_SURVEY_RETENTION_YEARS = 2
    code = services.survey_codes_create(group=group, count=2, actor=None)[0]
    SurveyCode.objects.filter(pk=code.pk).update(created_on=datetime.date.today() - datetime.timedelta(days=200))
    _answer_all(group, [1], [None])
    SurveyAnswer.objects.update(month=datetime.date(2020, 1, 1))
    deleted = services.instruments_purge()
    assert (deleted["survey_codes"], deleted["survey_answers"]) == (1, 1)
    assert SurveyCode.objects.count() == 1

"""Issue 16, point 3: the survey by link (one answer per link), the seed 003 outcome items, the two-yearly group
inventory with its reminder, and the results per group, support point and municipality."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext

from samenspel.core.models import AuditEntry, OutboxMessage
from samenspel.insight.models import MunicipalityAccess
from samenspel.instruments import services, surveys
from samenspel.instruments.models import CodeKind, GroupInventory, SurveyAnswer, SurveyCode
from tests.personas import make_user, sign_in

pytestmark = pytest.mark.django_db


def _links(client: Client, group, count: int) -> list[str]:
    page = client.post(
        reverse("instruments:group_survey", kwargs={"group_uuid": group.uuid}), {"count": count, "kind": "link"}
    )
    assert page.status_code == 200 and page["Cache-Control"] == "no-store", "the links are kept by no cache"
    return re.findall(r'<span dir="ltr" class="survey-link">([^<]+)</span>', page.content.decode())


def test_a_group_leader_makes_links_and_each_link_takes_one_answer_with_the_outcome_items(
    group, client, personas
) -> None:
    sign_in(client, personas["contact"])
    links = _links(client, group, 6)
    assert len(links) == 6 and len(set(links)) == 6
    codes = [link.rstrip("/").rsplit("/", 1)[1] for link in links]
    assert all(len(code) == services.LINK_CODE_LENGTH for code in codes), "a link cannot be guessed"
    assert set(SurveyCode.objects.values_list("kind", flat=True)) == {CodeKind.LINK}
    assert AuditEntry.objects.get(action="survey links made").changes == {"survey links": [None, 6]}

    participant = Client(HTTP_ACCEPT_LANGUAGE="pl")
    answer = {"self_help": "2", "brings": ["less_lonely", "recognition"], "conditions": ["safe", "room"]}
    url = reverse("instruments:survey", kwargs={"code": codes[0]})
    sent = participant.post(url, answer)
    assert sent.status_code == 200 and not sent.cookies
    assert participant.post(url, answer).status_code == 404, "a link takes one answer"
    kept = SurveyAnswer.objects.get()
    assert (kept.language, kept.brings, kept.conditions) == ("pl", ["less_lonely", "recognition"], ["room", "safe"])
    tables = {t.title: t for t in surveys.report(SurveyAnswer.objects.all())}
    conditions = tables[gettext("What the group has (the conditions participants name)")]
    assert [str(line.count) for line in conditions.lines] == ["<5", "0", "0", "<5", "0"]


def test_links_expire_sooner_than_slips(group, settings) -> None:
    settings.INSTRUMENTS_SURVEY_LINK_DAYS = 30
    slip = services.survey_codes_create(group=group, count=1, actor=None)[0]
    link = services.survey_codes_create(group=group, count=1, actor=None, kind=CodeKind.LINK)[0]
    SurveyCode.objects.update(created_on=datetime.date.today() - datetime.timedelta(days=40))
    assert services.instruments_purge()["survey_codes"] == 1
    assert list(SurveyCode.objects.values_list("pk", flat=True)) == [slip.pk]
    assert not SurveyCode.objects.filter(pk=link.pk).exists()


def test_the_contact_person_fills_in_the_inventory_and_the_support_point_sees_groups_together(
    group, other_group, client, personas
) -> None:
    sign_in(client, personas["contact"])
    url = reverse("instruments:group_inventory", kwargs={"group_uuid": group.uuid})
    page = client.get(url).content.decode()
    assert "Your group has not filled in the inventory yet." in page
    sent = client.post(url, {"size": "6-10", "frequency": "monthly", "website": ["information", "contact"]})
    assert sent.status_code == 302
    kept = GroupInventory.objects.get()
    assert kept.answers == {"size": "6-10", "frequency": "monthly", "website": ["contact", "information"]}
    assert "Next time:" in client.get(url).content.decode()
    assert (
        services.inventory_create(group=group, answers={"size": "huge", "website": ["bogus"]}, actor=None).answers == {}
    )
    services.inventory_create(group=other_group, answers={"size": "6-10"}, actor=None)

    # The other group's contact cannot see or fill in this group's inventory.
    outsider = Client()
    sign_in(outsider, personas["other_contact"])
    assert outsider.get(url).status_code == 404

    sign_in(client, personas["viewer"])
    html = client.get(
        reverse("instruments:inventory_overview", kwargs={"slug": group.support_point.slug})
    ).content.decode()
    size = html.split("How many people usually come to a meeting?")[1].split("</table>")[0]
    assert '<th scope="row">6 to 10</th><td>&lt;5</td>' in size, "two groups: <5"


def test_a_reminder_goes_to_the_contact_person_when_the_inventory_is_two_years_old_once(group, personas) -> None:
    contact = personas["contact"]
    inventory = services.inventory_create(group=group, answers={"size": "1-5"}, actor=None)
    assert services.inventory_remind(base_url="https://samenspel.test") == 0, "not due yet"
    GroupInventory.objects.filter(pk=inventory.pk).update(
        filled_on=datetime.date.today() - datetime.timedelta(days=731)
    )
    call_command("remind_group_inventories", "--base-url", "https://samenspel.test")
    assert OutboxMessage.objects.filter(kind="inventory_reminder").count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [contact.email]
    assert f"https://samenspel.test/werkplek/groep/{group.uuid}/inventarisatie/" in mail.outbox[0].body
    call_command("remind_group_inventories")  # a second run (or the next day) sends nothing again
    assert len(mail.outbox) == 1
    # A new inventory starts a new two years.
    services.inventory_create(group=group, answers={"size": "6-10"}, actor=None)
    assert services.inventories_due() == []


def test_old_inventories_go_after_the_retention(group, settings) -> None:
    settings.INSTRUMENTS_INVENTORY_RETENTION_YEARS = 4
    old = services.inventory_create(group=group, answers={}, actor=None, today=datetime.date(2015, 3, 1))
    new = services.inventory_create(group=group, answers={"size": "huge", "website": ["bogus"]}, actor=None)
    assert new.answers == {}, "only known questions and choices are kept"
    assert services.instruments_purge()["group_inventories"] == 1
    assert list(GroupInventory.objects.values_list("pk", flat=True)) == [new.pk]
    assert old.pk != new.pk


def test_a_municipality_officer_sees_the_survey_of_groups_that_meet_there_with_complementary_suppression(
    group, other_group, location, client
) -> None:
    # The group meets in Eindhoven (5611 AB). 7 answers from one group, 3 from a second: one subtraction (10 - 7)
    # would give the "<5" away, so the 7 is hidden too.
    other_group.location = location
    other_group.save()
    for g, n in ((group, 7), (other_group, 3)):
        for code in services.survey_codes_create(group=g, count=n, actor=None):
            services.survey_answer(
                code=code.code,
                routes=[],
                self_help=3,
                formal_help=None,
                brings=[],
                age_band="",
                gender="",
                language="nl",
            )
    officer = make_user("beleid@eindhoven.example.nl")
    url = reverse("instruments:survey_municipality", kwargs={"slug": "eindhoven"})
    sign_in(client, officer)
    assert client.get(url).status_code == 404, "only the municipality's officers"
    MunicipalityAccess.objects.create(user=officer, municipality="Eindhoven")
    html = client.get(url).content.decode()
    per_group = html.split("Answers per group")[1].split("</table>")[0]
    assert f'<th scope="row">{other_group.name}</th><td>&lt;5</td>' in per_group
    assert f'<th scope="row">{group.name}</th><td>hidden</td>' in per_group
    assert "<td>10</td>" in per_group
    assert "<td>7</td>" not in per_group and "<td>3</td>" not in per_group
    # Elsewhere, nothing of these groups.
    MunicipalityAccess.objects.create(user=officer, municipality="Helmond")
    other = client.get(reverse("instruments:survey_municipality", kwargs={"slug": "helmond"})).content.decode()
    assert group.name not in other


def test_a_group_sees_only_its_own_results(group, other_group, personas) -> None:
    code = services.survey_codes_create(group=other_group, count=1, actor=None)[0]
    services.survey_answer(
        code=code.code, routes=[], self_help=-3, formal_help=None, brings=[], age_band="", gender="", language="nl"
    )
    client = Client()
    sign_in(client, personas["contact"])
    own = client.get(reverse("instruments:group_survey", kwargs={"group_uuid": group.uuid})).content.decode()
    assert "&lt;5" not in own.split("</table>")[0], "the other group's answer is not in this group's results"
    assert client.get(reverse("instruments:group_survey", kwargs={"group_uuid": other_group.uuid})).status_code == 404

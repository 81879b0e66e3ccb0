"""From idea to project (#17 point 4): an organisation takes its idea to a plan, a budget whose coverage adds up,
and an application to a fund in the support point's registry, and is reminded before the report deadline."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pypdfium2
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samenspel.core.models import OutboxMessage
from samenspel.learning import projects
from samenspel.learning.models import ApplicationStatus, BudgetLine, Fund, FundApplication, ProjectPlan
from tests.personas import client_for, make_user

pytestmark = pytest.mark.django_db

READY = list(projects.CHECKLIST)


def _status(application: FundApplication, status: str, **extra: Any) -> dict[str, Any]:
    prefix = str(application.uuid)
    data: dict[str, Any] = {f"{prefix}-status": status, f"{prefix}-notes": ""}
    for key, value in extra.items():
        if key == "checklist":
            data[f"{prefix}-checklist"] = value
        else:
            data[f"{prefix}-{key}"] = value
    return data


def test_an_organisation_takes_its_idea_to_a_plan_a_budget_and_a_granted_application(
    support_point: Any, personas: dict[str, Any]
) -> None:
    # The support point keeps the fund registry.
    editor = client_for(personas["editor"])
    response = editor.post(
        reverse("learning:funds_manage", args=[support_point.slug]),
        {"name": "Buurtfonds Eindhoven", "focus": "Meedoen in de buurt", "min_amount": "500", "max_amount": "5000"},
    )
    assert response.status_code == 302
    fund = Fund.objects.get()

    volunteer = make_user("naima@stichting-brug.example.org")
    browser = client_for(volunteer)
    response = browser.post(
        reverse("learning:plans"), {"organisation_name": "Stichting Brug", "title": "Mannen in gesprek"}
    )
    plan = ProjectPlan.objects.get()
    assert response.url == reverse("learning:plan", args=[plan.uuid])
    idea = {f: "" for f in projects.PLAN_FIELDS} | {
        "organisation_name": "Stichting Brug",
        "title": "Mannen in gesprek",
        "idea_what": "Gespreksavonden en Nederlandse les",
        "idea_for_whom": "Mannen in Nieuw-West",
        "idea_with_whom": "Het buurthuis en de moskee",
        "idea_how": "Elke twee weken een avond",
        "idea_result": "Twintig mannen doen mee",
        "activities": "Lezingen, workshops, taalles",
    }
    assert browser.post(reverse("learning:plan_edit", args=[plan.uuid]), idea).status_code == 302

    add = reverse("learning:budget_add", args=[plan.uuid])
    browser.post(add, {"kind": "cost", "description": "Huur zaal", "amount": "1200"})
    browser.post(add, {"kind": "cost", "description": "Materiaal", "amount": "300"})
    browser.post(add, {"kind": "coverage", "description": "Eigen bijdrage", "amount": "500"})
    browser.post(reverse("learning:application_new", args=[plan.uuid]), {"fund": fund.pk, "amount": "1000"})
    application = FundApplication.objects.get()

    # Sending with a budget that does not add up: a clear error, and nothing changes.
    response = browser.post(
        reverse("learning:application_update", args=[application.uuid]),
        _status(application, "sent", checklist=READY, sent_on="2027-03-01"),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "The coverage (€ 500.00) does not add up to the costs (€ 1,500.00): a difference of € 1,000.00." in page
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT

    browser.post(add, {"kind": "coverage", "description": "Buurtfonds Eindhoven", "amount": "1000"})
    response = browser.post(
        reverse("learning:application_update", args=[application.uuid]),
        _status(application, "sent", checklist=READY[:-1], sent_on="2027-03-01"),
    )
    assert "Not ready yet: Annual report" in response.content.decode()
    response = browser.post(
        reverse("learning:application_update", args=[application.uuid]),
        _status(application, "sent", checklist=READY, sent_on="2027-03-01"),
    )
    assert response.status_code == 302
    browser.post(
        reverse("learning:application_update", args=[application.uuid]),
        _status(application, "granted", checklist=READY, sent_on="2027-03-01", report_due="2027-12-31"),
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.GRANTED and application.report_due == datetime.date(2027, 12, 31)

    # The plan and its budget on paper.
    pdf = browser.get(reverse("learning:plan_pdf", args=[plan.uuid]))
    assert pdf["Content-Type"] == "application/pdf"
    document = pypdfium2.PdfDocument(pdf.content)
    text = " ".join(" ".join(document[i].get_textpage().get_text_range().split()) for i in range(len(document)))
    assert "Mannen in gesprek" in text and "Gespreksavonden en Nederlandse les" in text
    assert "Huur zaal € 1,200.00" in text and "Total costs € 1,500.00" in text and "Buurtfonds Eindhoven" in text

    # A reminder before the report deadline, once, with a link to the plan.
    assert projects.deadline_reminders_send(today=datetime.date(2027, 12, 1)) == 0
    assert projects.deadline_reminders_send(today=datetime.date(2027, 12, 20)) == 1
    projects.deadline_reminders_send(today=datetime.date(2027, 12, 21))
    [reminder] = OutboxMessage.objects.filter(kind="learning_report_due")
    assert "Buurtfonds Eindhoven" in reminder.subject


def test_a_rejection_shows_what_to_do_next(support_point: Any) -> None:
    owner = make_user("aarti@stichting-brug.example.org")
    plan = projects.plan_create(owner=owner, organisation_name="Stichting Brug", title="Taalcafe", actor=None)
    projects.budget_line_add(plan=plan, kind="cost", description="Koffie", amount=Decimal(200), actor=None)
    projects.budget_line_add(plan=plan, kind="coverage", description="Fonds", amount=Decimal(200), actor=None)
    fund = projects.fund_create(support_point=support_point, actor=None, name="Fonds", focus="Taal")
    application = projects.application_create(plan=plan, fund=fund, amount=Decimal(200), actor=None)
    projects.application_update(
        application=application,
        status=ApplicationStatus.REJECTED,
        checklist=READY,
        sent_on=datetime.date(2027, 3, 1),
        thank_you_due=None,
        report_due=None,
        notes="Te groot plan",
        actor=owner,
    )
    page = client_for(owner).get(reverse("learning:plan", args=[plan.uuid])).content.decode()
    assert "Call the fund and ask why." in page


def test_asking_a_fund_more_than_it_gives_or_a_nonsense_amount_range_is_refused(support_point: Any) -> None:
    with pytest.raises(ValidationError, match="kleinste bedrag is hoger dan het grootste"):
        projects.fund_create(
            support_point=support_point,
            actor=None,
            name="F",
            focus="x",
            min_amount=Decimal(900),
            max_amount=Decimal(100),
        )
    fund = projects.fund_create(
        support_point=support_point, actor=None, name="Klein fonds", focus="x", max_amount=Decimal(1000)
    )
    plan = projects.plan_create(owner=make_user("o@example.org"), organisation_name="O", title="T", actor=None)
    with pytest.raises(ValidationError, match="geeft hoogstens"):
        projects.application_create(plan=plan, fund=fund, amount=Decimal(5000), actor=None)
    assert not FundApplication.objects.exists()


def test_the_trainer_reads_a_plan_only_when_the_organisation_shares_it(run: Any, trainer: Any) -> None:
    from samenspel.learning import services

    owner = make_user("deelnemer@stichting-brug.example.org")
    services.enrolment_create(run=run, user=owner, actor=owner)
    plan = projects.plan_create(owner=owner, organisation_name="Stichting Brug", title="Taalcafe", actor=None)
    url = reverse("learning:plan", args=[plan.uuid])
    assert client_for(trainer).get(url).status_code == 404
    client_for(owner).post(reverse("learning:plan_share", args=[plan.uuid]), {"run": str(run.uuid)})
    assert client_for(trainer).get(url).status_code == 200
    assert client_for(trainer).get(reverse("learning:plan_edit", args=[plan.uuid])).status_code == 403
    client_for(owner).post(reverse("learning:plan_share", args=[plan.uuid]), {"run": ""})
    assert client_for(trainer).get(url).status_code == 404


def test_a_budget_line_of_zero_is_refused_and_plans_unchanged_for_three_years_are_deleted() -> None:
    from django.utils import timezone

    plan = projects.plan_create(owner=make_user("o@example.org"), organisation_name="O", title="T", actor=None)
    with pytest.raises(ValidationError):
        projects.budget_line_add(plan=plan, kind="cost", description="Niets", amount=Decimal(0), actor=None)
    assert not BudgetLine.objects.exists()
    assert projects.plans_purge(now=timezone.now() + datetime.timedelta(days=3 * 365 - 1)) == 0
    assert projects.plans_purge(now=timezone.now() + datetime.timedelta(days=3 * 365 + 1)) == 1

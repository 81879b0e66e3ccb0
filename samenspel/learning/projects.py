"""From idea to project: writes of a plan, its budget, the fund registry and applications; the deadline reminders.

Keyword-only, typed, each in a transaction and audited, as in services.py. A plan is its organisation's own:
only its owner changes it; the course's trainer and support point read it when the owner shares it.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.accounts.links import send_notice
from samenspel.core.audit import Actor, log_action
from samenspel.core.services import model_update
from samenspel.directory.models import Organisation
from samenspel.learning.models import (
    ApplicationStatus,
    BudgetKind,
    BudgetLine,
    CourseRun,
    Enrolment,
    EnrolmentStatus,
    Fund,
    FundApplication,
    ProjectPlan,
)

# What a fund asks for, ready before applying (004:8590-8606).
CHECKLIST = {
    "letter": gettext_lazy("A cover letter (about two pages)"),
    "description": gettext_lazy("The description of the project"),
    "budget": gettext_lazy("The budget and the coverage plan"),
    "budget_notes": gettext_lazy("Notes on the budget"),
    "organisation": gettext_lazy("Information about the organisation"),
    "documents": gettext_lazy("Annual report, Chamber of Commerce extract and articles of association"),
}
# After a rejection: what the course advises (004:8862-9083).
REJECTION_TIPS = [
    gettext_lazy("Call the fund and ask why. Write the answer down."),
    gettext_lazy("Improve the plan with what you heard: is it too big, is the budget realistic?"),
    gettext_lazy("Always apply to more than one fund. Look for another fund in the registry."),
]
PLAN_FIELDS = (
    "organisation_name",
    "title",
    "idea_what",
    "idea_for_whom",
    "idea_with_whom",
    "idea_how",
    "idea_result",
    "aim",
    "target_group",
    "activities",
    "method",
    "partners",
    "timeline",
    "results",
    "evaluation",
    "reporting",
)


def plan_create(*, owner: Any, organisation_name: str, title: str, actor: Actor) -> ProjectPlan:
    with transaction.atomic():
        plan = ProjectPlan(owner=owner, organisation_name=organisation_name.strip(), title=title.strip())
        plan.full_clean()
        plan.save()
        log_action(obj=plan, action="created", actor=actor)
    return plan


def plan_update(*, plan: ProjectPlan, actor: Actor, **fields: Any) -> dict[str, list[Any]]:
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise ValueError(f"not plan fields: {sorted(unknown)}")
    with transaction.atomic():
        return model_update(plan, actor=actor, **fields)


def budget_totals(plan: ProjectPlan) -> tuple[Decimal, Decimal]:
    """The costs and the coverage of a plan's budget."""
    sums = {
        row["kind"]: row["total"] for row in plan.budget_lines.values("kind").annotate(total=Sum("amount")).order_by()
    }
    return sums.get(BudgetKind.COST, Decimal(0)), sums.get(BudgetKind.COVERAGE, Decimal(0))


def budget_problem(plan: ProjectPlan) -> str:
    """Why the budget is not ready to send, or "" when the coverage adds up to the costs."""
    costs, coverage = budget_totals(plan)
    if costs == 0:
        return _("The budget has no costs yet.")
    if coverage != costs:
        return _(
            "The coverage (€ %(coverage)s) does not add up to the costs (€ %(costs)s): a difference of € %(diff)s."
        ) % {
            "coverage": formats.number_format(coverage, 2, force_grouping=True),
            "costs": formats.number_format(costs, 2, force_grouping=True),
            "diff": formats.number_format(abs(costs - coverage), 2, force_grouping=True),
        }
    return ""


def budget_line_add(*, plan: ProjectPlan, kind: str, description: str, amount: Decimal, actor: Actor) -> BudgetLine:
    if amount <= 0:
        raise ValidationError(_("An amount must be more than zero."))
    with transaction.atomic():
        line = BudgetLine(plan=plan, kind=kind, description=description.strip(), amount=amount)
        line.full_clean()
        line.save()
        ProjectPlan.objects.filter(pk=plan.pk).update(updated_at=timezone.now())
        log_action(obj=line, action="added", actor=actor, changes={"kind": kind, "amount": str(amount)})
    return line


def budget_line_remove(*, line: BudgetLine, actor: Actor) -> None:
    with transaction.atomic():
        log_action(obj=line, action="removed", actor=actor, changes={"amount": str(line.amount)})
        line.delete()


def plan_share(*, plan: ProjectPlan, run: CourseRun | None, actor: Actor) -> None:
    """Share with a course the owner takes part in (its trainer and support point may then read), or stop sharing."""
    if (
        run is not None
        and not Enrolment.objects.filter(run=run, user=plan.owner, status=EnrolmentStatus.ENROLLED).exists()
    ):
        raise ValidationError(_("You can share a plan only with a course you take part in."))
    with transaction.atomic():
        model_update(plan, actor=actor, action="shared" if run else "unshared", validate=None, shared_run=run)


def fund_create(*, support_point: Organisation, actor: Actor, **fields: Any) -> Fund:
    low, high = fields.get("min_amount"), fields.get("max_amount")
    if low is not None and high is not None and low > high:
        raise ValidationError(_("The smallest amount is more than the largest."))
    with transaction.atomic():
        fund = Fund(support_point=support_point, **fields)
        fund.full_clean()
        fund.save()
        log_action(obj=fund, action="created", actor=actor)
    return fund


def application_create(*, plan: ProjectPlan, fund: Fund, amount: Decimal, actor: Actor) -> FundApplication:
    if amount <= 0:
        raise ValidationError(_("An amount must be more than zero."))
    if fund.max_amount is not None and amount > fund.max_amount:
        raise ValidationError(
            _("%(fund)s gives at most € %(max)s.")
            % {"fund": fund.name, "max": formats.number_format(fund.max_amount, 2, force_grouping=True)}
        )
    with transaction.atomic():
        application = FundApplication.objects.create(plan=plan, fund=fund, amount=amount)
        log_action(obj=application, action="created", actor=actor, changes={"fund": fund.pk, "amount": str(amount)})
    return application


def application_update(
    *,
    application: FundApplication,
    status: str,
    checklist: list[str],
    sent_on: datetime.date | None,
    thank_you_due: datetime.date | None,
    report_due: datetime.date | None,
    notes: str,
    actor: Actor,
) -> None:
    """Move an application on; sending needs a budget that adds up and a complete checklist, a grant a report date."""
    checklist = [key for key in CHECKLIST if key in checklist]
    if status != ApplicationStatus.DRAFT:
        problem = budget_problem(application.plan)
        if problem:
            raise ValidationError(problem)
        missing = [str(CHECKLIST[key]) for key in CHECKLIST if key not in checklist]
        if missing:
            raise ValidationError(_("Not ready yet: %(missing)s.") % {"missing": "; ".join(missing)})
        if sent_on is None:
            raise ValidationError(_("Give the date it was sent."))
    if status in (ApplicationStatus.GRANTED, ApplicationStatus.REPORTED) and report_due is None:
        raise ValidationError(_("Give the date the fund wants a report by."))
    with transaction.atomic():
        model_update(
            application,
            actor=actor,
            action="status",
            status=status,
            checklist=checklist,
            sent_on=sent_on,
            thank_you_due=thank_you_due,
            report_due=report_due,
            notes=notes,
        )


def deadline_reminders_send(*, today: datetime.date | None = None) -> int:
    """Remind a plan's owner LEARNING_PROJECT_REMINDER_DAYS before a granted fund's thank-you and report dates
    (once per application, kind and date). Returns how many were queued or already queued."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=settings.LEARNING_PROJECT_REMINDER_DAYS)
    queued = 0
    granted = FundApplication.objects.filter(status=ApplicationStatus.GRANTED).select_related("plan__owner", "fund")
    for application in granted:
        for kind, due in (("thank_you", application.thank_you_due), ("report", application.report_due)):
            if due is None or not (today <= due <= horizon):
                continue
            _remind(application, kind, due)
            queued += 1
    return queued


def _remind(application: FundApplication, kind: str, due: datetime.date) -> None:
    plan = application.plan

    def subject() -> str:
        if kind == "report":
            return _("Report to %(fund)s by %(date)s") % {
                "fund": application.fund.name,
                "date": formats.date_format(due),
            }
        return _("Thank %(fund)s by %(date)s") % {"fund": application.fund.name, "date": formats.date_format(due)}

    def lines() -> list[str]:
        if kind == "report":
            first = _("%(fund)s gave money for %(project)s. It wants a report by %(date)s.")
        else:
            first = _("%(fund)s gave money for %(project)s. Thank the fund by %(date)s.")
        return [
            first % {"fund": application.fund.name, "project": plan.title, "date": formats.date_format(due)},
            _("A fund that is thanked and told what its money did gives again more easily."),
        ]

    send_notice(
        user=plan.owner,
        kind=f"learning_{kind}_due",
        key=f"learning-{kind}:{application.pk}:{due.isoformat()}",
        subject=subject,
        lines=lines,
        next_url=reverse("learning:plan", kwargs={"plan_uuid": plan.uuid}),
    )


def plans_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete plans nobody changed for LEARNING_PLAN_RETENTION_DAYS (their budget and applications with them)."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.LEARNING_PLAN_RETENTION_DAYS)
    deleted, _by_model = ProjectPlan.objects.filter(updated_at__lt=cutoff).delete()
    return deleted

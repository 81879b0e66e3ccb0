"""From idea to project at /leren/plannen/: an organisation's plan, budget and applications; the fund registry."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from samenspel.core.printing import render_pdf
from samenspel.learning import projects
from samenspel.learning.access import plan_for_user, plans_shared_with, support_point_for_user
from samenspel.learning.forms import (
    ApplicationForm,
    ApplicationNewForm,
    BudgetLineForm,
    FundForm,
    PlanForm,
    PlanNewForm,
)
from samenspel.learning.models import (
    ApplicationStatus,
    BudgetKind,
    CourseRun,
    Enrolment,
    EnrolmentStatus,
    Fund,
    FundApplication,
    ProjectPlan,
)
from samenspel.workspace.decorators import signed_in


def _errors(error: ValidationError) -> list[str]:
    return [str(m) for m in error.messages]


@never_cache
@signed_in
@require_http_methods(["GET", "POST"])
def plans(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    form = PlanNewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        plan = projects.plan_create(owner=user, actor=user, **form.cleaned_data)
        return redirect("learning:plan", plan_uuid=plan.uuid)
    return render(
        request,
        "learning/plans.html",
        {"plans": ProjectPlan.objects.filter(owner=user), "shared": plans_shared_with(user), "form": form},
        status=400 if form.errors else 200,
    )


def _label(name: str) -> Any:
    field: Any = ProjectPlan._meta.get_field(name)
    return field.verbose_name


def _plan_context(request: HttpRequest, plan: ProjectPlan, **extra: Any) -> dict[str, Any]:
    user: Any = request.user
    costs, coverage = projects.budget_totals(plan)
    applications = list(plan.applications.select_related("fund"))
    return {
        "plan": plan,
        "own": plan.owner_id == user.pk,
        "idea": [(_label(f), getattr(plan, f)) for f in projects.PLAN_FIELDS[2:7]],
        "parts": [(_label(f), getattr(plan, f)) for f in projects.PLAN_FIELDS[7:]],
        "cost_lines": plan.budget_lines.filter(kind=BudgetKind.COST),
        "coverage_lines": plan.budget_lines.filter(kind=BudgetKind.COVERAGE),
        "costs": costs,
        "coverage": coverage,
        "budget_problem": projects.budget_problem(plan),
        "budget_form": BudgetLineForm(),
        "application_new": ApplicationNewForm(),
        "applications": [
            (
                a,
                ApplicationForm(
                    initial={
                        "status": a.status,
                        "checklist": a.checklist,
                        "sent_on": a.sent_on,
                        "thank_you_due": a.thank_you_due,
                        "report_due": a.report_due,
                        "notes": a.notes,
                    },
                    prefix=str(a.uuid),
                ),
            )
            for a in applications
        ],
        "rejected": ApplicationStatus.REJECTED,
        "tips": projects.REJECTION_TIPS,
        "runs": CourseRun.objects.filter(
            enrolments__user=plan.owner, enrolments__status=EnrolmentStatus.ENROLLED
        ).select_related("template"),
        **extra,
    }


@never_cache
@signed_in
def plan_detail(request: HttpRequest, plan_uuid: Any) -> HttpResponse:
    plan = plan_for_user(request.user, plan_uuid)
    return render(request, "learning/plan.html", _plan_context(request, plan))


@signed_in
def plan_pdf(request: HttpRequest, plan_uuid: Any) -> HttpResponse:
    """The plan and its budget on paper, for the organisation's board or a fund."""
    plan = plan_for_user(request.user, plan_uuid)
    html = render_to_string("learning/plan_pdf.html", _plan_context(request, plan), request=request)
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="plan.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@signed_in
@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest, plan_uuid: Any) -> HttpResponse:
    plan = plan_for_user(request.user, plan_uuid, write=True)
    form = PlanForm(request.POST or None, instance=ProjectPlan.objects.get(pk=plan.pk))
    if request.method == "POST" and form.is_valid():
        projects.plan_update(plan=plan, actor=request.user, **{f: form.cleaned_data[f] for f in projects.PLAN_FIELDS})
        messages.success(request, _("Saved."))
        return redirect("learning:plan", plan_uuid=plan.uuid)
    return render(
        request,
        "learning/plan_edit.html",
        {"plan": plan, "form": form},
        status=400 if form.errors else 200,
    )


def _back_with(request: HttpRequest, plan: ProjectPlan, errors: list[str]) -> HttpResponse:
    return render(request, "learning/plan.html", _plan_context(request, plan, errors=errors), status=400)


@signed_in
@require_POST
def budget_add(request: HttpRequest, plan_uuid: Any) -> HttpResponse:
    plan = plan_for_user(request.user, plan_uuid, write=True)
    form = BudgetLineForm(request.POST)
    if not form.is_valid():
        return _back_with(request, plan, [str(e) for errs in form.errors.values() for e in errs])
    try:
        projects.budget_line_add(plan=plan, actor=request.user, **form.cleaned_data)
    except ValidationError as error:
        return _back_with(request, plan, _errors(error))
    return redirect("learning:plan", plan_uuid=plan.uuid)


@signed_in
@require_POST
def budget_remove(request: HttpRequest, plan_uuid: Any, line_id: int) -> HttpResponse:
    plan = plan_for_user(request.user, plan_uuid, write=True)
    line = plan.budget_lines.filter(pk=line_id).first()
    if line is None:
        raise Http404
    projects.budget_line_remove(line=line, actor=request.user)
    return redirect("learning:plan", plan_uuid=plan.uuid)


@signed_in
@require_POST
def plan_share(request: HttpRequest, plan_uuid: Any) -> HttpResponse:
    plan = plan_for_user(request.user, plan_uuid, write=True)
    run = None
    if request.POST.get("run"):
        run = CourseRun.objects.filter(uuid=request.POST["run"]).first()
        if run is None or not Enrolment.objects.filter(run=run, user=plan.owner).exists():
            return _back_with(request, plan, [_("You can share a plan only with a course you take part in.")])
    try:
        projects.plan_share(plan=plan, run=run, actor=request.user)
    except ValidationError as error:
        return _back_with(request, plan, _errors(error))
    messages.success(request, _("Shared with the course.") if run else _("No longer shared."))
    return redirect("learning:plan", plan_uuid=plan.uuid)


@signed_in
@require_POST
def application_new(request: HttpRequest, plan_uuid: Any) -> HttpResponse:
    plan = plan_for_user(request.user, plan_uuid, write=True)
    form = ApplicationNewForm(request.POST)
    if not form.is_valid():
        return _back_with(request, plan, [str(e) for errs in form.errors.values() for e in errs])
    try:
        projects.application_create(plan=plan, actor=request.user, **form.cleaned_data)
    except ValidationError as error:
        return _back_with(request, plan, _errors(error))
    return redirect("learning:plan", plan_uuid=plan.uuid)


@signed_in
@require_POST
def application_update(request: HttpRequest, application_uuid: Any) -> HttpResponse:
    application = FundApplication.objects.select_related("plan").filter(uuid=application_uuid).first()
    if application is None:
        raise Http404
    plan = plan_for_user(request.user, application.plan.uuid, write=True)
    form = ApplicationForm(request.POST, prefix=str(application.uuid))
    if not form.is_valid():
        return _back_with(request, plan, [str(e) for errs in form.errors.values() for e in errs])
    try:
        projects.application_update(application=application, actor=request.user, **form.cleaned_data)
    except ValidationError as error:
        return _back_with(request, plan, _errors(error))
    messages.success(request, _("Saved."))
    return redirect("learning:plan", plan_uuid=plan.uuid)


@never_cache
@signed_in
def fund_registry(request: HttpRequest) -> HttpResponse:
    """Every support point's funds, for anyone signed in who writes a plan."""
    return render(request, "learning/funds.html", {"funds": Fund.objects.select_related("support_point")})


@never_cache
@signed_in
@require_http_methods(["GET", "POST"])
def funds_manage(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug, write=request.method == "POST")
    form = FundForm(request.POST or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            projects.fund_create(support_point=access.support_point, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors = _errors(error)
        else:
            messages.success(request, _("The fund is in the registry."))
            return redirect("learning:funds_manage", slug=slug)
    return render(
        request,
        "learning/funds.html",
        {
            "sp": access.support_point,
            "access": access,
            "funds": Fund.objects.filter(support_point=access.support_point),
            "form": form,
            "errors": errors,
        },
        status=400 if request.method == "POST" else 200,
    )

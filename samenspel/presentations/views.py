"""Presentations for teams: asking (any signed-in person), one page per request where each party does its part,
the asker's own list, and the support point's queue with the year's counts."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from samenspel.directory.models import Group, Organisation, OrganisationKind
from samenspel.presentations import figures, services
from samenspel.presentations.access import request_for_user, support_point_for_user
from samenspel.presentations.forms import AskForm, DeclineForm, EvaluationForm, PlanForm
from samenspel.presentations.models import PresentationRequest, Status
from samenspel.workspace.access import contacts_for_user
from samenspel.workspace.decorators import signed_in


@signed_in
@never_cache
def mine(request: HttpRequest) -> HttpResponse:
    groups = [c.group_id for c in contacts_for_user(request.user)]
    rows = PresentationRequest.objects.filter(Q(requested_by=request.user) | Q(group_id__in=groups)).select_related(
        "support_point", "group"
    )
    return render(request, "presentations/mine.html", {"rows": rows})


@signed_in
@never_cache
def ask(request: HttpRequest, slug: str) -> HttpResponse:
    sp = get_object_or_404(Organisation, slug=slug, kind=OrganisationKind.SUPPORT_POINT)
    groups = Group.objects.public().for_support_point(sp).order_by("name")
    initial = {"contact_email": request.user.email}  # type: ignore[union-attr]
    form = AskForm(request.POST or None, groups=groups, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        found = services.request_create(
            support_point=sp,
            team=data["team"],
            organisation=data["organisation"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            wished_dates=data["wished_dates"],
            audience_size=data["audience_size"],
            themes=list(data["themes"]),
            group=data["group"],
            message=data["message"],
            actor=request.user,
        )
        messages.success(request, _("Your request is sent. The support point answers by e-mail."))
        return redirect("presentations:request", request_uuid=found.uuid)
    return render(request, "presentations/ask.html", {"sp": sp, "form": form}, status=400 if form.errors else 200)


ACTIONS = {"plan": "decide", "decline": "decide", "agree": "answer", "refuse": "answer", "evaluate": "evaluate"}


@signed_in
@never_cache
def request_detail(request: HttpRequest, request_uuid: str) -> HttpResponse:
    action = request.POST.get("action", "") if request.method == "POST" else ""
    need = ACTIONS.get(action)
    access = request_for_user(request.user, request_uuid, **({need: True} if need else {}))
    found = access.request
    forms: dict[str, Any] = {
        "plan_form": PlanForm(request.POST if action == "plan" else None, initial=_plan_initial(found)),
        "decline_form": DeclineForm(request.POST if action == "decline" else None),
        "evaluation_form": EvaluationForm(
            request.POST if action == "evaluate" else None,
            initial={"attendees": found.attendees, "found_useful": found.found_useful, "will_refer": found.will_refer},
        ),
    }
    error = ""
    if request.method == "POST" and need:
        try:
            done = _act(request, action, access, forms)
        except services.PresentationError as refusal:
            error = str(refusal)
        else:
            if done:
                messages.success(request, done)
                return redirect("presentations:request", request_uuid=found.uuid)
    elif request.method == "POST":
        error = _("Choose what you want to do.")
    failed = bool(error) or any(f.errors for f in forms.values())
    context = {
        "found": found,
        "access": access,
        "error": error,
        "status": Status,
        **forms,
    }
    return render(request, "presentations/request.html", context, status=400 if failed else 200)


def _plan_initial(found: PresentationRequest) -> dict[str, Any]:
    return {
        "starts_at": timezone.localtime(found.starts_at) if found.starts_at else None,
        "minutes": found.minutes,
        "place": found.place,
        "presenters": found.presenters,
        "group_presents": found.group_presents,
    }


def _act(request: HttpRequest, action: str, access: Any, forms: dict[str, Any]) -> str:
    """Do the action; returns the message to show, or "" when a form has errors."""
    found = access.request
    if action == "plan":
        form = forms["plan_form"]
        if not form.is_valid():
            return ""
        services.request_plan(request=found, actor=request.user, **form.cleaned_data)
        return _("Planned. The team gets a confirmation with a calendar file.")
    if action == "decline":
        form = forms["decline_form"]
        if not form.is_valid():
            return ""
        services.request_decline(request=found, reason=form.cleaned_data["reason"], actor=request.user)
        return _("Declined. The team gets an e-mail with your reason.")
    if action in ("agree", "refuse"):
        services.group_answer(request=found, agrees=action == "agree", actor=request.user)
        return _("Thank you. The support point knows your answer.")
    form = forms["evaluation_form"]
    if not form.is_valid():
        return ""
    services.request_evaluate(request=found, actor=request.user, **form.cleaned_data)
    return _("Thank you for the evaluation.")


@signed_in
@never_cache
def queue(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug)
    sp = access.support_point
    rows = PresentationRequest.objects.for_support_point(sp).select_related("group")
    now = timezone.now()
    year = timezone.localdate().year
    context = {
        "sp": sp,
        "asked": rows.filter(status=Status.ASKED).order_by("created_at"),
        "coming": rows.filter(status=Status.PLANNED, starts_at__gt=now).order_by("starts_at"),
        "past": rows.filter(status=Status.PLANNED, starts_at__lte=now).order_by("-starts_at")[:50],
        "year": year,
        "counts": figures.year_counts(sp, year),
    }
    return render(request, "presentations/queue.html", context)

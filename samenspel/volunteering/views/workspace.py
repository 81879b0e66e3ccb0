"""The support point's side of volunteers, under /werkplek/: the intake queue, roles, a volunteer's page with its
steps (answer, trial, role, stop), matching, hours, the thank-you letter, export and deletion on request."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from samenspel.core.printing import render_pdf, stylesheet_path
from samenspel.volunteering import conf, services
from samenspel.volunteering.access import role_for_user, support_point_for_user, volunteer_for_user
from samenspel.volunteering.forms import AnswerForm, HoursForm, NoteForm, PlaceForm, RoleForm, StopForm
from samenspel.volunteering.matching import match_roles
from samenspel.volunteering.models import Volunteer, VolunteerHours, VolunteerRole, VolunteerStatus
from samenspel.workspace.decorators import signed_in

LETTER_CSS = "volunteering/letter.css"


def anniversaries(
    volunteers: list[Volunteer], today: datetime.date, *, ahead: int = 30
) -> list[tuple[Volunteer, int, datetime.date]]:
    """Volunteers whose years in their role round in the next `ahead` days: (volunteer, years, the day)."""
    found = []
    for volunteer in volunteers:
        since = volunteer.role_since
        if since is None:
            continue
        for year in (today.year, today.year + 1):
            try:
                day = since.replace(year=year)
            except ValueError:  # 29 February
                day = datetime.date(year, 3, 1)
            years = year - since.year
            if years >= 1 and today <= day <= today + datetime.timedelta(days=ahead):
                found.append((volunteer, years, day))
    return sorted(found, key=lambda row: row[2])


@signed_in
@never_cache
def queue(request: HttpRequest, slug: str) -> HttpResponse:
    """Everyone who signed up, the waiting first (oldest on top), with how many working days they wait."""
    access = support_point_for_user(request.user, slug)
    sp = access.support_point
    today = timezone.localdate()
    rows = list(Volunteer.objects.for_support_point(sp).select_related("role", "interested_in").order_by("created_at"))
    waiting = [
        (v, conf.working_days_between(timezone.localdate(v.created_at), today))
        for v in rows
        if v.status == VolunteerStatus.NEW
    ]
    by_status = [
        (label, [v for v in rows if v.status == status])
        for status, label in VolunteerStatus.choices
        if status != VolunteerStatus.NEW
    ]
    active = [v for v in rows if v.status == VolunteerStatus.ACTIVE]
    hours = (
        VolunteerHours.objects.filter(volunteer__support_point=sp)
        .values("year")
        .annotate(total=Sum("hours"))
        .order_by("-year")
    )
    context = {
        "sp": sp,
        "access": access,
        "waiting": waiting,
        "late_after": conf.intake_working_days(),
        "by_status": by_status,
        "anniversaries": anniversaries(active, today),
        "hours": list(hours),
        "open_roles": VolunteerRole.objects.for_support_point(sp).open().count(),
    }
    return render(request, "volunteering/queue.html", context)


@signed_in
@never_cache
def roles(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug, write=request.method == "POST")
    sp = access.support_point
    form = RoleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        role = form.save(commit=False)
        role.support_point = sp
        services.role_save(role=role, languages=list(form.cleaned_data["languages"]), actor=request.user)
        messages.success(request, _("The role is saved."))
        return redirect("volunteering:roles", slug=sp.slug)
    context = {
        "sp": sp,
        "access": access,
        "rows": VolunteerRole.objects.for_support_point(sp).order_by("-is_open", "title"),
        "form": form,
    }
    return render(request, "volunteering/roles.html", context, status=400 if form.errors else 200)


@signed_in
@never_cache
def role_edit(request: HttpRequest, slug: str, role_uuid: str) -> HttpResponse:
    role, access = role_for_user(request.user, slug, role_uuid, write=request.method == "POST")
    form = RoleForm(request.POST or None, instance=role)
    if request.method == "POST" and form.is_valid():
        services.role_save(
            role=form.save(commit=False), languages=list(form.cleaned_data["languages"]), actor=request.user
        )
        messages.success(request, _("The role is saved."))
        return redirect("volunteering:roles", slug=access.support_point.slug)
    context = {"sp": access.support_point, "access": access, "role": role, "form": form}
    return render(request, "volunteering/role_edit.html", context, status=400 if form.errors else 200)


ACTIONS = ("answer", "trial", "role", "stop", "hours", "note", "delete")


@signed_in
@never_cache
def volunteer_detail(request: HttpRequest, volunteer_uuid: str) -> HttpResponse:
    volunteer, access = volunteer_for_user(request.user, volunteer_uuid, write=request.method == "POST")
    sp = access.support_point
    roles = VolunteerRole.objects.for_support_point(sp)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if request.method == "POST" and action not in ACTIONS:
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    forms: dict[str, Any] = {
        "answer": AnswerForm(data if action == "answer" else None),
        "trial": PlaceForm(data if action == "trial" else None, roles=roles, prefix="trial"),
        "role": PlaceForm(data if action == "role" else None, roles=roles, prefix="role"),
        "stop": StopForm(data if action == "stop" else None),
        "hours": HoursForm(data if action == "hours" else None),
        "note": NoteForm(data if action == "note" else None, initial={"note": volunteer.note}),
    }
    if volunteer.role_id:
        forms["role"].initial.setdefault("role", volunteer.role.uuid)  # type: ignore[union-attr]
    if action == "delete":
        services.volunteer_delete(volunteer=volunteer, actor=request.user)
        messages.success(request, _("Everything about this volunteer is deleted."))
        return redirect("volunteering:queue", slug=sp.slug)
    if action and forms[action].is_valid():
        data = forms[action].cleaned_data
        if action == "answer":
            services.volunteer_answer(volunteer=volunteer, message=data["message"], actor=request.user)
            messages.success(request, _("Your answer is on its way."))
        elif action == "trial":
            services.volunteer_start_trial(
                volunteer=volunteer, role=data["role"], since=data["since"], actor=request.user
            )
            messages.success(request, _("The trial has started."))
        elif action == "role":
            services.volunteer_fix_role(volunteer=volunteer, role=data["role"], since=data["since"], actor=request.user)
            messages.success(request, _("The role is fixed."))
        elif action == "stop":
            services.volunteer_stop(volunteer=volunteer, on=data["on"], actor=request.user)
            messages.success(request, _("Saved. The details are deleted on the date shown."))
        elif action == "hours":
            services.hours_record(volunteer=volunteer, year=data["year"], hours=data["hours"], actor=request.user)
            messages.success(request, _("The hours are saved."))
        elif action == "note":
            services.volunteer_note(volunteer=volunteer, note=data["note"], actor=request.user)
            messages.success(request, _("Saved."))
        return redirect("volunteering:volunteer_detail", volunteer_uuid=volunteer.uuid)
    context = {
        "sp": sp,
        "access": access,
        "volunteer": volunteer,
        "languages": list(volunteer.languages.all()),
        "hours": list(volunteer.hours.order_by("-year")),
        "matches": match_roles(volunteer, list(roles.open().prefetch_related("languages"))),
        "forms": forms,
        "has_roles": roles.exists(),
    }
    return render(request, "volunteering/volunteer_detail.html", context, status=400 if action else 200)


@signed_in
@never_cache
def volunteer_export(request: HttpRequest, volunteer_uuid: str) -> HttpResponse:
    """Everything stored about the volunteer, as a file to hand them on request."""
    volunteer, _access = volunteer_for_user(request.user, volunteer_uuid, write=True)
    response = HttpResponse(services.volunteer_export_json(volunteer), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="volunteer-{volunteer.uuid}.json"'
    return response


def letter_context(volunteer: Volunteer, today: datetime.date) -> dict[str, Any]:
    years = 0
    if volunteer.role_since:
        years = (
            today.year
            - volunteer.role_since.year
            - ((today.month, today.day) < (volunteer.role_since.month, volunteer.role_since.day))
        )
    return {
        "sp": volunteer.support_point,
        "volunteer": volunteer,
        "today": today,
        "years": years,
        "hours": list(volunteer.hours.order_by("year")),
    }


@signed_in
@never_cache
def thank_you_letter(request: HttpRequest, volunteer_uuid: str) -> HttpResponse:
    """A thank-you letter as PDF (one HTML source, WeasyPrint reading only this app's static folder)."""
    volunteer, _access = volunteer_for_user(request.user, volunteer_uuid, write=True)
    stylesheet = stylesheet_path(LETTER_CSS)
    context = {**letter_context(volunteer, timezone.localdate()), "stylesheet": stylesheet.as_uri()}
    html = render_to_string("volunteering/letter.html", context, request=request)
    response = HttpResponse(render_pdf(html, stylesheet), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="thank-you.pdf"'
    return response

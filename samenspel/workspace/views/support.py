"""Support activities: a group's requests for help, and information sessions (counts only)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.core.figures import FigureTable, download, download_links
from samenspel.core.privacy import protect_breakdown
from samenspel.workspace.access import facilitation_request_for_user, group_for_user, support_point_for_user
from samenspel.workspace.decorators import signed_in
from samenspel.workspace.forms import AttendeesForm, FacilitationForm, FacilitationStatusForm, InformationSessionForm
from samenspel.workspace.models import (
    FacilitationKind,
    FacilitationRequest,
    FacilitationStatus,
    InformationSession,
    PlaceKind,
)
from samenspel.workspace.services.support import (
    facilitation_request_create,
    facilitation_request_set_status,
    information_session_record,
    information_session_set_attendees,
)
from samenspel.workspace.theme_picker import filter_requested, filtered_again


@signed_in
@require_POST
def facilitation_create(request: HttpRequest, group_uuid: Any) -> HttpResponse:
    access = group_for_user(request.user, group_uuid, write=True)
    form = FacilitationForm(request.POST)
    if form.is_valid():
        facilitation_request_create(
            group=access.group,
            kind=FacilitationKind(form.cleaned_data["kind"]),
            description=form.cleaned_data["description"],
            actor=request.user,
        )
        messages.success(request, _("Your request was sent to the support point."))
    else:
        messages.error(request, _("Choose what you need."))
    return redirect("workspace:group", group_uuid=access.group.uuid)


@signed_in
def facilitation_list(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug)
    requests = FacilitationRequest.objects.for_support_point(access.support_point).select_related("group")[:200]
    context = {
        "access": access,
        "sp": access.support_point,
        "requests": requests,
        "status_form": FacilitationStatusForm(),
        "statuses": FacilitationStatus.choices,
    }
    return render(request, "workspace/facilitation_list.html", context)


@signed_in
@require_POST
def facilitation_status(request: HttpRequest, request_uuid: Any) -> HttpResponse:
    found, access = facilitation_request_for_user(request.user, request_uuid, review=True)
    form = FacilitationStatusForm(request.POST)
    if form.is_valid():
        facilitation_request_set_status(
            request=found, status=FacilitationStatus(form.cleaned_data["status"]), actor=request.user
        )
        messages.success(request, _("Status changed."))
    if access.group.support_point is not None:
        return redirect("workspace:facilitation_list", slug=access.group.support_point.slug)
    return redirect("workspace:group", group_uuid=access.group.uuid)


@signed_in
def information_sessions(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug, write=request.method == "POST")
    sp = access.support_point
    if request.method == "POST" and filter_requested(request.POST):
        # The theme filter without JavaScript: the form comes back with what was filled in; nothing is saved.
        form = filtered_again(InformationSessionForm, request.POST)
    else:
        form = InformationSessionForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = {f: form.cleaned_data[f] for f in ("date", "place_kind", "language", "attendees", "given_by")}
            information_session_record(
                support_point=sp, themes=list(form.cleaned_data["themes"]), actor=request.user, **data
            )
            if form.cleaned_data["date"] > timezone.localdate():
                messages.success(request, _("Information session planned."))
            else:
                messages.success(request, _("Information session recorded."))
            return redirect("workspace:information_sessions", slug=sp.slug)
    today = timezone.localdate()
    sessions = InformationSession.objects.for_support_point(sp)
    # The figures count the sessions that took place; a planned one counts from its day on.
    held = sessions.filter(date__lte=today)
    per_place = dict(
        (row["place_kind"], (row["n"], row["people"] or 0))
        for row in held.values("place_kind").annotate(n=Count("id"), people=Sum("attendees")).order_by()
    )
    totals = held.aggregate(n=Count("id"), people=Sum("attendees"))
    labels = [label for _value, label in PlaceKind.choices]
    sessions_per_place = [per_place.get(value, (0, 0))[0] for value, _label in PlaceKind.choices]
    # People reached are people: the small-number rule, with the total shown under the column.
    people_per_place, total_people = protect_breakdown(
        [per_place.get(value, (0, 0))[1] for value, _label in PlaceKind.choices], totals["people"] or 0
    )
    table = FigureTable(
        "per-place",
        _("Per kind of place"),
        [_("Sessions"), _("People")],
        [
            (str(label), [n, people])
            for label, n, people in zip(labels, sessions_per_place, people_per_place, strict=True)
        ],
        [totals["n"], total_people],
        chart_columns=[1],
    )
    heading = _("Information sessions of %(name)s") % {"name": sp.name}
    found = download(request, heading, [_("Only numbers: never who came.")], [table], f"voorlichtingen-{sp.slug}")
    if found is not None:
        return found
    context = {
        "access": access,
        "sp": sp,
        "form": form,
        "planned": sessions.filter(date__gt=today).select_related("language").order_by("date", "id")[:100],
        "waiting": held.filter(attendees__isnull=True).select_related("language").order_by("date", "id")[:100],
        "held": held.filter(attendees__isnull=False).select_related("language")[:100],
        "attendees_form": AttendeesForm(),
        "table": table,
        "downloads": download_links(request),
        "total_sessions": totals["n"],
        "total_people": total_people,
    }
    return render(request, "workspace/information_sessions.html", context)


@signed_in
@require_POST
def information_session_attendees(request: HttpRequest, slug: str, session_uuid: Any) -> HttpResponse:
    """After the day of a planned session: how many people came."""
    access = support_point_for_user(request.user, slug, write=True)
    session = get_object_or_404(InformationSession.objects.for_support_point(access.support_point), uuid=session_uuid)
    form = AttendeesForm(request.POST)
    if session.date > timezone.localdate():
        messages.error(request, _("The session is still to come: fill in the number after it took place."))
    elif form.is_valid():
        information_session_set_attendees(session=session, attendees=form.cleaned_data["attendees"], actor=request.user)
        messages.success(request, _("Number of people saved."))
    else:
        messages.error(request, _("Fill in a number from 0 to 10000."))
    return redirect("workspace:information_sessions", slug=access.support_point.slug)

"""The workspace's side of public notes: the queues of corrections, and the counts of wishes with "write to all"."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.core.privacy import shown
from samenspel.directory import postcodes
from samenspel.directory.models import Group
from samenspel.public_notes import registrations, wishes
from samenspel.public_notes.corrections import correction_set_status
from samenspel.public_notes.forms import (
    ApproveRegistrationForm,
    AskRegistrationForm,
    BroadcastForm,
    CorrectionStatusForm,
    DeclineRegistrationForm,
)
from samenspel.public_notes.models import (
    Correction,
    CorrectionStatus,
    Registration,
    RegistrationKind,
    RegistrationStatus,
)
from samenspel.workspace.access import SupportPointAccess, group_for_user, support_point_for_user
from samenspel.workspace.decorators import signed_in


def _status(request: HttpRequest) -> str:
    status = request.GET.get("status", CorrectionStatus.OPEN)
    return status if status in CorrectionStatus.values else CorrectionStatus.OPEN


@signed_in
def support_point_corrections(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug)
    status = _status(request)
    rows = Correction.objects.for_support_point(access.support_point).filter(status=status).select_related("group")
    context = {
        "sp": access.support_point,
        "title": _("Corrections from visitors"),
        "rows": rows[:200],
        "status": status,
        "statuses": CorrectionStatus.choices,
    }
    return render(request, "public_notes/corrections.html", context)


@signed_in
def group_corrections(request: HttpRequest, group_uuid: str) -> HttpResponse:
    access = group_for_user(request.user, group_uuid)
    status = _status(request)
    rows = Correction.objects.filter(group=access.group, status=status).select_related("group")
    context = {
        "sp": access.group.support_point if access.role else None,
        "group": access.group,
        "title": _("Corrections for %(group)s") % {"group": access.group.name},
        "rows": rows[:200],
        "status": status,
        "statuses": CorrectionStatus.choices,
    }
    return render(request, "public_notes/corrections.html", context)


@signed_in
def correction_detail(request: HttpRequest, correction_uuid: str) -> HttpResponse:
    note = Correction.objects.select_related("group").filter(uuid=correction_uuid).first()
    if note is None:
        raise Http404
    access = group_for_user(request.user, note.group.uuid, write=request.method == "POST")
    if request.method == "POST":
        form = CorrectionStatusForm(request.POST)
        if form.is_valid():
            correction_set_status(
                correction=note, status=form.cleaned_data["status"], note=form.cleaned_data["note"], actor=request.user
            )
            messages.success(request, _("Saved."))
            return redirect("public_notes:correction", correction_uuid=note.uuid)
    else:
        form = CorrectionStatusForm(initial={"status": note.status, "note": note.note})
    context = {
        "sp": note.group.support_point if access.role else None,
        "correction": note,
        "form": form,
        "can_edit": access.can_edit,
    }
    return render(request, "public_notes/correction_detail.html", context)


@signed_in
def wish_overview(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug)
    sp = access.support_point
    counts = [(row, shown(row.count)) for row in wishes.wish_counts(sp)]
    answered = []
    groups = (
        Group.objects.for_support_point(sp).prefetch_related("themes__parent", "languages").select_related("location")
    )
    for group in groups.exclude(status="stopped"):
        waiting = len(wishes.wishes_for_group(group))
        if waiting:
            answered.append((group, shown(waiting), BroadcastForm(initial={"group": group.uuid})))
    context = {"sp": sp, "access": access, "counts": counts, "answered": answered}
    return render(request, "public_notes/wishes.html", context)


@signed_in
def wish_broadcast(request: HttpRequest, slug: str) -> HttpResponse:
    if request.method != "POST":
        return redirect("public_notes:wishes", slug=slug)
    access = support_point_for_user(request.user, slug, write=True)
    form = BroadcastForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a message of at most 2000 characters."))
        return redirect("public_notes:wishes", slug=slug)
    group = Group.objects.for_support_point(access.support_point).filter(uuid=form.cleaned_data["group"]).first()
    if group is None:
        raise PermissionDenied
    url = request.build_absolute_uri(reverse("finder:group", kwargs={"slug": group.slug}))
    sent = wishes.wish_broadcast(group=group, message=form.cleaned_data["message"], group_url=url)
    messages.success(request, _("Your message goes to %(count)s people.") % {"count": shown(sent)})
    return redirect("public_notes:wishes", slug=slug)


@signed_in
def registration_queue(request: HttpRequest, slug: str) -> HttpResponse:
    """New groups to review: registrations the initiator confirmed, oldest first."""
    access = support_point_for_user(request.user, slug)
    rows = Registration.objects.filter(support_point=access.support_point).to_review().order_by("confirmed_at")
    context = {"sp": access.support_point, "rows": rows.prefetch_related("themes")[:200]}
    return render(request, "public_notes/registrations.html", context)


@signed_in
def registration_detail(request: HttpRequest, registration_uuid: str) -> HttpResponse:
    found = (
        Registration.objects.select_related("support_point")
        .exclude(status=RegistrationStatus.UNCONFIRMED)
        .filter(uuid=registration_uuid)
        .first()
    )
    if found is None:
        raise Http404
    access = support_point_for_user(request.user, found.support_point.slug, write=request.method == "POST")
    approve = ApproveRegistrationForm(
        initial={"status": "initiative" if found.kind == RegistrationKind.IDEA else "active"}
    )
    ask, decline = AskRegistrationForm(), DeclineRegistrationForm()
    if request.method == "POST" and found.is_open:
        action = request.POST.get("action")
        if action == "approve":
            approve = ApproveRegistrationForm(request.POST)
            if approve.is_valid():
                try:
                    group = registrations.registration_approve(
                        registration=found, status=approve.cleaned_data["status"], actor=request.user
                    )
                except ValidationError as exc:
                    # What the directory refuses (a place it no longer knows): said, nothing made.
                    for error in exc.messages:
                        approve.add_error(None, error)
                    return _registration_page(request, found, access, approve, ask, decline, status=400)
                messages.success(
                    request,
                    _("The group %(group)s is on the map; its initiator got a link to become its contact person.")
                    % {"group": group.name},
                )
                return redirect("public_notes:registrations", slug=access.support_point.slug)
        elif action == "ask":
            ask = AskRegistrationForm(request.POST)
            if ask.is_valid():
                registrations.registration_ask(registration=found, question=ask.cleaned_data["question"])
                messages.success(request, _("Your question was sent by e-mail. Replies come to your support point."))
                return redirect("public_notes:registration", registration_uuid=found.uuid)
        elif action == "decline":
            decline = DeclineRegistrationForm(request.POST)
            if decline.is_valid():
                registrations.registration_decline(registration=found, reason=decline.cleaned_data["reason"])
                messages.success(request, _("Declined. The initiator got your reason by e-mail."))
                return redirect("public_notes:registrations", slug=access.support_point.slug)
    return _registration_page(request, found, access, approve, ask, decline)


def _registration_page(
    request: HttpRequest,
    found: Registration,
    access: SupportPointAccess,
    approve: forms.Form,
    ask: forms.Form,
    decline: forms.Form,
    *,
    status: int = 200,
) -> HttpResponse:
    context = {
        "sp": access.support_point,
        "registration": found,
        "themes": found.themes.all(),
        "languages": found.languages.all(),
        "place": postcodes.place_of(found.pc4) if found.pc4 else "",
        "approve": approve,
        "ask": ask,
        "decline": decline,
        "can_write": access.can_write and found.is_open,
    }
    return render(request, "public_notes/registration_detail.html", context, status=status)

"""One group in the workspace: overview, self-service edit, lifecycle, events, review of changes."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.directory.freshness import freshness_of
from samenspel.directory.models import Group, GroupStatus
from samenspel.finder.models import Question
from samenspel.workspace.access import change_request_for_user, group_for_user, question_ref
from samenspel.workspace.change_rows import change_rows
from samenspel.workspace.decorators import signed_in
from samenspel.workspace.forms import (
    ContactForm,
    EventForm,
    FacilitationForm,
    GroupEditForm,
    GroupTextsForm,
    RejectForm,
    StatusForm,
    text_languages,
)
from samenspel.workspace.models import ChangeRequest, EventKind, FacilitationRequest, GroupContact, GroupEvent
from samenspel.workspace.services.lifecycle import group_confirm, group_event_record
from samenspel.workspace.services.self_service import (
    STATUS_KEY,
    TEXT_LANGUAGES,
    TRANSLATED_FIELDS,
    change_request_approve,
    change_request_reject,
    changes_between,
    group_change_submit,
    group_editable_values,
    group_places,
    upcoming_cancellations,
)
from samenspel.workspace.theme_picker import FILTER_SUFFIX, filter_requested, filtered_again


def _errors(exc: ValidationError) -> list[str]:
    return [str(m) for m in exc.messages]


@signed_in
def group_detail(request: HttpRequest, group_uuid: Any) -> HttpResponse:
    access = group_for_user(request.user, group_uuid)
    group = access.group
    questions = Question.objects.filter(group=group).order_by("-created_at")[:50]
    context = {
        "access": access,
        "group": group,
        "freshness": freshness_of(group),
        "history": group.status_history.all(),
        "events": GroupEvent.objects.filter(group=group),
        "questions": [(q, question_ref(q)) for q in questions],
        "changes": ChangeRequest.objects.filter(group=group).order_by("-submitted_at")[:20],
        "status_form": StatusForm(initial={"status": group.status, "date": timezone.localdate()}),
        "facilitation_requests": FacilitationRequest.objects.filter(group=group)[:20],
        "facilitation_form": FacilitationForm(),
        "contacts": GroupContact.objects.filter(group=group).select_related("user") if access.role else [],
        "contact_form": ContactForm(),
        "event_form": EventForm(initial={"kind": EventKind.LEADERSHIP_HANDOVER, "date": timezone.localdate()}),
    }
    return render(request, "workspace/group.html", context)


def edit_form(request: HttpRequest, group: Group, current: dict[str, Any]) -> tuple[GroupEditForm, list[Any], bool]:
    """The edit form with the languages it shows, the "add a language" links, and whether only the theme filter ran.

    The form shows nl and en, the languages the group meets in, those it has text in, and those asked for by
    "add a language", a plain link (?lang=ti) that works without JavaScript.
    """
    asked = [code for code in request.GET.getlist("lang") if code in TEXT_LANGUAGES]
    written = [f.rsplit("_", 1)[1] for f in TRANSLATED_FIELDS if current.get(f)]
    shown = text_languages(list(group.languages.values_list("code", flat=True)), asked, written)
    names = dict(settings.LANGUAGES)
    add_links = [
        (code, names[code], "?" + urlencode([("lang", c) for c in [*asked, code]]))
        for code in TEXT_LANGUAGES
        if code not in shown
    ]
    kwargs: dict[str, Any] = {
        "initiative": group.status == GroupStatus.INITIATIVE,
        "schedules": list(group.schedules.order_by("id")),
        "cancellations": upcoming_cancellations(group),
        "languages": shown,
        "places": group_places(group),
        "own_place": group.location,
    }
    if request.method == "POST" and filter_requested(request.POST):
        return filtered_again(GroupEditForm, request.POST, **kwargs), add_links, True
    form = GroupEditForm(request.POST or None, theme_filter=request.POST.get("themes" + FILTER_SUFFIX, ""), **kwargs)
    form.initial_values(current)
    return form, add_links, False


def too_much(request: HttpRequest) -> HttpResponse | None:
    """A body over the size limit (20 MB pasted by mistake): a clear answer; nothing is read, nothing written."""
    try:
        request.POST  # noqa: B018 - reading it is what raises
    except RequestDataTooBig:
        messages.error(
            request, _("That was far too much text: nothing was saved. Keep each text under 10,000 characters.")
        )
        return redirect(request.get_full_path())
    return None


@signed_in
def group_edit(request: HttpRequest, group_uuid: Any) -> HttpResponse:
    access = group_for_user(request.user, group_uuid, write=request.method == "POST")
    group = access.group
    refused = too_much(request)
    if refused is not None:
        return refused
    current = group_editable_values(group)
    form, add_links, filtering = edit_form(request, group, current)
    errors: list[str] = []
    if request.method == "POST" and not filtering and form.is_valid():
        changes = changes_between(current, form.values(current))
        try:
            change = group_change_submit(group=group, changes=changes, actor=request.user)
        except ValidationError as exc:
            errors = _errors(exc)
        else:
            if not changes:
                messages.info(request, _("Nothing was changed."))
            elif change is not None:
                messages.success(request, _("Thank you. The support point will look at your change soon."))
            else:
                messages.success(request, _("Saved. The change is live."))
            return redirect("workspace:group", group_uuid=group.uuid)
    context = {"access": access, "group": group, "form": form, "errors": errors, "add_links": add_links}
    return render(request, "workspace/group_edit.html", context)


@signed_in
@require_POST
def group_status(request: HttpRequest, group_uuid: Any) -> HttpResponse:
    access = group_for_user(request.user, group_uuid, write=True)
    form = StatusForm(request.POST)
    if form.is_valid():
        # Through the support point's review setting, as every other change of the entry.
        wanted = {
            "status": form.cleaned_data["status"],
            "date": form.cleaned_data["date"].isoformat(),
            "reason": form.cleaned_data["reason"],
        }
        change = group_change_submit(
            group=access.group, changes={STATUS_KEY: [access.group.status, wanted]}, actor=request.user
        )
        if change is not None:
            messages.success(request, _("Thank you. The support point will look at your change soon."))
        else:
            messages.success(request, _("Status changed."))
    else:
        messages.error(request, _("The status was not changed: check the date and the status."))
    return redirect("workspace:group", group_uuid=access.group.uuid)


@signed_in
@require_POST
def group_event(request: HttpRequest, group_uuid: Any) -> HttpResponse:
    access = group_for_user(request.user, group_uuid, write=True)
    form = EventForm(request.POST)
    if form.is_valid():
        group_event_record(
            group=access.group,
            kind=EventKind(form.cleaned_data["kind"]),
            actor=request.user,
            date=form.cleaned_data["date"],
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("Event recorded."))
    else:
        messages.error(request, _("The event was not recorded: check the date."))
    return redirect("workspace:group", group_uuid=access.group.uuid)


@signed_in
@require_POST
def group_verify_now(request: HttpRequest, group_uuid: Any) -> HttpResponse:
    access = group_for_user(request.user, group_uuid, write=True)
    group_confirm(group=access.group, actor=request.user)
    messages.success(request, _("Thank you. The group is marked as checked."))
    return redirect("workspace:group", group_uuid=access.group.uuid)


@signed_in
def change_detail(request: HttpRequest, change_uuid: Any) -> HttpResponse:
    change, access = change_request_for_user(request.user, change_uuid)
    return render(
        request,
        "workspace/change.html",
        {
            "access": access,
            "change": change,
            "group": access.group,
            "rows": change_rows(access.group, change.changes),
            "reject_form": RejectForm(),
            "errors": [],
        },
    )


@signed_in
@require_POST
def change_approve(request: HttpRequest, change_uuid: Any) -> HttpResponse:
    change, access = change_request_for_user(request.user, change_uuid, review=True)
    try:
        change_request_approve(change=change, actor=request.user)
    except ValidationError as exc:
        context = {
            "access": access,
            "change": change,
            "group": access.group,
            "rows": change_rows(access.group, change.changes),
            "reject_form": RejectForm(),
            "errors": _errors(exc),
        }
        return render(request, "workspace/change.html", context, status=400)
    messages.success(request, _("Approved. The change is live."))
    return _after_review(access.group)


@signed_in
@require_POST
def change_reject(request: HttpRequest, change_uuid: Any) -> HttpResponse:
    change, access = change_request_for_user(request.user, change_uuid, review=True)
    form = RejectForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        change_request_reject(change=change, actor=request.user, note=note)
    except ValidationError as exc:
        messages.error(request, " ".join(_errors(exc)))
    else:
        messages.success(request, _("Rejected. Nothing was changed."))
    return _after_review(access.group)


def _after_review(group: Any) -> HttpResponse:
    if group.support_point is not None:
        return redirect("workspace:review_queue", slug=group.support_point.slug)
    return redirect("workspace:group", group_uuid=group.uuid)


@signed_in
def group_translate(request: HttpRequest, group_uuid: Any) -> HttpResponse:
    """A group's texts in other languages, for a volunteer translator (and anyone who may edit the group).

    A translator's change always waits for the support point; it changes only texts.
    """
    access = group_for_user(request.user, group_uuid, translate=True)
    group = access.group
    refused = too_much(request)
    if refused is not None:
        return refused
    current = group_editable_values(group)
    asked = [code for code in request.GET.getlist("lang") if code in TEXT_LANGUAGES]
    written = [f.rsplit("_", 1)[1] for f in TRANSLATED_FIELDS if current.get(f)]
    shown = text_languages(list(group.languages.values_list("code", flat=True)), asked, written)
    names = dict(settings.LANGUAGES)
    add_links = [
        (code, names[code], "?" + urlencode([("lang", c) for c in [*asked, code]]))
        for code in TEXT_LANGUAGES
        if code not in shown
    ]
    form = GroupTextsForm(request.POST or None, languages=shown, initial=current)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        changes = changes_between({k: current[k] for k in TRANSLATED_FIELDS}, form.values(current))
        try:
            change = group_change_submit(
                group=group, changes=changes, actor=request.user, translator=access.translator_only
            )
        except ValidationError as exc:
            errors = _errors(exc)
        else:
            if not changes:
                messages.info(request, _("Nothing was changed."))
            elif change is not None:
                messages.success(request, _("Thank you. The support point will look at your change soon."))
            else:
                messages.success(request, _("Saved. The change is live."))
            if access.translator_only and group.support_point is not None:
                return redirect("workspace:translation_wanted", slug=group.support_point.slug)
            return redirect("workspace:group", group_uuid=group.uuid)
    context = {"access": access, "group": group, "form": form, "errors": errors, "add_links": add_links}
    return render(request, "workspace/group_translate.html", context)

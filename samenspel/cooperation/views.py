"""Support points together, under /werkplek/: forward a question or a registration, the questions forwarded to
you and the notes of what you forwarded, the groups of your neighbours (read-only, the public face only), and the
national list of organisations and online offers with suggestions for it."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from samenspel.cooperation import services
from samenspel.cooperation.access import (
    forwarded_question_for_user,
    may_read_national_list,
    support_point_for_user,
)
from samenspel.cooperation.forms import ForwardForm, OfferFilterForm, ReplyForm, StatusForm, SuggestionForm
from samenspel.cooperation.models import (
    Forward,
    ForwardedQuestion,
    ForwardedStatus,
    ForwardKind,
    NationalOffer,
    OfferSuggestion,
    SuggestionStatus,
)
from samenspel.cooperation.neighbours import neighbours_of
from samenspel.directory.disclosure import public_place
from samenspel.directory.models import Group
from samenspel.finder.models import Question, ReplyBy
from samenspel.public_notes.models import Registration, RegistrationStatus
from samenspel.workspace.access import QUESTION_SALT, memberships_for_user, question_for_user
from samenspel.workspace.decorators import signed_in
from samenspel.workspace.models import WRITE_ROLES

PAGE_SIZE = 100


def _deleted_since(ref: str) -> bool:
    """A reference we made once, to a question that is no longer there (not one this person may not see)."""
    try:
        pk = int(signing.Signer(salt=QUESTION_SALT, sep=".").unsign(ref))
    except (signing.BadSignature, ValueError):
        return False
    return not Question.objects.filter(pk=pk).exists()


def _gone(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "cooperation/gone.html", {"message": message}, status=410)


@signed_in
@never_cache
def forward_question(request: HttpRequest, ref: str) -> HttpResponse:
    try:
        question, group_access = question_for_user(request.user, ref, write=True)
    except Http404:
        # A link that was ours, to a question deleted since (its 30 days ended): say so, change nothing.
        if _deleted_since(ref) and memberships_for_user(request.user).exclude(role="translator").exists():
            return _gone(request, _("This question was already deleted. Nothing was forwarded."))
        raise
    # Forwarding is the support point's work, not the group's contact person's.
    if group_access.role is None:
        raise PermissionDenied
    sender = question.group.support_point
    if sender is None:
        raise Http404
    earlier = Forward.objects.select_related("to_support_point").filter(source_key=services.question_key(question.pk))
    form = ForwardForm(request.POST or None, sender=sender)
    if request.method == "POST" and form.is_valid():
        try:
            forward = services.forward_question(question=question, to=form.cleaned_data["to"], actor=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("Forwarded to %(support_point)s.") % {"support_point": forward.to_support_point.name}
            )
            return redirect("workspace:question", ref=ref)
    context = {
        "form": form,
        "sp": sender,
        "what": _("Question about %(name)s") % {"name": question.group.name},
        "earlier": earlier.first(),
        "back": ("workspace:question", ref),
    }
    return render(request, "cooperation/forward.html", context, status=400 if form.errors else 200)


@signed_in
@never_cache
def forward_registration(request: HttpRequest, registration_uuid: str) -> HttpResponse:
    reg = (
        Registration.objects.select_related("support_point")
        .exclude(status=RegistrationStatus.UNCONFIRMED)
        .filter(uuid=registration_uuid)
        .first()
    )
    if reg is None:
        raise Http404
    try:
        access = support_point_for_user(request.user, reg.support_point.slug, write=True)
    except Http404:
        # Sent again after it left (a double click): it went, once; say where.
        for membership in memberships_for_user(request.user):
            key = services.registration_key(reg, membership.support_point)
            earlier = Forward.objects.select_related("to_support_point").filter(source_key=key).first()
            if earlier is not None:
                messages.info(
                    request,
                    _("This was already forwarded to %(support_point)s.")
                    % {"support_point": earlier.to_support_point.name},
                )
                return redirect("cooperation:forwarded", slug=membership.support_point.slug)
        raise
    form = ForwardForm(request.POST or None, sender=access.support_point)
    if request.method == "POST" and form.is_valid():
        try:
            forward = services.forward_registration(registration=reg, to=form.cleaned_data["to"], actor=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("Forwarded to %(support_point)s.") % {"support_point": forward.to_support_point.name}
            )
            return redirect("cooperation:forwarded", slug=access.support_point.slug)
    context = {
        "form": form,
        "sp": access.support_point,
        "what": _("Registration of %(name)s") % {"name": reg.name},
        "earlier": None,
        "back": ("public_notes:registration", reg.uuid),
        "open": reg.is_open,
    }
    return render(request, "cooperation/forward.html", context, status=400 if form.errors else 200)


@signed_in
@never_cache
def forwarded(request: HttpRequest, slug: str) -> HttpResponse:
    """What other support points forwarded to us, and the notes of what we forwarded (never its text)."""
    access = support_point_for_user(request.user, slug)
    sp = access.support_point
    status = request.GET.get("status", ForwardedStatus.NEW)
    received = ForwardedQuestion.objects.for_support_point(sp).select_related("forward__from_support_point")
    if status in ForwardedStatus.values:
        received = received.filter(status=status)
    registrations = Forward.objects.filter(to_support_point=sp, kind=ForwardKind.REGISTRATION).select_related(
        "from_support_point"
    )
    sent = Forward.objects.filter(from_support_point=sp).select_related("to_support_point")
    context = {
        "access": access,
        "sp": sp,
        "received": received[:PAGE_SIZE],
        "registrations": registrations[:PAGE_SIZE],
        "sent": sent[:PAGE_SIZE],
        "status": status,
        "statuses": ForwardedStatus.choices,
    }
    return render(request, "cooperation/forwarded.html", context)


@signed_in
@never_cache
def forwarded_question(request: HttpRequest, question_uuid: str) -> HttpResponse:
    question, access = forwarded_question_for_user(request.user, question_uuid, write=request.method == "POST")
    reply_form, status_form = ReplyForm(), StatusForm(initial={"status": question.status})
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "answer":
            reply_form = ReplyForm(request.POST)
            if reply_form.is_valid():
                try:
                    services.forwarded_reply(
                        question=question, body=reply_form.cleaned_data["body"], actor=request.user
                    )
                except ValidationError as exc:
                    messages.error(request, " ".join(str(m) for m in exc.messages))
                else:
                    messages.success(request, _("Your answer was sent."))
                    return redirect("cooperation:forwarded_question", question_uuid=question.uuid)
        elif action == "status":
            status_form = StatusForm(request.POST)
            if status_form.is_valid():
                services.forwarded_set_status(
                    question=question, status=status_form.cleaned_data["status"], actor=request.user
                )
                messages.success(request, _("Status changed."))
                return redirect("cooperation:forwarded_question", question_uuid=question.uuid)
        else:
            messages.error(request, _("Choose what to do."))
    context = {
        "access": access,
        "sp": access.support_point,
        "question": question,
        "can_reply_by_email": question.reply_by == ReplyBy.EMAIL and bool(question.reply_email),
        "reply_form": reply_form,
        "status_form": status_form,
    }
    status = 400 if request.method == "POST" and (reply_form.errors or status_form.errors) else 200
    return render(request, "cooperation/forwarded_question.html", context, status=status)


@signed_in
def neighbours(request: HttpRequest, slug: str) -> HttpResponse:
    """The groups of neighbouring support points as the public map shows them: read-only, nothing more."""
    access = support_point_for_user(request.user, slug)
    near = neighbours_of(access.support_point)
    chosen = [sp for sp in near if sp.slug == request.GET.get("steunpunt")] or near
    groups = (
        Group.objects.public()
        .filter(support_point__in=chosen)
        .select_related("location", "support_point")
        .prefetch_related("themes")
        .order_by("support_point__name", "slug")
    )
    page = Paginator(groups, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(group, public_place(group.location)) for group in page]
    context = {
        "access": access,
        "sp": access.support_point,
        "neighbours": near,
        "chosen": request.GET.get("steunpunt", ""),
        "rows": rows,
        "page": page,
    }
    return render(request, "cooperation/neighbours.html", context)


@signed_in
def national_list(request: HttpRequest) -> HttpResponse:
    if not may_read_national_list(request.user):
        raise Http404
    form = OfferFilterForm(request.GET or None)
    offers = NationalOffer.objects.shown().prefetch_related("themes")
    if form.is_valid():
        if form.cleaned_data["theme"] is not None:
            theme = form.cleaned_data["theme"]
            offers = offers.filter(themes__in=[theme, *theme.ancestors()]).distinct()
        if form.cleaned_data["kind"]:
            offers = offers.filter(kind=form.cleaned_data["kind"])
    writable = [m.support_point for m in memberships_for_user(request.user) if m.role in WRITE_ROLES]
    context = {"form": form, "offers": offers, "writable": writable, "is_staff": request.user.is_staff}
    return render(request, "cooperation/national_list.html", context)


@signed_in
def suggest(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug, write=request.method == "POST")
    form = SuggestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.offer_suggest(support_point=access.support_point, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Thank you. Platform staff will look at your suggestion."))
        return redirect("cooperation:national_list")
    context = {"access": access, "sp": access.support_point, "form": form}
    return render(request, "cooperation/suggest.html", context, status=400 if form.errors else 200)


@signed_in
def suggestions(request: HttpRequest) -> HttpResponse:
    """Platform staff decide on suggestions; the list itself is kept in the admin."""
    if not request.user.is_staff:
        raise Http404
    if request.method == "POST":
        wanted = _uuid_or_none(request.POST.get("suggestion"))
        found = OfferSuggestion.objects.filter(uuid=wanted).first() if wanted else None
        action = request.POST.get("action")
        if found is None or action not in ("accept", "decline"):
            messages.error(request, _("This suggestion is not there any more."))
        else:
            services.suggestion_decide(suggestion=found, accept=action == "accept", actor=request.user)
            messages.success(request, _("Saved."))
        return redirect("cooperation:suggestions")
    rows = OfferSuggestion.objects.filter(status=SuggestionStatus.NEW).select_related("support_point")
    return render(request, "cooperation/suggestions.html", {"rows": rows})


def _uuid_or_none(value: str | None) -> str | None:
    try:
        return str(uuid.UUID(value or ""))
    except ValueError:
        return None


__all__ = ["forward_question", "forward_registration", "forwarded", "forwarded_question", "national_list"]

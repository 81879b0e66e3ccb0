"""Pages for professionals: sign up, search, shortlist, make a slip, send a warm handover."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.accounts.links import send_sign_in_link
from samenspel.core import ratelimit
from samenspel.directory.fallback import relax
from samenspel.directory.models import Group
from samenspel.finder.search_form import run_search, tell_namesakes_apart
from samenspel.referral.access import professional_required
from samenspel.referral.conf import retention_days
from samenspel.referral.forms import HandoverForm, ProfessionalSearchForm, SignUpForm, SlipForm
from samenspel.referral.models import (
    ENCRYPTED_FIELDS,
    Handover,
    HandoverKind,
    Professional,
    ReferralContact,
    ShortlistEntry,
)
from samenspel.referral.services import group_accepts_referrals, handover_create, professional_sign_up, slip_made
from samenspel.referral.slip import default_language

SIGN_UP_LIMIT = 10
SIGN_UP_WINDOW_SECONDS = 15 * 60


def sign_up(request: HttpRequest) -> HttpResponse:
    # The page for professionals of a support point links here with that support point chosen.
    form = SignUpForm(request.POST or None, initial={"support_point": request.GET.get("steunpunt", "")})
    status = 200
    if request.method == "POST":
        if not ratelimit.hit(f"referral-signup:{ratelimit.client_key(request)}", SIGN_UP_LIMIT, SIGN_UP_WINDOW_SECONDS):
            form.add_error(None, _("Too many tries. Wait a quarter of an hour and try again."))
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            professional = professional_sign_up(
                email=data["email"],
                organisation=data["organisation"],
                role=data["role"],
                support_point=data["support_point"],
                absolute_url=request.build_absolute_uri,
            )
            _send_link(request, professional)
            # The same answer for a known or new address, approved or not: no one learns who has access.
            return render(request, "referral/sign_up_sent.html", {"email": data["email"]})
        else:
            status = 400
    return render(request, "referral/sign_up.html", {"form": form}, status=status)


def _send_link(request: HttpRequest, professional: Professional) -> None:
    send_sign_in_link(
        request,
        professional.user,
        next_url=reverse("referral:home"),
        intro=_("Open this link to sign in to Samenspel for professionals:"),
    )


@professional_required
def home(request: HttpRequest, professional: Professional) -> HttpResponse:
    shortlist = ShortlistEntry.objects.filter(professional=professional).select_related("group")
    # The sender sees group, kind and status only; the details are not even loaded.
    handovers = (
        Handover.objects.filter(professional=professional).select_related("group").defer(*ENCRYPTED_FIELDS)[:100]
    )
    return render(
        request,
        "referral/home.html",
        {"professional": professional, "shortlist": shortlist, "handovers": handovers},
    )


@professional_required
def search(request: HttpRequest, professional: Professional) -> HttpResponse:
    form = ProfessionalSearchForm(request.GET or None)
    results = None
    rows: list[dict[str, Any]] = []
    fallback = None
    fallback_rows: list[dict[str, Any]] = []
    if form.is_bound:
        results = run_search(form)
        # The same fallback rule as the public search: keep the theme, relax language, distance, then online (and
        # below a few groups in the language asked for, the same theme in other languages).
        fallback = relax(results)
        if fallback:
            tell_namesakes_apart(fallback.hits)
        rows = _rows(professional, results.hits)
        fallback_rows = _rows(professional, fallback.hits) if fallback else []
    return render(
        request,
        "referral/search.html",
        {
            "form": form,
            "results": results,
            "rows": rows,
            "fallback": fallback,
            "fallback_rows": fallback_rows,
            "next": request.get_full_path(),
            # The slip is made in the language searched for, unless the professional chooses another.
            "searched_language": form.cleaned_data.get("language", "") if results is not None else "",
        },
    )


def _rows(professional: Professional, hits: list[Any]) -> list[dict[str, Any]]:
    sp_ids = {hit.group.support_point_id for hit in hits if hit.group.support_point_id}
    contacts = {c.support_point_id: c for c in ReferralContact.objects.filter(support_point_id__in=sp_ids)}
    support_points = {
        g.support_point_id: g.support_point
        for g in Group.objects.filter(pk__in=[h.group.pk for h in hits]).select_related("support_point")
    }
    listed = set(
        ShortlistEntry.objects.filter(professional=professional, group_id__in=[h.group.pk for h in hits]).values_list(
            "group_id", flat=True
        )
    )
    rows = []
    for hit in hits:
        sp_id = hit.group.support_point_id or 0
        rows.append(
            {
                "hit": hit,
                "support_point": support_points.get(sp_id),
                "referral_contact": contacts.get(sp_id),
                "first_contact": bool(hit.group.contact_email or hit.group.contact_phone),
                "listed": hit.group.pk in listed,
            }
        )
    return rows


def _back(request: HttpRequest) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("referral:home")


@professional_required
@require_POST
def shortlist_toggle(request: HttpRequest, professional: Professional, slug: str) -> HttpResponse:
    group = get_object_or_404(Group.objects.public(), slug=slug)
    if request.POST.get("action") == "remove":
        ShortlistEntry.objects.filter(professional=professional, group=group).delete()
        messages.success(request, _("Removed from your list."))
    else:
        ShortlistEntry.objects.get_or_create(professional=professional, group=group)
        messages.success(request, _("Added to your list."))
    return redirect(_back(request))


def _group_or_stopped(request: HttpRequest, slug: str) -> tuple[Group, HttpResponse | None]:
    """The group (any status), and a clear page when it takes no referrals now."""
    group: Group = get_object_or_404(Group.objects.select_related("support_point"), slug=slug)
    if not group_accepts_referrals(group):
        return group, render(request, "referral/group_stopped.html", {"group": group}, status=410)
    return group, None


@professional_required
def slip_make(request: HttpRequest, professional: Professional, slug: str) -> HttpResponse:
    """Choose the client's language; making the slip counts it (group, role, month) and opens it."""
    group, stopped = _group_or_stopped(request, slug)
    if stopped:
        return stopped
    language = default_language(
        group, searched=request.GET.get("searched", "")[:8], interface=(get_language() or "nl").split("-")[0]
    )
    form = SlipForm(request.POST or None, initial={"language": language})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                code = slip_made(group=group, professional=professional)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                return redirect("referral:slip", code=code.code, language=form.cleaned_data["language"])
        status = 400
    return render(request, "referral/slip_make.html", {"group": group, "form": form}, status=status)


@professional_required
def handover_new(request: HttpRequest, professional: Professional, slug: str) -> HttpResponse:
    group, stopped = _group_or_stopped(request, slug)
    if stopped:
        return stopped
    form = HandoverForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                handover_create(
                    group=group,
                    professional=professional,
                    consent=data["consent"] == "yes",
                    kind=HandoverKind(data["kind"]),
                    contact_name=data["contact_name"],
                    contact_phone=data["contact_phone"],
                    contact_email=data["contact_email"],
                    preferred_language=data["preferred_language"],
                    note=data["note"],
                    absolute_url=request.build_absolute_uri,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    _("The group's contact point has been told. Its e-mail holds no details about your client."),
                )
                return redirect("referral:home")
        status = 400
    context = {"group": group, "form": form, "retention_days": retention_days()}
    return render(request, "referral/handover_new.html", context, status=status)

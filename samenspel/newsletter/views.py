"""The newsletter's pages: public sign-up, confirmation and one-click unsubscribe (no account, no JavaScript, never
cached), and the support point's issues under /werkplek/."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from samenspel.core import ratelimit
from samenspel.core.visitor_forms import body_too_big, visitor_language
from samenspel.directory.models import Organisation, OrganisationKind
from samenspel.newsletter import conf, services
from samenspel.newsletter.access import issue_for_user, support_point_for_user
from samenspel.newsletter.forms import IssueForm, SubscribeForm
from samenspel.newsletter.models import Issue, Subscriber
from samenspel.workspace.decorators import signed_in

# --- public ---------------------------------------------------------------------------------------------------


def _support_point(slug: str) -> Organisation:
    return get_object_or_404(Organisation, slug=slug, kind=OrganisationKind.SUPPORT_POINT)


def _subscribe_page(
    request: HttpRequest, sp: Organisation, form: SubscribeForm, status: int = 200, **flags: Any
) -> HttpResponse:
    context = {"sp": sp, "form": form, "days": conf.unconfirmed_days(), **flags}
    return render(request, "newsletter/subscribe.html", context, status=status)


@never_cache
def subscribe(request: HttpRequest, slug: str) -> HttpResponse:
    sp = _support_point(slug)
    if request.method == "POST":
        if body_too_big(request):
            return _subscribe_page(request, sp, SubscribeForm(), status=413, too_big=True)
        form = SubscribeForm(request.POST)
        if not form.is_valid():
            return _subscribe_page(request, sp, form, status=400)
        if not ratelimit.hit(
            f"newsletter:{ratelimit.client_key(request)}", conf.rate_limit(), conf.RATE_WINDOW_SECONDS
        ):
            return _subscribe_page(request, sp, form, status=429, rate_limited=True)
        if not form.is_spam:
            services.subscribe(
                support_point=sp,
                email=form.cleaned_data["email"],
                language=visitor_language(),
                submit_key=form.cleaned_data["submit_key"],
            )
        return redirect("newsletter:subscribed", slug=sp.slug)
    return _subscribe_page(request, sp, SubscribeForm())


@never_cache
def subscribed(request: HttpRequest, slug: str) -> HttpResponse:
    sp = _support_point(slug)
    return render(request, "newsletter/subscribed.html", {"sp": sp, "days": conf.unconfirmed_days()})


def _bad_link(request: HttpRequest, status: int = 404) -> HttpResponse:
    return render(request, "newsletter/bad_link.html", status=status)


@never_cache
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Opening the link changes nothing (a mail scanner may open it); the button confirms."""
    subscriber = services.subscriber_for_confirmation(token)
    if subscriber is None:
        return _bad_link(request)
    context: dict[str, Any] = {"sp": subscriber.support_point, "subscriber": subscriber}
    if request.method == "POST":
        try:
            services.confirm(subscriber=subscriber)
        except services.NewsletterError as refusal:
            return render(request, "newsletter/confirm.html", {**context, "error": str(refusal)}, status=409)
        return render(request, "newsletter/confirmed.html", context)
    return render(request, "newsletter/confirm.html", context)


@csrf_exempt  # the one-click POST (RFC 8058) comes from the mail program, without a form of ours
@never_cache
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """Opening the link shows one button; a POST (that button, or the mail program's one click) unsubscribes.

    The signed link is the only key: a changed link is refused and changes nothing.
    """
    genuine, subscriber = services.subscriber_for_unsubscribe(token)
    if not genuine:
        return _bad_link(request, status=400)
    if subscriber is None:
        # Gone already (a second click, or an address removed): say so, nothing to do.
        return render(request, "newsletter/unsubscribed.html", {"sp": None})
    sp = subscriber.support_point
    if request.method == "POST":
        services.unsubscribe(subscriber=subscriber)
        return render(request, "newsletter/unsubscribed.html", {"sp": sp})
    return render(request, "newsletter/unsubscribe.html", {"sp": sp})


# --- workspace ------------------------------------------------------------------------------------------------


@signed_in
@never_cache
def issues(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug)
    sp = access.support_point
    subscribers = Subscriber.objects.for_support_point(sp)
    context = {
        "sp": sp,
        "access": access,
        "rows": Issue.objects.for_support_point(sp),
        "confirmed": subscribers.confirmed().count(),
        "waiting": subscribers.filter(confirmed_at__isnull=True).count(),
    }
    return render(request, "newsletter/issues.html", context)


@signed_in
@never_cache
def compose(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug, write=True)
    sp = access.support_point
    form = IssueForm(
        request.POST or None,
        new_groups=services.candidate_new_groups(sp),
        looking_groups=services.candidate_looking_groups(sp),
        runs=services.candidate_runs(sp),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            issue = services.issue_create(
                support_point=sp,
                title=data["title"],
                intro=data["intro"],
                new_groups=list(data["new_groups"]),
                looking_groups=list(data["looking_groups"]),
                runs=list(data["runs"]),
                actor=request.user,
            )
        except services.NewsletterError as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The issue is saved. Look at it, print it or send it."))
            return redirect("newsletter:issue", issue_uuid=issue.uuid)
    context = {"sp": sp, "form": form}
    return render(request, "newsletter/compose.html", context, status=400 if form.errors else 200)


@signed_in
@never_cache
def issue_detail(request: HttpRequest, issue_uuid: str) -> HttpResponse:
    issue, access = issue_for_user(request.user, issue_uuid, write=request.method == "POST")
    if request.method == "POST":
        if request.POST.get("action") != "send":
            return redirect("newsletter:issue", issue_uuid=issue.uuid)
        queued = services.issue_send(issue=issue, actor=request.user)
        if queued:
            messages.success(request, _("Sent to %(count)s new address(es).") % {"count": queued})
        else:
            messages.info(request, _("Nobody new to send it to: everyone on the list has had this issue."))
        return redirect("newsletter:issue", issue_uuid=issue.uuid)
    sp = issue.support_point
    context = {
        **services.issue_context(issue),
        "access": access,
        "confirmed": Subscriber.objects.for_support_point(sp).confirmed().count(),
    }
    return render(request, "newsletter/issue.html", context)


@signed_in
@never_cache
def issue_pdf(request: HttpRequest, issue_uuid: str) -> HttpResponse:
    issue, _access = issue_for_user(request.user, issue_uuid)
    response = HttpResponse(services.issue_pdf(issue), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="newsletter.pdf"'
    return response

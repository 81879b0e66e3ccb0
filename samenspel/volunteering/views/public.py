"""The public side: the "help as a volunteer" page with its sign-up, and the volunteer's own link. No account,
no JavaScript, never cached (a CSRF token, and on the own-data page a person's details)."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from samenspel.core import ratelimit
from samenspel.core.visitor_forms import body_too_big, visitor_language
from samenspel.directory.models import Organisation, OrganisationKind
from samenspel.volunteering import conf, services
from samenspel.volunteering.forms import OwnHoursForm, SignUpForm
from samenspel.volunteering.models import VolunteerRole


def _support_point(slug: str) -> Organisation:
    return get_object_or_404(Organisation, slug=slug, kind=OrganisationKind.SUPPORT_POINT)


def _page(request: HttpRequest, sp: Organisation, form: SignUpForm, *, status: int = 200, **flags: Any) -> HttpResponse:
    roles = form.fields["interested_in"].queryset  # type: ignore[attr-defined]
    context = {
        "sp": sp,
        "roles": roles,
        "form": form,
        "intake_days": conf.intake_working_days(),
        "retention_days": conf.stopped_retention_days(),
        **flags,
    }
    return render(request, "volunteering/volunteer.html", context, status=status)


@never_cache
def volunteer(request: HttpRequest, slug: str) -> HttpResponse:
    sp = _support_point(slug)
    roles = VolunteerRole.objects.for_support_point(sp).open().prefetch_related("languages")
    if request.method == "POST":
        if body_too_big(request):
            return _page(request, sp, SignUpForm(roles=roles), status=413, too_big=True)
        form = SignUpForm(request.POST, roles=roles)
        if form.is_valid():
            if not ratelimit.hit(
                f"volunteer:{ratelimit.client_key(request)}", conf.rate_limit(), conf.RATE_WINDOW_SECONDS
            ):
                return _page(request, sp, form, status=429, rate_limited=True)
            if not form.is_spam:
                data = form.cleaned_data
                services.volunteer_sign_up(
                    support_point=sp,
                    interested_in=data["interested_in"],
                    name=data["name"],
                    email=data["email"],
                    phone=data["phone"],
                    give=data["give"],
                    wants=list(data["wants"]),
                    times=list(data["times"]),
                    pc4=data["pc4"],
                    languages=list(data["languages"]),
                    consent=data["consent"],
                    mail_language=visitor_language(),
                    submit_key=data["submit_key"],
                )
            return redirect("volunteering:sent", slug=sp.slug)
        return _page(request, sp, form, status=400)
    initial = {}
    wanted = request.GET.get("rol", "")[:40]
    if _is_uuid(wanted) and roles.filter(uuid=wanted).exists():
        initial["interested_in"] = wanted
    return _page(request, sp, SignUpForm(roles=roles, initial=initial))


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


@never_cache
def sent(request: HttpRequest, slug: str) -> HttpResponse:
    sp = _support_point(slug)
    return render(request, "volunteering/sent.html", {"sp": sp, "intake_days": conf.intake_working_days()})


@never_cache
def own_data(request: HttpRequest, token: str) -> HttpResponse:
    """The volunteer's own page from the mailed link: what is kept, a download, and delete-everything-now.

    Opening the link changes nothing (a mail scanner may open it); the buttons post.
    """
    found = services.volunteer_from_token(token)
    if found is None:
        return render(request, "volunteering/own_data_invalid.html", status=404)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "download":
            response = HttpResponse(services.volunteer_export_json(found), content_type="application/json")
            response["Content-Disposition"] = 'attachment; filename="my-volunteer-data.json"'
            return response
        if action == "hours":
            form = OwnHoursForm(request.POST)
            if form.is_valid():
                services.hours_record(
                    volunteer=found,
                    year=form.cleaned_data["year"],
                    hours=form.cleaned_data["hours"],
                    actor=None,
                    actor_label="volunteer (own link)",
                )
                return redirect(request.path + "#hours")
            context = {"volunteer": found, "data": services.volunteer_export(found), "hours_form": form}
            return render(request, "volunteering/own_data.html", context, status=400)
        if action == "delete":
            sp = found.support_point
            services.volunteer_delete(volunteer=found, actor=None, actor_label="volunteer (own link)")
            return render(request, "volunteering/own_data_deleted.html", {"sp": sp})
        raise Http404
    context = {"volunteer": found, "data": services.volunteer_export(found), "hours_form": OwnHoursForm()}
    return render(request, "volunteering/own_data.html", context)

"""The public pages of public notes: no account anywhere here, and never cached (they carry a CSRF token)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from samenspel.core import ratelimit
from samenspel.core.privacy import keep_nothing
from samenspel.core.visitor_forms import body_too_big, visitor_language
from samenspel.directory.models import Group, Theme
from samenspel.directory.sensitive import is_sensitive
from samenspel.public_notes import conf, corrections, registrations, wishes
from samenspel.public_notes.forms import CorrectionForm, RegistrationForm, WishForm
from samenspel.public_notes.models import RegistrationStatus
from samenspel.workspace.theme_picker import filter_requested


def _public_group(slug: str) -> Group:
    return get_object_or_404(Group.objects.public().select_related("support_point"), slug=slug)


def _allowed(request: HttpRequest) -> bool:
    """One budget for every public note a visitor sends (corrections and wishes), per hashed IP."""
    return ratelimit.hit(f"public_note:{ratelimit.client_key(request)}", conf.rate_limit(), conf.RATE_WINDOW_SECONDS)


def correction(request: HttpRequest, slug: str) -> HttpResponse:
    group = _public_group(slug)
    if request.method == "POST":
        if body_too_big(request):
            return _correction_page(request, group, CorrectionForm(), status=413, too_big=True)
        form = CorrectionForm(request.POST)
        if form.is_valid():
            if not _allowed(request):
                return _correction_page(request, group, form, status=429, rate_limited=True)
            if not form.is_spam:
                note = form.save(commit=False)
                note.language = visitor_language()
                corrections.correction_create(correction=note, group=group, submit_key=form.cleaned_data["submit_key"])
            return redirect("public_notes:correction_sent", slug=group.slug)
        return _correction_page(request, group, form, status=400)
    return _correction_page(request, group, CorrectionForm())


def _correction_page(
    request: HttpRequest,
    group: Group,
    form: forms.Form,
    *,
    status: int = 200,
    rate_limited: bool = False,
    too_big: bool = False,
) -> HttpResponse:
    context = {
        "group": group,
        "form": form,
        "rate_limited": rate_limited,
        "too_big": too_big,
        "retention_days": conf.correction_retention_days(),
        "sensitive": is_sensitive(group.themes.all()),
    }
    return _page(request, "public_notes/correction.html", context, status=status)


def _page(request: HttpRequest, template: str, context: dict[str, Any], *, status: int = 200) -> HttpResponse:
    """A page about a taboo theme gets the quick exit and is kept nowhere (finder/quick_exit.py)."""
    response = render(request, template, context, status=status)
    return keep_nothing(response) if context.get("sensitive") else response


def correction_sent(request: HttpRequest, slug: str) -> HttpResponse:
    group = _public_group(slug)
    context = {"group": group, "sensitive": is_sensitive(group.themes.all())}
    return _page(request, "public_notes/correction_sent.html", context)


def wish(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        if body_too_big(request):
            return _wish_page(request, WishForm(), status=413, too_big=True)
        form = WishForm(request.POST)
        if form.is_valid():
            if not _allowed(request):
                return _wish_page(request, form, status=429, rate_limited=True)
            if not form.is_spam:
                data = form.cleaned_data
                wishes.wish_create(
                    email=data["email"],
                    theme=data["theme"],
                    pc4=data["pc4"],
                    language=data["language"],
                    months=data["months"],
                    mail_language=visitor_language(),
                )
            # The same page whether the wish is new, known already or a bot's: it says nothing about an address.
            return redirect("public_notes:wish_sent")
        return _wish_page(request, form, status=400)
    initial: dict[str, Any] = {"language": visitor_language(), "months": 6}
    for name in ("theme", "pc4", "language"):
        value = request.GET.get(name, "").strip()[:80]
        if value:
            initial[name] = value
    return _wish_page(request, WishForm(initial=initial))


def _wish_page(
    request: HttpRequest, form: forms.Form, *, status: int = 200, rate_limited: bool = False, too_big: bool = False
) -> HttpResponse:
    theme = form.data.get("theme") if form.is_bound else form.initial.get("theme")
    context = {
        "form": form,
        "rate_limited": rate_limited,
        "too_big": too_big,
        "unconfirmed_days": conf.unconfirmed_wish_days(),
        "sensitive": bool(theme) and is_sensitive(Theme.objects.filter(slug=str(theme)[:80])),
    }
    return _page(request, "public_notes/wish.html", context, status=status)


def wish_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "public_notes/wish_sent.html", {"unconfirmed_days": conf.unconfirmed_wish_days()})


def _link_page(request: HttpRequest, token: str, *, confirm: bool) -> HttpResponse:
    """A mailed link shows a page with one button: a mail scanner that opens links changes nothing."""
    found = wishes.wish_from_token(token, confirm=confirm)
    if found is None:
        return render(request, "public_notes/wish_link_invalid.html", {"confirm": confirm}, status=404)
    done = False
    if request.method == "POST":
        if confirm:
            wishes.wish_confirm(found)
        else:
            wishes.wish_withdraw(found)
        done = True
    context = {"wish": found, "confirm": confirm, "done": done, "sensitive": is_sensitive([found.theme])}
    return _page(request, "public_notes/wish_link.html", context)


def wish_confirm(request: HttpRequest, token: str) -> HttpResponse:
    return _link_page(request, token, confirm=True)


def wish_withdraw(request: HttpRequest, token: str) -> HttpResponse:
    return _link_page(request, token, confirm=False)


def _registration_form(data: Any = None, *, place: str = "", **kwargs: Any) -> RegistrationForm:
    return RegistrationForm(data, support_points=registrations.support_points_near(place), **kwargs)


def register(request: HttpRequest) -> HttpResponse:
    """Register a group, or an idea for one, without an account; the initiator confirms by a mailed link."""
    if request.method == "POST":
        if body_too_big(request):
            return _register_page(request, _registration_form(), status=413, too_big=True)
        place = request.POST.get("place", "")[:80]
        if filter_requested(request.POST) or "suggest" in request.POST:
            # "Show matching themes" or "Suggest support points": the form again, nothing stored.
            again = {
                key: request.POST.getlist(key) if key in ("themes", "languages") else request.POST.get(key)
                for key in request.POST
                if key != "csrfmiddlewaretoken"
            }
            form = RegistrationForm(
                initial=again,
                theme_filter=request.POST.get("themes_filter", ""),
                support_points=registrations.support_points_near(place),
            )
            if "suggest" in request.POST:
                nearest = registrations.support_points_near(place)
                if nearest and place:
                    form.initial["support_point"] = nearest[0].slug
            return _register_page(request, form, suggested="suggest" in request.POST)
        form = _registration_form(request.POST, place=place)
        if form.is_valid():
            if not _allowed(request):
                return _register_page(request, form, status=429, rate_limited=True)
            if not form.is_spam:
                data = form.cleaned_data
                try:
                    registrations.registration_create(
                        kind=data["kind"],
                        name=data["name"],
                        description=data["description"],
                        themes=list(data["themes"]),
                        audience=data["audience"],
                        languages=list(data["languages"]),
                        pc4=data["pc4"],
                        online=data["online"],
                        frequency=data["frequency"],
                        support_point=data["support_point"],
                        email=data["email"],
                        mail_language=visitor_language(),
                        submit_key=data["submit_key"],
                    )
                except registrations.Duplicate:
                    form.add_error(
                        None,
                        _(
                            "You already registered a group by this name with this e-mail address at this support "
                            "point. It is waiting for your confirmation or for the support point: look in your e-mail."
                        ),
                    )
                    return _register_page(request, form, status=400)
            return redirect("public_notes:register_sent")
        return _register_page(request, form, status=400)
    place = request.GET.get("place", "").strip()[:80]
    start: dict[str, Any] = {"languages": [visitor_language()], "place": place}
    theme = request.GET.get("theme", "").strip()[:80]
    if theme:
        start["themes"] = [theme]
    nearest = registrations.support_points_near(place)
    if place and nearest:
        start["support_point"] = nearest[0].slug
    return _register_page(request, RegistrationForm(initial=start, support_points=nearest))


def _register_page(
    request: HttpRequest,
    form: forms.Form,
    *,
    status: int = 200,
    rate_limited: bool = False,
    too_big: bool = False,
    suggested: bool = False,
) -> HttpResponse:
    context = {
        "form": form,
        "rate_limited": rate_limited,
        "too_big": too_big,
        "suggested": suggested,
        "unconfirmed_days": conf.unconfirmed_wish_days(),
        "retention_days": conf.registration_retention_days(),
    }
    return render(request, "public_notes/register.html", context, status=status)


def register_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "public_notes/register_sent.html", {"unconfirmed_days": conf.unconfirmed_wish_days()})


def registration_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The mailed link shows one button: a mail scanner that opens links confirms nothing."""
    found = registrations.registration_from_token(token)
    if found is None:
        return render(request, "public_notes/registration_link_invalid.html", status=404)
    done = found.status != RegistrationStatus.UNCONFIRMED
    if request.method == "POST" and not done:
        registrations.registration_confirm(found)
        done = True
    return render(request, "public_notes/registration_confirm.html", {"registration": found, "done": done})

"""The workspace side: a group's contact persons open and set up the group's space (the group decides); the
support point looks and helps. A support point's editors and managers open theme spaces. Signed in as in the
workspace (two-factor for support-point staff). No page here shows a message or a member: only the set-up,
the codes and how many members there are (by the small-number rule).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from samenspel.core.privacy import shown
from samenspel.spaces import access, services
from samenspel.spaces.forms import SpaceForm, ThemeSpaceForm
from samenspel.spaces.models import DEFAULT_HOUSE_RULES, Space
from samenspel.workspace.decorators import signed_in

CODE_SESSION_KEY = "spaces_made_code"


def _posted(request: HttpRequest) -> Any:
    """The posted form data, also when empty (an empty POST is a form sent empty, not no form)."""
    return request.POST if request.method == "POST" else None


def _members(space: Space | None) -> str:
    return shown(space.members.count()) if space is not None else ""


@never_cache
@signed_in
def group_space(request: HttpRequest, group_uuid: Any) -> HttpResponse:
    group, found = access.group_space_manager(request.user, group_uuid)
    if found.space is not None:
        return redirect("spaces:manage", space_uuid=found.space.uuid)
    form = SpaceForm(
        _posted(request),
        initial={"name": group.name, "house_rules": str(DEFAULT_HOUSE_RULES)},
    )
    if request.method == "POST":
        group, found = access.group_space_manager(request.user, group_uuid, decide=True)
        if form.is_valid():
            space = services.space_open(
                actor=request.user, support_point=group.support_point, group=group, **form.cleaned_data
            )
            return redirect("spaces:manage", space_uuid=space.uuid)
    context = {"group": group, "form": form, "can_decide": found.can_decide}
    return render(request, "spaces/manage_open.html", context, status=400 if form.errors else 200)


@never_cache
@signed_in
def theme_spaces(request: HttpRequest, slug: str) -> HttpResponse:
    sp_access = access.theme_spaces_manager(request.user, slug)
    support_point = sp_access.support_point
    form = ThemeSpaceForm(_posted(request), initial={"house_rules": str(DEFAULT_HOUSE_RULES)})
    form.fields["theme"].required = True
    if request.method == "POST":
        access.theme_spaces_manager(request.user, slug, decide=True)
        if form.is_valid():
            space = services.space_open(actor=request.user, support_point=support_point, **form.cleaned_data)
            return redirect("spaces:manage", space_uuid=space.uuid)
    spaces = [
        (space, _members(space))
        for space in Space.objects.filter(support_point=support_point, group__isnull=True).order_by("name")
    ]
    context = {"support_point": support_point, "form": form, "spaces": spaces, "can_decide": sp_access.can_write}
    return render(request, "spaces/manage_themes.html", context, status=400 if form.errors else 200)


@never_cache
@signed_in
def manage(request: HttpRequest, space_uuid: Any) -> HttpResponse:
    found = access.space_manager(request.user, space_uuid)
    space = found.space
    assert space is not None
    form_class = SpaceForm
    form = form_class(_posted(request), instance=space)
    saved = False
    if request.method == "POST":
        access.space_manager(request.user, space_uuid, decide=True)
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in form_class.Meta.fields}
            space.refresh_from_db()
            services.space_update(actor=request.user, space=space, **fields)
            saved = True
    context = {
        "space": space,
        "form": form,
        "can_decide": found.can_decide,
        "saved": saved,
        "members": _members(space),
        "code": request.session.pop(CODE_SESSION_KEY, None),
    }
    return render(request, "spaces/manage.html", context, status=400 if form.errors else 200)


@never_cache
@signed_in
@require_POST
def make_code(request: HttpRequest, space_uuid: Any) -> HttpResponse:
    """A new code, shown once: the group's shared code, a personal one, or one for a moderator the group chose."""
    found = access.space_manager(request.user, space_uuid, decide=True)
    space = found.space
    assert space is not None
    kind = request.POST.get("kind", "shared")
    code = services.invitation_create(
        actor=request.user, space=space, single_use=kind != "shared", as_moderator=kind == "moderator"
    )
    request.session[CODE_SESSION_KEY] = {"code": code, "kind": kind}
    return redirect("spaces:manage", space_uuid=space.uuid)


@never_cache
@signed_in
@require_POST
def close(request: HttpRequest, space_uuid: Any) -> HttpResponse:
    found = access.space_manager(request.user, space_uuid, decide=True)
    assert found.space is not None
    services.space_update(actor=request.user, space=found.space, is_closed=not found.space.is_closed)
    return redirect("spaces:manage", space_uuid=found.space.uuid)

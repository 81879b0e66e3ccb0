"""The login-free links from the freshness e-mail: "is this still right?" and, from there, the group's edit form."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.core.audit import LinkActor
from samenspel.workspace.access import GroupAccess
from samenspel.workspace.services.lifecycle import group_confirm
from samenspel.workspace.services.self_service import (
    changes_between,
    group_change_submit,
    group_editable_values,
)
from samenspel.workspace.tokens import CheckLinkError, CheckLinkUsed, check_link_for, edit_link_for, edit_token_for
from samenspel.workspace.views.group import edit_form, too_much


def link_actor(email: str) -> LinkActor:
    """Who acts by a link: named in the audit log by the address the link was mailed to (not translated: the log
    reads the same whatever language the page was in)."""
    return LinkActor(f"{email} (freshness e-mail link)")


def freshness_check(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows the entry and a button; POST confirms. Mail scanners open links, so GET changes nothing."""
    try:
        group, email = check_link_for(token)
    except CheckLinkUsed:
        return render(request, "workspace/check_done.html", {"already": True})
    except CheckLinkError:
        return render(request, "workspace/check_invalid.html", status=400)
    if request.method == "POST":
        actor = link_actor(email) if email else None
        group_confirm(group=group, actor=actor, actor_label="" if email else _("contact point by e-mail link"))
        return render(request, "workspace/check_done.html", {"group": group})
    if email:
        edit_url = reverse("workspace:check_edit", kwargs={"token": edit_token_for(group, email)})
    else:
        # A link mailed before links named their address: signing in is the way to change the entry.
        next_url = reverse("workspace:group_edit", kwargs={"group_uuid": group.uuid})
        edit_url = reverse("accounts:login") + "?" + urlencode({"next": next_url})
    return render(request, "workspace/check.html", {"group": group, "token": token, "edit_url": edit_url})


def check_edit(request: HttpRequest, token: str) -> HttpResponse:
    """The group's edit form, opened by the edit link: this one group, no account, audited under the address."""
    try:
        group, email = edit_link_for(token)
    except CheckLinkError:
        return render(request, "workspace/check_invalid.html", status=400)
    refused = too_much(request)
    if refused is not None:
        return refused
    current = group_editable_values(group)
    form, add_links, filtering = edit_form(request, group, current)
    errors: list[str] = []
    if request.method == "POST" and not filtering and form.is_valid():
        changes = changes_between(current, form.values(current))
        try:
            change = group_change_submit(group=group, changes=changes, actor=link_actor(email), email=email)
        except ValidationError as exc:
            errors = [str(m) for m in exc.messages]
        else:
            return render(
                request,
                "workspace/check_done.html",
                {"group": group, "outcome": "waits" if change else "live" if changes else "nothing"},
            )
    access = GroupAccess(group, role=None, is_contact=True)
    context = {
        "access": access,
        "group": group,
        "form": form,
        "errors": errors,
        "by_link": True,
        "add_links": add_links,
    }
    return render(request, "workspace/group_edit.html", context)

"""The login-free "is this still right?" link from the freshness e-mail."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.workspace.services.lifecycle import group_confirm
from samenspel.workspace.tokens import CheckLinkError, CheckLinkUsed, group_for_check_token


def freshness_check(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows the entry and a button; POST confirms. Mail scanners open links, so GET changes nothing."""
    try:
        group = group_for_check_token(token)
    except CheckLinkUsed:
        return render(request, "workspace/check_done.html", {"already": True})
    except CheckLinkError:
        return render(request, "workspace/check_invalid.html", status=400)
    if request.method == "POST":
        group_confirm(group=group, actor=None, actor_label=_("contact point by e-mail link"))
        return render(request, "workspace/check_done.html", {"group": group})
    edit_url = reverse("workspace:group_edit", kwargs={"group_uuid": group.uuid})
    return render(request, "workspace/check.html", {"group": group, "token": token, "edit_url": edit_url})

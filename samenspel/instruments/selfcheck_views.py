"""Self-checks in the workspace: a support point (about itself or as a team of professionals) and a group."""

from __future__ import annotations

import dataclasses
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samenspel.directory.models import Group, Organisation
from samenspel.instruments import services
from samenspel.instruments.models import SelfCheck
from samenspel.instruments.selfchecks import Check, Item, Kind, Reply, Suggestion, self_checks
from samenspel.workspace.access import group_for_user, support_point_for_user
from samenspel.workspace.decorators import signed_in

HISTORY = 12


class SelfCheckForm(forms.Form):
    def __init__(self, check: Check, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in check.items:
            self.fields[item.key] = forms.ChoiceField(choices=[("", ""), *Reply.choices], required=False)

    def answers(self) -> dict[str, str]:
        return {key: value for key, value in self.cleaned_data.items() if value}


@dataclasses.dataclass(frozen=True)
class Row:
    item: Item
    reply: str
    in_the_way: bool


@dataclasses.dataclass(frozen=True)
class Summary:
    check: SelfCheck
    rows: list[Row]

    @property
    def in_the_way(self) -> list[Row]:
        return [row for row in self.rows if row.in_the_way]

    @property
    def suggestions(self) -> list[Suggestion]:
        seen: dict[str, Suggestion] = {}
        for row in self.in_the_way:
            for suggestion in row.item.suggestions:
                seen.setdefault(suggestion.key, suggestion)
        return list(seen.values())

    @property
    def answered(self) -> int:
        return sum(1 for row in self.rows if row.reply)


def summary(check: SelfCheck) -> Summary:
    items = self_checks()[check.kind].items
    rows = [
        Row(item, check.answers.get(item.key, ""), item.stands_in_the_way(check.answers.get(item.key, "")))
        for item in items
    ]
    return Summary(check, rows)


def _page(
    request: HttpRequest,
    *,
    kind: str,
    support_point: Organisation,
    group: Group | None,
    can_write: bool,
    action: str,
) -> HttpResponse:
    check = self_checks()[kind]
    past = SelfCheck.objects.for_support_point(support_point).filter(kind=kind, group=group)[:HISTORY]
    latest = past[0] if past else None
    if request.method == "POST":
        if not can_write:
            raise Http404  # the caller's access helper already said 403; never reached
        form = SelfCheckForm(check, request.POST)
        if form.is_valid() and form.answers():
            services.selfcheck_create(
                support_point=support_point, kind=kind, group=group, answers=form.answers(), actor=request.user
            )
            messages.success(request, _("Your self-check is kept with today's date."))
            return redirect(action)
        messages.error(request, _("Answer at least one question."))
    else:
        form = SelfCheckForm(check, initial=latest.answers if latest else {})
    values = form.data if form.is_bound else form.initial
    sections = [(section, [(item, values.get(item.key, "")) for item in items]) for section, items in check.sections]
    context = {
        "sp": support_point,
        "group": group,
        "kind": kind,
        "kind_label": Kind(kind).label,
        "sections": sections,
        "replies": Reply.choices,
        "latest": summary(latest) if latest else None,
        "history": [summary(c) for c in past],
        "can_write": can_write,
        "action": action,
    }
    return render(request, "instruments/selfcheck.html", context)


@signed_in
def support_point_selfcheck(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    if kind not in (Kind.SUPPORT_POINT, Kind.TEAM):
        raise Http404
    access = support_point_for_user(request.user, slug, write=request.method == "POST")
    return _page(
        request,
        kind=kind,
        support_point=access.support_point,
        group=None,
        can_write=access.can_write,
        action=request.path,
    )


@signed_in
def group_selfcheck(request: HttpRequest, group_uuid: Any) -> HttpResponse:
    access = group_for_user(request.user, group_uuid, write=request.method == "POST")
    if access.group.support_point is None:
        raise Http404
    return _page(
        request,
        kind=Kind.GROUP,
        support_point=access.group.support_point,
        group=access.group,
        can_write=access.can_edit,
        action=request.path,
    )

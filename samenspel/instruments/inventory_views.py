"""The two-yearly group inventory in the workspace: filled in by the group's contact person, read together by the
support point."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.directory.models import Group
from samenspel.instruments import conf, inventory, services
from samenspel.instruments.models import GroupInventory
from samenspel.workspace.access import group_for_user, support_point_for_user
from samenspel.workspace.decorators import signed_in


def _due(last: GroupInventory | None) -> datetime.date | None:
    return last.filled_on + datetime.timedelta(days=conf.inventory_interval_days()) if last else None


@signed_in
def group_inventory(request: HttpRequest, group_uuid: Any) -> HttpResponse:
    access = group_for_user(request.user, group_uuid, write=request.method == "POST")
    group = access.group
    last = GroupInventory.objects.filter(group=group).first()
    if request.method == "POST":
        form = inventory.InventoryForm(request.POST)
        if form.is_valid():
            services.inventory_create(group=group, answers=form.cleaned_data, actor=request.user)
            messages.success(request, _("Thank you. The inventory is kept; we will remind you in two years."))
            return redirect("instruments:group_inventory", group_uuid=group.uuid)
    else:
        form = inventory.InventoryForm(initial=last.answers if last else None)
    due = _due(last)
    context = {
        "group": group,
        "sp": group.support_point,
        "form": form,
        "last": last,
        "due": due,
        "is_due": due is None or due <= timezone.localdate(),
        "can_write": access.can_edit,
    }
    return render(request, "instruments/inventory.html", context)


@signed_in
def support_point_inventory(request: HttpRequest, slug: str) -> HttpResponse:
    sp = support_point_for_user(request.user, slug).support_point
    since = timezone.localdate() - datetime.timedelta(days=conf.inventory_interval_days())
    groups = Group.objects.for_support_point(sp)
    latest = inventory.latest_per_group(GroupInventory.objects.filter(group__in=groups.values("pk")), since)
    context = {"sp": sp, "tables": inventory.report(latest), "counted": len(latest), "groups": groups.count()}
    return render(request, "instruments/inventory_overview.html", context)

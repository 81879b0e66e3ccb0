"""Who works where: a support point's members, and a group's contact persons."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.workspace.access import group_for_user, support_point_for_user
from samenspel.workspace.decorators import signed_in
from samenspel.workspace.forms import ContactForm, MemberForm
from samenspel.workspace.models import GroupContact, Membership, Role
from samenspel.workspace.services.people import (
    group_contact_add,
    group_contact_remove,
    membership_remove,
    membership_set,
)


@signed_in
def members(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug, manage=request.method == "POST")
    sp = access.support_point
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        membership_set(
            support_point=sp, email=form.cleaned_data["email"], role=Role(form.cleaned_data["role"]), actor=request.user
        )
        messages.success(request, _("Saved. They can sign in with a link sent to that address."))
        return redirect("workspace:members", slug=sp.slug)
    context = {
        "access": access,
        "sp": sp,
        "form": form,
        "members": Membership.objects.for_support_point(sp).select_related("user").order_by("user__email"),
    }
    return render(request, "workspace/members.html", context)


@signed_in
@require_POST
def member_remove(request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
    access = support_point_for_user(request.user, slug, manage=True)
    membership = Membership.objects.for_support_point(access.support_point).filter(user_id=user_id).first()
    if membership is None:
        raise Http404
    try:
        membership_remove(membership=membership, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(str(m) for m in exc.messages))
    return redirect("workspace:members", slug=access.support_point.slug)


@signed_in
@require_POST
def contact_add(request: HttpRequest, group_uuid: Any) -> HttpResponse:
    # Support-point staff add contact persons; a contact person does not hand out access to their group.
    access = group_for_user(request.user, group_uuid, review=True)
    form = ContactForm(request.POST)
    if form.is_valid():
        group_contact_add(group=access.group, email=form.cleaned_data["email"], actor=request.user)
        messages.success(request, _("Contact person added. They can sign in with a link sent to that address."))
    else:
        messages.error(request, _("Fill in a valid e-mail address."))
    return redirect("workspace:group", group_uuid=access.group.uuid)


@signed_in
@require_POST
def contact_remove(request: HttpRequest, group_uuid: Any, user_id: int) -> HttpResponse:
    access = group_for_user(request.user, group_uuid, review=True)
    contact = GroupContact.objects.filter(group=access.group, user_id=user_id).first()
    if contact is None:
        raise Http404
    group_contact_remove(contact=contact, actor=request.user)
    return redirect("workspace:group", group_uuid=access.group.uuid)

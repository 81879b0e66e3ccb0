"""Platform staff start a support point with its first manager (the rest the manager does in the workspace)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samenspel.accounts.decorators import signed_in_with
from samenspel.workspace.decorators import is_staff_member
from samenspel.workspace.forms import SupportPointCreateForm
from samenspel.workspace.services.support_point import support_point_create


def is_platform_staff(user: Any) -> bool:
    """Samenspel's own staff (Django's is_staff): they may start support points. They see much, so: two factors."""
    return bool(getattr(user, "is_staff", False) and user.is_active)


signed_in_staff = signed_in_with(second_factor_if=lambda user: is_platform_staff(user) or is_staff_member(user))


@signed_in_staff
def support_point_new(request: HttpRequest) -> HttpResponse:
    if not is_platform_staff(request.user):
        raise Http404
    form = SupportPointCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            made = support_point_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            names = {"support_point": made.support_point.name, "email": made.manager.email}
            if made.created:
                messages.success(
                    request, _("%(support_point)s is made. %(email)s is its manager and got an invitation.") % names
                )
            elif made.manager_added:
                messages.success(
                    request,
                    _("%(support_point)s already existed. %(email)s is now its manager and got an invitation.") % names,
                )
            else:
                messages.info(
                    request,
                    _("%(support_point)s already existed and %(email)s already is its manager. Nothing was changed.")
                    % names,
                )
            return redirect("workspace:support_point_new")
    return render(request, "workspace/support_point_new.html", {"form": form})

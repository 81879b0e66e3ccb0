"""Warm handovers as the group's contact point and its support point see them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.referral.access import handover_for_user
from samenspel.referral.forms import HandoverStatusForm
from samenspel.referral.models import ENCRYPTED_FIELDS, Handover, HandoverStatus
from samenspel.referral.services import handover_set_status
from samenspel.workspace.decorators import signed_in

LIST_LIMIT = 200


@signed_in
def handover_list(request: HttpRequest) -> HttpResponse:
    """Handovers to the user's groups and support points. No names in the list, only group, date and status."""
    handovers = (
        Handover.objects.readable_by(request.user)
        .select_related("group")
        # The details stay encrypted in the database: the list never shows (so never decrypts) them.
        .defer(*ENCRYPTED_FIELDS)[:LIST_LIMIT]
    )
    return render(request, "referral/handover_list.html", {"handovers": handovers})


@signed_in
def handover_detail(request: HttpRequest, handover_uuid: str) -> HttpResponse:
    handover, access = handover_for_user(request.user, handover_uuid)
    language = get_language_info(handover.preferred_language)["name_local"] if handover.preferred_language else ""
    context = {
        "handover": handover,
        "access": access,
        "group": access.group,
        "language_name": language,
        "status_form": HandoverStatusForm(),
    }
    return render(request, "referral/handover_detail.html", context)


@signed_in
@require_POST
def handover_status(request: HttpRequest, handover_uuid: str) -> HttpResponse:
    handover, _access = handover_for_user(request.user, handover_uuid, write=True)
    form = HandoverStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status from the list."))
    else:
        try:
            handover_set_status(
                handover=handover, status=HandoverStatus(form.cleaned_data["status"]), actor=request.user
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            if handover.status == HandoverStatus.CLOSED:
                messages.success(request, _("Closed. The client's details have been deleted."))
            else:
                messages.success(request, _("Status changed."))
    return redirect("referral:handover", handover_uuid=handover.uuid)

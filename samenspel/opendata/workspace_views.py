"""A support point's API keys in its workspace: managers make and revoke them; a new key is shown once."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samenspel.core.audit import log_action
from samenspel.opendata.models import ApiKey
from samenspel.workspace.access import support_point_for_user
from samenspel.workspace.decorators import signed_in


@signed_in
@require_http_methods(["GET", "POST"])
def api_keys(request: HttpRequest, slug: str) -> HttpResponse:
    # Keys write to the whole support point's part of the map: managers only, also to see them.
    access = support_point_for_user(request.user, slug, manage=True)
    sp = access.support_point
    new_key = ""
    error = ""
    if request.method == "POST":
        revoke = request.POST.get("revoke", "")
        if revoke:
            api_key = ApiKey.objects.for_support_point(sp).active().filter(prefix=revoke).first()
            if api_key is not None:
                api_key.revoke()
                log_action(obj=sp, action="api_key_revoked", actor=request.user, changes={"key": api_key.prefix})
                messages.success(request, _("The key %(key)s no longer works.") % {"key": api_key.prefix})
            return redirect("api_keys", slug=sp.slug)
        name = request.POST.get("name", "").strip()[:100]
        if not name:
            error = _("Say what will use the key, for example the name of your system.")
        else:
            api_key, new_key = ApiKey.issue(support_point=sp, name=name, created_by=request.user)
            log_action(obj=sp, action="api_key_created", actor=request.user, changes={"key": api_key.prefix})
    context = {
        "access": access,
        "sp": sp,
        "keys": ApiKey.objects.for_support_point(sp),
        "new_key": new_key,
        "error": error,
    }
    response = render(request, "opendata/api_keys.html", context, status=400 if error else 200)
    response["Cache-Control"] = "no-store"  # the page may hold a new key
    return response

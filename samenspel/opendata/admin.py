"""API keys in the admin: made here, the key is shown once; afterwards only its start is visible."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.opendata.models import KEY_PREFIX, ApiKey, hash_key


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin[ApiKey]):
    list_display = ("name", "support_point", "prefix", "created_at", "last_used_at", "revoked_at")
    list_filter = ("support_point",)
    readonly_fields = ("prefix", "created_by", "created_at", "last_used_at", "revoked_at")
    fields = ("support_point", "name", *readonly_fields)
    actions = ["revoke"]

    def save_model(self, request: HttpRequest, obj: ApiKey, form: Any, change: bool) -> None:
        if not change:
            key = KEY_PREFIX + secrets.token_urlsafe(32)
            obj.prefix, obj.key_hash = key[:10], hash_key(key)
            obj.created_by = request.user  # type: ignore[assignment]
            messages.warning(
                request, _("The new API key is %(key)s. Copy it now: it is not shown again.") % {"key": key}
            )
        super().save_model(request, obj, form, change)

    @admin.action(description=gettext_lazy("Revoke the chosen keys"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiKey]) -> None:
        for key in queryset.filter(revoked_at__isnull=True):
            key.revoke()

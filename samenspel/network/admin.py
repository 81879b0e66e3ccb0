"""Admin: key persons (their role, not their work) and trust notes without their text.

The contact log, journeys, signals and tour reports are not in the admin: their pages are the support point's and
the key person's own. A trust note's text never shows here; staff see when it was written, how deep it is and when
it goes, and the database holds it encrypted.
"""

from __future__ import annotations

from django.contrib import admin

from samenspel.core.admin import AuditedAdminMixin
from samenspel.network.models import KeyPerson, TrustNote


@admin.register(KeyPerson)
class KeyPersonAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("__str__", "support_point", "status", "visibility", "created_at")
    list_filter = ("status", "visibility", "support_point")
    search_fields = ("public_name", "user__email")
    fields = ("user", "support_point", "public_name", "status", "visibility", "created_at", "activated_at", "ended_at")
    readonly_fields = fields

    def has_add_permission(self, request: object) -> bool:
        return False  # a support point invites key persons, so the invitation mail goes out


@admin.register(TrustNote)
class TrustNoteAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("__str__", "tie", "depth", "created_at", "delete_after")
    list_filter = ("depth",)
    fields = ("tie", "depth", "created_at", "delete_after")
    readonly_fields = fields

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

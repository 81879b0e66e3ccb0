"""Admin: professionals, domains and counts. Handovers are listed without any of the client's details."""

from __future__ import annotations

from django.contrib import admin

from samenspel.core.admin import AuditedAdminMixin
from samenspel.referral.models import AllowedDomain, Handover, Professional, ReferralContact, ReferralCount


@admin.register(Professional)
class ProfessionalAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("user", "organisation", "role", "support_point", "status")
    list_filter = ("status", "role", "support_point")
    search_fields = ("user__email", "organisation")
    raw_id_fields = ("user", "decided_by")


@admin.register(AllowedDomain)
class AllowedDomainAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("domain", "support_point")


@admin.register(ReferralContact)
class ReferralContactAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("support_point", "email", "phone")


@admin.register(ReferralCount)
class ReferralCountAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("kind", "group", "role", "month", "count")
    list_filter = ("kind", "role", "month")


@admin.register(Handover)
class HandoverAdmin(AuditedAdminMixin, admin.ModelAdmin):
    # The client's details stay out of the admin: only the contact point and its support point read them.
    list_display = ("group", "kind", "status", "created_at", "delete_after")
    list_filter = ("status", "kind")
    fields = ("group", "kind", "status", "role", "created_at", "delete_after", "wiped_at")
    readonly_fields = fields

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

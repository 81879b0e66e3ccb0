"""Admin for who may do what. The workspace's own screens are the usual way (members page, a group's contact
persons, /werkplek/nieuw-steunpunt/); a person added here is told by e-mail just the same."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from samenspel.core.admin import AuditedAdminMixin
from samenspel.workspace import notices
from samenspel.workspace.models import GroupContact, Membership


@admin.register(Membership)
class MembershipAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("user", "support_point", "role")
    list_filter = ("role", "support_point")
    search_fields = ("user__email", "support_point__name")
    autocomplete_fields = ("user",)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if not change:
            notices.member_added(obj)


@admin.register(GroupContact)
class GroupContactAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("user", "group")
    search_fields = ("user__email", "group__name")
    autocomplete_fields = ("user",)
    raw_id_fields = ("group",)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if not change:
            notices.contact_added(obj)

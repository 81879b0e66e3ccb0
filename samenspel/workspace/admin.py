"""Admin for who may do what: until a members page exists, managers are added here."""

from django.contrib import admin

from samenspel.workspace.models import GroupContact, Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "support_point", "role")
    list_filter = ("role", "support_point")
    search_fields = ("user__email", "support_point__name")
    autocomplete_fields = ("user",)


@admin.register(GroupContact)
class GroupContactAdmin(admin.ModelAdmin):
    list_display = ("user", "group")
    search_fields = ("user__email", "group__name")
    raw_id_fields = ("user", "group")

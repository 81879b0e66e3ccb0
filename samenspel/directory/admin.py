from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from samenspel.core.admin import AuditedAdminMixin
from samenspel.directory.models import (
    Cancellation,
    Group,
    GroupStatusChange,
    Language,
    Location,
    Organisation,
    Schedule,
    SupportPointSettings,
    Theme,
    ThemeSynonym,
)


@admin.register(Language)
class LanguageAdmin(AuditedAdminMixin, TranslationAdmin):
    list_display = ("code", "name", "name_local", "rtl", "is_interface")
    list_filter = ("rtl", "is_interface")
    search_fields = ("code", "name", "name_local")


class ThemeSynonymInline(admin.TabularInline):
    model = ThemeSynonym
    extra = 1


@admin.register(Theme)
class ThemeAdmin(AuditedAdminMixin, TranslationAdmin):
    list_display = ("label", "slug", "parent", "category")
    list_filter = ("category", "parent")
    search_fields = ("label", "slug", "synonyms__term")
    autocomplete_fields = ("parent",)
    inlines = [ThemeSynonymInline]


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdminMixin, TranslationAdmin):
    list_display = ("name", "kind", "municipality", "email", "phone")
    list_filter = ("kind", "municipality")
    search_fields = ("name", "municipality", "email")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Location)
class LocationAdmin(AuditedAdminMixin, TranslationAdmin):
    list_display = ("__str__", "disclosure", "postcode", "municipality", "wheelchair_accessible")
    list_filter = ("disclosure", "municipality", "wheelchair_accessible", "hearing_loop")
    search_fields = ("name", "street", "postcode", "municipality")


class ScheduleInline(TranslationTabularInline):
    model = Schedule
    extra = 0


class StatusChangeInline(admin.TabularInline):
    model = GroupStatusChange
    extra = 0


@admin.register(Group)
class GroupAdmin(AuditedAdminMixin, TranslationAdmin):
    list_display = ("name", "status", "kind", "audience", "support_point", "last_verified_at")
    list_filter = ("status", "kind", "audience", "gender", "intake", "cost", "languages", "support_point")
    search_fields = ("name", "description", "slug", "themes__label")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("themes", "languages")
    autocomplete_fields = ("organisation", "support_point", "location")
    readonly_fields = ("uuid", "created_at", "updated_at")
    inlines = [ScheduleInline, StatusChangeInline]
    list_select_related = ("support_point",)
    fieldsets = (
        (None, {"fields": ("name", "slug", "status", "kind", "working_method", "themes", "languages")}),
        (_("Texts"), {"fields": ("description", "first_visit", "house_rules")}),
        (_("For whom"), {"fields": ("audience", "gender", "age_min", "age_max", "typical_size")}),
        (_("How it works"), {"fields": ("led_by", "leader_count", "intake", "cost", "cost_amount")}),
        (_("Where and who"), {"fields": ("organisation", "support_point", "location")}),
        (
            _("Contact point"),
            {"fields": ("contact_email", "contact_phone", "contact_name", "contact_name_public")},
        ),
        (_("Freshness"), {"fields": ("last_verified_at", "last_verified_by", "uuid", "created_at", "updated_at")}),
    )


@admin.register(Schedule)
class ScheduleAdmin(AuditedAdminMixin, TranslationAdmin):
    list_display = ("group", "kind", "start_time", "end_time", "valid_from", "valid_until")
    list_filter = ("kind",)
    search_fields = ("group__name",)
    autocomplete_fields = ("group",)

    class CancellationInline(admin.TabularInline):
        model = Cancellation
        extra = 1

    inlines = [CancellationInline]


@admin.register(SupportPointSettings)
class SupportPointSettingsAdmin(admin.ModelAdmin):
    list_display = ("support_point", "review_changes", "verify_every_days", "hide_after_days")
    exclude = ("import_mapping",)

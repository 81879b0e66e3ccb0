"""Questions in the admin: a read-only overview for platform staff.

The message and the visitor's reply details are for the group's contact point
and its support point only, so the admin shows neither, not even on the
detail page.
"""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from samenspel.finder.models import Question


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ("group", "reply_by", "preferred_language", "status", "created_at", "delete_after")
    list_filter = ("status", "reply_by", "preferred_language")
    date_hierarchy = "created_at"
    fields = ("group", "reply_by", "preferred_language", "status", "created_at", "delete_after")
    readonly_fields = fields
    list_select_related = ("group",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Question | None = None) -> bool:
        return False

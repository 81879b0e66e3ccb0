from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from samenspel.core.audit import diff, log_action, snapshot
from samenspel.core.models import AuditEntry


class AuditedAdminMixin:
    """Writes every admin save and delete to the audit log, with a diff per field.

    The admin already wraps each change view in one transaction, so the audit
    entry and the change land together or not at all.
    """

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        before = snapshot(type(obj).objects.get(pk=obj.pk)) if change and obj.pk else {}
        super().save_model(request, obj, form, change)  # type: ignore[misc]
        log_action(
            obj=obj,
            action="changed" if change else "created",
            actor=request.user,
            changes=diff(before, snapshot(obj)),
        )

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)  # type: ignore[misc]
        for formset in formsets:
            for obj in formset.new_objects:
                log_action(obj=obj, action="created", actor=request.user, changes=diff({}, snapshot(obj)))
            for obj, fields in formset.changed_objects:
                log_action(obj=obj, action="changed", actor=request.user, changes={"fields": fields})
            for obj in formset.deleted_objects:
                log_action(obj=obj, action="deleted", actor=request.user)

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        log_action(obj=obj, action="deleted", actor=request.user, changes=snapshot(obj))
        super().delete_model(request, obj)  # type: ignore[misc]

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet[Any]) -> None:
        for obj in queryset:
            log_action(obj=obj, action="deleted", actor=request.user, changes=snapshot(obj))
        super().delete_queryset(request, queryset)  # type: ignore[misc]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin[AuditEntry]):
    list_display = ("created_at", "actor_label", "action", "object_type", "object_repr")
    list_filter = ("action", "object_type")
    search_fields = ("object_repr", "actor_label", "object_id")
    date_hierarchy = "created_at"

    # The audit log is a record, not a document: nobody edits it.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEntry | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEntry | None = None) -> bool:
        return False

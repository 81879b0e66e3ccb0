"""Admin: who may see which municipality's figures. Staff give and take access here or with
`manage.py municipality_access`; both are audited."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from samenspel.core.admin import AuditedAdminMixin
from samenspel.directory import postcodes
from samenspel.insight.models import MunicipalityAccess
from samenspel.insight.services import access_given_notice


def _municipality_choices() -> list[tuple[str, str]]:
    return [("", "---------"), *((name, name) for name in postcodes.municipalities())]


class MunicipalityAccessForm(forms.ModelForm):
    municipality = forms.ChoiceField(label=_("municipality"), choices=_municipality_choices)

    class Meta:
        model = MunicipalityAccess
        fields = ("user", "municipality")


@admin.register(MunicipalityAccess)
class MunicipalityAccessAdmin(AuditedAdminMixin, admin.ModelAdmin):
    form = MunicipalityAccessForm
    list_display = ("municipality", "user", "granted_at", "granted_by")
    list_filter = ("municipality",)
    search_fields = ("municipality", "user__email")
    # Found by typing part of the e-mail address (the user admin's search), not by a user number.
    autocomplete_fields = ("user",)
    readonly_fields = ("granted_at", "granted_by")

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not change:
            obj.granted_by = request.user
        super().save_model(request, obj, form, change)
        if not change:
            access_given_notice(obj)

"""Workspace forms. They only validate; services write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.core.audit import plain
from samenspel.directory.models import Cost, Disclosure, GroupStatus, Intake
from samenspel.finder.models import QuestionStatus
from samenspel.workspace.freshness import FreshnessState
from samenspel.workspace.models import (
    EventKind,
    FacilitationKind,
    FacilitationStatus,
    InformationSession,
    Role,
    SupportPointSettings,
)
from samenspel.workspace.services import CANCELLATION_KEY, GROUP_FIELDS

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


class PasswordSignInForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    password = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class MagicLinkForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=_("Code from your app"),
        regex=r"^\d{6}$",
        error_messages={"invalid": _("Type the 6 digits from your app.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All")), *list(GroupStatus.choices)])
    freshness = forms.ChoiceField(
        label=_("Checked"), required=False, choices=[("", _("All")), *list(FreshnessState.choices)]
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=GroupStatus.choices)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("What happened"), choices=EventKind.choices)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class GroupEditForm(forms.Form):
    """What a contact person keeps current. `values()` gives the same keys as group_editable_values."""

    name_nl = forms.CharField(label=_("Name (Dutch)"), max_length=200)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    description_nl = forms.CharField(label=_("What the group is (Dutch)"), widget=forms.Textarea, required=False)
    description_en = forms.CharField(label=_("What the group is (English)"), widget=forms.Textarea, required=False)
    first_visit_nl = forms.CharField(label=_("A first visit (Dutch)"), widget=forms.Textarea, required=False)
    first_visit_en = forms.CharField(label=_("A first visit (English)"), widget=forms.Textarea, required=False)
    intake = forms.ChoiceField(label=_("How to join"), choices=Intake.choices)
    cost = forms.ChoiceField(label=_("Cost"), choices=Cost.choices)
    cost_amount = forms.DecimalField(
        label=_("Amount in euros"), required=False, max_digits=7, decimal_places=2, min_value=0
    )
    weekday = forms.TypedChoiceField(label=_("Day"), choices=WEEKDAYS, coerce=int, required=False, empty_value=None)
    start_time = forms.TimeField(label=_("Starts at"), required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    end_time = forms.TimeField(label=_("Ends at"), required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    disclosure = forms.ChoiceField(label=_("What is public of the place"), choices=Disclosure.choices, required=False)
    cancel_date = forms.DateField(
        label=_("Cancel a meeting on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    cancel_reason = forms.CharField(label=_("Reason for cancelling"), max_length=200, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The end must be after the start."))
        if data.get("cost") == Cost.FEE and not data.get("cost_amount"):
            self.add_error("cost_amount", _("Fill in the amount of the fee."))
        if data.get("cost") != Cost.FEE and data.get("cost_amount"):
            self.add_error("cost_amount", _("Only a fee has an amount."))
        cancel = data.get("cancel_date")
        if cancel and cancel < timezone.localdate():
            self.add_error("cancel_date", _("Choose today or a later date."))
        return data

    @classmethod
    def initial_from(cls, values: dict[str, Any]) -> dict[str, Any]:
        initial = {name: values.get(name) for name in GROUP_FIELDS}
        initial["weekday"] = values.get("schedule.weekday")
        initial["start_time"] = values.get("schedule.start_time")
        initial["end_time"] = values.get("schedule.end_time")
        initial["disclosure"] = values.get("location.disclosure")
        return initial

    def values(self, current: dict[str, Any]) -> dict[str, Any]:
        """The submitted values in the shape of group_editable_values; untouched optional parts keep theirs."""
        data = self.cleaned_data
        values: dict[str, Any] = {name: plain(data.get(name)) for name in GROUP_FIELDS}
        for name in GROUP_FIELDS:
            if values[name] is None and name != "cost_amount":
                values[name] = ""
        values["schedule.weekday"] = (
            data.get("weekday") if data.get("weekday") is not None else current.get("schedule.weekday")
        )
        values["schedule.start_time"] = (
            plain(data["start_time"]) if data.get("start_time") else current.get("schedule.start_time")
        )
        values["schedule.end_time"] = (
            plain(data["end_time"]) if data.get("end_time") else current.get("schedule.end_time")
        )
        values["location.disclosure"] = data.get("disclosure") or current.get("location.disclosure")
        if data.get("cancel_date"):
            values[CANCELLATION_KEY] = {
                "date": data["cancel_date"].isoformat(),
                "reason": data.get("cancel_reason", ""),
            }
        return values


class RejectForm(forms.Form):
    note = forms.CharField(label=_("Why (sent to no one, kept in the log)"), max_length=300, required=False)


class SettingsForm(forms.ModelForm):
    class Meta:
        model = SupportPointSettings
        fields = ["review_changes", "verify_every_days", "overdue_after_days", "note_after_days", "hide_after_days"]


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Your answer"), widget=forms.Textarea, max_length=5000)


class QuestionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=QuestionStatus.choices)


class FacilitationForm(forms.Form):
    kind = forms.ChoiceField(label=_("What do you need?"), choices=FacilitationKind.choices)
    description = forms.CharField(label=_("Explanation"), widget=forms.Textarea, max_length=2000, required=False)


class FacilitationStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=FacilitationStatus.choices)


class InformationSessionForm(forms.ModelForm):
    class Meta:
        model = InformationSession
        fields = ["date", "place_kind", "language", "themes", "attendees", "given_by"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}), "themes": forms.CheckboxSelectMultiple}


class MemberForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class ContactForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the contact person"))

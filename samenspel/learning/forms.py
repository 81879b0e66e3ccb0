"""Forms of the learning room; they only validate (the writes are in services.py)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from samenspel.learning.models import (
    ApplicationStatus,
    BudgetKind,
    CourseTemplate,
    Fund,
    ProjectPlan,
    RunStatus,
    SessionTemplate,
)
from samenspel.learning.projects import CHECKLIST, PLAN_FIELDS


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class RunForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False, help_text=_("Empty: the course's title."))
    language = forms.ChoiceField(label=_("Language of the course"), choices=settings.LANGUAGES, initial="nl")
    online = forms.BooleanField(label=_("Online"), required=False)
    place = forms.CharField(label=_("Place"), max_length=300, required=False, help_text=_("The address of the course."))
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=500, initial=12)
    in_calendar = forms.BooleanField(
        label=_("Show in the public training calendar while enrolment is open"), required=False, initial=True
    )
    trainers = forms.CharField(
        label=_("Trainers' e-mail addresses"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("One a line. They get an e-mail and keep the attendance."),
    )

    def __init__(self, *args: Any, template: CourseTemplate, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sessions = list(template.sessions.order_by("number"))
        for session in self.sessions:
            self.fields[f"session_{session.number}"] = forms.DateTimeField(
                label=_("Session %(number)d: %(title)s starts") % {"number": session.number, "title": session.title},
                widget=DateTimeInput(),
                input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
            )

    def clean_trainers(self) -> list[str]:
        emails = [
            line.strip() for line in self.cleaned_data["trainers"].replace(",", "\n").splitlines() if line.strip()
        ]
        for email in emails:
            try:
                validate_email(email)
            except forms.ValidationError as exc:
                raise forms.ValidationError(_("%(email)s is not an e-mail address.") % {"email": email}) from exc
        return emails

    def session_starts(self) -> list[Any]:
        return [self.cleaned_data[f"session_{s.number}"] for s in self.sessions]

    def session_fields(self) -> list[forms.BoundField]:
        return [self[f"session_{s.number}"] for s in self.sessions]


class TemplateForm(forms.ModelForm):
    class Meta:
        model = CourseTemplate
        fields = [
            "title_nl",
            "title_en",
            "description_nl",
            "description_en",
            "entry_conditions_nl",
            "entry_conditions_en",
            "min_sessions_attended",
        ]


class SessionForm(forms.ModelForm):
    class Meta:
        model = SessionTemplate
        fields = [
            "title_nl",
            "title_en",
            "goals_nl",
            "goals_en",
            "content_nl",
            "content_en",
            "homework_nl",
            "homework_en",
            "minutes",
        ]


class MaterialForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(label=_("File"))


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=RunStatus.choices)


class SessionChangeForm(forms.Form):
    """Move a session (a new date and time) or cancel it."""

    action = forms.ChoiceField(choices=[("move", _("Move")), ("cancel", _("Cancel this session"))])
    starts_at = forms.DateTimeField(
        label=_("New date and time"),
        required=False,
        widget=DateTimeInput(),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("action") == "move" and not data.get("starts_at"):
            raise forms.ValidationError(_("Give the new date and time of the session."))
        return data


class PlanNewForm(forms.Form):
    organisation_name = forms.CharField(label=_("Your organisation"), max_length=200)
    title = forms.CharField(label=_("Name of the project"), max_length=200)


class PlanForm(forms.ModelForm):
    class Meta:
        model = ProjectPlan
        fields = list(PLAN_FIELDS)
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in PLAN_FIELDS[2:]}


class BudgetLineForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=BudgetKind.choices)
    description = forms.CharField(label=_("What"), max_length=200)
    amount = forms.DecimalField(label=_("Amount in euros"), min_value=Decimal("0.01"), max_digits=10, decimal_places=2)


class FundForm(forms.ModelForm):
    class Meta:
        model = Fund
        fields = ["name", "focus", "min_amount", "max_amount", "deadline", "conditions", "website"]
        widgets = {"deadline": forms.DateInput(attrs={"type": "date"})}


class ApplicationNewForm(forms.Form):
    fund = forms.ModelChoiceField(label=_("Fund"), queryset=Fund.objects.all())
    amount = forms.DecimalField(label=_("Amount to ask"), min_value=Decimal("0.01"), max_digits=10, decimal_places=2)


class ApplicationForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ApplicationStatus.choices)
    checklist = forms.MultipleChoiceField(
        label=_("Ready before applying"),
        choices=list(CHECKLIST.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sent_on = forms.DateField(label=_("Sent on"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    thank_you_due = forms.DateField(
        label=_("Thank the fund by"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    report_due = forms.DateField(
        label=_("Report to the fund by"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

"""Forms of presentations. They only validate; services.py stores and sends."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.directory.models import Group, Theme


class GroupChoice(forms.ModelChoiceField[Group]):
    def label_from_instance(self, obj: Group) -> str:
        return obj.name


class ThemeChoices(forms.ModelMultipleChoiceField[Theme]):
    def label_from_instance(self, obj: Theme) -> str:
        return str(obj)


class AskForm(forms.Form):
    team = forms.CharField(label=_("Your team"), max_length=200, help_text=_("For example: district team North."))
    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    contact_name = forms.CharField(label=_("Your name"), max_length=120)
    contact_email = forms.EmailField(label=_("Your e-mail address"), help_text=_("The confirmation goes here."))
    contact_phone = forms.CharField(label=_("Your phone number"), max_length=32, required=False)
    wished_dates = forms.CharField(
        label=_("Wished dates"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("When does your team meet? Give a few dates or a day of the week."),
    )
    audience_size = forms.IntegerField(label=_("How many people will listen?"), min_value=1, max_value=500)
    themes = ThemeChoices(
        label=_("Themes your team meets most"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    group = GroupChoice(
        label=_("Would you like to hear from a group itself?"),
        queryset=Group.objects.none(),
        to_field_name="uuid",
        required=False,
        empty_label=_("No, the support point tells about peer groups"),
        help_text=_("The group's contact person decides whether the group comes."),
    )
    message = forms.CharField(
        label=_("Anything else"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, groups: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups  # type: ignore[attr-defined]


class PlanForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    minutes = forms.IntegerField(label=_("Minutes"), min_value=10, max_value=480, initial=45)
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    presenters = forms.CharField(label=_("Who presents"), max_length=300, required=False)
    group_presents = forms.BooleanField(label=_("The group tells its story"), required=False)

    def clean_starts_at(self) -> Any:
        value = self.cleaned_data["starts_at"]
        if value <= timezone.now():
            raise forms.ValidationError(_("Choose a moment in the future."))
        return value


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reason for the team"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))


class EvaluationForm(forms.Form):
    attendees = forms.IntegerField(label=_("How many people were present?"), min_value=0, max_value=500)
    found_useful = forms.IntegerField(label=_("How many found it useful?"), min_value=0, max_value=500)
    will_refer = forms.IntegerField(label=_("How many now know where to refer people?"), min_value=0, max_value=500)

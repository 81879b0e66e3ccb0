"""Forms of the newsletter. They only validate; services.py stores and sends."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.core.visitor_forms import VisitorForm
from samenspel.directory.models import Group
from samenspel.learning.models import CourseRun


class SubscribeForm(VisitorForm):
    """The public sign-up: an address, nothing else."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We use it only to send you this newsletter."),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Fill in your e-mail address."),
            "invalid": _("Fill in an e-mail address like name@example.nl."),
        },
    )


class GroupChoices(forms.ModelMultipleChoiceField[Group]):
    def label_from_instance(self, obj: Group) -> str:
        return obj.name


class RunChoices(forms.ModelMultipleChoiceField[CourseRun]):
    def label_from_instance(self, obj: CourseRun) -> str:
        return obj.heading()


class IssueForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, help_text=_("For example: Zelfhulpkrant, spring 2027."))
    intro = forms.CharField(
        label=_("A few words of your own"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("An empty line starts a new paragraph."),
    )
    new_groups = GroupChoices(
        label=_("New groups"),
        queryset=Group.objects.none(),
        to_field_name="uuid",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    looking_groups = GroupChoices(
        label=_("Groups looking for members"),
        queryset=Group.objects.none(),
        to_field_name="uuid",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    runs = RunChoices(
        label=_("Trainings and information sessions"),
        queryset=CourseRun.objects.none(),
        to_field_name="uuid",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, new_groups: Any, looking_groups: Any, runs: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_groups"].queryset = new_groups  # type: ignore[attr-defined]
        self.fields["looking_groups"].queryset = looking_groups  # type: ignore[attr-defined]
        self.fields["runs"].queryset = runs  # type: ignore[attr-defined]
        if not self.is_bound:
            # A fresh issue proposes everything; the support point takes out what it does not want.
            self.initial.update(
                {
                    "new_groups": [g.uuid for g in new_groups],
                    "looking_groups": [g.uuid for g in looking_groups],
                    "runs": [r.uuid for r in runs],
                }
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("intro") or "").strip() and not (
            data.get("new_groups") or data.get("looking_groups") or data.get("runs")
        ):
            raise forms.ValidationError(
                _("An issue needs a few words of your own or at least one group or training."), code="empty"
            )
        return data

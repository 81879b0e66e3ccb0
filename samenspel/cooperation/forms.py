"""Forms only validate; the services write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.cooperation.models import ForwardedStatus, OfferKind
from samenspel.cooperation.neighbours import neighbours_of
from samenspel.directory.models import Organisation, Theme


class ForwardForm(forms.Form):
    """The other support points, neighbours first; a slug that is not one of them (a tampered form) is refused."""

    to = forms.ChoiceField(label=_("Forward to"))

    def __init__(self, *args: Any, sender: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sender = sender
        others = list(Organisation.objects.support_points().exclude(pk=sender.pk).order_by("name"))
        near = {sp.pk for sp in neighbours_of(sender)}
        ordered = [sp for sp in others if sp.pk in near] + [sp for sp in others if sp.pk not in near]
        self.targets = {sp.slug: sp for sp in ordered}
        self.choices: list[tuple[str, str]] = [("", "---------")] + [(sp.slug, sp.name) for sp in ordered]
        self.to_field.choices = self.choices
        self.fields["to"].error_messages["invalid_choice"] = _("Choose a support point from the list.")

    @property
    def to_field(self) -> forms.ChoiceField:
        field = self.fields["to"]
        assert isinstance(field, forms.ChoiceField)
        return field

    def clean_to(self) -> Organisation:
        slug = self.cleaned_data["to"]
        if slug == self.sender.slug:
            raise forms.ValidationError(_("You cannot forward to your own support point."))
        return self.targets[slug]

    def full_clean(self) -> None:
        # The sender's own slug is not a choice; say so plainly instead of "not one of the choices".
        if self.is_bound and self.data.get("to") == self.sender.slug:
            self.to_field.choices = [*self.choices, (self.sender.slug, self.sender.name)]
        super().full_clean()


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Your answer"), widget=forms.Textarea, max_length=5000)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ForwardedStatus.choices)


class SuggestionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=OfferKind.choices)
    name = forms.CharField(label=_("Name"), max_length=200)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    note = forms.CharField(
        label=_("Why it helps"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text=_("About the offer, never about a person."),
    )


class OfferFilterForm(forms.Form):
    theme: forms.ModelChoiceField[Theme] = forms.ModelChoiceField(
        label=_("Theme"), queryset=Theme.objects.order_by("slug"), to_field_name="slug", required=False
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All kinds")), *OfferKind.choices], required=False)

"""Forms of the referral app. They only validate; services store and send."""

from __future__ import annotations

import re
from typing import Any

import phonenumbers
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from samenspel.directory.models import Organisation
from samenspel.finder.search_form import SearchForm
from samenspel.referral.models import (
    HandoverKind,
    HandoverStatus,
    ProfessionalRole,
    ReferralContact,
)

NOTE_MAX_LENGTH = 300
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def language_choices() -> list[tuple[str, str]]:
    """Every interface language, named in itself, so a client can point at their own."""
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


def normalise_phone(value: str) -> str:
    """A Dutch or international number in E.164 (+31612345678), or a clear error."""
    try:
        number = phonenumbers.parse(value, "NL")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("This is not a valid phone number. Write it like 06 12345678 or +31 6 12345678."),
            code="invalid_phone",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class SignUpForm(forms.Form):
    email = forms.EmailField(
        label=_("Your work e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Fill in an e-mail address like name@practice.nl.")},
    )
    organisation = forms.CharField(
        label=_("Your organisation"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    role = forms.ChoiceField(label=_("Your role"), choices=ProfessionalRole.choices)
    support_point = forms.ModelChoiceField(
        label=_("The support point in your region"),
        queryset=Organisation.objects.support_points().order_by("name"),
        empty_label=None,
        to_field_name="slug",
        help_text=_("It gives you access, or your organisation's e-mail domain does."),
    )


class ProfessionalSearchForm(SearchForm):
    """The public search form, with the audience said as a professional says it: the search's audience filter."""

    audience = forms.ChoiceField(
        label=_("Who is the group for"),
        required=False,
        widget=forms.RadioSelect,
        choices=[
            ("", _("does not matter")),
            ("self", _("for my client themselves")),
            ("relative", _("for a relative or loved one of my client")),
        ],
    )


class SlipForm(forms.Form):
    language = forms.ChoiceField(
        label=_("The client's language"),
        choices=language_choices,
        error_messages={"invalid_choice": _("Choose one of the languages in the list.")},
    )


class HandoverForm(forms.Form):
    consent = forms.ChoiceField(
        label=_("Did the client agree that you send this to the group?"),
        choices=[("yes", _("Yes, the client agreed")), ("no", _("No"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether the client agreed.")},
    )
    kind = forms.ChoiceField(
        label=_("What should the group know?"),
        choices=HandoverKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what the group should know.")},
    )
    contact_name = forms.CharField(
        label=_("Name or first name"),
        max_length=100,
        required=False,
        help_text=_("Only when the client wants to be called."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    contact_phone = forms.CharField(
        label=_("Phone number"),
        max_length=32,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "tel"}),
    )
    contact_email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        error_messages={"invalid": _("This is not a valid e-mail address.")},
    )
    preferred_language = forms.ChoiceField(
        label=_("Language the client prefers"),
        required=False,
        choices=lambda: [("", _("not given")), *language_choices()],
        error_messages={"invalid_choice": _("Choose one of the languages in the list.")},
    )
    note = forms.CharField(
        label=_("Short note"),
        max_length=NOTE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only what the client agreed to share, for example 'prefers to be called in the evening'."),
    )

    def clean_contact_phone(self) -> str:
        value = self.cleaned_data.get("contact_phone", "").strip()
        return normalise_phone(value) if value else ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        details = [data.get("contact_name"), data.get("contact_phone"), data.get("contact_email"), data.get("note")]
        if self.data.get("consent") == "no" or data.get("consent") == "no":
            # Nothing about the client may be kept or even sent without consent.
            raise ValidationError(
                _("Without the client's consent nothing is sent. Give the client the slip instead."),
                code="no_consent",
            )
        kind = data.get("kind")
        if kind == HandoverKind.MAY_CONTACT_YOU and any(details[:3]):
            raise ValidationError(
                _("Contact details are only for 'please contact this person'. Remove them, or choose that option."),
                code="details_not_needed",
            )
        if kind == HandoverKind.PLEASE_CONTACT and not self.errors:
            if not data.get("contact_name"):
                self.add_error("contact_name", _("Fill in a name or first name."))
            if not (data.get("contact_phone") or data.get("contact_email")):
                self.add_error("contact_phone", _("Fill in a phone number or an e-mail address."))
        return data


class HandoverStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[(s.value, s.label) for s in HandoverStatus if s != HandoverStatus.SENT],
    )


class DomainForm(forms.Form):
    domain = forms.CharField(label=_("E-mail domain"), max_length=253, help_text=_("For example huisarts-eindhoven.nl"))

    def clean_domain(self) -> str:
        value = self.cleaned_data["domain"].strip().lower().lstrip("@")
        if not _DOMAIN.match(value):
            raise ValidationError(_("Fill in a domain like huisarts-eindhoven.nl, without a name or @."))
        return value


class ReferralContactForm(forms.ModelForm):
    class Meta:
        model = ReferralContact
        fields = ("email", "phone", "note")

    def clean_phone(self) -> str:
        value = self.cleaned_data.get("phone", "").strip()
        return normalise_phone(value) if value else ""


class FiguresFilterForm(forms.Form):
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)

    def __init__(self, *args: Any, municipalities: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [("", _("all municipalities")), *((m, m) for m in municipalities)]  # type: ignore[attr-defined]

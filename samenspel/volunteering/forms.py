"""Forms of volunteering. They only validate; services.py stores and sends."""

from __future__ import annotations

import re
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.core.visitor_forms import VisitorForm
from samenspel.directory import postcodes
from samenspel.directory.models import Language
from samenspel.volunteering.conf import TEXT_MAX_LENGTH
from samenspel.volunteering.models import Time, VolunteerRole, Want

_PC4 = re.compile(r"[1-9][0-9]{3}")
_PHONE = re.compile(r"\+?[0-9 ()-]{8,20}")


def _languages() -> Any:
    # The languages people meet in here and the site's own: enough to find a translator, short enough to tick.
    return Language.objects.filter(
        Q(is_interface=True) | Q(code__in=["en", "de", "fr", "es", "ru", "ku", "prs", "ps", "am"])
    )


class LanguagesField(forms.ModelMultipleChoiceField[Language]):
    """Each language in its own name: the visitor may not read the page's language."""

    def label_from_instance(self, obj: Language) -> str:
        return obj.name_local


class RoleChoiceField(forms.ModelChoiceField[VolunteerRole]):
    def label_from_instance(self, obj: VolunteerRole) -> str:
        return obj.title


class SignUpForm(VisitorForm):
    """The public sign-up: every field is used by the intake or the matching, and says what for."""

    interested_in = RoleChoiceField(
        label=_("Which volunteer work interests you?"),
        queryset=VolunteerRole.objects.none(),
        to_field_name="uuid",
        required=False,
        empty_label=_("I do not know yet: let us talk"),
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the roles on this page.")},
    )
    name = forms.CharField(
        label=_("Your first name"),
        help_text=_("So that we know how to address you. Your first name is enough."),
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
        error_messages={"required": _("Fill in your first name.")},
    )
    email = forms.CharField(
        label=_("Your e-mail address"),
        help_text=_("We send you a receipt and our answer."),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "email", "inputmode": "email"}),
        error_messages={"required": _("Fill in your e-mail address.")},
    )
    phone = forms.CharField(
        label=_("Your phone number (you may leave this empty)"),
        help_text=_("Only if you would like us to call you."),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    give = forms.CharField(
        label=_("What would you like to do or give?"),
        help_text=_("In your own words: what you like doing, what you are good at, what you went through yourself."),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": TEXT_MAX_LENGTH}),
        error_messages={"required": _("Write a few words about what you would like to do.")},
    )
    wants = forms.MultipleChoiceField(
        label=_("What would you like to get from it? (you may tick more than one)"),
        choices=Want.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    times = forms.MultipleChoiceField(
        label=_("When can you help?"),
        choices=Time.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    pc4 = forms.CharField(
        label=_("The four digits of your postcode (you may leave this empty)"),
        help_text=_("To find volunteer work near you. Not your street or house number."),
        max_length=16,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 4}),
    )
    languages = LanguagesField(
        label=_("Which languages do you speak?"),
        queryset=Language.objects.none(),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the support point keeps these details to find volunteer work with me and to keep in touch. "
            "I can see, download or delete them at any time."
        ),
        error_messages={"required": _("Without your agreement we cannot keep your details. Tick the box.")},
    )

    def __init__(self, *args: Any, roles: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(RoleChoiceField, self.fields["interested_in"]).queryset = (
            roles if roles is not None else VolunteerRole.objects.none()
        )
        cast(LanguagesField, self.fields["languages"]).queryset = _languages()
        self.fields["give"].error_messages["max_length"] = _(
            "This is too long: write at most %(limit_value)d characters (you wrote %(show_value)d)."
        )

    def clean_email(self) -> str:
        email = (self.cleaned_data.get("email") or "").strip()
        try:
            validate_email(email)
        except ValidationError as exc:
            raise ValidationError(
                _("This does not look like an e-mail address. Write it like name@example.nl.")
            ) from exc
        return email

    def clean_phone(self) -> str:
        phone = (self.cleaned_data.get("phone") or "").strip()
        if phone and not _PHONE.fullmatch(phone):
            raise ValidationError(_("This does not look like a phone number. Write it like 06 12345678."))
        return phone

    def clean_pc4(self) -> str:
        value = (self.cleaned_data.get("pc4") or "").strip().replace(" ", "")
        if value and (not _PC4.fullmatch(value) or postcodes.lookup(value) is None):
            raise ValidationError(_("Write only the four digits of a Dutch postcode, like 5611."))
        return value


class RoleForm(forms.ModelForm):
    times = forms.MultipleChoiceField(
        label=_("When"), choices=Time.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    languages = LanguagesField(
        label=_("Languages that help"),
        queryset=Language.objects.none(),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = VolunteerRole
        fields = ("kind", "title", "description", "time_needed", "times", "place", "is_open")
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(LanguagesField, self.fields["languages"]).queryset = _languages()
        if self.instance.pk:
            self.initial["languages"] = [language.code for language in self.instance.languages.all()]


class AnswerForm(forms.Form):
    message = forms.CharField(
        label=_("Your answer to the volunteer"),
        help_text=_("Sent by e-mail; replies come to your support point's address. Propose a call or a first visit."),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class PlaceForm(forms.Form):
    """A trial or a fixed role: which role, from when."""

    role = RoleChoiceField(label=_("Role"), queryset=VolunteerRole.objects.none(), to_field_name="uuid")
    since = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, roles: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(RoleChoiceField, self.fields["role"]).queryset = roles
        self.initial.setdefault("since", timezone.localdate())


class StopForm(forms.Form):
    on = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("on", timezone.localdate())


class HoursForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    hours = forms.IntegerField(label=_("Hours, as the volunteer counted them"), min_value=0, max_value=5000)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("year", timezone.localdate().year)


class OwnHoursForm(forms.Form):
    """The volunteer's own count of hours, on their page: only if they want their hours counted."""

    year = forms.IntegerField(
        label=_("Year"), min_value=2000, max_value=2100, error_messages={"required": _("Fill in the year.")}
    )
    hours = forms.IntegerField(
        label=_("How many hours did you give in that year?"),
        min_value=0,
        max_value=5000,
        error_messages={"required": _("Fill in the number of hours.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.initial.setdefault("year", timezone.localdate().year)


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note (the volunteer can read it)"),
        max_length=TEXT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

"""Forms of public notes. They only validate; the services store and send."""

from __future__ import annotations

import re
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samenspel.core.visitor_forms import VisitorForm
from samenspel.directory import postcodes
from samenspel.directory.models import Audience, Language, Organisation, OrganisationKind, Theme
from samenspel.directory.search import meeting_languages
from samenspel.public_notes.conf import MESSAGE_MAX_LENGTH, WISH_MONTHS
from samenspel.public_notes.models import Correction, CorrectionKind, CorrectionStatus, RegistrationKind
from samenspel.workspace.theme_picker import ThemePicker, ThemePickerMixin

_PC4 = re.compile(r"[1-9][0-9]{3}")


def _too_long() -> str:
    return cast(str, _("This is too long: write at most %(limit_value)d characters (you wrote %(show_value)d)."))


class CorrectionForm(VisitorForm, forms.ModelForm):
    class Meta:
        model = Correction
        fields = ("kind", "message", "reply_email")
        labels = {
            "kind": _("What is not right?"),
            "message": _("What do you know? (you may leave this empty)"),
            "reply_email": _("Your e-mail address, if you would like an answer"),
        }
        help_texts = {
            "message": _("At most 2000 characters. Do not write your name or anyone else's."),
            "reply_email": _("You may leave this empty."),
        }
        widgets = {
            "kind": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 5, "maxlength": MESSAGE_MAX_LENGTH}),
            "reply_email": forms.TextInput(attrs={"autocomplete": "email", "inputmode": "email"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = cast(forms.ChoiceField, self.fields["kind"])
        kind.choices = CorrectionKind.choices  # no empty "---------" choice
        kind.error_messages["required"] = _("Choose what is not right.")
        kind.error_messages["invalid_choice"] = _("Choose what is not right.")
        self.fields["message"].error_messages["max_length"] = _too_long()
        # Checked below, with a message a stranger understands.
        self.fields["reply_email"] = forms.CharField(
            label=self.fields["reply_email"].label,
            help_text=self.fields["reply_email"].help_text,
            required=False,
            max_length=254,
            widget=self.fields["reply_email"].widget,
        )

    def clean_reply_email(self) -> str:
        email = (self.cleaned_data.get("reply_email") or "").strip()
        if email:
            try:
                validate_email(email)
            except ValidationError as exc:
                raise ValidationError(
                    _("This does not look like an e-mail address. Write it like name@example.nl.")
                ) from exc
        return email


class ThemeChoiceField(forms.ModelChoiceField[Theme]):
    def label_from_instance(self, obj: Theme) -> str:
        return str(obj.label)


class LanguageChoiceField(forms.ModelChoiceField[Language]):
    """Each language in its own name: the visitor may not read the page's language."""

    def label_from_instance(self, obj: Language) -> str:
        return obj.name_local


class WishForm(VisitorForm):
    theme = ThemeChoiceField(
        label=_("Which subject?"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        error_messages={
            "required": _("Choose a subject."),
            "invalid_choice": _("We do not know this subject. Choose one from the list."),
        },
    )
    pc4 = forms.CharField(
        label=_("The four digits of your postcode"),
        help_text=_("Only the digits, like 5611. We do not ask for your street or house number."),
        max_length=16,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 4}),
        error_messages={"required": _("Fill in the four digits of your postcode.")},
    )
    language = LanguageChoiceField(
        label=_("In which language should the group meet?"),
        queryset=Language.objects.all(),
        to_field_name="code",
        error_messages={
            "required": _("Choose a language."),
            "invalid_choice": _("We do not know this language. Choose one from the list."),
        },
    )
    email = forms.CharField(
        label=_("Your e-mail address"),
        help_text=_("We send one e-mail to confirm, and write again only when a group starts."),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "email", "inputmode": "email"}),
        error_messages={"required": _("Fill in your e-mail address.")},
    )
    months = forms.TypedChoiceField(
        label=_("How long may we keep this?"),
        coerce=int,
        widget=forms.RadioSelect,
        initial=6,
        error_messages={
            "required": _("Choose how long we may keep this."),
            "invalid_choice": _("Choose how long we may keep this."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.TypedChoiceField, self.fields["months"]).choices = [
            (str(n), _("%(n)s months") % {"n": n}) for n in WISH_MONTHS
        ]
        # The languages groups meet in (or could: every interface language).
        codes = {code for code, _name in meeting_languages()} | {"nl"}
        cast(LanguageChoiceField, self.fields["language"]).queryset = Language.objects.filter(
            Q(code__in=codes) | Q(is_interface=True)
        )

    def clean_pc4(self) -> str:
        value = (self.cleaned_data.get("pc4") or "").strip().replace(" ", "")
        if not _PC4.fullmatch(value) or postcodes.lookup(value) is None:
            raise ValidationError(_("Write only the four digits of a Dutch postcode, like 5611."))
        return value

    def clean_email(self) -> str:
        email = (self.cleaned_data.get("email") or "").strip()
        try:
            validate_email(email)
        except ValidationError as exc:
            raise ValidationError(
                _("This does not look like an e-mail address. Write it like name@example.nl.")
            ) from exc
        return email


class CorrectionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=CorrectionStatus.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Note (what you did)"),
        required=False,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class BroadcastForm(forms.Form):
    group = forms.UUIDField(widget=forms.HiddenInput)
    message = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Say when and where the group meets and how to get in touch. The platform adds the link to the group and a way to stop these e-mails."
        ),
    )


class SupportPointChoiceField(forms.ModelChoiceField[Organisation]):
    def label_from_instance(self, obj: Organisation) -> str:
        return f"{obj.name} ({obj.municipality})" if obj.municipality else obj.name


class LanguagesField(forms.ModelMultipleChoiceField[Language]):
    """Each language in its own name."""

    def label_from_instance(self, obj: Language) -> str:
        return obj.name_local


class RegistrationForm(ThemePickerMixin, VisitorForm):
    """A new group or an idea, by its initiator. `support_points` comes ordered, the nearest first."""

    kind = forms.ChoiceField(
        label=_("What do you want to register?"),
        choices=RegistrationKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether the group meets already or is an idea.")},
    )
    name = forms.CharField(
        label=_("Name of the group"),
        help_text=_("For an idea, a working name is fine, like 'Parents of children with autism in Tilburg'."),
        max_length=200,
        error_messages={"required": _("Give the group a name.")},
    )
    themes: forms.ModelMultipleChoiceField[Theme] = forms.ModelMultipleChoiceField(
        label=_("What is the group about?"),
        help_text=_("Tick one or more themes."),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        widget=ThemePicker,
        error_messages={
            "required": _("Tick at least one theme."),
            "invalid_choice": _("We do not know this theme. Choose one from the list."),
            "invalid_pk_value": _("We do not know this theme. Choose one from the list."),
        },
    )
    audience = forms.ChoiceField(
        label=_("Who is it for?"), choices=Audience.choices, widget=forms.RadioSelect, initial=Audience.AFFECTED
    )
    languages = LanguagesField(
        label=_("In which languages does the group meet?"),
        queryset=Language.objects.all(),
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Tick at least one language."),
            "invalid_choice": _("We do not know this language. Choose one from the list."),
        },
    )
    place = forms.CharField(
        label=_("Where does the group meet? The four digits of the postcode, or the town"),
        help_text=_("Like 5611 or Eindhoven. Not a street or house number: only the area is shown."),
        max_length=80,
        required=False,
    )
    online = forms.BooleanField(label=_("The group meets online"), required=False)
    frequency = forms.CharField(
        label=_("How often does the group meet? (in your own words, you may leave this empty)"),
        help_text=_("Like 'every second Tuesday evening' or 'not decided yet'."),
        max_length=200,
        required=False,
    )
    description = forms.CharField(
        label=_("Tell a little about the group"),
        help_text=_("At most 2000 characters. Do not write your name or anyone else's."),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": MESSAGE_MAX_LENGTH}),
        error_messages={"required": _("Write a few words about the group.")},
    )
    support_point = SupportPointChoiceField(
        label=_("Which support point may help you?"),
        help_text=_("The nearest support points come first. The support point checks your registration."),
        queryset=Organisation.objects.filter(kind=OrganisationKind.SUPPORT_POINT),
        to_field_name="slug",
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Choose a support point."),
            "invalid_choice": _("We do not know this support point. Choose one from the list."),
        },
    )
    email = forms.CharField(
        label=_("E-mail address of the group"),
        help_text=_("A role address is best, like contact@yourgroup.nl. We ask no name."),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "email", "inputmode": "email"}),
        error_messages={"required": _("Fill in an e-mail address.")},
    )

    def __init__(self, *args: Any, support_points: list[Organisation] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["description"].error_messages["max_length"] = _too_long()
        codes = {code for code, _name in meeting_languages()} | {"nl"}
        cast(LanguagesField, self.fields["languages"]).queryset = Language.objects.filter(
            Q(code__in=codes) | Q(is_interface=True)
        )
        if support_points is not None:
            field = cast(SupportPointChoiceField, self.fields["support_point"])
            field.choices = [(sp.slug, field.label_from_instance(sp)) for sp in support_points]

    def clean_email(self) -> str:
        email = (self.cleaned_data.get("email") or "").strip()
        try:
            validate_email(email)
        except ValidationError as exc:
            raise ValidationError(
                _("This does not look like an e-mail address. Write it like name@example.nl.")
            ) from exc
        return email

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        place = (data.get("place") or "").strip()
        data["pc4"] = ""
        if place:
            area = postcodes.resolve(place)
            if area is None:
                self.add_error(
                    "place", _("We do not know this place. Write the four digits of a postcode, like 5611, or a town.")
                )
            else:
                data["pc4"] = area.pc4
        elif not data.get("online"):
            self.add_error(
                "place", _("Fill in the postcode or the town where the group meets, or tick that it meets online.")
            )
        return data


class ApproveRegistrationForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status of the new group"),
        choices=[
            ("initiative", _("An idea looking for others (shown on the map as 'looking for others')")),
            ("looking", _("Looking for members")),
            ("active", _("Active")),
        ],
        widget=forms.RadioSelect,
    )


class AskRegistrationForm(forms.Form):
    question = forms.CharField(
        label=_("Your question to the initiator"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent by e-mail to the initiator. Replies come to your support point's address."),
    )


class DeclineRegistrationForm(forms.Form):
    reason = forms.CharField(
        label=_("Why not? (the initiator reads this)"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

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
from samenspel.directory.models import Language, Theme
from samenspel.directory.search import meeting_languages
from samenspel.public_notes.conf import MESSAGE_MAX_LENGTH, WISH_MONTHS
from samenspel.public_notes.models import Correction, CorrectionKind, CorrectionStatus

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

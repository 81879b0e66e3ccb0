"""Forms of the public map. They only validate; the views store and send."""

from __future__ import annotations

import re
from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from samenspel.core.visitor_forms import VisitorForm
from samenspel.finder.models import MESSAGE_MAX_LENGTH, Question, ReplyBy

# Spaces, dashes, dots and brackets are how people write numbers; they carry nothing.
_PHONE_NOISE = re.compile(r"[\s\-.()/]")
# Dutch: 10 digits starting with 0 (06 12345678, 040 1234567).
# International: + or 00, a country code and 7 to 14 more digits (E.164 is at most 15).
_DUTCH_PHONE = re.compile(r"0[1-9]\d{8}")
_INTERNATIONAL_PHONE = re.compile(r"(?:\+|00)[1-9]\d{7,14}")


def normalise_phone(value: str) -> str:
    """The number without layout characters, or ValidationError when it is not a phone number."""
    compact = _PHONE_NOISE.sub("", value.strip())
    if _DUTCH_PHONE.fullmatch(compact) or _INTERNATIONAL_PHONE.fullmatch(compact):
        return compact
    raise ValidationError(
        _("This does not look like a phone number. Write it like 06 12345678 or +31 6 12345678."),
        code="invalid_phone",
    )


class QuestionForm(VisitorForm, forms.ModelForm):
    """The honeypot and the once-only key come from `VisitorForm` (see Question.submit_key)."""

    class Meta:
        model = Question
        fields = ("message", "reply_by", "reply_email", "reply_phone", "preferred_language")
        labels = {
            "message": _("Your question"),
            "reply_by": _("How would you like an answer?"),
            "reply_email": _("Your e-mail address"),
            "reply_phone": _("Your phone number"),
            "preferred_language": _("In which language would you like an answer?"),
        }
        help_texts = {
            "message": _("At most 2000 characters. You do not have to give your name."),
            "reply_email": _("Only if you chose an answer by e-mail."),
            "reply_phone": _("Only if you chose an answer by phone."),
        }
        widgets = {
            "message": forms.Textarea(attrs={"rows": 6, "maxlength": MESSAGE_MAX_LENGTH}),
            "reply_by": forms.RadioSelect,
            "reply_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "reply_phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["message"].error_messages["required"] = _("Write your question.")
        self.fields["message"].error_messages["max_length"] = _(
            "Your question is too long: write at most %(limit_value)d characters (you wrote %(show_value)d)."
        )
        cast(forms.ChoiceField, self.fields["reply_by"]).choices = ReplyBy.choices  # no empty "---------" choice
        # Each language in its own name: the visitor may not read the page's language.
        cast(forms.ChoiceField, self.fields["preferred_language"]).choices = [
            (code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES
        ]
        # The model validates the e-mail address only for the chosen channel (clean() below).
        self.fields["reply_email"] = forms.CharField(
            label=self.fields["reply_email"].label,
            help_text=self.fields["reply_email"].help_text,
            required=False,
            max_length=254,
            widget=self.fields["reply_email"].widget,
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        reply_by = data.get("reply_by")
        email = (data.get("reply_email") or "").strip()
        phone = (data.get("reply_phone") or "").strip()
        if reply_by == ReplyBy.EMAIL:
            if not email:
                self.add_error("reply_email", _("Fill in your e-mail address, or choose another way to get an answer."))
            else:
                try:
                    validate_email(email)
                except ValidationError:
                    self.add_error(
                        "reply_email",
                        _("This does not look like an e-mail address. Write it like name@example.nl."),
                    )
        if reply_by == ReplyBy.PHONE:
            if not phone:
                self.add_error("reply_phone", _("Fill in your phone number, or choose another way to get an answer."))
            else:
                try:
                    phone = normalise_phone(phone)
                except ValidationError as exc:
                    self.add_error("reply_phone", exc)
        # Keep only the detail needed for the chosen way of answering.
        data["reply_email"] = email if reply_by == ReplyBy.EMAIL else ""
        data["reply_phone"] = phone if reply_by == ReplyBy.PHONE else ""
        return data

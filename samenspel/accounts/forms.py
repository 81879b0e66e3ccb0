"""Sign-in forms. They only validate."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.accounts.models import MAIL_LANGUAGES


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


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the e-mails Samenspel sends you"),
        choices=MAIL_LANGUAGES,
        widget=forms.RadioSelect,
    )

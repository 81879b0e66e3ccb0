"""Forms of the spaces. They only validate; the views call services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.spaces.models import Space

PSEUDONYM_HELP = _("Not your real name. Others in this space see only this name.")


def _no_at(value: str) -> None:
    if "@" in value:
        raise forms.ValidationError(_("Choose a name without @: not an e-mail address."))


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Invitation code"),
        max_length=40,
        help_text=_("You get it from the group, for example ABCD-EFGH-JKLM."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class JoinForm(forms.Form):
    pseudonym = forms.CharField(
        label=_("Your name in this space"),
        min_length=2,
        max_length=40,
        help_text=PSEUDONYM_HELP,
        validators=[_no_at],
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    email = forms.EmailField(
        label=_("E-mail address (optional)"),
        required=False,
        help_text=_(
            "Only for a link to come back and a daily e-mail with how many new messages there are. "
            "Moderators and the group never see it."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    accept_rules = forms.BooleanField(label=_("I have read the house rules and I keep to them."))


class KeyForm(forms.Form):
    key = forms.CharField(
        label=_("Your personal key"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class EmailLinkForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))


class ThreadForm(forms.Form):
    title = forms.CharField(label=_("Subject"), max_length=120)
    body = forms.CharField(label=_("Your message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))


class IntroductionForm(forms.Form):
    body = forms.CharField(
        label=_("Introduce yourself"),
        max_length=5000,
        help_text=_("A few lines: why you would like to join. Only the moderators read it first."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Your reply"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))


class ReportForm(forms.Form):
    reason = forms.CharField(label=_("What is wrong with this message? (optional)"), max_length=300, required=False)


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_("Leave empty to remove it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    digest = forms.BooleanField(label=_("Send me a daily e-mail when there are new messages"), required=False)


class HideForm(forms.Form):
    note = forms.CharField(label=_("Note (shown instead of the message)"), max_length=300, required=False)


class EditForm(forms.Form):
    body = forms.CharField(label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))
    note = forms.CharField(label=_("Note about the change (shown with the message)"), max_length=300)


class WarnForm(forms.Form):
    note = forms.CharField(label=_("Why (only moderators see this)"), max_length=300)


class PauseForm(forms.Form):
    days = forms.IntegerField(label=_("Pause for how many days"), min_value=1, max_value=90, initial=7)
    note = forms.CharField(label=_("Why (only moderators see this)"), max_length=300)


class SpaceForm(forms.ModelForm):
    class Meta:
        model = Space
        fields = ["name", "access_level", "house_rules", "retention_months", "posts_per_day"]
        widgets = {"access_level": forms.RadioSelect, "house_rules": forms.Textarea(attrs={"rows": 7})}
        help_texts = {
            "access_level": _("The group chooses. The support point can explain the choices."),
            "retention_months": _("Messages older than this are deleted every night (1 to 60 months)."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["retention_months"].widget.attrs.update(min=1, max=60)
        self.fields["posts_per_day"].widget.attrs.update(min=1, max=100)

    def clean_retention_months(self) -> int:
        value = int(self.cleaned_data["retention_months"])
        if not 1 <= value <= 60:
            raise forms.ValidationError(_("Choose between 1 and 60 months."))
        return value

    def clean_posts_per_day(self) -> int:
        value = int(self.cleaned_data["posts_per_day"])
        if not 1 <= value <= 100:
            raise forms.ValidationError(_("Choose between 1 and 100 messages."))
        return value


class ThemeSpaceForm(SpaceForm):
    class Meta(SpaceForm.Meta):
        fields = ["name", "theme", *SpaceForm.Meta.fields[1:]]

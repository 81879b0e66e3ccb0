"""What every form a visitor sends without an account shares: a honeypot, once-only sending, the visitor's language.

Used by the question to a group (finder), the correction of an entry and the wish to be told when a group starts
(public_notes). Each form keeps the least data that does its job; these pieces say nothing about the visitor.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

Stored = TypeVar("Stored", bound=models.Model)


class VisitorForm(forms.Form):
    """Fields of a public form: mix in before `forms.ModelForm` (`class QuestionForm(VisitorForm, ModelForm)`)."""

    # The honeypot: hidden from people (CSS, aria-hidden, no tab stop), filled in by bots.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    # One stored row per form, however often it is sent (a double click, a retry after a time-out).
    submit_key = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")  # labels are questions; "?:" reads oddly
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submit_key", secrets.token_urlsafe(24))

    @property
    def is_spam(self) -> bool:
        """A filled-in honeypot is a bot: the caller shows the same success and keeps and sends nothing."""
        return bool(self.cleaned_data.get("website"))


def store_once(model: type[Stored], submit_key: str, store: Callable[[], Stored]) -> Stored:
    """Run `store` (saving a row with this `submit_key`, and queueing its mail) once per key.

    The same form sent again returns the row stored the first time and stores and sends nothing; two at the
    same moment meet the unique key, and the second returns the first's row.
    """
    if submit_key:
        earlier = model._default_manager.filter(submit_key=submit_key).first()
        if earlier is not None:
            return earlier
    try:
        with transaction.atomic():
            return store()
    except IntegrityError:
        earlier = model._default_manager.filter(submit_key=submit_key).first() if submit_key else None
        if earlier is None:
            raise
        return earlier


def visitor_language() -> str:
    """The language the visitor reads the page in, as one of the site's languages."""
    code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def body_too_big(request: HttpRequest) -> bool:
    """A posted body larger than Django reads: say so in the form, in the visitor's language, not with a bare 400.

    Checked before `request.POST` is touched (reading it would raise RequestDataTooBig).
    """
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return limit is not None and length > limit

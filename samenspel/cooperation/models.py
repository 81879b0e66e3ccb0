"""Support points working together: what one hands to another, and the national offers they all refer to.

- `Forward` is the sending support point's note "forwarded to X": what kind of thing, to whom, when and by whom,
  never the text. It is also what makes forwarding idempotent (one per source, `source_key`).
- `ForwardedQuestion` is a citizen's question as the receiving support point holds it: the message and the one way
  to answer that the citizen chose, nothing more, deleted on the day the original would have been
  (`delete_after` is copied). The sending support point no longer holds the text (finder/questions.py wipes it).
- A forwarded registration needs no copy: the registration itself moves to the other support point.
- `NationalOffer` is a national organisation or online offer, kept by platform staff; `OfferSuggestion` is a
  support point's proposal for that list.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.directory.models import Organisation, Theme

MESSAGE_MAX_LENGTH = 2000


class ForwardKind(models.TextChoices):
    QUESTION = "question", _("Question from a visitor")
    REGISTRATION = "registration", _("Group registration")


class ForwardQuerySet(models.QuerySet["Forward"]):
    def expired(self, today: datetime.date | None = None) -> ForwardQuerySet:
        return self.filter(delete_after__lt=today or timezone.localdate())


def _record_until() -> datetime.date:
    from samenspel.cooperation.conf import forward_record_days

    return timezone.localdate() + datetime.timedelta(days=forward_record_days())


class Forward(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=16, choices=ForwardKind.choices)
    # "question:<pk>" or "registration:<uuid>": one forward per source, so forwarding twice doubles nothing.
    source_key = models.CharField(max_length=80, unique=True, editable=False)
    from_support_point = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("from support point")
    )
    to_support_point = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("to support point")
    )
    # What it was about, for the sender's list: a group's public name, never the citizen's words.
    about = models.CharField(_("about"), max_length=200, blank=True)
    forwarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("forwarded"), default=timezone.now, editable=False)
    delete_after = models.DateField(_("deleted after"), default=_record_until, editable=False)

    objects = ForwardQuerySet.as_manager()

    class Meta:
        verbose_name = _("forward")
        verbose_name_plural = _("forwards")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["delete_after"])]

    def __str__(self) -> str:
        return f"{self.kind} → {self.to_support_point_id} · {timezone.localtime(self.created_at):%Y-%m-%d}"


class ForwardedStatus(models.TextChoices):
    NEW = "new", _("New")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class ForwardedQuestionQuerySet(models.QuerySet["ForwardedQuestion"]):
    def for_support_point(self, support_point: Organisation) -> ForwardedQuestionQuerySet:
        return self.filter(support_point=support_point)

    def expired(self, today: datetime.date | None = None) -> ForwardedQuestionQuerySet:
        return self.filter(delete_after__lt=today or timezone.localdate())


class ForwardedQuestion(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    forward = models.OneToOneField(Forward, on_delete=models.CASCADE, related_name="question", editable=False)
    support_point = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("support point")
    )
    message = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    # The citizen's choice, as the original question kept it (finder.models.ReplyBy values).
    reply_by = models.CharField(_("reply by"), max_length=8)
    reply_email = models.EmailField(_("e-mail address for the reply"), blank=True)
    reply_phone = models.CharField(_("phone number for the reply"), max_length=32, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    status = models.CharField(_("status"), max_length=16, choices=ForwardedStatus.choices, default=ForwardedStatus.NEW)
    asked_at = models.DateTimeField(_("asked"), editable=False)
    delete_after = models.DateField(_("deleted after"), editable=False)

    objects = ForwardedQuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("forwarded question")
        verbose_name_plural = _("forwarded questions")
        ordering = ["-asked_at"]
        indexes = [models.Index(fields=["delete_after"]), models.Index(fields=["support_point", "status"])]

    def __str__(self) -> str:
        # Never the message or the visitor's details: this shows up in lists and logs.
        return f"{self.support_point_id} · {timezone.localtime(self.asked_at):%Y-%m-%d %H:%M}"


class OfferKind(models.TextChoices):
    NATIONAL_ORGANISATION = "organisation", _("National organisation")
    ONLINE = "online", _("Online offer")
    HELPLINE = "helpline", _("Helpline")


class NationalOfferQuerySet(models.QuerySet["NationalOffer"]):
    def shown(self) -> NationalOfferQuerySet:
        return self.filter(is_shown=True)


class NationalOffer(models.Model):
    """An organisation or online offer for the whole country; no person, only what the organisation publishes."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=16, choices=OfferKind.choices)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("what they offer"), max_length=MESSAGE_MAX_LENGTH, blank=True)
    themes: models.ManyToManyField[Theme, Any] = models.ManyToManyField(
        Theme, blank=True, related_name="+", verbose_name=_("themes")
    )
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("public phone number"), max_length=32, blank=True)
    is_shown = models.BooleanField(_("shown to support points"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NationalOfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("national offer")
        verbose_name_plural = _("national offers")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SuggestionStatus(models.TextChoices):
    NEW = "new", _("New")
    ACCEPTED = "accepted", _("Added to the list")
    DECLINED = "declined", _("Not added")


class OfferSuggestionQuerySet(models.QuerySet["OfferSuggestion"]):
    def expired(self, now: datetime.datetime | None = None) -> OfferSuggestionQuerySet:
        from samenspel.cooperation.conf import suggestion_decided_days, suggestion_open_days

        now = now or timezone.now()
        decided = models.Q(decided_at__lt=now - datetime.timedelta(days=suggestion_decided_days()))
        undecided = models.Q(
            status=SuggestionStatus.NEW, created_at__lt=now - datetime.timedelta(days=suggestion_open_days())
        )
        return self.filter(decided | undecided)


class OfferSuggestion(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    support_point = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("support point")
    )
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=OfferKind.choices)
    name = models.CharField(_("name"), max_length=200)
    website = models.URLField(_("website"), blank=True)
    note = models.TextField(_("why it helps"), max_length=MESSAGE_MAX_LENGTH, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=SuggestionStatus.choices, default=SuggestionStatus.NEW
    )
    offer = models.ForeignKey(
        NationalOffer, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("suggested"), default=timezone.now, editable=False)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True, editable=False)

    objects = OfferSuggestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("suggestion for the national list")
        verbose_name_plural = _("suggestions for the national list")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.name

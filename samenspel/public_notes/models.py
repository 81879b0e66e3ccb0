"""A wish to be told when a group starts, and a correction of a group's entry: each keeps the least that does its job.

No name anywhere. A wish holds a theme, a PC4 area, a language and one e-mail address (encrypted at rest), and is
deleted on its date or when withdrawn; a correction holds what is wrong and, if the visitor wants an answer, a reply
address, both wiped some days after the correction is handled (`corrections.corrections_purge`).
"""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.core.crypto import EncryptedTextField
from samenspel.directory.models import Group, Language, Organisation, Theme
from samenspel.public_notes.conf import MESSAGE_MAX_LENGTH


class CorrectionKind(models.TextChoices):
    TIME = "time", _("The day or time is not right")
    PLACE = "place", _("The place is not right")
    STOPPED = "stopped", _("The group has stopped")
    CONTACT = "contact", _("The contact details are not right")
    OTHER = "other", _("Something else")


# What makes the group need a check at once (directory/freshness.py): people may go to a meeting that is not there.
CHECK_KINDS = (CorrectionKind.TIME, CorrectionKind.STOPPED)


class CorrectionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    HANDLED = "handled", _("Handled")
    REJECTED = "rejected", _("Not right")


class CorrectionQuerySet(models.QuerySet["Correction"]):
    def open(self) -> CorrectionQuerySet:
        return self.filter(status=CorrectionStatus.OPEN)

    def for_support_point(self, support_point: Organisation) -> CorrectionQuerySet:
        return self.filter(group__support_point=support_point)

    def to_wipe(self, today: datetime.date | None = None) -> CorrectionQuerySet:
        """Handled corrections past their date that still hold a text or a reply address."""
        return self.filter(wipe_after__lt=today or timezone.localdate()).exclude(message="", reply_email="")


class Correction(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="corrections", verbose_name=_("group"))
    kind = models.CharField(_("what is wrong"), max_length=16, choices=CorrectionKind.choices)
    message = models.TextField(_("what you know"), max_length=MESSAGE_MAX_LENGTH, blank=True)
    reply_email = models.EmailField(_("e-mail address for an answer"), blank=True)
    language = models.CharField(
        _("language of the visitor"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    status = models.CharField(
        _("status"), max_length=16, choices=CorrectionStatus.choices, default=CorrectionStatus.OPEN
    )
    note = models.TextField(_("note"), max_length=MESSAGE_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("sent"), default=timezone.now, editable=False)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True, editable=False)
    # Set when handled: after this date the text and the reply address are wiped; the rest stays as a count.
    wipe_after = models.DateField(_("text deleted after"), null=True, blank=True, editable=False)
    submit_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status"]), models.Index(fields=["wipe_after"])]

    def __str__(self) -> str:
        # Never the text or the reply address: this shows up in lists and logs.
        return f"{self.group} · {self.kind} · {timezone.localtime(self.created_at):%Y-%m-%d}"


class WishQuerySet(models.QuerySet["Wish"]):
    def confirmed(self) -> WishQuerySet:
        return self.filter(consent=True, delete_after__gte=timezone.localdate())

    def expired(self, today: datetime.date | None = None, *, unconfirmed_since: datetime.datetime) -> WishQuerySet:
        """Past its date, or never confirmed in time."""
        return self.filter(
            Q(delete_after__lt=today or timezone.localdate()) | Q(consent=False, created_at__lt=unconfirmed_since)
        )


class Wish(models.Model):
    """ "Tell me when a group on this theme starts near me": counts only once confirmed (`consent`)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="+", verbose_name=_("theme"))
    pc4 = models.CharField(_("postcode area"), max_length=4)
    language = models.ForeignKey(Language, on_delete=models.CASCADE, related_name="+", verbose_name=_("language"))
    email = EncryptedTextField(_("e-mail address"))
    # A keyed hash of the address with the theme, area and language: the same wish twice is one wish, without
    # comparing addresses in the clear.
    fingerprint = models.CharField(max_length=64, unique=True, editable=False)
    # True once the citizen followed the link mailed to the address: before that it counts for nothing.
    consent = models.BooleanField(_("confirmed"), default=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, editable=False)
    # The language of the mails to the citizen.
    mail_language = models.CharField(max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE)
    created_at = models.DateTimeField(_("made"), default=timezone.now, editable=False)
    delete_after = models.DateField(_("deleted after"), editable=False)

    objects = WishQuerySet.as_manager()

    class Meta:
        verbose_name = _("wish")
        verbose_name_plural = _("wishes")
        indexes = [models.Index(fields=["delete_after"]), models.Index(fields=["consent", "theme"])]
        constraints = [
            # Consent is given by following the mailed link, and only so: it goes with its date. Without it the
            # wish counts for nothing and is deleted within a week (wishes_purge).
            models.CheckConstraint(
                condition=Q(consent=True, confirmed_at__isnull=False) | Q(consent=False, confirmed_at__isnull=True),
                name="wish_consent_is_its_confirmation",
            )
        ]

    def __str__(self) -> str:
        # Never the address.
        return f"{self.theme} · {self.pc4}"

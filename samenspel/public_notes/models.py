"""A wish to be told when a group starts, and a correction of a group's entry: each keeps the least that does its job.

No name anywhere. A wish holds a theme, a PC4 area, a language and one e-mail address (encrypted at rest), and is
deleted on its date or when withdrawn; a correction holds what is wrong and, if the visitor wants an answer, a reply
address, both wiped some days after the correction is handled (`corrections.corrections_purge`).
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.core.crypto import EncryptedTextField
from samenspel.directory.models import Audience, Group, Language, Organisation, Theme
from samenspel.public_notes.conf import MESSAGE_MAX_LENGTH, open_registration_days


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


class RegistrationStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Waiting for the e-mail confirmation")
    PENDING = "pending", _("To review")
    ASKED = "asked", _("Question asked")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


# A registration the support point still has to decide on: while one is, the same one again is the same one.
OPEN_REGISTRATION = (RegistrationStatus.UNCONFIRMED, RegistrationStatus.PENDING, RegistrationStatus.ASKED)


class RegistrationKind(models.TextChoices):
    EXISTING = "existing", _("A group that already meets")
    IDEA = "idea", _("An idea: I am looking for others to start a group")


class RegistrationQuerySet(models.QuerySet["Registration"]):
    def to_review(self) -> RegistrationQuerySet:
        return self.filter(status__in=(RegistrationStatus.PENDING, RegistrationStatus.ASKED))

    def expired(
        self, today: datetime.date, *, unconfirmed_since: datetime.datetime, undecided_since: datetime.datetime
    ) -> RegistrationQuerySet:
        """Decided and past its date, never confirmed in time, or never decided on in half a year."""
        return self.filter(
            Q(delete_after__lt=today)
            | Q(status=RegistrationStatus.UNCONFIRMED, created_at__lt=unconfirmed_since)
            | Q(status__in=OPEN_REGISTRATION, created_at__lt=undecided_since)
        )


def _undecided_until() -> datetime.date:
    """A registration's first deletion date: the longest a support point may leave it undecided."""
    return timezone.localdate() + datetime.timedelta(days=open_registration_days())


class Registration(models.Model):
    """A new group or an idea for one, sent by its initiator without an account ("Register a group").

    It counts only once the initiator confirmed it by the mailed link; then the chosen support point approves
    it (the group is made, the initiator becomes its contact person by a one-time link), asks a question by
    mail or declines it with a reason. Decided registrations are deleted some days later
    (`registrations.registrations_purge`). No personal name: a role address is enough.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("what are you registering?"), max_length=16, choices=RegistrationKind.choices)
    name = models.CharField(_("name of the group"), max_length=200)
    description = models.TextField(_("what the group is about"), max_length=MESSAGE_MAX_LENGTH)
    themes: models.ManyToManyField[Theme, Any] = models.ManyToManyField(
        Theme, related_name="+", verbose_name=_("themes")
    )
    audience = models.CharField(_("for whom"), max_length=16, choices=Audience.choices, default=Audience.AFFECTED)
    languages: models.ManyToManyField[Language, Any] = models.ManyToManyField(
        Language, related_name="+", verbose_name=_("languages")
    )
    pc4 = models.CharField(_("postcode area"), max_length=4, blank=True)
    online = models.BooleanField(_("meets online"), default=False)
    frequency = models.CharField(_("how often it meets"), max_length=200, blank=True)
    support_point = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("support point")
    )
    email = EncryptedTextField(_("e-mail address"))
    # A keyed hash of the address, the name and the support point: the same registration twice is one.
    fingerprint = models.CharField(max_length=64, editable=False)
    mail_language = models.CharField(max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE)
    status = models.CharField(
        _("status"), max_length=16, choices=RegistrationStatus.choices, default=RegistrationStatus.UNCONFIRMED
    )
    reason = models.TextField(_("reason or question"), max_length=MESSAGE_MAX_LENGTH, blank=True)
    group = models.ForeignKey(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("group")
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, editable=False)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True, editable=False)
    # The initiator's consent is the confirmation by the mailed link; the deletion date is set from the start
    # (the longest it may wait for a decision) and moves closer once it is decided.
    consent = models.BooleanField(_("confirmed"), default=False, editable=False)
    delete_after = models.DateField(_("deleted after"), default=_undecided_until, editable=False)
    submit_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("group registration")
        verbose_name_plural = _("group registrations")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "support_point"]), models.Index(fields=["delete_after"])]
        constraints = [
            models.UniqueConstraint(
                fields=["fingerprint"],
                condition=Q(status__in=["unconfirmed", "pending", "asked"]),
                name="registration_open_once",
            ),
            models.CheckConstraint(condition=Q(online=True) | ~Q(pc4=""), name="registration_has_a_place"),
            models.CheckConstraint(
                condition=Q(consent=True, confirmed_at__isnull=False) | Q(consent=False, confirmed_at__isnull=True),
                name="registration_consent_is_its_confirmation",
            ),
        ]

    def __str__(self) -> str:
        # Never the address.
        return f"{self.name} · {self.support_point}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_REGISTRATION

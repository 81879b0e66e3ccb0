"""Open volunteer roles of a support point, the volunteers who signed up for them, and the hours they record.

A volunteer chose to be known (consent, with its date); we keep only what the intake and the matching use: a first
name, one e-mail address and, if they like, a phone number (both encrypted at rest), what they want to give and to
get, when, where (a PC4 area) and in which languages. Nothing about health, origin or faith.
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
from samenspel.directory.models import Language, Organisation
from samenspel.volunteering.conf import TEXT_MAX_LENGTH


class RoleKind(models.TextChoices):
    GROUP_LEADER = "group_leader", _("Group leader")
    TRANSLATOR = "translator", _("Translator or interpreter")
    KEY_PERSON = "key_person", _("Key person in your community")
    DRIVER = "driver", _("Driver")
    HOST = "host", _("Host at meetings")
    PUBLICITY = "publicity", _("Publicity and flyers")
    OTHER = "other", _("Something else")


class Time(models.TextChoices):
    """When someone can help: the same words for a role and for a volunteer, so the two can be matched."""

    WEEKDAY_DAY = "weekday_day", _("On weekdays, during the day")
    WEEKDAY_EVENING = "weekday_evening", _("On weekday evenings")
    WEEKEND = "weekend", _("At the weekend")


class Want(models.TextChoices):
    """What a volunteer wants to get from it (the seed's 'halen': leuk, lonend, juist, toegerust; 001:2152-2160)."""

    MEET_PEOPLE = "meet_people", _("Meet people")
    USE_EXPERIENCE = "use_experience", _("Use what I went through myself to help others")
    LEARN = "learn", _("Learn something new")
    WORK_EXPERIENCE = "work_experience", _("Work experience or a reference")
    GIVE_BACK = "give_back", _("Do something useful, give something back")


class VolunteerRoleQuerySet(models.QuerySet["VolunteerRole"]):
    def for_support_point(self, support_point: Organisation) -> VolunteerRoleQuerySet:
        return self.filter(support_point=support_point)

    def open(self) -> VolunteerRoleQuerySet:
        return self.filter(is_open=True)


class VolunteerRole(models.Model):
    """Volunteer work a support point offers, in plain words (B1): what you do, when, where, in which languages."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    support_point = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("support point")
    )
    kind = models.CharField(_("kind of work"), max_length=20, choices=RoleKind.choices)
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("what you do, in plain words"), max_length=TEXT_MAX_LENGTH)
    time_needed = models.CharField(_("how much time"), max_length=120, blank=True)
    times = models.JSONField(_("when"), default=list, blank=True)
    place = models.CharField(_("where"), max_length=120, blank=True)
    languages: models.ManyToManyField[Language, Any] = models.ManyToManyField(
        Language, blank=True, related_name="+", verbose_name=_("languages that help")
    )
    is_open = models.BooleanField(_("shown on the public page"), default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = VolunteerRoleQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer role")
        verbose_name_plural = _("volunteer roles")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def times_display(self) -> list[str]:
        return [str(Time(t).label) for t in self.times if t in Time.values]


class VolunteerStatus(models.TextChoices):
    NEW = "new", _("New: not answered yet")
    ANSWERED = "answered", _("In contact")
    TRIAL = "trial", _("On trial")
    ACTIVE = "active", _("In a role")
    STOPPED = "stopped", _("Stopped")
    DECLINED = "declined", _("No match")


class VolunteerQuerySet(models.QuerySet["Volunteer"]):
    def for_support_point(self, support_point: Organisation) -> VolunteerQuerySet:
        return self.filter(support_point=support_point)

    def waiting(self) -> VolunteerQuerySet:
        return self.filter(status=VolunteerStatus.NEW)

    def expired(self, today: datetime.date) -> VolunteerQuerySet:
        return self.filter(delete_after__lt=today)


def _unplaced_until() -> datetime.date:
    from samenspel.volunteering.conf import unplaced_retention_days

    return timezone.localdate() + datetime.timedelta(days=unplaced_retention_days())


class Volunteer(models.Model):
    """Someone who signed up to help a support point, from the first message to (12 months after) the last day."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    support_point = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("support point")
    )
    interested_in = models.ForeignKey(
        VolunteerRole,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("role you are interested in"),
    )
    name = models.CharField(_("your first name"), max_length=80)
    email = EncryptedTextField(_("e-mail address"))
    phone = EncryptedTextField(_("phone number (if you want a call)"), blank=True)
    give = models.TextField(_("what would you like to do or give?"), max_length=TEXT_MAX_LENGTH)
    wants = models.JSONField(_("what would you like to get from it?"), default=list, blank=True)
    times = models.JSONField(_("when can you help?"), default=list, blank=True)
    pc4 = models.CharField(_("postcode (4 digits)"), max_length=4, blank=True)
    languages: models.ManyToManyField[Language, Any] = models.ManyToManyField(
        Language, blank=True, related_name="+", verbose_name=_("languages you speak")
    )
    consent_at = models.DateTimeField(_("consent given"), editable=False)
    mail_language = models.CharField(max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE)
    status = models.CharField(_("status"), max_length=16, choices=VolunteerStatus.choices, default=VolunteerStatus.NEW)
    note = models.TextField(_("note of the support point"), max_length=TEXT_MAX_LENGTH, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True, editable=False)
    role = models.ForeignKey(
        VolunteerRole,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="volunteers",
        verbose_name=_("role"),
    )
    trial_since = models.DateField(_("on trial since"), null=True, blank=True)
    role_since = models.DateField(_("in the role since"), null=True, blank=True)
    stopped_on = models.DateField(_("stopped on"), null=True, blank=True)
    # Set from the start (the longest an unplaced sign-up is kept), cleared while on trial or in a role, and set
    # to 12 months after the last day when they stop.
    delete_after = models.DateField(_("deleted after"), null=True, blank=True, default=_unplaced_until)
    created_at = models.DateTimeField(_("signed up"), default=timezone.now, editable=False)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    submit_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    objects = VolunteerQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["support_point", "status"]), models.Index(fields=["delete_after"])]
        constraints = [
            # Placed volunteers are never deleted by date; everyone else always has a date.
            models.CheckConstraint(
                condition=Q(status__in=["trial", "active"], delete_after__isnull=True)
                | (~Q(status__in=["trial", "active"]) & Q(delete_after__isnull=False)),
                name="volunteer_placed_or_dated",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def wants_display(self) -> list[str]:
        return [str(Want(w).label) for w in self.wants if w in Want.values]

    def times_display(self) -> list[str]:
        return [str(Time(t).label) for t in self.times if t in Time.values]


class VolunteerHours(models.Model):
    """Hours in one year, recorded only if the volunteer wants them counted (for recognition and the year figures)."""

    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="hours")
    year = models.PositiveSmallIntegerField(_("year"))
    hours = models.PositiveIntegerField(_("hours"))

    class Meta:
        verbose_name = _("hours")
        verbose_name_plural = _("hours")
        constraints = [models.UniqueConstraint(fields=["volunteer", "year"], name="volunteer_hours_once_a_year")]

    def __str__(self) -> str:
        return f"{self.year}: {self.hours}"

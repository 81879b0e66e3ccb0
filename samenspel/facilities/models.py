"""Rooms, requests for a room on a schedule, and the bookings a confirmed request makes."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.directory.models import Group, Language, Organisation, Theme
from samenspel.workspace.models import FacilitationRequest


class RoomQuerySet(models.QuerySet["Room"]):
    def for_support_point(self, support_point: Organisation) -> RoomQuerySet:
        return self.filter(support_point=support_point)


class Room(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    support_point = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("support point")
    )
    name = models.CharField(_("name of the room"), max_length=200)
    owner = models.CharField(
        _("whose room"), max_length=200, blank=True, help_text=_("Empty for your own; else the partner's name.")
    )
    street = models.CharField(_("street and number"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=7)
    town = models.CharField(_("place"), max_length=100)
    capacity = models.PositiveSmallIntegerField(_("people it holds"))
    wheelchair_accessible = models.BooleanField(_("wheelchair accessible"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    accessibility_note = models.CharField(_("more about access"), max_length=300, blank=True)
    cost = models.CharField(_("costs"), max_length=200, blank=True, help_text=_("Like 'free' or '15 euro an evening'."))
    availability = models.CharField(
        _("usually free"), max_length=300, blank=True, help_text=_("In words, like 'weekday evenings'.")
    )
    ask = models.CharField(_("who to ask"), max_length=300, blank=True, help_text=_("A role, a phone number."))
    is_active = models.BooleanField(_("can be asked for"), default=True)

    objects = RoomQuerySet.as_manager()

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.owner})" if self.owner else self.name


class RequestStatus(models.TextChoices):
    ASKED = "asked", _("Asked")
    BOOKED = "booked", _("Booked")
    DECLINED = "declined", _("Declined")


class RoomRequestQuerySet(models.QuerySet["RoomRequest"]):
    def for_support_point(self, support_point: Organisation) -> RoomRequestQuerySet:
        return self.filter(room__support_point=support_point)


class RoomRequest(models.Model):
    """A group asks for a room: every week on one weekday, at one time, from a date, for a number of weeks."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="+", verbose_name=_("group"))
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="requests", verbose_name=_("room"))
    first_date = models.DateField(_("first meeting"))
    start_time = models.TimeField(_("from"))
    end_time = models.TimeField(_("until"))
    weeks = models.PositiveSmallIntegerField(_("how many weeks"), default=1)
    every_weeks = models.PositiveSmallIntegerField(_("every how many weeks"), default=1)
    message = models.TextField(_("message"), max_length=1000, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.ASKED)
    reason = models.TextField(_("reason"), max_length=1000, blank=True)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("asked"), default=timezone.now, editable=False)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True, editable=False)

    objects = RoomRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("room request")
        verbose_name_plural = _("room requests")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=models.F("start_time")), name="room_request_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(weeks__gte=1, weeks__lte=52), name="room_request_weeks_in_a_year"),
            models.CheckConstraint(condition=Q(every_weeks__gte=1, every_weeks__lte=4), name="room_request_rhythm"),
        ]

    def __str__(self) -> str:
        return f"{self.group} · {self.room}"

    def dates(self) -> list[datetime.date]:
        return [self.first_date + datetime.timedelta(weeks=n * self.every_weeks) for n in range(self.weeks)]


class RoomBookingQuerySet(models.QuerySet["RoomBooking"]):
    def overlapping(
        self, room: Room, date: datetime.date, start: datetime.time, end: datetime.time
    ) -> RoomBookingQuerySet:
        return self.filter(room=room, date=date, start_time__lt=end, end_time__gt=start)


class RoomBooking(models.Model):
    """One date a room is booked for a group: what the calendar shows and what a clash is measured against."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="bookings")
    request = models.ForeignKey(RoomRequest, on_delete=models.CASCADE, related_name="bookings")
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("from"))
    end_time = models.TimeField(_("until"))

    objects = RoomBookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["date", "start_time"]
        indexes = [models.Index(fields=["room", "date"])]

    def __str__(self) -> str:
        return f"{self.room} {self.date} {self.start_time:%H:%M}-{self.end_time:%H:%M}"


class SpeakerKind(models.TextChoices):
    PERSON = "person", _("A person")
    ORGANISATION = "organisation", _("An organisation")


class SpeakerQuerySet(models.QuerySet["Speaker"]):
    def for_support_point(self, support_point: Organisation) -> SpeakerQuerySet:
        return self.filter(support_point=support_point)

    def active(self) -> SpeakerQuerySet:
        return self.filter(is_active=True)


class Speaker(models.Model):
    """Someone who gives talks for groups (an expert, an expert by experience, an organisation; 000:4261).

    Kept by the support point with the speaker's agreement; `checked_on` is when the speaker last said the entry is
    right, and an entry unchecked for two years is deleted (`services.speakers_purge`).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    support_point = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("support point")
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("person or organisation"), max_length=16, choices=SpeakerKind.choices)
    topic = models.TextField(_("what they talk about"), max_length=1000)
    themes: models.ManyToManyField[Theme, Any] = models.ManyToManyField(
        Theme, blank=True, related_name="+", verbose_name=_("themes")
    )
    languages: models.ManyToManyField[Language, Any] = models.ManyToManyField(
        Language, blank=True, related_name="+", verbose_name=_("languages")
    )
    cost = models.CharField(_("costs"), max_length=200, blank=True)
    contact = models.CharField(
        _("how to reach them"), max_length=300, help_text=_("Only your support point sees this.")
    )
    is_active = models.BooleanField(_("can be asked for"), default=True)
    checked_on = models.DateField(_("the speaker last agreed to this entry on"), default=timezone.localdate)

    objects = SpeakerQuerySet.as_manager()

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SpeakerRequest(models.Model):
    """The speaker a group's facilitation request (kind "a guest speaker") is about."""

    facilitation_request = models.OneToOneField(
        FacilitationRequest, on_delete=models.CASCADE, related_name="+", verbose_name=_("request for support")
    )
    speaker = models.ForeignKey(
        Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="requests", verbose_name=_("speaker")
    )
    wished_date = models.DateField(_("wished date"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("speaker request")
        verbose_name_plural = _("speaker requests")

    def __str__(self) -> str:
        return f"{self.facilitation_request_id} · {self.speaker}"

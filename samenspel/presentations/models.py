"""A team's request for a presentation and what became of it (see __init__.py)."""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.directory.models import Group, Organisation, Theme


class Status(models.TextChoices):
    ASKED = "asked", _("Asked")
    PLANNED = "planned", _("Planned")
    DECLINED = "declined", _("Declined")


class GroupAnswer(models.TextChoices):
    NONE = "", _("Not asked or no answer yet")
    AGREED = "agreed", _("The group wants to tell its story")
    REFUSED = "refused", _("The group does not want to")


class PresentationQuerySet(models.QuerySet["PresentationRequest"]):
    def for_support_point(self, support_point: Organisation) -> PresentationQuerySet:
        return self.filter(support_point=support_point)


class PresentationRequest(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    support_point = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", limit_choices_to={"kind": "support_point"}
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    team = models.CharField(_("team"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200)
    # The asker's work contact; cleared by purge_presentations (conf.contact_days()).
    contact_name = models.CharField(_("your name"), max_length=120, blank=True)
    contact_email = models.EmailField(_("your e-mail address"), blank=True)
    contact_phone = models.CharField(_("your phone number"), max_length=32, blank=True)
    wished_dates = models.TextField(_("wished dates"))
    audience_size = models.PositiveSmallIntegerField(
        _("how many people"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="+", verbose_name=_("themes"))
    message = models.TextField(_("anything else"), blank=True)
    group = models.ForeignKey(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("group")
    )
    group_answer = models.CharField(max_length=16, choices=GroupAnswer.choices, default=GroupAnswer.NONE, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.ASKED)
    starts_at = models.DateTimeField(_("date and time"), null=True, blank=True)
    minutes = models.PositiveSmallIntegerField(_("minutes"), default=60)
    place = models.CharField(_("place"), max_length=300, blank=True)
    presenters = models.CharField(_("who presents"), max_length=300, blank=True)
    group_presents = models.BooleanField(_("the group tells its story"), default=False)
    decline_reason = models.TextField(_("reason"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    # The evaluation: counts only, never who said what.
    evaluated_at = models.DateTimeField(null=True, blank=True)
    attendees = models.PositiveSmallIntegerField(_("people present"), null=True, blank=True)
    found_useful = models.PositiveSmallIntegerField(_("found it useful"), null=True, blank=True)
    will_refer = models.PositiveSmallIntegerField(_("now know where to refer people"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    contact_cleared_at = models.DateTimeField(null=True, blank=True)

    objects = PresentationQuerySet.as_manager()

    class Meta:
        verbose_name = _("presentation request")
        verbose_name_plural = _("presentation requests")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="asked") | Q(status="declined") | Q(starts_at__isnull=False),
                name="presentation_planned_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.team} ({self.organisation})"

    @property
    def ends_at(self) -> datetime.datetime | None:
        return self.starts_at + datetime.timedelta(minutes=self.minutes) if self.starts_at else None

    @property
    def is_over(self) -> bool:
        return self.status == Status.PLANNED and self.starts_at is not None and self.starts_at <= timezone.now()

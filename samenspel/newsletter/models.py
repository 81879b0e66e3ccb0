"""An issue of the newsletter and the addresses it goes to (see __init__.py)."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.directory.models import Group, Organisation
from samenspel.learning.models import CourseRun


class IssueQuerySet(models.QuerySet["Issue"]):
    def for_support_point(self, support_point: Organisation) -> IssueQuerySet:
        return self.filter(support_point=support_point)


class Issue(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    support_point = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="newsletter_issues",
        limit_choices_to={"kind": "support_point"},
    )
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("a few words of your own"), blank=True)
    new_groups: models.ManyToManyField[Group, Any] = models.ManyToManyField(
        Group, blank=True, related_name="+", verbose_name=_("new groups")
    )
    looking_groups: models.ManyToManyField[Group, Any] = models.ManyToManyField(
        Group, blank=True, related_name="+", verbose_name=_("groups looking for members")
    )
    runs: models.ManyToManyField[CourseRun, Any] = models.ManyToManyField(
        CourseRun, blank=True, related_name="+", verbose_name=_("trainings and information sessions")
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    # How many addresses it went to in all (a count, never who).
    sent_count = models.PositiveIntegerField(default=0)

    objects = IssueQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class SubscriberQuerySet(models.QuerySet["Subscriber"]):
    def for_support_point(self, support_point: Organisation) -> SubscriberQuerySet:
        return self.filter(support_point=support_point)

    def confirmed(self) -> SubscriberQuerySet:
        return self.filter(confirmed_at__isnull=False)


class Subscriber(models.Model):
    """An e-mail address that asked for one support point's newsletter. Stored for that and for nothing else."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    support_point = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", limit_choices_to={"kind": "support_point"}
    )
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=8, default="nl")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    submit_key = models.CharField(max_length=64, unique=True, null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        constraints = [models.UniqueConstraint(fields=["support_point", "email"], name="newsletter_one_address")]

    def __str__(self) -> str:
        # Never the address: this shows up in logs and the audit trail.
        return f"subscriber #{self.pk}"

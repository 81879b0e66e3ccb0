"""A question a citizen asks a group, without an account and without a name.

Keeps the least data that does the job: the message, one way to reply (or
none), and the language to reply in. Deleted after the retention period by
`manage.py purge_expired_questions`.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.directory.models import Group
from samenspel.finder.conf import question_retention_days

MESSAGE_MAX_LENGTH = 2000


class ReplyBy(models.TextChoices):
    EMAIL = "email", _("By e-mail")
    PHONE = "phone", _("By phone")
    NONE = "none", _("I will contact you myself")


class QuestionStatus(models.TextChoices):
    NEW = "new", _("New")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class QuestionQuerySet(models.QuerySet["Question"]):
    def expired(self, today: datetime.date | None = None) -> QuestionQuerySet:
        return self.filter(delete_after__lt=today or timezone.localdate())


class Question(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="questions", verbose_name=_("group"))
    message = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    reply_by = models.CharField(_("reply by"), max_length=8, choices=ReplyBy.choices, default=ReplyBy.EMAIL)
    reply_email = models.EmailField(_("e-mail address for the reply"), blank=True)
    reply_phone = models.CharField(_("phone number for the reply"), max_length=32, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    status = models.CharField(_("status"), max_length=16, choices=QuestionStatus.choices, default=QuestionStatus.NEW)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    delete_after = models.DateField(_("deleted after"), editable=False)
    # A random key the form carries: the same form sent twice (a double click, a retry after a time-out)
    # stores one question. It says nothing about the visitor.
    submit_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["delete_after"])]

    def __str__(self) -> str:
        # Never the message or the visitor's details: this shows up in lists and logs.
        return f"{self.group} · {timezone.localtime(self.created_at):%Y-%m-%d %H:%M}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.delete_after is None:
            self.delete_after = retention_date(timezone.localtime(self.created_at).date())
        super().save(*args, **kwargs)  # type: ignore[arg-type]


def retention_date(created: datetime.date | None = None) -> datetime.date:
    """The date after which a question made on `created` (default today) is deleted."""
    return (created or timezone.localdate()) + datetime.timedelta(days=question_retention_days())

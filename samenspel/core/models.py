from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """One state change: who did what to which object, and when.

    Kept as plain text references (not foreign keys) so the history survives
    the deletion of the object it describes.
    """

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_label = models.CharField(_("who (text)"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=64)
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_repr}"


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Could not be sent")


class OutboxMessage(models.Model):
    """One e-mail to one address, written in the transaction that caused it and sent by the worker.

    A request never waits on the mail server: it stores this row and returns. The worker sends it with
    retries and backoff (`core/outbox.py`). The text can hold what a citizen wrote, so it is wiped as soon as
    the message is sent, and every row is deleted `OUTBOX_RETENTION_DAYS` after it was sent or given up.
    """

    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    kind = models.CharField(_("kind"), max_length=64)
    # One message per cause and address: writing the same key twice keeps the first (a double submit,
    # a retried import, a command run twice).
    key = models.CharField(_("idempotency key"), max_length=200, unique=True, null=True, blank=True)
    to = models.CharField(_("to"), max_length=254)
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("text"))
    from_email = models.CharField(_("from"), max_length=254, blank=True)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    # Small text attachments ([filename, mimetype, text]: a course's .ics), wiped with the text when sent.
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    # Whose failures these are: the support point sees its own undelivered messages. A plain id like the
    # audit log's references, so a message never holds up deleting what caused it.
    support_point_id = models.PositiveBigIntegerField(_("support point"), null=True, blank=True, db_index=True)
    status = models.CharField(_("status"), max_length=16, choices=OutboxStatus.choices, default=OutboxStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    finished_at = models.DateTimeField(_("sent or given up"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outbox")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        # Never the address or the text: this shows up in lists and logs.
        return f"{self.kind} #{self.pk} · {self.get_status_display()}"

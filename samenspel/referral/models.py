"""Referral by professionals: who may refer, their shortlist, counts, and warm handovers.

Privacy (DOMAIN.md, DESIGN.md): a referral slip stores nothing about the
client, only a count per group, professional role and month. A warm handover
exists only with the client's consent; the contact details it may hold are
encrypted, visible only to the group's contact point and its support point,
wiped when the contact point closes it and deleted (row and all) when its
retention ends. The counts survive both.
"""

from __future__ import annotations

import datetime
import secrets
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.directory.models import Group, Organisation, OrganisationKind
from samenspel.referral.conf import delete_after_date
from samenspel.referral.crypto import EncryptedTextField


class ProfessionalRole(models.TextChoices):
    GP = "gp", _("GP (huisarts)")
    POH_GGZ = "poh_ggz", _("Practice nurse mental health (POH-GGZ)")
    SOCIAL_WORKER = "social_worker", _("Social worker")
    NEIGHBOURHOOD_TEAM = "neighbourhood_team", _("Neighbourhood team")
    MENTAL_HEALTH = "mental_health", _("Mental health care")
    ADDICTION_CARE = "addiction_care", _("Addiction care")
    # Invited by a support point in the network room (samenspel/network): refers through this same code path.
    KEY_PERSON = "key_person", _("Key person")
    OTHER = "other", _("Other")


class ProfessionalStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REVOKED = "revoked", _("Access withdrawn")


class ProfessionalQuerySet(models.QuerySet["Professional"]):
    def for_support_point(self, support_point: Organisation) -> ProfessionalQuerySet:
        return self.filter(support_point=support_point)

    def approved(self) -> ProfessionalQuerySet:
        return self.filter(status=ProfessionalStatus.APPROVED)


class Professional(models.Model):
    """A professional who refers: their organisation and role, never anything about their clients."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="professional", verbose_name=_("person")
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    role = models.CharField(_("role"), max_length=24, choices=ProfessionalRole.choices)
    support_point = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="professionals",
        verbose_name=_("support point"),
        limit_choices_to={"kind": OrganisationKind.SUPPORT_POINT},
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ProfessionalStatus.choices, default=ProfessionalStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProfessionalQuerySet.as_manager()

    class Meta:
        verbose_name = _("professional")
        verbose_name_plural = _("professionals")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.get_role_display()}"

    @property
    def is_approved(self) -> bool:
        return self.status == ProfessionalStatus.APPROVED


class AllowedDomain(models.Model):
    """An e-mail domain whose professionals a support point lets in without approving each one."""

    support_point = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="referral_domains", verbose_name=_("support point")
    )
    domain = models.CharField(_("e-mail domain"), max_length=253, help_text=_("For example huisartsen-eindhoven.nl"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("allowed e-mail domain")
        verbose_name_plural = _("allowed e-mail domains")
        ordering = ["domain"]
        constraints = [models.UniqueConstraint(fields=["support_point", "domain"], name="unique_referral_domain")]

    def __str__(self) -> str:
        return self.domain


class ReferralContact(models.Model):
    """Who at a support point professionals can call about referral (a role address, not a person's own)."""

    support_point = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="referral_contact", verbose_name=_("support point")
    )
    email = models.EmailField(_("e-mail for professionals"), blank=True)
    phone = models.CharField(_("phone for professionals"), max_length=32, blank=True)
    note = models.CharField(_("when to reach us"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("referral contact")
        verbose_name_plural = _("referral contacts")

    def __str__(self) -> str:
        return str(self.support_point)


class ShortlistEntry(models.Model):
    """A group a professional refers to often ("groups I refer to")."""

    professional = models.ForeignKey(
        Professional, on_delete=models.CASCADE, related_name="shortlist", verbose_name=_("professional")
    )
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="+", verbose_name=_("group"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("shortlisted group")
        verbose_name_plural = _("shortlisted groups")
        ordering = ["group__name"]
        constraints = [models.UniqueConstraint(fields=["professional", "group"], name="unique_shortlist_entry")]

    def __str__(self) -> str:
        return f"{self.professional_id} · {self.group}"


# Letters and digits that cannot be mistaken for one another when read aloud or typed over.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(raw: str) -> str:
    """What a person typed, as the stored code: case, spaces and dashes do not matter."""
    return "".join(ch for ch in raw.upper() if ch.isascii() and ch.isalnum())[:16]


class GroupCode(models.Model):
    """The short code on a referral slip: typed on the public site, it leads to the group's page."""

    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="referral_code")
    code = models.CharField(_("code"), max_length=16, unique=True)

    class Meta:
        verbose_name = _("short code")
        verbose_name_plural = _("short codes")

    def __str__(self) -> str:
        return self.code

    @property
    def display(self) -> str:
        return f"{self.code[:3]}-{self.code[3:]}"


class CountKind(models.TextChoices):
    SLIP = "slip", _("Referral slip")
    HANDOVER = "handover", _("Warm handover")


def month_of(day: datetime.date | None = None) -> datetime.date:
    day = day or timezone.localdate()
    return day.replace(day=1)


class ReferralCount(models.Model):
    """How often professionals of a role referred to a group in a month. Only numbers: never who."""

    kind = models.CharField(_("kind"), max_length=16, choices=CountKind.choices)
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="+", verbose_name=_("group"))
    role = models.CharField(_("professional role"), max_length=24, choices=ProfessionalRole.choices)
    month = models.DateField(_("month"))
    count = models.PositiveIntegerField(_("number"), default=0)

    class Meta:
        verbose_name = _("referral count")
        verbose_name_plural = _("referral counts")
        constraints = [
            models.UniqueConstraint(fields=["kind", "group", "role", "month"], name="unique_referral_count"),
            models.CheckConstraint(condition=Q(month__day=1), name="referral_count_month_starts_on_day_1"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.group_id} · {self.role} · {self.month:%Y-%m}: {self.count}"


class HandoverKind(models.TextChoices):
    MAY_CONTACT_YOU = "may_contact_you", _("Someone may contact you")
    PLEASE_CONTACT = "please_contact", _("Please contact this person")


class HandoverStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    CONTACTED = "contacted", _("Contacted")
    FIRST_VISIT = "first_visit", _("Came to a first meeting")
    CLOSED = "closed", _("Closed")


# The order statuses go in; a contact point may skip the optional first visit.
STATUS_ORDER = [HandoverStatus.SENT, HandoverStatus.CONTACTED, HandoverStatus.FIRST_VISIT, HandoverStatus.CLOSED]

# The fields that say who the client is: wiped on close, gone with the row at the end of retention.
PERSONAL_FIELDS = ("contact_name", "contact_phone", "contact_email", "preferred_language", "note")
ENCRYPTED_FIELDS = ("contact_name", "contact_phone", "contact_email", "note")


class HandoverQuerySet(models.QuerySet["Handover"]):
    def due_for_deletion(self, today: datetime.date | None = None) -> HandoverQuerySet:
        return self.filter(delete_after__lt=today or timezone.localdate())

    def readable_by(self, user: Any) -> HandoverQuerySet:
        """Handovers to groups the user is a contact person of, or at a support point the user works at."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(Q(group__contacts__user=user) | Q(group__support_point__memberships__user=user)).distinct()


class Handover(models.Model):
    """A warm handover to a group's contact point, made with the client's consent.

    `consent` is always true (a check constraint): without consent nothing is
    stored. Contact details exist only for "please contact this person".
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="handovers", verbose_name=_("group"))
    professional = models.ForeignKey(
        Professional, null=True, on_delete=models.SET_NULL, related_name="handovers", verbose_name=_("sent by")
    )
    # Kept apart from the professional so the count stays right when their account goes.
    role = models.CharField(_("professional role"), max_length=24, choices=ProfessionalRole.choices)
    consent = models.BooleanField(_("the client agreed"))
    kind = models.CharField(_("kind"), max_length=24, choices=HandoverKind.choices)
    contact_name = EncryptedTextField(_("name or first name"), blank=True)
    contact_phone = EncryptedTextField(_("phone"), blank=True)
    contact_email = EncryptedTextField(_("e-mail"), blank=True)
    preferred_language = models.CharField(_("preferred language"), max_length=8, blank=True)
    note = EncryptedTextField(_("note the client agreed to share"), blank=True)
    status = models.CharField(_("status"), max_length=16, choices=HandoverStatus.choices, default=HandoverStatus.SENT)
    created_at = models.DateTimeField(_("sent"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    wiped_at = models.DateTimeField(_("details deleted"), null=True, blank=True)
    delete_after = models.DateField(_("deleted after"), editable=False)

    objects = HandoverQuerySet.as_manager()

    class Meta:
        verbose_name = _("warm handover")
        verbose_name_plural = _("warm handovers")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["delete_after"])]
        constraints = [
            models.CheckConstraint(condition=Q(consent=True), name="handover_needs_consent"),
        ]

    def __str__(self) -> str:
        # Never the client's details: this shows up in lists, logs and the audit trail.
        return f"{self.group} · {timezone.localtime(self.created_at):%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.delete_after is None:
            self.delete_after = delete_after_date(timezone.localtime(self.created_at).date())
        super().save(*args, **kwargs)

    @property
    def has_details(self) -> bool:
        return any(getattr(self, name) for name in PERSONAL_FIELDS)

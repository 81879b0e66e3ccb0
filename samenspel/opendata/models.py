"""API keys: write access to the HSDS API for one support point (its tenant) only."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.directory.models import Organisation, OrganisationKind

KEY_PREFIX = "ssk_"


def hash_key(key: str) -> str:
    # A key is 256 random bits: a plain SHA-256 cannot be reversed by trying, so no slow hash is needed.
    return hashlib.sha256(key.encode()).hexdigest()


class ApiKeyQuerySet(models.QuerySet["ApiKey"]):
    def active(self) -> ApiKeyQuerySet:
        return self.filter(revoked_at__isnull=True)

    def for_support_point(self, support_point: Organisation) -> ApiKeyQuerySet:
        return self.filter(support_point=support_point)


class ApiKey(models.Model):
    """A key a support point's system uses to write to its own part of the map. Only its hash is stored."""

    support_point = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="api_keys",
        verbose_name=_("support point"),
        limit_choices_to={"kind": OrganisationKind.SUPPORT_POINT},
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("What uses the key, for example our CRM."))
    prefix = models.CharField(_("start of the key"), max_length=16, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, *, support_point: Organisation, name: str, created_by: object = None) -> tuple[ApiKey, str]:
        """A new key: the object, and the key itself, which is shown once and never stored."""
        key = KEY_PREFIX + secrets.token_urlsafe(32)
        api_key = cls(support_point=support_point, name=name, prefix=key[:10], key_hash=hash_key(key))
        api_key.created_by = created_by  # type: ignore[assignment]
        api_key.full_clean()
        api_key.save()
        return api_key, key

    @classmethod
    def find(cls, key: str) -> ApiKey | None:
        if not key or not key.startswith(KEY_PREFIX) or len(key) > 200:
            return None
        return cls.objects.active().select_related("support_point").filter(key_hash=hash_key(key)).first()

    def revoke(self) -> None:
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

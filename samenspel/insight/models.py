"""What a municipality sees: aggregate coverage, gaps and referral figures; never anything about a person.

The only row here says who may look at which municipality's figures. A municipality is a name from the
PC4 table (samenspel.directory.postcodes), not a model: the directory's groups belong to one through their
location's postcode.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.directory import postcodes


def validate_municipality(value: str) -> None:
    if not postcodes.is_municipality(value):
        raise ValidationError(
            _("%(name)s is not a Dutch municipality. Write its name as the municipality does, for example Eindhoven."),
            code="unknown_municipality",
            params={"name": value},
        )


class MunicipalityAccessQuerySet(models.QuerySet["MunicipalityAccess"]):
    def for_user(self, user: Any) -> MunicipalityAccessQuerySet:
        return self.filter(user=user) if getattr(user, "is_authenticated", False) else self.none()


class MunicipalityAccess(models.Model):
    """A person at a municipality (or its funder) who may see that municipality's aggregate figures."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="municipality_access",
        verbose_name=_("person"),
    )
    municipality = models.CharField(_("municipality"), max_length=100, validators=[validate_municipality])
    granted_at = models.DateTimeField(_("granted"), default=timezone.now, editable=False)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("granted by"),
    )

    objects = MunicipalityAccessQuerySet.as_manager()

    class Meta:
        verbose_name = _("access for a municipality")
        verbose_name_plural = _("access for municipalities")
        ordering = ["municipality", "user_id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "municipality"], name="unique_municipality_access"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.municipality}"

    @property
    def slug(self) -> str:
        return postcodes.municipality_slug(self.municipality)

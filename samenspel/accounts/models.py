"""A person's own preferences: for now the language Samenspel writes to them in (e-mails and invitations)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The languages the workspace and its e-mails are fully translated into; public pages have more.
MAIL_LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]


class Preference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preference", verbose_name=_("person")
    )
    language = models.CharField(_("language"), max_length=8, choices=MAIL_LANGUAGES, default="nl")

    class Meta:
        verbose_name = _("preference")
        verbose_name_plural = _("preferences")

    def __str__(self) -> str:
        return f"{self.user} · {self.language}"

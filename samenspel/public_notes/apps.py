from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicNotesConfig(AppConfig):
    name = "samenspel.public_notes"
    label = "public_notes"
    verbose_name = _("Notes from the public")

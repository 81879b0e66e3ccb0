from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpacesConfig(AppConfig):
    name = "samenspel.spaces"
    label = "spaces"
    verbose_name = _("Online group spaces")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "samenspel.network"
    verbose_name = _("Key persons and self-organisations")

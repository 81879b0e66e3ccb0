from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "samenspel.network"
    verbose_name = _("Key persons and self-organisations")

    def ready(self) -> None:
        # The help services of the social map travel in the open data beside the peer groups.
        from samenspel.network import open_data
        from samenspel.opendata import extra

        extra.register(open_data.every, open_data.one)

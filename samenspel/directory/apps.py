from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "samenspel.directory"
    label = "directory"
    verbose_name = _("Social map")

    def ready(self) -> None:
        # Importing them connects their signals: the search index and the map version follow every write.
        from samenspel.directory import map_version, search_index  # noqa: F401

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "samenspel.directory"
    label = "directory"
    verbose_name = _("Social map")

    def ready(self) -> None:
        from samenspel.directory import search_index  # noqa: F401  (connects the index signals)

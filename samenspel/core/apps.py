from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "samenspel.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.core.signals import request_finished

        from samenspel.core import checks  # noqa: F401  (registers the production checks)
        from samenspel.core.memory import freeze_when_warm

        request_finished.connect(freeze_when_warm, dispatch_uid="core.freeze_when_warm")

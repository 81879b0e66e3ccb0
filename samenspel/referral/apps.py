from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralConfig(AppConfig):
    name = "samenspel.referral"
    verbose_name = _("Referral by professionals")

    def ready(self) -> None:
        from samenspel.referral.crypto import check_key

        # Fail closed: a wrong key would otherwise surface only when the first handover is sent.
        check_key()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InstrumentsConfig(AppConfig):
    name = "samenspel.instruments"
    verbose_name = _("Instruments")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from samenspel.directory.signals import search_done
        from samenspel.instruments import demand

        search_done.connect(demand.count_search, dispatch_uid="instruments.count_search")
        # The finder's question, by name: this room counts it without importing the finder.
        post_save.connect(demand.count_question, sender="finder.Question", dispatch_uid="instruments.count_question")

from django.contrib import admin

from samenspel.cooperation.models import NationalOffer


@admin.register(NationalOffer)
class NationalOfferAdmin(admin.ModelAdmin[NationalOffer]):
    """Platform staff keep the national list here; support points suggest at /werkplek/<slug>/landelijk-aanbod/."""

    list_display = ("name", "kind", "is_shown", "updated_at")
    list_filter = ("kind", "is_shown")
    search_fields = ("name",)
    filter_horizontal = ("themes",)

"""Warm referral by professionals, under /verwijzen/.

Public: the start page, a page per support point, the code box and the slip.
Professionals: search, shortlist, slips and handovers. Contact points and
support points: handovers, access for professionals, settings and figures.
"""

from django.urls import path

from samenspel.referral.views import handovers, manage, professional, public

app_name = "referral"

urlpatterns = [
    path("", public.index, name="index"),
    path("steunpunt/<slug:slug>/", public.for_professionals, name="for_professionals"),
    path("code/", public.code_lookup, name="code"),
    path("code/<str:code>/", public.code_lookup, name="code_direct"),
    path("briefje/<str:code>/<str:language>/", public.slip, name="slip"),
    path("briefje/<str:code>/<str:language>/pdf/", public.slip_pdf, name="slip_pdf"),
    path("aanmelden/", professional.sign_up, name="sign_up"),
    path("mijn/", professional.home, name="home"),
    path("zoeken/", professional.search, name="search"),
    path("lijst/<slug:slug>/", professional.shortlist_toggle, name="shortlist"),
    path("groep/<slug:slug>/briefje/", professional.slip_make, name="slip_make"),
    path("groep/<slug:slug>/overdracht/", professional.handover_new, name="handover_new"),
    path("overdrachten/", handovers.handover_list, name="handover_list"),
    path("overdracht/<uuid:handover_uuid>/", handovers.handover_detail, name="handover"),
    path("overdracht/<uuid:handover_uuid>/status/", handovers.handover_status, name="handover_status"),
    path("beheer/<slug:slug>/professionals/", manage.professionals, name="professionals"),
    path(
        "beheer/<slug:slug>/professionals/<int:professional_id>/",
        manage.professional_decision,
        name="professional_decision",
    ),
    path("beheer/<slug:slug>/instellingen/", manage.referral_settings, name="settings"),
    path("beheer/<slug:slug>/domeinen/<int:domain_id>/weg/", manage.domain_remove, name="domain_remove"),
    path("beheer/<slug:slug>/cijfers/", manage.figures, name="figures"),
]

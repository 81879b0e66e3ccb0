"""Key persons and self-organisations, under /netwerk/."""

from django.urls import path

from samenspel.network import views

app_name = "network"

urlpatterns = [
    path("", views.home, name="home"),
    path("profiel/", views.profile, name="profile"),
    path("contact/", views.contact_new, name="contact_new"),
    path("toeleiding/", views.journeys, name="journeys"),
    path("toeleiding/<uuid:journey_uuid>/", views.journey, name="journey"),
    path("kring/", views.circle, name="circle"),
    path("signalen/", views.signals, name="signals"),
    path("hulp/", views.help_map, name="help_map"),
    path("hulp/voorstel/", views.help_suggest, name="help_suggest"),
    path("contacten/", views.sister_contacts, name="sister_contacts"),
    path("beheer/<slug:slug>/hulp/", views.help_services, name="help_services"),
    path("beheer/<slug:slug>/hulp/<uuid:service_uuid>/", views.help_service, name="help_service"),
    path(
        "beheer/<slug:slug>/hulp/voorstel/<uuid:suggestion_uuid>/",
        views.help_suggestion_decide,
        name="help_suggestion_decide",
    ),
    path("beheer/<slug:slug>/contacten/", views.sister_contacts_manage, name="sister_contacts_manage"),
    path(
        "beheer/<slug:slug>/signalen/<uuid:signal_uuid>/initiatief/", views.signal_initiative, name="signal_initiative"
    ),
    path("bijeenkomst/<uuid:meeting_uuid>/", views.meeting, name="meeting"),
    path("beheer/<slug:slug>/bijeenkomsten/", views.meetings, name="meetings"),
    path("steunpunt/<slug:slug>/", views.public, name="public"),
    path("beheer/<slug:slug>/sleutelpersonen/", views.key_persons, name="key_persons"),
    path(
        "beheer/<slug:slug>/sleutelpersonen/<uuid:key_person_uuid>/einde/", views.key_person_end, name="key_person_end"
    ),
    path("beheer/<slug:slug>/cijfers/", views.figures, name="figures"),
    path("beheer/<slug:slug>/zelforganisaties/", views.ties, name="ties"),
    path("beheer/<slug:slug>/zelforganisaties/<uuid:tie_uuid>/", views.tie, name="tie"),
    path(
        "beheer/<slug:slug>/zelforganisaties/<uuid:tie_uuid>/rondgang/", views.tour_report_new, name="tour_report_new"
    ),
    path("rondgang/<str:token>/", views.tour_confirm, name="tour_confirm"),
]

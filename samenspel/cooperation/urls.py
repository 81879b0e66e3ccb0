"""Support points together: all pages under /werkplek/ (signed in).

Mounted by samenspel/urls.py before the workspace, whose `<slug>/` would take these paths otherwise.
"""

from django.urls import path

from samenspel.cooperation import views

app_name = "cooperation"

urlpatterns = [
    path("werkplek/vraag/<str:ref>/doorsturen/", views.forward_question, name="forward_question"),
    path(
        "werkplek/aanmelding/<uuid:registration_uuid>/doorsturen/",
        views.forward_registration,
        name="forward_registration",
    ),
    path("werkplek/doorgestuurd/<uuid:question_uuid>/", views.forwarded_question, name="forwarded_question"),
    path("werkplek/landelijk-aanbod/", views.national_list, name="national_list"),
    path("werkplek/landelijk-aanbod/voorstellen/", views.suggestions, name="suggestions"),
    path("werkplek/<slug:slug>/doorgestuurd/", views.forwarded, name="forwarded"),
    path("werkplek/<slug:slug>/buren/", views.neighbours, name="neighbours"),
    path("werkplek/<slug:slug>/landelijk-aanbod/voorstellen/", views.suggest, name="suggest"),
]

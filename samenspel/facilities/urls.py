"""Rooms, under /werkplek/. Mounted by samenspel/urls.py before the workspace, whose `<slug>/` would take them."""

from django.urls import path

from samenspel.facilities import views

app_name = "facilities"

urlpatterns = [
    path("werkplek/<slug:slug>/zalen/", views.rooms, name="rooms"),
    path("werkplek/<slug:slug>/zalen/<uuid:room_uuid>/", views.room, name="room"),
    path("werkplek/<slug:slug>/zaalaanvragen/", views.requests, name="requests"),
    path("werkplek/zaalaanvraag/<uuid:request_uuid>/", views.request_detail, name="request"),
    path("werkplek/groep/<uuid:group_uuid>/zaal-aanvragen/", views.ask, name="ask"),
    path("werkplek/<slug:slug>/sprekers/", views.speakers, name="speakers"),
    path("werkplek/<slug:slug>/sprekers/<uuid:speaker_uuid>/", views.speaker, name="speaker"),
    path("werkplek/groep/<uuid:group_uuid>/spreker-aanvragen/", views.speaker_ask, name="speaker_ask"),
    path("werkplek/ondersteuning/<uuid:request_uuid>/spreker/", views.speaker_link, name="speaker_link"),
]

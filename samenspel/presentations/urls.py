"""Presentations for teams. Mounted by samenspel/urls.py before the workspace, whose `<slug>/` would take these."""

from django.urls import path

from samenspel.presentations import views

app_name = "presentations"

urlpatterns = [
    path("presentaties/", views.mine, name="mine"),
    path("presentaties/<slug:slug>/aanvragen/", views.ask, name="ask"),
    path("presentaties/aanvraag/<uuid:request_uuid>/", views.request_detail, name="request"),
    path("werkplek/<slug:slug>/presentaties/", views.queue, name="queue"),
]

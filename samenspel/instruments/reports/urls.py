"""The year reports: /gemeente/<slug>/jaarverslag/ and /werkplek/<slug>/jaarverslag/."""

from django.urls import path

from samenspel.instruments.reports import views

app_name = "reports"

urlpatterns = [
    path("gemeente/<slug:slug>/jaarverslag/", views.municipality_report, name="municipality"),
    path("werkplek/<slug:slug>/jaarverslag/", views.support_point_report, name="support_point"),
]

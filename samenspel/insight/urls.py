"""Insight for municipalities, under /gemeente/."""

from django.urls import path

from samenspel.insight import views

app_name = "insight"

urlpatterns = [
    path("<slug:slug>/", views.coverage, name="coverage"),
    path("<slug:slug>/verwijzingen/", views.referrals, name="referrals"),
]

"""Warm referral by professionals, under /verwijzen/."""

app_name = "referral"

urlpatterns: list = []

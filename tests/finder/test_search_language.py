"""The search form in the page's language: options are translated for each request, not once at import."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

pytestmark = pytest.mark.django_db


def distance_option(code: str, km: int = 5) -> str:
    with translation.override(code):
        return translation.gettext("within %(km)s km") % {"km": km}


def test_the_distance_choices_follow_the_language_of_each_request(reference: None) -> None:
    # The first request fixes nothing: each page shows the options in its own language.
    dutch = Client(HTTP_ACCEPT_LANGUAGE="nl").get("/").content.decode()
    assert "binnen 5 km" in dutch
    for code in ("ar", "ti"):
        html = Client(HTTP_ACCEPT_LANGUAGE=code).get("/").content.decode()
        assert f'<html lang="{code}"' in html
        assert distance_option(code) != "binnen 5 km", f"'within %(km)s km' is not translated into {code}"
        assert f">{distance_option(code)}</option>" in html
        assert "binnen 5 km" not in html


def test_the_language_cookie_sets_the_distance_choices_too(reference: None) -> None:
    client = Client()
    client.cookies["django_language"] = "ar"
    html = client.get("/").content.decode()
    assert f">{distance_option('ar', 50)}</option>" in html

"""Languages on the public map: the visitor's browser language, a switch that keeps the search, right-to-left."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

pytestmark = pytest.mark.django_db

PUBLIC_LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("code", PUBLIC_LANGUAGES)
def test_the_browser_language_is_honoured_on_the_first_visit(code: str) -> None:
    html = Client(HTTP_ACCEPT_LANGUAGE=f"{code},en;q=0.5").get("/").content.decode()
    assert f'<html lang="{code}"' in html
    direction = "rtl" if code in ("ar", "fa") else "ltr"
    assert f'dir="{direction}"' in html


@pytest.mark.parametrize("code", PUBLIC_LANGUAGES)
def test_the_search_page_is_translated_in_every_public_language(code: str) -> None:
    with translation.override("en"):
        english = translation.gettext("Find a peer group")
    with translation.override(code):
        translated = translation.gettext("Find a peer group")
    if code == "en":
        assert translated == english
    else:
        assert translated != english, f"'Find a peer group' is not translated into {code}"


def test_switching_language_keeps_the_current_search() -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    response = client.post("/i18n/setlang/", {"language": "ar", "next": "/?q=rouw&place=5611"})
    assert response.status_code == 302
    assert response["Location"] == "/?q=rouw&place=5611"
    html = client.get(response["Location"]).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'value="rouw"' in html


def test_the_language_switch_refuses_to_send_people_to_another_site() -> None:
    response = Client().post("/i18n/setlang/", {"language": "en", "next": "https://evil.example.com/"})
    assert response["Location"] == "/"

"""Knowledge pages in plain language (#17 point 5): shipped in Dutch and English, public without an account, in
every interface language (falling back to Dutch or English, and saying so), leading to the search."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from samenspel.learning.knowledge import written_in
from samenspel.learning.models import KnowledgePage

pytestmark = pytest.mark.django_db


def _get(url: str, language: str) -> Any:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    return client.get(url)


def test_the_shipped_pages_speak_to_citizens_relatives_founders_and_professionals() -> None:
    pages = {p.slug: p for p in KnowledgePage.objects.filter(published=True)}
    assert {p.audience for p in pages.values()} == {"citizens", "relatives", "founders", "professionals"}
    peer_group = pages["wat-is-een-lotgenotengroep"]
    assert written_in(peer_group, "nl") and written_in(peer_group, "en") and not written_in(peer_group, "ar")


def test_a_visitor_reads_what_a_peer_group_is_in_english_with_its_lists_and_the_way_to_the_search() -> None:
    response = _get(reverse("learning:knowledge_page", args=["wat-is-een-lotgenotengroep"]), "en")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>What is a peer group?</h1>" in page
    assert "<li>Many groups have a trial meeting. After it you choose whether you stay.</li>" in page
    assert "not yet written in your language" not in page
    assert f'href="{reverse("finder:search")}"' in page


def test_in_arabic_the_page_reads_right_to_left_and_says_it_is_not_yet_in_arabic() -> None:
    page = _get(reverse("learning:knowledge_page", args=["wat-is-een-lotgenotengroep"]), "ar").content.decode()
    assert 'dir="rtl"' in page
    assert "Wat is een lotgenotengroep?" in page or "What is a peer group?" in page
    assert 'class="note"' in page


def test_the_index_groups_the_pages_by_reader_and_hides_unpublished_ones() -> None:
    KnowledgePage.objects.create(slug="concept", audience="municipalities", title_nl="Concept", body_nl="x")
    page = _get(reverse("learning:knowledge"), "en").content.decode()
    assert "For professionals" in page and "For relatives" in page
    assert "Concept" not in page
    assert _get(reverse("learning:knowledge_page", args=["concept"]), "en").status_code == 404

"""Knowledge pages in plain language (#17 point 5): shipped in Dutch and English, the citizen pages also in the
seven public languages; public without an account (right to left in Arabic and Persian), printable, leading to the
search; linked from the footer, the nothing-found search and the page for professionals. Platform staff change a
page at once; a support point's change waits for their review before anyone sees it."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from samenspel.learning import knowledge
from samenspel.learning.knowledge import written_in
from samenspel.learning.models import KnowledgeEdit, KnowledgeEditStatus, KnowledgePage
from tests.learning.conftest import verified_client
from tests.personas import client_for

pytestmark = pytest.mark.django_db

PUBLIC_LANGUAGES = ("ar", "fa", "pl", "so", "ti", "tr", "uk")
CITIZEN_PAGES = ("wat-is-een-lotgenotengroep", "voor-naasten")
PEER_GROUP = reverse("learning:knowledge_page", args=["wat-is-een-lotgenotengroep"])


def _get(url: str, language: str) -> Any:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    return client.get(url)


def test_the_shipped_pages_speak_to_citizens_relatives_founders_and_professionals() -> None:
    pages = {p.slug: p for p in KnowledgePage.objects.filter(published=True)}
    assert {p.audience for p in pages.values()} == {"citizens", "relatives", "founders", "professionals"}
    peer_group = pages["wat-is-een-lotgenotengroep"]
    assert written_in(peer_group, "nl") and written_in(peer_group, "en")
    assert not written_in(pages["een-groep-beginnen"], "ar")


@pytest.mark.parametrize("slug", CITIZEN_PAGES)
def test_the_citizen_pages_are_written_in_every_public_language_with_the_same_lists(slug: str) -> None:
    page = KnowledgePage.objects.get(slug=slug)
    dutch = [(kind, len(parts)) for kind, parts in page.blocks()]
    for language in PUBLIC_LANGUAGES:
        assert written_in(page, language), language
        assert getattr(page, f"title_{language}") and getattr(page, f"summary_{language}")
        body = getattr(page, f"body_{language}")
        assert [(kind, len(parts)) for kind, parts in KnowledgePage(body=body).blocks()] == dutch, language


def test_a_visitor_reads_what_a_peer_group_is_in_english_with_its_lists_and_the_way_to_the_search() -> None:
    response = _get(PEER_GROUP, "en")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>What is a peer group?</h1>" in page
    assert "<li>Many groups have a trial meeting. After it you choose whether you stay.</li>" in page
    assert "not yet written in your language" not in page
    assert f'href="{reverse("finder:search")}"' in page


@pytest.mark.parametrize(("language", "title"), [("ar", "ما هي مجموعة دعم الأقران؟"), ("fa", "گروه همتایان چیست؟")])
def test_in_arabic_and_persian_the_page_is_in_that_language_right_to_left(language: str, title: str) -> None:
    page = _get(PEER_GROUP, language).content.decode()
    assert 'dir="rtl"' in page
    assert f"<h1>{title}</h1>" in page
    assert 'class="note"' not in page


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("pl", "Czym jest grupa wzajemnego wsparcia?"),
        ("so", "Waa maxay koox is-taageero?"),
        ("ti", "ጉጅለ ምትሕግጋዝ እንታይ እዩ?"),
        ("tr", "Akran destek grubu nedir?"),
        ("uk", "Що таке група взаємопідтримки?"),
    ],
)
def test_the_other_public_languages_read_left_to_right(language: str, title: str) -> None:
    page = _get(PEER_GROUP, language).content.decode()
    assert 'dir="ltr"' in page and f"<h1>{title}</h1>" in page


def test_a_page_not_yet_in_arabic_says_so() -> None:
    page = _get(reverse("learning:knowledge_page", args=["een-groep-beginnen"]), "ar").content.decode()
    assert 'dir="rtl"' in page and 'class="note"' in page


def test_the_page_prints_without_menus_and_with_its_address() -> None:
    page = _get(PEER_GROUP, "nl").content.decode()
    assert "learning/knowledge-print" in page
    assert 'class="print-only"' in page and "http://testserver/leren/kennis/wat-is-een-lotgenotengroep/" in page
    css = (knowledge.Path(knowledge.__file__).parent / "static" / "learning" / "knowledge-print.css").read_text()
    assert "@media print" in css and ".no-print { display: none" in css


def test_the_index_groups_the_pages_by_reader_and_hides_unpublished_ones() -> None:
    KnowledgePage.objects.create(slug="concept", audience="municipalities", title_nl="Concept", body_nl="x")
    page = _get(reverse("learning:knowledge"), "en").content.decode()
    assert "For professionals" in page and "For relatives" in page
    assert "Concept" not in page
    assert _get(reverse("learning:knowledge_page", args=["concept"]), "en").status_code == 404


def test_the_footer_the_nothing_found_search_and_the_professionals_page_link_to_the_knowledge(
    support_point: Any,
) -> None:
    home = _get(reverse("finder:search"), "en").content.decode()
    assert f'href="{reverse("learning:knowledge")}"' in home  # the footer, on every public page
    nothing = _get(reverse("finder:search") + "?q=zzzqqqxxyy&place=", "en").content.decode()
    assert 'class="nothing-found"' in nothing and f'href="{PEER_GROUP}"' in nothing
    professionals = _get(reverse("referral:for_professionals", args=[support_point.slug]), "en").content.decode()
    assert f'href="{reverse("learning:knowledge_page", args=["voor-professionals"])}"' in professionals


# Editing and review ---------------------------------------------------------------------------------------------


def _edit_url(slug: str = "voor-naasten") -> str:
    return reverse("learning:knowledge_edit", args=[slug])


def test_a_support_points_change_waits_for_review_and_only_then_is_public(personas: dict[str, Any]) -> None:
    editor, staff = personas["editor"], personas["staff"]
    url = reverse("learning:knowledge_page", args=["voor-naasten"])
    before = _get(url, "tr").content.decode()
    response = client_for(editor).post(
        _edit_url(),
        {"language": "tr", "title": "Yakınlar için", "summary": "Kısa.", "body": "Yeni metin.\n\n- bir\n- iki"},
    )
    assert response.status_code == 302
    edit = KnowledgeEdit.objects.get()
    assert edit.status == KnowledgeEditStatus.WAITING and edit.support_point is not None
    assert _get(url, "tr").content.decode() == before  # nothing public yet

    review = verified_client(staff).get(reverse("learning:knowledge_review")).content.decode()
    assert "Yeni metin." in review and edit.support_point.name in review
    verified_client(staff).post(reverse("learning:knowledge_review_decide", args=[edit.uuid]), {"decision": "accept"})
    edit.refresh_from_db()
    assert edit.status == KnowledgeEditStatus.ACCEPTED and edit.reviewed_by == staff
    after = _get(url, "tr").content.decode()
    assert "<h1>Yakınlar için</h1>" in after and "<li>iki</li>" in after
    # The other languages stayed as they were.
    assert "<h1>For relatives: when someone you love has a hard time</h1>" in _get(url, "en").content.decode()


def test_a_change_that_is_not_accepted_leaves_the_page_and_tells_the_support_point_why(
    personas: dict[str, Any],
) -> None:
    page = KnowledgePage.objects.get(slug="voor-naasten")
    edit = knowledge.knowledge_edit_submit(
        page=page, language="nl", title="Iets anders", summary="", body="Andere tekst.", actor=personas["manager"]
    )
    verified_client(personas["staff"]).post(
        reverse("learning:knowledge_review_decide", args=[edit.uuid]),
        {"decision": "reject", "note": "Niet in eenvoudige taal."},
    )
    page.refresh_from_db()
    assert page.title_nl.startswith("Voor naasten") and "Andere tekst." not in page.body_nl
    mine = client_for(personas["manager"]).get(_edit_url()).content.decode()
    assert "Niet in eenvoudige taal." in mine
    # Reviewed once: a second decision is refused.
    with pytest.raises(knowledge.ValidationError):
        knowledge.knowledge_edit_review(edit=edit, accept=True, note="", actor=personas["staff"])


def test_platform_staff_change_a_page_at_once(personas: dict[str, Any]) -> None:
    response = verified_client(personas["staff"]).post(
        _edit_url(), {"language": "pl", "title": "Dla bliskich", "summary": "", "body": "Nowy tekst."}
    )
    assert response.status_code == 302
    assert (
        "<h1>Dla bliskich</h1>"
        in _get(reverse("learning:knowledge_page", args=["voor-naasten"]), "pl").content.decode()
    )
    assert KnowledgeEdit.objects.get().status == KnowledgeEditStatus.ACCEPTED


def test_an_empty_title_or_text_is_refused_with_a_reason_and_nothing_is_written(personas: dict[str, Any]) -> None:
    response = client_for(personas["editor"]).post(
        _edit_url(), {"language": "ar", "title": " ", "summary": "", "body": ""}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Give the page a title." in page and "Write the text of the page." in page
    assert KnowledgeEdit.objects.count() == 0


def test_the_edit_form_shows_the_page_in_the_chosen_language_right_to_left(personas: dict[str, Any]) -> None:
    page = client_for(personas["editor"]).get(_edit_url("wat-is-een-lotgenotengroep") + "?language=fa")
    html = page.content.decode()
    assert 'value="گروه همتایان چیست؟"' in html and 'lang="fa" dir="rtl"' in html

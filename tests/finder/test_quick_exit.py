"""Pages about a taboo theme offer a quick exit and leave no trace in browsers, caches or search engines."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import override_settings

from samenspel.directory.models import Group, Theme
from samenspel.directory.reference_data import SENSITIVE_THEME_SLUGS, ThemeRow, sensitive_slugs
from samenspel.directory.search_index import index_groups

pytestmark = [pytest.mark.django_db(transaction=True)]

EXIT = 'href="https://www.weeronline.nl/"'


@pytest.fixture(autouse=True)
def _cache_on():  # type: ignore[no-untyped-def]
    cache.clear()
    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=300):
        yield
    cache.clear()


@pytest.fixture
def violence_group(group: Group) -> Group:
    group.themes.set([Theme.objects.get(slug="domestic-violence")])
    index_groups([group.pk])
    return group


def test_the_data_file_marks_violence_and_addiction_and_their_children():
    assert {"domestic-violence", "honour-violence", "addiction", "alcohol", "suicide"} <= SENSITIVE_THEME_SLUGS
    assert "depression" not in SENSITIVE_THEME_SLUGS and "grief" not in SENSITIVE_THEME_SLUGS


def test_a_child_inherits_the_mark_of_its_parent():
    def row(slug: str, parent: str | None, **extra: bool) -> ThemeRow:
        return ThemeRow(slug=slug, parent=parent, category="social", source="", label={}, synonyms={}, **extra)  # type: ignore[typeddict-item]

    rows = [
        row("social", None),
        row("violence", "social", sensitive=True),
        row("honour", "violence"),
        row("x", "social"),
    ]
    assert sensitive_slugs(rows) == {"violence", "honour"}


def test_a_group_page_on_violence_at_home_has_a_quick_exit_and_keeps_nothing(client, violence_group):
    response = client.get(f"/groep/{violence_group.slug}/", HTTP_ACCEPT_LANGUAGE="nl")
    page = response.content.decode()
    assert response.status_code == 200
    assert EXIT in page and 'rel="noreferrer"' in page and "quick-exit.js" in page
    assert '<meta name="robots" content="noindex' in page
    assert response["Cache-Control"] == "no-store"
    assert "noindex" in response["X-Robots-Tag"]
    assert not response.has_header("ETag")


def test_the_page_cache_keeps_nothing_of_such_a_page(client, violence_group):
    client.get(f"/groep/{violence_group.slug}/")
    # A write that does not move the map version: a cached copy would still show the old name.
    Group.objects.filter(pk=violence_group.pk).update(name_nl="Veilig thuis")
    assert "Veilig thuis" in client.get(f"/groep/{violence_group.slug}/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()


def test_an_ordinary_group_page_has_no_exit_and_may_be_kept(client, group):
    index_groups([group.pk])
    response = client.get(f"/groep/{group.slug}/")
    assert EXIT not in response.content.decode()
    assert response["Cache-Control"] == "no-cache" and not response.has_header("X-Robots-Tag")
    Group.objects.filter(pk=group.pk).update(name_nl="Iets anders")
    assert "Iets anders" not in client.get(f"/groep/{group.slug}/").content.decode()  # served from the cache


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_a_search_for_violence_at_home_has_a_quick_exit_and_keeps_nothing(client, violence_group, language):
    response = client.get("/", {"q": "huiselijk geweld"}, HTTP_ACCEPT_LANGUAGE=language)
    page = response.content.decode()
    assert violence_group.name_nl in page
    assert EXIT in page and '<meta name="robots" content="noindex' in page
    assert response["Cache-Control"] == "no-store" and "noindex" in response["X-Robots-Tag"]
    Group.objects.filter(pk=violence_group.pk).update(name_nl="Veilig thuis")
    again = client.get("/", {"q": "huiselijk geweld"}, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert "Veilig thuis" in again


def test_a_search_that_finds_a_sensitive_group_by_place_alone_also_keeps_nothing(client, violence_group):
    response = client.get("/", {"place": "5611"})
    assert violence_group.name_nl in response.content.decode()
    assert response["Cache-Control"] == "no-store" and EXIT in response.content.decode()


def test_an_ordinary_search_shows_no_exit(client, group):
    index_groups([group.pk])
    response = client.get("/", {"q": "depressie"})
    assert EXIT not in response.content.decode() and not response.has_header("X-Robots-Tag")


def test_the_question_form_of_such_a_group_also_keeps_nothing(client, violence_group):
    response = client.get(f"/groep/{violence_group.slug}/vraag/")
    assert response["Cache-Control"] == "no-store" and EXIT in response.content.decode()
    sent = client.get(f"/groep/{violence_group.slug}/vraag/verstuurd/")
    assert sent["Cache-Control"] == "no-store" and EXIT in sent.content.decode()

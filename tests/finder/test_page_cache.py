"""Public pages are cached per language and address until the map changes; browsers keep what they may."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings

from samenspel.directory.map_version import map_version
from samenspel.directory.models import Group
from samenspel.directory.services import group_update

pytestmark = [pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _cache_on():  # type: ignore[no-untyped-def]
    cache.clear()
    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=300):
        yield
    cache.clear()


def test_a_group_page_is_built_once_and_then_served_from_the_cache(client, group, django_assert_num_queries):
    first = client.get(f"/groep/{group.slug}/")
    assert first.status_code == 200
    assert first["Cache-Control"] == "no-cache"
    assert "Accept-Language" in first["Vary"] and "Cookie" in first["Vary"]
    with django_assert_num_queries(1):  # the map version, nothing else
        second = client.get(f"/groep/{group.slug}/")
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    # The browser's copy is still good: nothing to send.
    not_modified = client.get(f"/groep/{group.slug}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert not_modified.status_code == 304 and not_modified.content == b""


def test_an_edit_shows_at_once(client, group):
    assert "Lotgenotengroep depressie" in client.get(f"/groep/{group.slug}/").content.decode()
    before = map_version()
    group_update(group=group, actor=None, name_nl="Somberheid samen")
    assert map_version() > before
    page = client.get(f"/groep/{group.slug}/").content.decode()
    assert "Somberheid samen" in page and "Lotgenotengroep depressie" not in page


def test_a_stopped_group_leaves_at_once(client, group):
    assert client.get(f"/groep/{group.slug}/").status_code == 200
    Group.objects.filter(pk=group.pk).update(status="stopped")  # no signal: an index run follows bulk writes
    from samenspel.directory.search_index import index_groups

    index_groups([group.pk])
    assert client.get(f"/groep/{group.slug}/").status_code == 404


def test_each_language_gets_its_own_copy(client, group):
    dutch = client.get(f"/groep/{group.slug}/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    english = client.get(f"/groep/{group.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'lang="nl"' in dutch and 'lang="en"' in english


def test_search_results_are_cached_on_the_server_but_never_kept_by_the_browser(
    client, group, django_assert_num_queries
):
    first = client.get("/", {"q": "depressie"})
    assert first["Cache-Control"] == "no-store"
    assert not first.has_header("ETag")
    with django_assert_num_queries(1):
        assert client.get("/", {"q": "depressie"}).content == first.content


def test_public_pages_set_no_cookie_and_carry_no_token(client, group):
    for url in ("/", f"/groep/{group.slug}/", "/?q=depressie"):
        response = client.get(url)
        assert not response.cookies, url
        assert "csrfmiddlewaretoken" not in response.content.decode(), url


def test_the_language_switch_works_without_a_token(client, group):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/i18n/setlang/", {"language": "en", "next": f"/groep/{group.slug}/"})
    assert response.status_code == 302
    assert 'lang="en"' in strict.get(f"/groep/{group.slug}/").content.decode()


def test_someone_signed_in_gets_fresh_pages(client, group, django_assert_max_num_queries):
    client.cookies["sessionid"] = "anything"
    client.get(f"/groep/{group.slug}/")
    with django_assert_max_num_queries(20) as context:
        client.get(f"/groep/{group.slug}/")
    assert len(context.captured_queries) > 1


def test_a_rolled_back_change_does_not_move_the_version(group):
    before = map_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        group_update(group=group, actor=None, name_nl="Weg")
        raise RuntimeError
    assert map_version() == before
    with transaction.atomic():
        group_update(group=group, actor=None, name_nl="Een")
        group_update(group=group, actor=None, name_nl="Twee")
        assert map_version() == before  # others see the change only once it is committed
    assert map_version() > before


def test_the_public_feeds_are_cached_and_may_be_kept_a_few_minutes(client, group, django_assert_num_queries):
    for url in ("/api/meeting-guide.json", "/api/calendar.ics"):
        first = client.get(url)
        assert first.status_code == 200, url
        assert first["Cache-Control"] == "public, max-age=300"
        with django_assert_num_queries(1):
            again = client.get(url)
        assert again.content == first.content and again["ETag"] == first["ETag"]

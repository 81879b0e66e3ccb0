"""A contact person owns the group's entry, in a real browser without JavaScript (#14, "Done when"): a second
meeting time at a place of its own, hybrid meetings, an offer beside the meetings, the group's own website and a
Tigrinya text, seen on the public page (nl and ar, 320 px, no axe violations), in the HSDS API and in the
Meeting Guide feed; the search form filters on what groups offer."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from samenspel.directory.search_index import index_groups
from tests.browser import assert_fits_320
from tests.browser.axe import check_a11y

pytestmark = pytest.mark.browser


def _link() -> str:
    match = re.search(r"https?://\S+", mail.outbox[-1].body)
    assert match
    return match.group(0)


def test_a_contact_person_adds_a_second_place_hybrid_meetings_and_a_tigrinya_text_and_sees_them_everywhere(
    live_server, make_page, group, contact
) -> None:
    page = make_page(locale="en-GB", javascript=False)
    page.goto(live_server.url + "/werkplek/inloggen/")
    page.fill("#id_link-email", "contact@example.org")
    page.click("button[name=send_link]")
    page.goto(_link())
    page.click("main button[type=submit]")
    page.goto(f"{live_server.url}/werkplek/groep/{group.uuid}/bewerken/?lang=ti")
    check_a11y(page, "group edit page with the new fields")
    page.fill("#id_name_ti", "ጉጅለ ሓባራዊ ደገፍ")
    page.fill("#id_website", "https://www.facebook.com/samensterker")
    page.check("#id_hybrid")
    page.check("#id_one_to_one")
    page.select_option("#id_new_kind", "every_n_weeks")
    page.select_option("#id_new_weekday", "0")
    page.fill("#id_new_interval", "2")
    page.fill("#id_new_start_time", "10:00")
    page.fill("#id_new_end_time", "11:30")
    page.select_option("#id_new_place", "new")
    page.fill("#id_place_name", "Wijkcentrum Woensel")
    page.fill("#id_place_street", "Woenselse Markt 1")
    page.fill("#id_place_postcode", "5612 AA")
    page.click("main form button.primary")
    expect(page.locator(".ws-messages")).to_be_visible()
    group.refresh_from_db()
    assert group.hybrid and group.name_ti == "ጉጅለ ሓባራዊ ደገፍ" and group.schedules.count() == 2
    index_groups([group.pk])

    for locale in ("nl-NL", "ar"):
        visitor = make_page(locale=locale, viewport=(320, 800), javascript=False)
        visitor.goto(f"{live_server.url}/groep/{group.slug}/")
        html = visitor.content()
        assert "Wijkcentrum Woensel" in html and "Woenselse Markt 1" in html
        assert "https://www.facebook.com/samensterker" in html
        assert_fits_320(visitor)
        check_a11y(visitor, f"group page with a second place ({locale})")

    tigrinya = make_page(locale="ti", javascript=False)
    tigrinya.goto(f"{live_server.url}/groep/{group.slug}/")
    assert "ጉጅለ ሓባራዊ ደገፍ" in tigrinya.content()

    api = make_page(javascript=False)
    service = api.request.get(f"{live_server.url}/api/hsds/services/{group.uuid}").json()
    assert service["hybrid"] and service["one_to_one"] and len(service["service_at_locations"]) == 2
    feed = api.request.get(f"{live_server.url}/api/meeting-guide.json").json()
    assert {m.get("address") for m in feed if m["group"] == group.name} == {"Boogstraat 12", "Woenselse Markt 1"}


def test_the_search_form_filters_on_wheelchair_access_without_javascript(live_server, make_page, group) -> None:
    group.location.wheelchair_accessible = True
    group.location.save()
    index_groups([group.pk])
    page = make_page(locale="nl-NL", viewport=(320, 800), javascript=False)
    page.goto(live_server.url + "/")
    page.click("summary")
    page.check("input[name=feature][value=wheelchair]")
    with page.expect_navigation():
        page.click("form.search-form button.primary")
    assert group.name in page.content()
    assert_fits_320(page)
    check_a11y(page, "search with a wheelchair filter")
    page.goto(live_server.url + "/?feature=hearingloop")
    assert group.name not in page.content()

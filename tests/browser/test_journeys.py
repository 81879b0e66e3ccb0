"""Journeys through the public map, as visitors walk them (issue 3, "Done when").

Each journey drives chromium against the live server with the demo region loaded, asserts what the visitor
sees, audits the pages it visits with axe-core, and (through the fixtures) fails on any request to another host.

Interface strings are being translated while these tests are written, so the assertions lean on roles, ids,
URLs, lang/dir attributes and data from the database; where a sentence matters it is compared with gettext in
the same language, which holds whether a translation exists yet or not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import translation
from playwright.sync_api import Page, expect

from samenspel.directory import search as search_service
from samenspel.directory.models import Audience, Gender, Group, Organisation, Theme, ThemeCategory
from samenspel.finder.models import Question, ReplyBy
from tests.browser import assert_fits_320
from tests.browser.axe import check_a11y

pytestmark = pytest.mark.browser

# The results of the search itself; the nothing-found block has lists of its own (related and online groups).
RESULT_LINKS = ".results-section > ol.results > li.result h3 a"
SEARCH_FORM = "form.search-form"
GROUP_URL = re.compile(r"/groep/[\w-]+/$")
QUESTION_URL = re.compile(r"/groep/[\w-]+/vraag/$")
SENT_URL = re.compile(r"/groep/[\w-]+/vraag/verstuurd/$")
FLYER_URL = re.compile(r"/groep/[\w-]+/flyer/$")


# --- helpers ----------------------------------------------------------------------------------------------


def search_via_form(
    page: Page,
    *,
    q: str,
    place: str = "",
    distance: str | None = None,
    gender: str | None = None,
    language: str | None = None,
    submit_with_enter: bool = False,
) -> None:
    """Fill the search form the way a visitor does and submit it (a plain GET: works without JavaScript)."""
    change = page.locator("details.change-search")
    if change.count() and not change.evaluate("el => el.open"):
        # After a search the form is folded away under the summary of the search.
        change.locator(":scope > summary").click()
    form = page.locator(SEARCH_FORM)
    form.locator('input[name="q"]').fill(q)
    form.locator('input[name="place"]').fill(place)
    if distance is not None:
        form.locator('select[name="distance"]').select_option(distance)
    if gender is not None or language is not None:
        more = form.locator("details.more")
        if not more.evaluate("el => el.open"):
            more.locator("summary").click()
        if gender is not None:
            form.locator(f'input[name="gender"][value="{gender}"]').check()
        if language is not None:
            form.locator('select[name="language"]').select_option(language)
    with page.expect_navigation():
        if submit_with_enter:
            form.locator('input[name="q"]').press("Enter")
        else:
            form.locator('button[type="submit"]').click()


def result_groups(page: Page) -> list[Group]:
    """The groups in the result list, in the order shown, from the slugs in their links."""
    hrefs = page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => a.getAttribute('href'))")
    slugs = [urlsplit(href).path.rstrip("/").split("/")[-1] for href in hrefs]
    groups = Group.objects.filter(slug__in=slugs).prefetch_related("themes", "languages")
    by_slug = {group.slug: group for group in groups}
    assert set(by_slug) == set(slugs), f"result links to unknown groups: {set(slugs) - set(by_slug)}"
    return [by_slug[slug] for slug in slugs]


def names_in(code: str, groups: list[Group]) -> list[str]:
    """Group names as the site shows them in `code` (modeltranslation falls back to nl/en)."""
    with translation.override(code):
        return [group.name for group in groups]


def query_of(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def assert_language(page: Page, code: str) -> None:
    html = page.locator("html")
    expect(html).to_have_attribute("lang", code)
    expect(html).to_have_attribute("dir", "rtl" if translation.get_language_info(code)["bidi"] else "ltr")


def has_theme_about(group: Group, slug: str, category: str) -> bool:
    return any(theme.slug == slug or theme.category == category for theme in group.themes.all())


# --- 1. A woman in Eindhoven, searching in Farsi, asks a women's group a question -----------------------------

FARSI_QUERY = "افسردگی زنان"  # "depression women"


def test_a_woman_in_eindhoven_searches_in_farsi_and_asks_a_womens_group_a_question(
    live_server, demo_region, make_page: Callable[..., Page]
) -> None:
    cache.clear()  # the question rate limit counts per client in the cache; start this visitor afresh
    page = make_page(locale="fa")  # Accept-Language: fa, the first visit

    page.goto(live_server.url + "/")
    assert_language(page, "fa")
    expect(page.locator("h1")).to_have_count(1)
    check_a11y(page, "search page, Farsi")

    # Meeting language Farsi: the demo region has Farsi-speaking groups for women in Eindhoven.
    search_via_form(page, q=FARSI_QUERY, place="Eindhoven", distance="10", gender="women", language="fa")
    assert query_of(page)["q"] == [FARSI_QUERY]
    assert query_of(page)["gender"] == ["women"]
    assert_language(page, "fa")

    expected = search_service.search(
        FARSI_QUERY,
        search_service.Filters(place="Eindhoven", distance=10, gender="women", language="fa"),
        interface_language="fa",
    )
    assert expected.total >= 1, "the demo region should have a Farsi women's group near Eindhoven"
    groups = result_groups(page)
    assert len(groups) == min(expected.total, search_service.PAGE_SIZE)
    assert [group.pk for group in groups] == [hit.group.pk for hit in expected.hits]
    expect(page.locator("#results-heading")).to_contain_text(str(expected.total))
    for group in groups:
        assert group.gender == Gender.WOMEN, f"{group.slug} is not a women's group"
        assert "fa" in {language.code for language in group.languages.all()}, f"{group.slug} does not speak Farsi"
        assert any(theme.slug == "depression" for theme in group.themes.all()), f"{group.slug} is not about depression"
    # The names as the group wrote them in Farsi (or its Dutch name when it has none).
    assert [name.strip() for name in page.locator(RESULT_LINKS).all_inner_texts()] == names_in("fa", groups)
    check_a11y(page, "results page, Farsi")

    first = groups[0]
    page.locator(RESULT_LINKS).first.click()
    page.wait_for_url(GROUP_URL)
    assert urlsplit(page.url).path == f"/groep/{first.slug}/"
    assert_language(page, "fa")
    heading = page.locator("h1")
    expect(heading).to_have_text(names_in("fa", [first])[0])
    if first.name_fa:
        expect(heading).to_have_attribute("lang", "fa")
    check_a11y(page, "group page, Farsi")

    page.locator(f'a[href="/groep/{first.slug}/vraag/"]').first.click()
    page.wait_for_url(QUESTION_URL)
    assert_language(page, "fa")
    form = page.locator("form.question-form")
    # The visitor's language is the preferred language for the answer unless she changes it.
    expect(form.locator('select[name="preferred_language"]')).to_have_value("fa")
    check_a11y(page, "question form, Farsi")

    message = "سلام، آیا می‌توانم بدون ثبت نام به جلسه بیایم؟"  # "Hello, can I come to a meeting without signing up?"
    form.locator('textarea[name="message"]').fill(message)
    form.locator(f'input[name="reply_by"][value="{ReplyBy.EMAIL}"]').check()
    form.locator('input[name="reply_email"]').fill("maryam@example.org")
    with page.expect_navigation():
        form.locator('button[type="submit"]').click()

    page.wait_for_url(SENT_URL)
    assert urlsplit(page.url).path == f"/groep/{first.slug}/vraag/verstuurd/"
    assert_language(page, "fa")
    with translation.override("fa"):
        expect(page.locator("h1")).to_have_text(translation.gettext("Your question has been sent"))
    expect(page.locator(f'main a[href="/groep/{first.slug}/"]')).to_be_visible()
    check_a11y(page, "question sent, Farsi")

    question = Question.objects.get(group=first)
    assert question.message == message
    assert question.reply_by == ReplyBy.EMAIL
    assert question.reply_email == "maryam@example.org"
    assert question.preferred_language == "fa"
    assert question.delete_after is not None

    # One e-mail to the group's contact point, one to its support point; a reply goes to the visitor.
    assert first.contact_email and first.support_point and first.support_point.email
    assert len(mail.outbox) == 2
    assert sorted(address for sent in mail.outbox for address in sent.to) == sorted(
        [first.contact_email, first.support_point.email]
    )
    for sent in mail.outbox:
        assert sent.reply_to == ["maryam@example.org"]
        assert message in sent.body
        assert "maryam@example.org" not in sent.subject


# The same four pages, audited in Arabic and Dutch (the issue asks for zero violations in nl and ar).
A11Y_QUERIES = {"ar": "اكتئاب", "nl": "somber"}


@pytest.mark.parametrize("code", ["ar", "nl"])
def test_search_results_group_and_question_pages_pass_axe(
    live_server, demo_region, make_page: Callable[..., Page], code: str
) -> None:
    page = make_page(locale=code)

    page.goto(live_server.url + "/")
    assert_language(page, code)
    check_a11y(page, f"search page, {code}")

    search_via_form(page, q=A11Y_QUERIES[code], place="Eindhoven", gender="women")
    assert_language(page, code)
    groups = result_groups(page)
    assert groups, f"no results for {A11Y_QUERIES[code]!r} near Eindhoven"
    assert all(group.gender == Gender.WOMEN for group in groups)
    check_a11y(page, f"results page, {code}")

    page.locator(RESULT_LINKS).first.click()
    page.wait_for_url(GROUP_URL)
    expect(page.locator("h1")).to_have_text(names_in(code, groups[:1])[0])
    check_a11y(page, f"group page, {code}")

    page.locator(f'a[href="/groep/{groups[0].slug}/vraag/"]').first.click()
    page.wait_for_url(QUESTION_URL)
    assert_language(page, code)
    check_a11y(page, f"question form, {code}")


# --- 2. A father whose son is addicted, near Helmond --------------------------------------------------------


def test_a_father_typing_verslaafde_zoon_near_helmond_finds_a_group_for_relatives_about_addiction(
    live_server, demo_region, page: Page
) -> None:
    page.goto(live_server.url + "/")
    search_via_form(page, q="verslaafde zoon", place="Helmond")
    assert query_of(page)["place"] == ["Helmond"]

    groups = result_groups(page)
    assert groups, "no results for 'verslaafde zoon' near Helmond"
    first = groups[0]
    assert first.audience in (Audience.RELATIVES, Audience.BOTH), f"first result {first.slug} is for {first.audience}"
    assert has_theme_about(first, "addiction", ThemeCategory.ADDICTION), (
        f"first result {first.slug} is not about addiction"
    )
    expect(page.locator(RESULT_LINKS).first).to_have_text(names_in("nl", [first])[0])
    if first.audience == Audience.RELATIVES:
        with translation.override("nl"):
            expect(
                page.locator(".results-section > ol.results > li.result").first.locator(".tag-audience")
            ).to_contain_text(translation.gettext("for relatives"))
    # The page says what it understood: addiction, for relatives.
    with translation.override("nl"):
        addiction = Theme.objects.get(slug="addiction").label
        for_relatives = translation.gettext("for relatives")
    understood = page.locator("p.understood .tag")
    expect(understood.filter(has_text=addiction)).to_have_count(1)
    expect(understood.filter(has_text=for_relatives)).to_have_count(1)
    check_a11y(page, "results for 'verslaafde zoon' near Helmond")


# --- 3. A typo is forgiven ------------------------------------------------------------------------------------


def test_a_query_with_a_typo_is_corrected_and_finds_depression_groups(live_server, demo_region, page: Page) -> None:
    page.goto(live_server.url + "/")
    search_via_form(page, q="depresie")

    correction = page.locator(".results-section p.notice", has=page.locator("del"))
    expect(correction).to_be_visible()
    expect(correction.locator("del")).to_have_text("depresie")
    expect(correction.locator("ins")).to_be_visible()
    expect(correction.locator("ins")).to_have_text(re.compile(r"^depressie$", re.IGNORECASE))

    groups = result_groups(page)
    assert groups, "no results for 'depresie'"
    about_depression = [g for g in groups if any(t.slug == "depression" for t in g.themes.all())]
    assert about_depression, "the results hold no depression group"
    assert groups[0] in about_depression
    check_a11y(page, "results for the typo 'depresie'")


# --- 4. Nothing matches ---------------------------------------------------------------------------------------


def test_a_query_with_no_match_says_so_and_points_to_the_support_point(live_server, demo_region, page: Page) -> None:
    page.goto(live_server.url + "/")
    search_via_form(page, q="qwxzv", place="Eindhoven")

    expect(page.locator(RESULT_LINKS)).to_have_count(0)
    with translation.override("nl"):
        zero = translation.ngettext("%(counter)s group found", "%(counter)s groups found", 0) % {"counter": 0}
    expect(page.locator("#results-heading")).to_contain_text(zero)

    nothing_found = page.locator(".results-section .nothing-found")
    expect(nothing_found).to_be_visible()
    support_points = nothing_found.locator("ul.support-points > li")
    expect(support_points.first).to_be_visible()
    names = [name.strip() for name in support_points.locator("strong").all_inner_texts()]
    assert names, "no support point to contact"
    for name in names:
        point = Organisation.objects.get(name=name)
        entry = support_points.filter(has_text=name)
        if point.email:
            expect(entry.locator(f'a[href="mailto:{point.email}"]')).to_be_visible()
        if point.phone:
            expect(entry.locator('a[href^="tel:"]')).to_have_text(point.phone)
        assert point.email or point.phone, f"{name} has no way to be contacted"
    check_a11y(page, "no results for 'qwxzv' near Eindhoven")


# --- 5. Printing a flyer --------------------------------------------------------------------------------------


def test_printing_a_flyer_for_a_group(live_server, demo_region, page: Page) -> None:
    group = Group.objects.public().filter(slug__startswith="vrouwengroep-in-het-farsi").order_by("slug").first()
    assert group is not None
    page.goto(f"{live_server.url}/groep/{group.slug}/")
    check_a11y(page, "group page, Dutch")

    # Printing the group page itself leaves out the site's header and the buttons.
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator("ul.actions")).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    page.emulate_media(media="screen")

    page.locator(f'a[href="/groep/{group.slug}/flyer/"]').click()
    page.wait_for_url(FLYER_URL)
    with translation.override("nl"):
        nl_name = group.name
    blocks = page.locator("section.flyer-block")
    expect(blocks.first).to_have_attribute("lang", "nl")
    expect(blocks.first.locator("h1")).to_have_text(nl_name)
    if group.name_fa:
        farsi = page.locator('section.flyer-block[lang="fa"]')
        expect(farsi).to_have_attribute("dir", "rtl")
        expect(farsi.locator("h1")).to_have_text(group.name_fa)
    qr = page.locator(".flyer-qr > svg")
    expect(qr).to_have_count(1)
    expect(qr).to_be_visible()
    expect(page.locator(".flyer-url")).to_have_text(f"{live_server.url}/groep/{group.slug}/")
    check_a11y(page, "flyer, screen")

    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_have_count(0)
    expect(page.locator(SEARCH_FORM)).to_have_count(0)
    expect(page.locator("nav.screen-only")).to_be_hidden()
    expect(blocks.first.locator("h1")).to_be_visible()
    expect(qr).to_be_visible()

    pdf_link = page.locator(f'a[href="/groep/{group.slug}/flyer.pdf"]')
    expect(pdf_link).to_have_count(1)
    response = page.request.get(live_server.url + pdf_link.get_attribute("href"))
    assert response.ok
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")

    # A printed list of search results: no header, no search form, no pager.
    page.emulate_media(media="screen")
    page.goto(live_server.url + "/?" + urlencode({"q": "depressie", "place": "Eindhoven"}))
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(SEARCH_FORM)).to_be_hidden()
    expect(page.locator(RESULT_LINKS).first).to_be_visible()


# --- 6. A cheap phone, 320 px, no JavaScript, in Arabic ---------------------------------------------------------


def test_arabic_at_320px_without_javascript(live_server, demo_region, make_page: Callable[..., Page]) -> None:
    cache.clear()
    page = make_page(locale="ar", viewport=(320, 800), javascript=False)

    page.goto(live_server.url + "/")
    assert_language(page, "ar")
    assert_fits_320(page)
    check_a11y(page, "search page, Arabic, 320 px")

    search_via_form(page, q="اكتئاب", place="Eindhoven", submit_with_enter=True)
    assert query_of(page)["q"] == ["اكتئاب"]
    assert query_of(page)["place"] == ["Eindhoven"]
    groups = result_groups(page)
    assert groups, "no results for 'اكتئاب' near Eindhoven"
    assert all(any(t.slug == "depression" for t in g.themes.all()) for g in groups[:3])
    assert_fits_320(page)
    check_a11y(page, "results page, Arabic, 320 px")

    # The filters in "more choices" open without JavaScript (<details>), and the button submits.
    search_via_form(page, q="اكتئاب", place="Eindhoven", gender="women")
    assert query_of(page)["gender"] == ["women"]
    women = result_groups(page)
    assert women and all(group.gender == Gender.WOMEN for group in women)
    assert_fits_320(page)

    page.locator(RESULT_LINKS).first.click()
    page.wait_for_url(GROUP_URL)
    expect(page.locator("h1")).to_have_text(names_in("ar", women[:1])[0])
    assert_fits_320(page)
    check_a11y(page, "group page, Arabic, 320 px")

    page.locator(f'a[href="/groep/{women[0].slug}/vraag/"]').first.click()
    page.wait_for_url(QUESTION_URL)
    assert_language(page, "ar")
    assert_fits_320(page)
    check_a11y(page, "question form, Arabic, 320 px")

    # The question form posts without JavaScript too.
    form = page.locator("form.question-form")
    form.locator('textarea[name="message"]').fill("هل يمكنني الحضور دون تسجيل؟")
    form.locator(f'input[name="reply_by"][value="{ReplyBy.NONE}"]').check()
    with page.expect_navigation():
        form.locator('button[type="submit"]').click()
    page.wait_for_url(SENT_URL)
    assert_fits_320(page)
    assert Question.objects.filter(group=women[0], reply_by=ReplyBy.NONE, preferred_language="ar").count() == 1


# --- 7. The language switch keeps the search --------------------------------------------------------------------


def test_the_language_switch_keeps_the_current_search(live_server, demo_region, page: Page) -> None:
    page.goto(live_server.url + "/?" + urlencode({"q": "rouw", "place": "Helmond", "distance": "25"}))
    assert_language(page, "nl")
    before = result_groups(page)
    assert before, "no results for 'rouw' near Helmond"

    switch = page.locator("form.lang-switch")
    switch.locator('select[name="language"]').select_option("ar")
    with page.expect_navigation():
        switch.locator('button[type="submit"]').click()

    assert urlsplit(page.url).path == "/"
    query = query_of(page)
    assert query["q"] == ["rouw"]
    assert query["place"] == ["Helmond"]
    assert query["distance"] == ["25"]
    assert_language(page, "ar")
    expect(page.locator(f'{SEARCH_FORM} input[name="q"]')).to_have_value("rouw")
    expect(page.locator(f'{SEARCH_FORM} input[name="place"]')).to_have_value("Helmond")
    expect(page.locator('form.lang-switch select[name="language"]')).to_have_value("ar")
    assert [g.pk for g in result_groups(page)] == [g.pk for g in before]

    # And back: the choice sticks (a cookie), not the browser's Accept-Language.
    switch.locator('select[name="language"]').select_option("nl")
    with page.expect_navigation():
        switch.locator('button[type="submit"]').click()
    assert_language(page, "nl")
    assert query_of(page)["q"] == ["rouw"]

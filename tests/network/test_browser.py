"""The key persons' room in a real browser, without JavaScript (issue 15, "Done when").

A support point's manager invites a key person; she signs in by the link in the mail, fills in her profile, finds
debt help on the support point's social map of all help and a Turkish-speaking women's group on the map, gives the
woman a slip in Turkish, makes a warm handover with consent, notes accompaniment and aftercare on the journey, and
logs two contacts in under a minute. The manager sees the figures with "<5".
The public page of key persons passes axe, fits 320 px and reads right to left.
"""

from __future__ import annotations

import datetime
import re
import time
from typing import Any

import pytest
from django.core import mail
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from samenspel.directory.models import Group, Language, Location, Organisation, Schedule, Theme
from samenspel.directory.search_index import rebuild
from samenspel.network.models import ContactEntry, Journey, KeyPerson, Visibility
from samenspel.network.services import help_service_save
from samenspel.referral.models import Handover, ProfessionalRole
from samenspel.workspace.models import Membership, Role
from tests.browser import assert_fits_320
from tests.browser.axe import check_a11y
from tests.network.conftest import make_key_person
from tests.personas import make_user

pytestmark = pytest.mark.browser


def _link_in(body: str) -> str:
    links = re.findall(r"https?://\S+", body)
    # The one-time sign-in link, not the plain address of the page.
    found = [link for link in links if "/link/" in link] or links
    assert found, body
    return found[0]


@pytest.fixture
def women_group(reference: None, support_point: Organisation) -> Group:
    location = Location(name="Buurthuis Woensel", street="Kruisstraat 1", postcode="5612 CJ", municipality="Eindhoven")
    location.full_clean()
    location.save()
    group = Group.objects.create(
        slug="vrouwengroep-turks",
        name_nl="Vrouwengroep somberheid, in het Turks",
        name_en="Women's group feeling low, in Turkish",
        name_tr="Kadın grubu: Türkçe sohbet",
        gender="women",
        support_point=support_point,
        location=location,
        contact_email="vrouwen@steunpunt.example.org",
    )
    group.themes.set([Theme.objects.get(slug="depression")])
    group.languages.set([Language.objects.get(code="tr")])
    Schedule.objects.create(
        group=group,
        kind="weekly",
        weekdays=[2],
        start_time=datetime.time(10, 0),
        end_time=datetime.time(12, 0),
        valid_from=datetime.date(2026, 1, 1),
    )
    return group


def _manager_signs_in(page: Page, base: str, user: Any, next_path: str) -> None:
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    page.goto(base + next_path)
    page.fill("#id_pw-email", user.email)
    page.fill("#id_pw-password", "a-long-test-password")
    page.click("button[name=password_sign_in]")
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    page.fill("#id_token", f"{totp.token():06d}")
    with page.expect_navigation():
        page.click("main form button.primary")
    assert page.url.endswith(next_path)


def test_a_key_person_is_invited_refers_a_woman_warmly_and_logs_her_contacts(
    live_server: Any, make_page: Any, women_group: Group, support_point: Organisation
) -> None:
    base = live_server.url
    manager = make_user("beheer@steunpunt.example.org")
    Membership.objects.create(user=manager, support_point=support_point, role=Role.MANAGER)
    rebuild()

    # The manager invites a key person.
    staff = make_page(locale="en-GB", javascript=False)
    _manager_signs_in(staff, base, manager, f"/netwerk/beheer/{support_point.slug}/sleutelpersonen/")
    check_a11y(staff, "key persons of a support point")
    staff.fill("#id_email", "ayse@buurt.example.org")
    staff.click("main form button.primary")
    expect(staff.locator(".ws-messages")).to_contain_text("Invitation sent")
    (invitation,) = [m for m in mail.outbox if m.to == ["ayse@buurt.example.org"]]

    # She opens the link from the mail and fills in her profile.
    kp = make_page(locale="en-GB", javascript=False)
    # The mail's links start with settings.SITE_URL; the test server listens elsewhere.
    link = _link_in(invitation.body)
    kp.goto(base + link[link.index("/werkplek/") :])
    with kp.expect_navigation():
        kp.click("main button[type=submit]")
    assert kp.url == f"{base}/netwerk/profiel/"
    check_a11y(kp, "key person's profile")
    kp.fill("#id_public_name", "Ayşe")
    kp.check(f"input[name=languages][value='{Language.objects.get(code='tr').pk}']")
    kp.fill("#id_availability", "Weekday mornings")
    kp.check("input[name=visibility][value=public]")
    kp.select_option("#id_reach_language_1", str(Language.objects.get(code="tr").pk))
    kp.fill("#id_reach_place_1", "Woensel")
    with kp.expect_navigation():
        kp.click("main form button.primary")
    assert kp.url == f"{base}/netwerk/"
    expect(kp.locator(".ws-messages")).to_contain_text("Welcome to the network")

    # Her question is about debts too: the support point's social map of all help finds the debt help, with the
    # first contact person and how to apply (kept by the support point, shared among its key persons).
    help_service_save(
        support_point=support_point,
        actor=manager,
        provider=Organisation.objects.create(slug="gemeente", kind="municipality", name="Gemeente Eindhoven"),
        name="Schuldhulpverlening Eindhoven",
        topic="debt",
        conditions="Living in Eindhoven, 18 or older.",
        procedure="Walk in on Tuesday morning.",
        role_email="schuldhulp@gemeente.example.org",
        contact_name="Mirjam de Wit",
        contact_role="Klantmanager schuldhulp",
    )
    kp.click("nav a[href='/netwerk/hulp/']")
    kp.fill("#id_q", "schuldhulp")
    kp.click("main form[role=search] button[type=submit]")
    found = kp.locator("article.help-service", has_text="Schuldhulpverlening Eindhoven")
    expect(found).to_contain_text("Mirjam de Wit")
    expect(found).to_contain_text("Walk in on Tuesday morning.")
    check_a11y(kp, "the key person's social map of all help")

    # The map as professionals see it: a Turkish-speaking women's group, on her list, a slip in Turkish.
    kp.click("nav a[href='/verwijzen/zoeken/']")
    kp.fill("#id_q", "somber")
    kp.select_option("#id_language", "tr")
    kp.select_option("#id_distance", "any")
    kp.click("main form[role=search] button[type=submit]")
    result = kp.locator("li.result", has_text=women_group.name_en)
    result.locator("button", has_text="Add to my list").click()
    kp.locator("li.result", has_text=women_group.name_en).locator("a", has_text="Make a slip").click()
    kp.select_option("#id_language", "tr")
    kp.click("main form button.primary")
    expect(kp.locator("h1")).to_have_text("Kadın grubu: Türkçe sohbet")

    # A warm handover with her consent: the group may contact her through Ayşe.
    kp.goto(f"{base}/verwijzen/groep/{women_group.slug}/overdracht/")
    kp.check("input[name=consent][value=yes]")
    kp.check("input[name=kind][value=may_contact_you]")
    kp.click("main form button.primary")
    handover = Handover.objects.get()
    assert handover.role == ProfessionalRole.KEY_PERSON

    # The journey: found, handed over, went along, aftercare, each dated; no name anywhere.
    kp.goto(f"{base}/netwerk/toeleiding/")
    kp.select_option("#id_theme", str(Theme.objects.get(slug="depression").pk))
    kp.select_option("#id_language", str(Language.objects.get(code="tr").pk))
    kp.click("main form button.primary")
    journey = Journey.objects.get()
    assert kp.url == f"{base}/netwerk/toeleiding/{journey.uuid}/"
    check_a11y(kp, "a referral journey")
    kp.select_option("#id_step", "handover")
    kp.select_option("#id_group", str(women_group.pk))
    kp.select_option("#id_handover", str(handover.uuid))
    kp.click("button[name=step_add]")
    for step in ("accompanied", "aftercare"):
        kp.select_option("#id_step", step)
        kp.click("button[name=step_add]")
    expect(kp.locator("main ol li")).to_have_count(3)
    expect(kp.locator("main ol")).to_contain_text("Went along to the first contact")
    journey.refresh_from_db()
    assert journey.handover == handover and journey.group == women_group

    # Two contacts, each one short form, both in under a minute.
    started = time.monotonic()
    for way in ("place_of_worship", "phone"):
        kp.goto(f"{base}/netwerk/contact/")
        kp.check(f"input[name=met_via][value={way}]")
        kp.check("input[name=functions][value=sounding_board]")
        kp.check("input[name=functions][value=referral]")
        kp.click("main form button.primary")
        expect(kp.locator(".ws-messages")).to_contain_text("Contact noted")
    assert time.monotonic() - started < 60
    check_a11y(kp, "note a contact")
    assert ContactEntry.objects.count() == 2

    # The support point sees the figures: two contacts are "<5".
    staff.goto(f"{base}/netwerk/beheer/{support_point.slug}/cijfers/")
    expect(staff.locator("section#by-function, section[aria-labelledby=by-function]").first).to_contain_text("<5")
    expect(staff.locator("main")).not_to_contain_text("Ayşe")
    check_a11y(staff, "figures of the key persons")


@pytest.mark.parametrize("locale", ["nl-NL", "ar"])
def test_the_public_page_of_key_persons_is_accessible_at_320_pixels(
    live_server: Any, make_page: Any, reference: None, support_point: Organisation, locale: str
) -> None:
    make_key_person(support_point, "ayse@buurt.example.org", "Ayşe", visibility=Visibility.PUBLIC)
    assert KeyPerson.objects.public().count() == 1
    page = make_page(locale=locale, viewport=(320, 800), javascript=False)
    page.goto(f"{live_server.url}/netwerk/steunpunt/{support_point.slug}/")
    expect(page.locator("main h2")).to_have_text("Ayşe")
    if locale == "ar":
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert_fits_320(page)
    check_a11y(page, f"public key persons ({locale})")


def test_a_worker_moves_a_self_organisation_up_with_a_tour_report_it_confirms_and_a_cellar_note_stays_narrow(
    live_server: Any, make_page: Any, support_point: Organisation
) -> None:
    from samenspel.network.models import Tie, TourReport, TrustNote
    from samenspel.network.services import tie_create, tie_update

    base = live_server.url
    worker = make_user("werker@steunpunt.example.org")
    Membership.objects.create(user=worker, support_point=support_point, role=Role.EDITOR)
    named = make_user("naam@steunpunt.example.org")
    Membership.objects.create(user=named, support_point=support_point, role=Role.VIEWER)
    colleague = make_user("collega@steunpunt.example.org")
    Membership.objects.create(user=colleague, support_point=support_point, role=Role.EDITOR)
    organisation = Organisation.objects.create(
        slug="vrouwen-woensel",
        kind="self_organisation",
        name="Vrouwenvereniging Woensel",
        email="bestuur@vw.example.org",
    )
    tie = tie_create(support_point=support_point, organisation=organisation, actor=worker)
    tie_update(tie=tie, step=2, depth="kitchen_table", next_action="", next_action_on=None, actor=worker)
    tie_path = f"/netwerk/beheer/{support_point.slug}/zelforganisaties/{tie.uuid}/"

    # The worker reports the visit; the organisation gets it by mail.
    page = make_page(locale="en-GB", javascript=False)
    _manager_signs_in(page, base, worker, tie_path)
    page.click(f"a[href='{tie_path}rondgang/']")
    check_a11y(page, "tour visit report form")
    page.fill("#id_target_group", "Mothers with young children, Arabic-speaking")
    page.fill("#id_activities", "Coffee mornings and homework help")
    page.check("input[name=shortages][value=room]")
    page.fill("#id_offers", "Volunteers who speak Arabic")
    page.click("main form button.primary")
    expect(page.locator(".ws-messages")).to_contain_text("sent to the organisation")
    (message,) = [m for m in mail.outbox if m.to == ["bestuur@vw.example.org"]]

    # The organisation opens the link, reads the report and confirms it (no account, no JavaScript).
    board = make_page(locale="en-GB", viewport=(320, 800), javascript=False)
    link = _link_in(message.body)
    board.goto(base + link[link.index("/netwerk/rondgang/") :])
    expect(board.locator("main")).to_contain_text("Coffee mornings and homework help")
    assert_fits_320(board)
    check_a11y(board, "tour report to confirm")
    board.click("main form button.primary")
    expect(board.locator("h1")).to_have_text("Thank you")
    assert TourReport.objects.get().confirmed_at is not None

    # The worker moves it from step 2 to 3 and leaves a cellar note for one named colleague.
    page.goto(base + tie_path)
    expect(page.locator("main")).to_contain_text("confirmed by the organisation")
    page.select_option("#id_tie-step", "3")
    page.click("button[name=update]")
    expect(page.locator("main")).to_contain_text(
        "2 · Organisation strengthened → 3 · Mapped what connects it to others"
    )
    page.check("input[name=note-depth][value=cellar]")
    page.fill("#id_note-text", "The board is split over the money.")
    page.check(f"input[name=note-readers][value='{named.pk}']")
    page.click("button[name=note]")
    expect(page.locator("main")).to_contain_text("The board is split over the money.")
    check_a11y(page, "a self-organisation on the ladder")
    assert Tie.objects.get().step == 3
    assert TrustNote.objects.get().depth == "cellar"

    # A colleague not named does not see it.
    other = make_page(locale="en-GB", javascript=False)
    _manager_signs_in(other, base, colleague, tie_path)
    expect(other.locator("main")).to_contain_text("3 · Mapped what connects it to others")
    expect(other.locator("main")).not_to_contain_text("split over the money")


def test_a_worker_turns_a_signal_into_an_initiative_and_keeps_the_help_map_and_the_contacts(
    live_server: Any, make_page: Any, reference: None, support_point: Organisation
) -> None:
    from samenspel.network.models import HelpService, Signal, SisterContact
    from samenspel.network.services import signal_add

    base = live_server.url
    worker = make_user("werker@steunpunt.example.org")
    Membership.objects.create(user=worker, support_point=support_point, role=Role.EDITOR)
    make_key_person(support_point, "ayse@sleutel.example.org", "Ayşe")
    signal_add(
        key_person=KeyPerson.objects.get(),
        need="Many mothers alone with a child with autism",
        theme=Theme.objects.get(slug="depression"),
        language=Language.objects.get(code="ar"),
        area="Woensel",
    )
    Organisation.objects.create(slug="gemeente", kind="municipality", name="Gemeente Eindhoven")
    figures = f"/netwerk/beheer/{support_point.slug}/cijfers/"
    page = make_page(locale="en-GB", javascript=False)
    _manager_signs_in(page, base, worker, figures)

    # One click: the signal is on the map as an initiative looking for others.
    page.click("button:has-text('Make it an initiative looking for others')")
    expect(page.locator(".ws-messages")).to_contain_text("initiative looking for others")
    initiative = Signal.objects.get().initiative
    assert initiative is not None and initiative.seeking_others
    check_a11y(page, "figures with a signal made an initiative")
    page.click("a:has-text('On the map as an initiative')")
    expect(page.locator("h1")).to_contain_text("Many mothers alone with a child with autism")

    # The social map of all help: the worker adds the debt help with its first contact person.
    page.goto(f"{base}/netwerk/beheer/{support_point.slug}/hulp/")
    check_a11y(page, "the support point's social map of all help")
    page.select_option("#id_provider", label="Gemeente Eindhoven")
    page.fill("#id_name", "Schuldhulpverlening Eindhoven")
    page.select_option("#id_topic", "debt")
    page.fill("#id_role_email", "schuldhulp@gemeente.example.org")
    page.fill("#id_contact_name", "Mirjam de Wit")
    page.click("main form button.primary")
    expect(page.locator("main table")).to_contain_text("Schuldhulpverlening Eindhoven")
    assert HelpService.objects.get().contact_name == "Mirjam de Wit"

    # The shared list of contacts at sister organisations.
    page.goto(f"{base}/netwerk/beheer/{support_point.slug}/contacten/")
    page.fill("#id_organisation_name", "Vluchtelingenwerk")
    page.fill("#id_name", "Fatma")
    page.fill("#id_email", "spreekuur@vluchtelingenwerk.example.org")
    page.fill("#id_ask_for", "Residence permits")
    page.click("main form button[name=add]")
    expect(page.locator("main ul.plain")).to_contain_text("Residence permits")
    check_a11y(page, "contacts at sister organisations")
    assert SisterContact.objects.get().status == "accepted"

"""Self-organisations on the binding ladder: dated steps, the next action, and trust notes read only as named."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from samenspel.core.models import AuditEntry
from samenspel.directory.models import Organisation
from samenspel.network.models import LadderChange, Tie, TrustNote
from samenspel.network.services import tie_create, tie_update, trust_note_add
from tests.personas import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def self_organisation(db: None) -> Organisation:
    return Organisation.objects.create(
        slug="vrouwen-woensel", kind="self_organisation", name="Vrouwenvereniging Woensel"
    )


@pytest.fixture
def tie(cast: dict[str, Any], support_point: Organisation, self_organisation: Organisation) -> Tie:
    found = tie_create(support_point=support_point, organisation=self_organisation, actor=cast["manager"])
    return tie_update(
        tie=found, step=2, depth="kitchen_table", next_action="", next_action_on=None, actor=cast["manager"]
    )


def test_an_editor_adds_a_self_organisation_and_a_viewer_cannot(
    cast: dict[str, Any], support_point: Organisation, self_organisation: Organisation
) -> None:
    url = reverse("network:ties", args=[support_point.slug])
    assert client_for(cast["viewer"]).post(url, {"organisation": self_organisation.pk}).status_code == 403
    assert client_for(cast["manager"]).post(url, {"organisation": self_organisation.pk}).status_code == 302
    assert Tie.objects.get().organisation == self_organisation


def test_only_a_self_organisation_goes_on_the_ladder(cast: dict[str, Any], support_point: Organisation) -> None:
    url = reverse("network:ties", args=[support_point.slug])
    assert client_for(cast["manager"]).post(url, {"organisation": support_point.pk}).status_code == 400


def test_moving_from_step_2_to_3_is_dated_in_the_history(
    cast: dict[str, Any], support_point: Organisation, tie: Tie
) -> None:
    url = reverse("network:tie", args=[support_point.slug, tie.uuid])
    response = client_for(cast["manager"]).post(
        url,
        {
            "update": "1",
            "tie-step": "3",
            "tie-depth": "kitchen_table",
            "tie-next_action": "Visit with the mosque board",
            "tie-next_action_on": "2026-12-20",
        },
    )
    assert response.status_code == 302
    tie.refresh_from_db()
    assert (tie.step, tie.next_action, tie.next_action_on) == (
        3,
        "Visit with the mosque board",
        datetime.date(2026, 12, 20),
    )
    assert [(c.step_from, c.step_to) for c in LadderChange.objects.filter(tie=tie)] == [(2, 3), (0, 2)]
    body = client_for(cast["viewer"]).get(url).content.decode()
    assert "3 · Mapped what connects it to others" in body
    assert AuditEntry.objects.filter(action="tie.updated").exists()


def test_a_cellar_note_is_read_only_by_its_author_and_the_people_named(
    cast: dict[str, Any], support_point: Organisation, tie: Tie
) -> None:
    url = reverse("network:tie", args=[support_point.slug, tie.uuid])
    response = client_for(cast["manager"]).post(
        url,
        {
            "note": "1",
            "note-depth": "cellar",
            "note-text": "The board is split over money.",
            "note-readers": [cast["viewer"].pk],
        },
    )
    assert response.status_code == 302
    note = TrustNote.objects.get()
    assert list(note.readers.all()) == [cast["viewer"]]
    assert "split over money" in client_for(cast["manager"]).get(url).content.decode()
    assert "split over money" in client_for(cast["viewer"]).get(url).content.decode()
    from tests.personas import make_member

    colleague = make_member(support_point, "editor", "collega@steunpunt.example.org")
    assert "split over money" not in client_for(colleague).get(url).content.decode()
    # Staff hold no role at the support point: the tie is as if it did not exist.
    assert client_for(cast["staff"]).get(url).status_code == 404
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM network_trustnote WHERE id = %s", [note.pk])
        (raw,) = cursor.fetchone()
    assert "money" not in raw, "encrypted at rest"
    assert "money" not in str(
        AuditEntry.objects.filter(action="trust_note.added").values_list("changes", "object_repr")
    )


def test_a_shop_window_note_is_read_by_everyone_at_the_support_point(
    cast: dict[str, Any], support_point: Organisation, tie: Tie
) -> None:
    trust_note_add(
        tie=tie, author=cast["manager"], depth="shop_window", text="Meets on Sundays in the community centre."
    )
    url = reverse("network:tie", args=[support_point.slug, tie.uuid])
    assert "Meets on Sundays" in client_for(cast["viewer"]).get(url).content.decode()
    assert client_for(cast["other_member"]).get(url).status_code == 404


def test_trust_notes_are_deleted_when_their_retention_ends(cast: dict[str, Any], tie: Tie) -> None:
    note = trust_note_add(tie=tie, author=cast["manager"], depth="cellar", text="Sensitive.")
    call_command("purge_network_notes", today=note.delete_after.isoformat())
    assert TrustNote.objects.exists()
    call_command("purge_network_notes", today=(note.delete_after + datetime.timedelta(days=1)).isoformat())
    assert not TrustNote.objects.exists()
    assert Tie.objects.filter(pk=tie.pk).exists()


def test_a_tour_report_is_confirmed_by_the_organisation_by_its_link_once(
    cast: dict[str, Any], support_point: Organisation, tie: Tie, self_organisation: Organisation
) -> None:
    from django.core import mail

    from samenspel.network.models import TourReport

    self_organisation.email = "bestuur@vrouwen-woensel.example.org"
    self_organisation.save()
    url = reverse("network:tour_report_new", args=[support_point.slug, tie.uuid])
    assert client_for(cast["viewer"]).post(url, {}).status_code == 403
    response = client_for(cast["manager"]).post(
        url,
        {
            "visited_on": "2026-11-30",
            "target_group": "Mothers with young children, Arabic-speaking",
            "activities": "Coffee mornings, homework help",
            "shortages": ["room", "volunteers"],
            "wishes": "A room on Saturdays",
            "offers": "Volunteers who speak Arabic",
            "send_to_organisation": "on",
        },
    )
    assert response.status_code == 302
    report = TourReport.objects.get()
    assert report.confirmation_sent_at is not None
    (message,) = [m for m in mail.outbox if m.to == ["bestuur@vrouwen-woensel.example.org"]]
    path = message.body[message.body.index("/netwerk/rondgang/") :].split()[0]

    anonymous = client_for(None)
    page = anonymous.get(path)
    assert page.status_code == 200 and page["Cache-Control"] == "no-store"
    assert (
        "Coffee mornings" in page.content.decode() and "Finding and keeping capable volunteers" in page.content.decode()
    )
    assert anonymous.post(path, {"correction": "We also have a youth group."}).status_code == 200
    report.refresh_from_db()
    assert report.confirmed_at is not None and report.correction == "We also have a youth group."
    again = anonymous.post(path, {"correction": "Something else"})
    assert "already been answered" in again.content.decode()
    report.refresh_from_db()
    assert report.correction == "We also have a youth group."
    assert (
        "We also have a youth group."
        in client_for(cast["viewer"]).get(reverse("network:tie", args=[support_point.slug, tie.uuid])).content.decode()
    )
    assert anonymous.get("/netwerk/rondgang/not-a-token/").status_code == 404


def test_the_synthesis_shows_the_bottlenecks_organisations_share(
    cast: dict[str, Any], support_point: Organisation, tie: Tie
) -> None:
    from samenspel.network.services import tour_report_create

    other = Organisation.objects.create(slug="moskee-west", kind="self_organisation", name="Moskeevereniging West")
    other_tie = tie_create(support_point=support_point, organisation=other, actor=cast["manager"])
    for t, shortages in ((tie, ["room", "money"]), (other_tie, ["room"])):
        tour_report_create(
            tie=t,
            author=cast["manager"],
            visited_on=datetime.date(2026, 11, 1),
            target_group="-",
            activities="-",
            shortages=shortages,
        )
    body = client_for(cast["viewer"]).get(reverse("network:ties", args=[support_point.slug])).content.decode()
    section = body[body.index("What they share") :]
    assert "<strong>A room or place</strong>: Moskeevereniging West, Vrouwenvereniging Woensel" in section, section[
        :800
    ]


def test_tour_reports_are_deleted_when_their_retention_ends(cast: dict[str, Any], tie: Tie) -> None:
    from samenspel.network.models import TourReport
    from samenspel.network.services import tour_report_create

    report = tour_report_create(
        tie=tie,
        author=cast["manager"],
        visited_on=datetime.date(2026, 11, 1),
        target_group="-",
        activities="-",
        shortages=[],
    )
    call_command("purge_network_notes", today=report.delete_after.isoformat())
    assert TourReport.objects.exists()
    call_command("purge_network_notes", today=(report.delete_after + datetime.timedelta(days=1)).isoformat())
    assert not TourReport.objects.exists()


def test_staff_see_a_trust_note_in_the_admin_without_its_text(cast: dict[str, Any], tie: Tie) -> None:
    note = trust_note_add(tie=tie, author=cast["manager"], depth="cellar", text="The board is split over money.")
    staff = client_for(cast["staff"])
    listing = staff.get("/admin/network/trustnote/")
    assert listing.status_code == 200
    detail = staff.get(f"/admin/network/trustnote/{note.pk}/change/")
    assert detail.status_code == 200
    assert "split over money" not in listing.content.decode() + detail.content.decode()


def test_the_synthesis_matches_needs_with_offers_across_organisations(
    cast: dict[str, Any], support_point: Organisation, tie: Tie
) -> None:
    from samenspel.directory.models import Language
    from samenspel.network.services import tour_report_create

    arabic, turkish = Language.objects.get(code="ar"), Language.objects.get(code="tr")
    other = Organisation.objects.create(slug="moskee-west", kind="self_organisation", name="Moskeevereniging West")
    third = Organisation.objects.create(slug="taalhuis", kind="self_organisation", name="Stichting Taalbrug")
    other_tie = tie_create(support_point=support_point, organisation=other, actor=cast["manager"])
    third_tie = tie_create(support_point=support_point, organisation=third, actor=cast["manager"])
    reports = (
        (tie, ["room", "board", "language"], [], arabic, None),
        (other_tie, [], ["room", "language"], None, arabic),
        (third_tie, [], ["board", "language"], None, turkish),
    )
    for t, needs, offers, need_language, offer_language in reports:
        tour_report_create(
            tie=t,
            author=cast["manager"],
            visited_on=datetime.date(2026, 11, 1),
            target_group="-",
            activities="-",
            shortages=[],
            needs=needs,
            offers_kinds=offers,
            need_language=need_language,
            offer_language=offer_language,
        )
    body = client_for(cast["viewer"]).get(reverse("network:ties", args=[support_point.slug])).content.decode()
    section = body[body.index("Needs and offers that meet") : body.index("What they share")]
    assert "<strong>A room</strong>: needed by Vrouwenvereniging Woensel; offered by Moskeevereniging West" in section
    assert (
        "<strong>Board members</strong>: needed by Vrouwenvereniging Woensel; offered by Stichting Taalbrug" in section
    )
    assert "<strong>A language: Arabic</strong>: needed by Vrouwenvereniging Woensel; offered by Moskeevereniging" in (
        section
    )
    assert "Turkish" not in section, "a language offered that nobody needs is no match"

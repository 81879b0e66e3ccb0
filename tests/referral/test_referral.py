"""Professionals sign up, search, make slips and hand over warmly; support points approve and see figures."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samenspel.directory.models import Group, Location
from samenspel.directory.search_index import index_groups
from samenspel.referral.models import (
    AllowedDomain,
    GroupCode,
    Handover,
    HandoverStatus,
    Professional,
    ProfessionalStatus,
    ReferralContact,
    ReferralCount,
    ShortlistEntry,
)
from samenspel.referral.services import count_increment, group_code
from samenspel.workspace.models import Role
from tests.personas import client_for, make_professional, make_user

pytestmark = pytest.mark.django_db


def _sign_up(client: Client, email: str, sp_slug: str) -> Any:
    return client.post(
        reverse("referral:sign_up"),
        {"email": email, "organisation": "Huisartsenpraktijk Woensel", "role": "gp", "support_point": sp_slug},
    )


def test_a_professional_signs_up_and_waits_for_the_support_point(
    client: Client, gambling_group: Group, personas: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    sp = gambling_group.support_point
    response = _sign_up(client, "dokter@woensel.example.nl", sp.slug)
    assert response.status_code == 200
    assert "Check your e-mail" in response.content.decode()
    professional = Professional.objects.get(user__email="dokter@woensel.example.nl")
    assert professional.status == ProfessionalStatus.PENDING
    assert "/werkplek/inloggen/link/" in mail.outbox[-1].body

    # Signed in but not approved: a page that says so.
    pending = client_for(professional.user)
    response = pending.get(reverse("referral:search"))
    assert response.status_code == 403
    assert "will check your request" in response.content.decode()

    # The support point sees the request and approves it.
    staff = client_for(personas["member"])
    listing = staff.get(reverse("referral:professionals", args=[sp.slug])).content.decode()
    assert "dokter@woensel.example.nl" in listing
    sent_before = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(reverse("referral:professional_decision", args=[sp.slug, professional.pk]), {"action": "approve"})
    assert pending.get(reverse("referral:search")).status_code == 200
    # The professional hears it by e-mail, with a link to start.
    (notice,) = mail.outbox[sent_before:]
    assert notice.to == ["dokter@woensel.example.nl"]
    assert reverse("referral:home") in notice.body
    assert sp.name in notice.body

    # And can withdraw it again.
    staff.post(reverse("referral:professional_decision", args=[sp.slug, professional.pk]), {"action": "revoke"})
    assert pending.get(reverse("referral:search")).status_code == 403


def test_an_allowed_domain_gives_access_at_once(client: Client, gambling_group: Group) -> None:
    sp = gambling_group.support_point
    AllowedDomain.objects.create(support_point=sp, domain="huisartsen-eindhoven.nl")
    _sign_up(client, "Dokter@Huisartsen-Eindhoven.nl", sp.slug)
    assert Professional.objects.get().status == ProfessionalStatus.APPROVED


def test_signing_up_again_changes_no_one_elses_profile(client: Client, gambling_group: Group) -> None:
    sp = gambling_group.support_point
    user = make_professional("gp@praktijk.example.nl", sp, status=ProfessionalStatus.REVOKED)
    AllowedDomain.objects.create(support_point=sp, domain="praktijk.example.nl")
    response = _sign_up(client, "gp@praktijk.example.nl", sp.slug)
    assert response.status_code == 200
    user.professional.refresh_from_db()
    assert user.professional.status == ProfessionalStatus.REVOKED
    assert user.professional.organisation == "Huisartsenpraktijk Test"


def test_a_manager_edits_the_allowed_domains_and_the_referral_contact(gambling_group: Group) -> None:
    sp = gambling_group.support_point
    manager = make_user("manager@steunpunt.example.org")
    from samenspel.workspace.models import Membership

    Membership.objects.create(user=manager, support_point=sp, role=Role.MANAGER)
    client = client_for(manager)
    url = reverse("referral:settings", args=[sp.slug])
    response = client.post(url, {"add_domain": "1", "domain-domain": "naam@praktijk"})
    assert response.status_code == 400
    assert AllowedDomain.objects.count() == 0
    client.post(url, {"add_domain": "1", "domain-domain": "@Praktijk-Woensel.nl"})
    assert AllowedDomain.objects.get().domain == "praktijk-woensel.nl"
    client.post(url, {"contact-email": "verwijzen@steunpunt.example.org", "contact-phone": "040 2345678"})
    assert ReferralContact.objects.get(support_point=sp).phone == "+31402345678"
    client.post(reverse("referral:domain_remove", args=[sp.slug, AllowedDomain.objects.get().pk]))
    assert AllowedDomain.objects.count() == 0


def test_the_search_shows_what_a_referrer_needs_and_keeps_a_shortlist(
    reference: None, gambling_group: Group, personas: dict[str, Any]
) -> None:
    index_groups([gambling_group.pk])
    ReferralContact.objects.create(support_point=gambling_group.support_point, phone="+31401112233")
    client = client_for(personas["professional_a"])
    url = reverse("referral:search")
    response = client.get(url, {"q": "gokken", "language": "tr", "distance": "any"})
    body = response.content.decode()
    assert gambling_group.name_en in body
    assert "Get in touch first" in body  # the intake policy
    assert "First contact can be arranged" in body
    assert "+31401112233" in body  # the support point's referral contact
    client.post(reverse("referral:shortlist", args=[gambling_group.slug]), {"action": "add", "next": url})
    assert ShortlistEntry.objects.filter(group=gambling_group).count() == 1
    home = client.get(reverse("referral:home")).content.decode()
    assert gambling_group.name_en in home
    client.post(reverse("referral:shortlist", args=[gambling_group.slug]), {"action": "remove"})
    assert ShortlistEntry.objects.count() == 0


def test_a_slip_is_counted_per_group_role_and_month_and_stores_nothing_else(
    gambling_group: Group, personas: dict[str, Any]
) -> None:
    gp = client_for(personas["professional_a"])
    social_worker = client_for(personas["professional_b"])
    url = reverse("referral:slip_make", args=[gambling_group.slug])
    response = gp.post(url, {"language": "tr"})
    code = GroupCode.objects.get(group=gambling_group)
    assert response.status_code == 302
    assert response["Location"] == reverse("referral:slip", args=[code.code, "tr"])
    gp.post(url, {"language": "ar"})
    social_worker.post(url, {"language": "nl"})
    counts = {(c.role, c.count) for c in ReferralCount.objects.filter(kind="slip")}
    assert counts == {("gp", 2), ("social_worker", 1)}
    assert Handover.objects.count() == 0


def test_the_counter_adds_up_in_one_row_per_month(gambling_group: Group) -> None:
    for _ in range(3):
        count_increment(kind="slip", group=gambling_group, role="gp", day=datetime.date(2026, 3, 5))
    count_increment(kind="slip", group=gambling_group, role="gp", day=datetime.date(2026, 4, 1))
    assert sorted(ReferralCount.objects.values_list("month", "count")) == [
        (datetime.date(2026, 3, 1), 3),
        (datetime.date(2026, 4, 1), 1),
    ]


def test_the_slip_is_in_the_clients_language_with_a_code_and_the_next_dates(
    client: Client, gambling_group: Group
) -> None:
    code = group_code(gambling_group)
    body = client.get(reverse("referral:slip", args=[code.code, "tr"])).content.decode()
    assert '<html lang="tr" dir="ltr">' in body
    assert "Kumar sorunu: Türkçe konuşma grubu" in body
    assert code.display in body
    assert "http://testserver/verwijzen/code/" in body
    assert "http://testserver/groep/kumar-destek-grubu/" in body
    assert "kumar@steunpunt.example.org" in body
    assert "<svg" in body
    arabic = client.get(reverse("referral:slip", args=[code.code, "ar"])).content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic
    assert client.get(reverse("referral:slip", args=[code.code, "xx"])).status_code == 404


def test_the_slip_pdf_is_one_page(client: Client, gambling_group: Group) -> None:
    import pypdfium2

    code = group_code(gambling_group)
    response = client.get(reverse("referral:slip_pdf", args=[code.code, "ar"]))
    assert response["Content-Type"] == "application/pdf"
    assert len(pypdfium2.PdfDocument(response.content)) == 1


def test_the_short_code_leads_to_the_group_however_it_is_typed(client: Client, gambling_group: Group) -> None:
    code = group_code(gambling_group)
    typed = f" {code.code[:3].lower()}-{code.code[3:]} "
    response = client.get(reverse("referral:code"), {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == reverse("finder:group", args=[gambling_group.slug])
    unknown = client.get(reverse("referral:code"), {"code": "ZZZ-999"})
    assert unknown.status_code == 404
    assert "We do not know this code" in unknown.content.decode()
    Group.objects.filter(pk=gambling_group.pk).update(status="stopped")
    assert client.get(reverse("referral:code_direct", args=[code.code])).status_code == 404
    assert client.get(reverse("referral:slip", args=[code.code, "tr"])).status_code == 404


def test_a_handover_with_consent_is_stored_with_its_deletion_date(
    gambling_group: Group, personas: dict[str, Any]
) -> None:
    client = client_for(personas["professional_a"])
    response = client.post(
        reverse("referral:handover_new", args=[gambling_group.slug]),
        {
            "consent": "yes",
            "kind": "please_contact",
            "contact_name": "Mehmet",
            "contact_phone": "+90 532 123 45 67",
            "contact_email": "mehmet@example.com",
            "preferred_language": "tr",
            "note": "Evenings",
        },
    )
    assert response.status_code == 302
    handover = Handover.objects.get()
    assert handover.status == HandoverStatus.SENT
    assert handover.delete_after == timezone.localtime(handover.created_at).date() + datetime.timedelta(days=30)


def test_the_notice_goes_to_the_contact_point_without_details(
    django_capture_on_commit_callbacks: Any, gambling_group: Group, personas: dict[str, Any]
) -> None:
    client = client_for(personas["professional_a"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("referral:handover_new", args=[gambling_group.slug]),
            {"consent": "yes", "kind": "please_contact", "contact_name": "Mehmet", "contact_phone": "0612345678"},
        )
    handover = Handover.objects.get()
    assert sorted(m.to[0] for m in mail.outbox) == ["contact@example.org", "kumar@steunpunt.example.org"]
    for message in mail.outbox:
        text = message.subject + message.body
        assert "Mehmet" not in text and "612345678" not in text
        assert re.search(rf"http://testserver/verwijzen/overdracht/{handover.uuid}/", message.body)


def test_the_contact_point_moves_the_status_on_and_closing_wipes_the_details(
    handover: Handover, personas: dict[str, Any]
) -> None:
    client = client_for(personas["contact"])
    page = client.get(reverse("referral:handover", args=[handover.uuid])).content.decode()
    assert "Mehmet" in page and "+31612345678" in page and "Türkçe" in page
    url = reverse("referral:handover_status", args=[handover.uuid])
    client.post(url, {"status": "contacted"})
    client.post(url, {"status": "first_visit"})
    back = client.post(url, {"status": "contacted"}, follow=True)
    assert "cannot go back" in back.content.decode()
    client.post(url, {"status": "closed"})
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.CLOSED
    assert not handover.has_details
    page = client.get(reverse("referral:handover", args=[handover.uuid])).content.decode()
    assert "have been deleted" in page and "Mehmet" not in page


def test_a_read_only_member_reads_but_does_not_change(handover: Handover, gambling_group: Group) -> None:
    from samenspel.workspace.models import Membership

    viewer = make_user("viewer@steunpunt.example.org")
    Membership.objects.create(user=viewer, support_point=gambling_group.support_point, role=Role.VIEWER)
    client = client_for(viewer)
    assert client.get(reverse("referral:handover", args=[handover.uuid])).status_code == 200
    response = client.post(reverse("referral:handover_status", args=[handover.uuid]), {"status": "closed"})
    assert response.status_code == 403
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.SENT


def test_the_figures_hide_small_numbers_and_filter_by_municipality(
    gambling_group: Group, other_group: Group, personas: dict[str, Any]
) -> None:
    for _ in range(7):
        count_increment(kind="slip", group=gambling_group, role="gp", day=datetime.date(2026, 3, 5))
    count_increment(kind="handover", group=gambling_group, role="poh_ggz", day=datetime.date(2026, 3, 5))
    count_increment(kind="slip", group=other_group, role="gp", day=datetime.date(2026, 4, 5))
    client = client_for(personas["member"])
    url = reverse("referral:figures", args=[gambling_group.support_point.slug])
    body = client.get(url).content.decode()
    assert "March 2026" in body and "April 2026" in body
    # March: 7 slips, 1 handover; April 1 slip. With the total of 8 slips shown, the 7 would give April's 1 away.
    assert re.search(r"<td[^>]*>hidden</td><td[^>]*>&lt;5</td>", body)
    assert "Gambling" in body
    assert "Eindhoven" in body
    assert ">1<" not in body, "no count below 5 is shown as itself"
    only = client.get(url, {"municipality": "Eindhoven"}).content.decode()
    assert "April 2026" not in only  # the other group has no place in Eindhoven


def test_the_figures_count_a_group_in_the_municipality_of_its_postcode(
    gambling_group: Group, other_group: Group, personas: dict[str, Any]
) -> None:
    # Mierlo is a place in the municipality of Geldrop-Mierlo; what was typed as the place does not matter.
    location = Location(name="Dorpshuis", street="Dorpsstraat 1", postcode="5731 AB", municipality="Mierloo")
    location.full_clean()
    location.save()
    other_group.location = location
    other_group.save()
    for _ in range(6):
        count_increment(kind="slip", group=other_group, role="gp", day=datetime.date(2026, 4, 5))
    client = client_for(personas["member"])
    url = reverse("referral:figures", args=[gambling_group.support_point.slug])
    response = client.get(url)
    assert response.context["form"].fields["municipality"].choices[1:] == [
        ("Eindhoven", "Eindhoven"),
        ("Geldrop-Mierlo", "Geldrop-Mierlo"),
    ]
    assert re.search(r'<th scope="row">Geldrop-Mierlo</th><td[^>]*>6</td><td[^>]*>0</td>', response.content.decode())
    only = client.get(url, {"municipality": "Geldrop-Mierlo"}).content.decode()
    assert "<dd>6</dd>" in only and "April 2026" in only


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_handover_lists_cost_the_same_queries_for_many_handovers(
    handover: Handover, gambling_group: Group, other_group: Group, personas: dict[str, Any]
) -> None:
    member = client_for(personas["member"])
    professional = client_for(personas["professional_a"])
    few = (_queries(member, reverse("referral:handover_list")), _queries(professional, reverse("referral:home")))
    for group in (gambling_group, other_group) * 5:
        Handover.objects.create(
            group=group, professional=handover.professional, role="gp", consent=True, kind="may_contact_you"
        )
    many = (_queries(member, reverse("referral:handover_list")), _queries(professional, reverse("referral:home")))
    assert many == few


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"email": "dokter@"}, "Fill in an e-mail address like name@practice.nl."),
        ({"organisation": ""}, "This field is required."),
        ({"role": "wizard"}, "Select a valid choice."),
        ({"support_point": "no-such-support-point"}, "Select a valid choice."),
    ],
)
def test_a_bad_sign_up_is_refused_and_stores_nothing(
    client: Client, gambling_group: Group, changes: dict[str, str], error: str
) -> None:
    data = {
        "email": "dokter@woensel.example.nl",
        "organisation": "Praktijk",
        "role": "gp",
        "support_point": gambling_group.support_point.slug,
        **changes,
    }
    response = client.post(reverse("referral:sign_up"), data)
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not Professional.objects.exists()
    assert mail.outbox == []


def test_a_professional_who_is_also_staff_still_needs_the_second_factor(gambling_group: Group) -> None:
    from samenspel.workspace.models import Membership

    user = make_professional("gp-and-volunteer@example.org", gambling_group.support_point)
    Membership.objects.create(user=user, support_point=gambling_group.support_point, role=Role.VIEWER)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)  # signed in, but without passing two-factor
    response = client.get(reverse("referral:search"))
    assert response.status_code == 302
    assert response["Location"].startswith("/werkplek/tweestaps/")


# The worker closes its database connection when it ends: the test's rows must be committed, not in a
# transaction that the closed connection would lose.
@pytest.mark.django_db(transaction=True)
def test_the_support_point_is_told_when_someone_asks_for_access_and_the_professional_when_it_is_given(
    gambling_group: Group, personas: dict[str, Any], smtp_sink: Any
) -> None:
    """Both e-mails reach a real mail server through the outbox and the worker."""
    from django.core.management import call_command
    from django.test import override_settings

    sp = gambling_group.support_point
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        _sign_up(Client(), "verpleegkundige@praktijk-oost.example.nl", sp.slug)
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
        asked = [m for m in smtp_sink.messages if "verpleegkundige@praktijk-oost.example.nl" in m.get_payload()]
        assert {m["X-Envelope-To"] for m in asked} >= {sp.email, personas["member"].email}
        assert reverse("referral:professionals", args=[sp.slug]) in asked[0].get_payload()

        professional = Professional.objects.get(user__email="verpleegkundige@praktijk-oost.example.nl")
        page = client_for(professional.user).get(reverse("referral:search")).content.decode()
        assert "told by e-mail" in page and "as soon as you have access" in page

        staff = client_for(personas["member"])
        staff.post(reverse("referral:professional_decision", args=[sp.slug, professional.pk]), {"action": "approve"})
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
        given = smtp_sink.to("verpleegkundige@praktijk-oost.example.nl")
        assert any(reverse("referral:home") in m.get_payload() for m in given)

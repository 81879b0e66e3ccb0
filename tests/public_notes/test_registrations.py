"""Register a group or start one, without an account: double opt-in, the support point's review, the new contact
person by a one-time link, bad input, duplicates, and the purge."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from samenspel.core.crypto import PREFIX
from samenspel.directory.models import Group, GroupStatus, Organisation
from samenspel.public_notes import registrations
from samenspel.public_notes.models import Registration, RegistrationStatus
from samenspel.workspace.models import GroupContact
from tests.personas import sign_in

pytestmark = pytest.mark.django_db

URL = "/groep-aanmelden/"
INITIATOR = "contact@vrouwengroep.example.org"


def _fields(sp: Organisation, **data: Any) -> dict[str, Any]:
    return {
        "kind": "idea",
        "name": "Vrouwengroep Woensel",
        "themes": ["depression"],
        "audience": "affected",
        "languages": ["nl", "ar"],
        "place": "5611",
        "frequency": "elke tweede dinsdagavond",
        "description": "Voor vrouwen die somber zijn en elkaar willen steunen.",
        "support_point": sp.slug,
        "email": INITIATOR,
        "submit_key": "",
        **data,
    }


def _post(client: Client, sp: Organisation, language: str = "nl", **data: Any):  # type: ignore[no-untyped-def]
    return client.post(URL, _fields(sp, **data), HTTP_ACCEPT_LANGUAGE=language)


def _confirm_path(message: mail.EmailMessage) -> str:
    found = re.search(r"https?://\S+(/groep-aanmelden/bevestigen/\S+/)", message.body)
    assert found, message.body
    return found.group(1)


def _confirmed(client: Client, support_point: Organisation) -> Registration:
    assert _post(client, support_point).status_code == 302
    client.post(_confirm_path(mail.outbox[-1]))
    return Registration.objects.get()


def test_the_empty_search_links_to_registering_a_group(client: Client, group: Group) -> None:
    from samenspel.directory.search_index import index_groups

    index_groups([group.pk])
    page = client.get("/", {"q": "gokken", "place": "5611"}).content.decode()
    assert "/groep-aanmelden/?place=5611" in page


def test_the_form_suggests_the_nearest_support_point_and_asks_no_name(client: Client, group: Group) -> None:
    page = client.get(URL, {"place": "5611"}).content.decode()
    assert f'value="{group.support_point.slug}" required id="id_support_point_0" checked' in page
    assert 'name="contact_name"' not in page and 'name="phone"' not in page
    # Without JavaScript: the button reorders the support points by the place typed, and stores nothing.
    response = client.post(URL, {**_fields(group.support_point, support_point=""), "suggest": "1"})
    assert response.status_code == 200 and Registration.objects.count() == 0
    assert f'value="{group.support_point.slug}" required id="id_support_point_0" checked' in response.content.decode()


def test_a_registration_counts_only_after_the_mailed_link_is_confirmed(client: Client, group: Group) -> None:
    response = _post(client, group.support_point)
    assert response.status_code == 302 and response["Location"] == "/groep-aanmelden/verstuurd/"
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.UNCONFIRMED and registration.pc4 == "5611"
    assert {t.slug for t in registration.themes.all()} == {"depression"}
    with connection.cursor() as cursor:
        cursor.execute("SELECT email FROM public_notes_registration")
        assert cursor.fetchone()[0].startswith(PREFIX)
    [message] = mail.outbox
    assert message.to == [INITIATOR]
    # Nothing for the support point yet: a registration nobody confirmed is not in its queue.
    sign_in(client, _editor(group))
    assert "Vrouwengroep" not in client.get(f"/werkplek/{group.support_point.slug}/nieuwe-groepen/").content.decode()
    client.logout()
    confirm = _confirm_path(message)
    assert client.get(confirm).status_code == 200
    assert Registration.objects.get().status == RegistrationStatus.UNCONFIRMED  # a mail scanner changes nothing
    assert client.post(confirm).status_code == 200
    assert Registration.objects.get().status == RegistrationStatus.PENDING
    assert [m.to for m in mail.outbox[1:]] == [[group.support_point.email]]


def _editor(group: Group) -> Any:
    from tests.personas import make_member

    return make_member(group.support_point, "editor", "redacteur@steunpunt.example.org")


def test_the_same_form_twice_is_one_registration(client: Client, group: Group) -> None:
    assert _post(client, group.support_point, submit_key="abc").status_code == 302
    assert _post(client, group.support_point, submit_key="abc").status_code == 302
    assert Registration.objects.count() == 1 and len(mail.outbox) == 1


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_a_duplicate_while_one_is_open_gets_a_clear_message_and_nothing_new(
    client: Client, group: Group, language: str
) -> None:
    assert _post(client, group.support_point).status_code == 302
    again = _post(client, group.support_point, language=language, email=" Contact@Vrouwengroep.example.org ")
    page = again.content.decode()
    assert again.status_code == 400 and f'lang="{language}"' in page and 'role="alert"' in page
    with translation.override(language):
        told = gettext(
            "You already registered a group by this name with this e-mail address at this support "
            "point. It is waiting for your confirmation or for the support point: look in your e-mail."
        )
    assert escape(told) in page
    assert Registration.objects.count() == 1 and len(mail.outbox) == 1


@pytest.mark.parametrize("language", ["nl", "ar"])
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("themes", ["geen-bestaand-thema"]),
        ("themes", []),
        ("place", ""),  # no postcode, no town, not online
        ("place", "Nergenshuizen"),
        ("place", "0999"),
        ("email", "geen"),
        ("support_point", "onbekend-steunpunt"),
        ("languages", ["xx"]),
        ("description", "x" * 2001),
    ],
)
def test_bad_input_is_explained_in_the_visitors_language_and_nothing_is_written(
    client: Client, group: Group, language: str, field: str, value: Any
) -> None:
    response = _post(client, group.support_point, language=language, **{field: value})
    assert response.status_code == 400
    page = response.content.decode()
    assert f'lang="{language}"' in page and 'role="alert"' in page and f'href="#id_{field}' in page
    assert Registration.objects.count() == 0 and len(mail.outbox) == 0


def test_an_online_group_needs_no_place(client: Client, group: Group) -> None:
    assert _post(client, group.support_point, place="", online="on").status_code == 302
    assert Registration.objects.get().online


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_twenty_megabytes_are_refused_and_nothing_is_written(client: Client, group: Group, language: str) -> None:
    response = _post(client, group.support_point, language=language, description="x" * (20 * 2**20))
    assert response.status_code == 413 and 'role="alert"' in response.content.decode()
    assert f'lang="{language}"' in response.content.decode()
    assert Registration.objects.count() == 0 and len(mail.outbox) == 0


def test_approval_makes_an_initiative_looking_for_others_and_the_initiator_its_contact(
    client: Client, group: Group
) -> None:
    registration = _confirmed(client, group.support_point)
    editor = _editor(group)
    sign_in(client, editor)
    queue = client.get(f"/werkplek/{group.support_point.slug}/nieuwe-groepen/").content.decode()
    assert "Vrouwengroep Woensel" in queue
    detail = f"/werkplek/aanmelding/{registration.uuid}/"
    assert client.post(detail, {"action": "approve", "status": "initiative"}).status_code == 302
    new = Group.objects.get(name_nl="Vrouwengroep Woensel")
    assert new.status == GroupStatus.INITIATIVE and new.seeking_others
    assert new in Group.objects.public()
    assert new.support_point == group.support_point and new.contact_email == INITIATOR
    assert new.location is not None and new.location.postcode.startswith("5611")
    assert "elke tweede dinsdagavond" in new.description_nl
    assert {lang.code for lang in new.languages.all()} == {"nl", "ar"}
    contact = GroupContact.objects.get(group=new)
    assert contact.user.email == INITIATOR
    invitation = mail.outbox[-1]
    assert invitation.to == [INITIATOR] and "/werkplek/inloggen/link/" in invitation.body
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.APPROVED and registration.delete_after is not None
    # Approving twice (a double click) makes one group.
    client.post(detail, {"action": "approve", "status": "initiative"})
    assert Group.objects.filter(name_nl="Vrouwengroep Woensel").count() == 1


def test_ask_and_decline_mail_the_initiator_kindly_with_replies_to_the_support_point(
    client: Client, group: Group
) -> None:
    registration = _confirmed(client, group.support_point)
    sign_in(client, _editor(group))
    detail = f"/werkplek/aanmelding/{registration.uuid}/"
    client.post(detail, {"action": "ask", "question": "Waar willen jullie samenkomen?"})
    question = mail.outbox[-1]
    assert question.to == [INITIATOR] and "Waar willen jullie samenkomen?" in question.body
    assert question.reply_to == [group.support_point.email]
    assert Registration.objects.get().status == RegistrationStatus.ASKED
    assert client.post(detail, {"action": "decline", "reason": ""}).status_code == 200  # a reason is required
    assert Registration.objects.get().status == RegistrationStatus.ASKED
    client.post(detail, {"action": "decline", "reason": "Wij werken alleen in Eindhoven."})
    declined = mail.outbox[-1]
    assert declined.to == [INITIATOR] and "Wij werken alleen in Eindhoven." in declined.body
    assert Registration.objects.get().status == RegistrationStatus.DECLINED
    assert not Group.objects.filter(name_nl="Vrouwengroep Woensel").exists()


def test_a_viewer_cannot_decide_and_another_support_point_does_not_see_it(
    client: Client, group: Group, personas, other_support_point: Organisation
) -> None:  # type: ignore[no-untyped-def]
    registration = _confirmed(client, group.support_point)
    detail = f"/werkplek/aanmelding/{registration.uuid}/"
    sign_in(client, personas["viewer"])
    assert client.get(detail).status_code == 200
    assert client.post(detail, {"action": "approve", "status": "active"}).status_code == 403
    sign_in(client, personas["other_member"])
    assert client.get(detail).status_code == 404
    assert Registration.objects.get().status == RegistrationStatus.PENDING


def test_the_purge_deletes_decided_registrations_after_their_days_and_unconfirmed_after_a_week(
    client: Client, group: Group
) -> None:
    decided = _confirmed(client, group.support_point)
    registrations.registration_decline(registration=decided, reason="Nee")
    unconfirmed = registrations.registration_create(
        kind="existing",
        name="Andere groep",
        description="Iets",
        themes=list(decided.themes.all()),
        audience="affected",
        languages=list(decided.languages.all()),
        pc4="5611",
        online=False,
        frequency="",
        support_point=group.support_point,
        email="ander@example.org",
        mail_language="nl",
    )
    waiting = registrations.registration_create(
        kind="existing",
        name="Nog een groep",
        description="Iets",
        themes=list(decided.themes.all()),
        audience="affected",
        languages=list(decided.languages.all()),
        pc4="5611",
        online=False,
        frequency="",
        support_point=group.support_point,
        email="nog@example.org",
        mail_language="nl",
    )
    registrations.registration_confirm(waiting)
    assert registrations.registrations_purge() == 0
    Registration.objects.filter(pk=unconfirmed.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    later = timezone.now() + datetime.timedelta(days=31)
    assert registrations.registrations_purge(now=later) == 2
    assert list(Registration.objects.all()) == [waiting]
    # The daily job runs it.
    Registration.objects.filter(pk=waiting.pk).update(delete_after=timezone.localdate() - datetime.timedelta(days=1))
    call_command("purge_public_notes")
    assert Registration.objects.count() == 0


def test_a_bot_filling_the_honeypot_sees_the_same_page_and_nothing_is_stored(client: Client, group: Group) -> None:
    response = _post(client, group.support_point, website="http://spam.example")
    assert response.status_code == 302 and response["Location"] == "/groep-aanmelden/verstuurd/"
    assert Registration.objects.count() == 0 and len(mail.outbox) == 0


def test_registrations_share_the_public_notes_rate_limit(client: Client, group: Group) -> None:
    with override_settings(PUBLIC_NOTE_RATE_LIMIT=2):
        assert _post(client, group.support_point, name="Een").status_code == 302
        assert client.post(f"/groep/{group.slug}/klopt-er-iets-niet/", {"kind": "other"}).status_code == 302
        assert _post(client, group.support_point, name="Twee").status_code == 429
    assert Registration.objects.count() == 1


def test_a_place_the_directory_refuses_at_approval_is_said_and_nothing_is_made(client: Client, group: Group) -> None:
    registration = _confirmed(client, group.support_point)
    Registration.objects.filter(pk=registration.pk).update(pc4="0999")  # a postcode area that no longer exists
    sign_in(client, _editor(group))
    response = client.post(f"/werkplek/aanmelding/{registration.uuid}/", {"action": "approve", "status": "active"})
    assert response.status_code == 400 and "0999" in response.content.decode()
    assert Registration.objects.get().status == RegistrationStatus.PENDING
    assert not Group.objects.filter(name_nl="Vrouwengroep Woensel").exists()


def test_a_registration_left_undecided_for_half_a_year_is_deleted_all_the_same(client: Client, group: Group) -> None:
    registration = _confirmed(client, group.support_point)
    assert registrations.registrations_purge(now=timezone.now() + datetime.timedelta(days=179)) == 0
    assert registrations.registrations_purge(now=timezone.now() + datetime.timedelta(days=181)) == 1
    assert not Registration.objects.filter(pk=registration.pk).exists()


def test_the_support_points_dashboard_links_to_the_queue(client: Client, group: Group) -> None:
    sign_in(client, _editor(group))
    page = client.get(f"/werkplek/{group.support_point.slug}/").content.decode()
    assert f"/werkplek/{group.support_point.slug}/nieuwe-groepen/" in page

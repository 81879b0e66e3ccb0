"""'Tell me when a group starts': double opt-in, counts only for the support point, one mail each, withdraw, purge."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.db import connection
from django.test import Client, override_settings
from django.utils import timezone

from samenspel.core.crypto import PREFIX
from samenspel.directory.models import Group, Language, Theme
from samenspel.directory.search_index import index_groups
from samenspel.public_notes import wishes
from samenspel.public_notes.models import Wish
from tests.personas import sign_in

pytestmark = pytest.mark.django_db

URL = "/laat-het-me-weten/"


def _post(client: Client, language: str = "nl", **data: str):  # type: ignore[no-untyped-def]
    fields = {"theme": "gambling", "pc4": "5611", "language": "nl", "email": "ik@example.org", "months": "6", **data}
    return client.post(URL, fields, HTTP_ACCEPT_LANGUAGE=language)


def _link(message: mail.EmailMessage, part: str) -> str:
    found = re.search(rf"https?://\S+(/laat-het-me-weten/{part}/\S+/)", message.body)
    assert found, message.body
    return found.group(1)


def _confirmed(email: str = "ik@example.org", theme: str = "gambling", pc4: str = "5611", lang: str = "nl") -> Wish:
    wish = wishes.wish_create(
        email=email,
        theme=Theme.objects.get(slug=theme),
        pc4=pc4,
        language=Language.objects.get(code=lang),
        months=6,
        mail_language="nl",
    )
    return wishes.wish_confirm(wish)


def test_an_empty_search_offers_the_wish_with_theme_and_area_filled_in(client: Client, group: Group) -> None:
    index_groups([group.pk])
    page = client.get("/", {"q": "gokken", "place": "5611"}).content.decode()
    assert "/laat-het-me-weten/?theme=gambling&amp;pc4=5611" in page
    form = client.get(URL, {"theme": "gambling", "pc4": "5611"}).content.decode()
    assert 'value="gambling" selected' in form and 'value="5611"' in form
    assert 'name="name"' not in form and 'name="phone"' not in form


def test_a_wish_counts_only_after_the_mailed_link_is_confirmed(client: Client, reference: None) -> None:
    response = _post(client)
    assert response.status_code == 302 and response["Location"] == "/laat-het-me-weten/verstuurd/"
    wish = Wish.objects.get()
    assert not wish.consent and wish.pc4 == "5611" and wish.theme.slug == "gambling"
    assert wish.delete_after <= timezone.localdate() + datetime.timedelta(days=31 * 6)
    assert list(Wish.objects.confirmed()) == []
    # The address is encrypted at rest.
    with connection.cursor() as cursor:
        cursor.execute("SELECT email FROM public_notes_wish")
        assert cursor.fetchone()[0].startswith(PREFIX)
    [message] = mail.outbox
    assert message.to == ["ik@example.org"]
    confirm = _link(message, "bevestigen")
    assert "/laat-het-me-weten/stoppen/" in message.body
    # Opening the link (a mail scanner does) changes nothing; the button does.
    assert client.get(confirm).status_code == 200
    assert not Wish.objects.get().consent
    assert client.post(confirm).status_code == 200
    assert Wish.objects.get().consent


def test_the_same_wish_twice_is_one_wish_and_one_mail(client: Client, reference: None) -> None:
    _post(client)
    second = _post(client, email=" IK@example.org ")
    assert second.status_code == 302
    assert Wish.objects.count() == 1 and len(mail.outbox) == 1


@pytest.mark.parametrize("language", ["nl", "ar"])
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("pc4", "56"),
        ("pc4", "5611 AB"),
        ("pc4", "abcd"),
        ("pc4", "0999"),
        ("theme", "gokverslaving-xyz"),
        ("email", "geen"),
    ],
)
def test_bad_input_is_explained_in_the_visitors_language_and_nothing_is_written(
    client: Client, reference: None, language: str, field: str, value: str
) -> None:
    response = _post(client, language=language, **{field: value})
    assert response.status_code == 400
    page = response.content.decode()
    assert f'lang="{language}"' in page and 'role="alert"' in page and f'href="#id_{field}"' in page
    assert Wish.objects.count() == 0 and len(mail.outbox) == 0


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_twenty_megabytes_are_refused_and_nothing_is_written(client: Client, reference: None, language: str) -> None:
    response = _post(client, language=language, email="x" * (20 * 2**20))
    assert response.status_code == 413 and 'role="alert"' in response.content.decode()
    assert Wish.objects.count() == 0 and len(mail.outbox) == 0


def test_wishes_and_corrections_share_one_rate_limit(client: Client, group: Group) -> None:
    with override_settings(PUBLIC_NOTE_RATE_LIMIT=2):
        assert _post(client, email="a@example.org").status_code == 302
        assert client.post(f"/groep/{group.slug}/klopt-er-iets-niet/", {"kind": "other"}).status_code == 302
        assert _post(client, email="c@example.org").status_code == 429
    assert Wish.objects.count() == 1


def test_the_support_point_sees_small_counts_never_an_address_and_writes_to_all(
    client: Client, group: Group, personas
) -> None:  # type: ignore[no-untyped-def]
    for n in range(3):
        _confirmed(email=f"wacht{n}@example.org")
    wishes.wish_create(  # never confirmed: counts for nothing
        email="niet@example.org",
        theme=Theme.objects.get(slug="gambling"),
        pc4="5611",
        language=Language.objects.get(code="nl"),
        months=3,
        mail_language="nl",
    )
    _confirmed(email="ver@example.org", pc4="9711")  # Groningen: far from this support point
    _confirmed(email="turks@example.org", lang="tr")
    mail.outbox.clear()
    sign_in(client, personas["editor"])
    overview = f"/werkplek/{group.support_point.slug}/wensen/"
    page = client.get(overview).content.decode()
    assert "<5" in page or "&lt;5" in page
    assert "@example.org" not in page.replace(group.contact_email, "").replace(group.support_point.email, "")
    assert "9711" not in page
    # The group starts on the theme, in Dutch, near 5611.
    group.themes.add(Theme.objects.get(slug="gambling"))
    page = client.get(overview).content.decode()
    assert group.name_nl in page and "wacht0" not in page
    response = client.post(
        f"/werkplek/{group.support_point.slug}/wensen/schrijven/",
        {"group": str(group.uuid), "message": "Er is een nieuwe groep, op donderdagavond."},
        follow=True,
    )
    assert "wacht0@example.org" not in response.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == ["wacht0@example.org", "wacht1@example.org", "wacht2@example.org"]
    for message in mail.outbox:
        assert "donderdagavond" in message.body and "/laat-het-me-weten/stoppen/" in message.body
    # The same message again goes out once.
    client.post(
        f"/werkplek/{group.support_point.slug}/wensen/schrijven/",
        {"group": str(group.uuid), "message": "Er is een nieuwe groep, op donderdagavond."},
    )
    assert len(mail.outbox) == 3


def test_a_withdrawn_wish_is_gone_and_its_link_says_so(client: Client, reference: None) -> None:
    wish = _confirmed()
    link = wishes.withdraw_link(wish).split("://", 1)[1]
    link = link[link.index("/") :]
    assert client.get(link).status_code == 200 and Wish.objects.count() == 1
    assert client.post(link).status_code == 200
    assert Wish.objects.count() == 0
    assert client.get(link).status_code == 404


def test_purge_deletes_expired_and_unconfirmed_wishes_only(reference: None) -> None:
    keep = _confirmed(email="blijf@example.org")
    expired = _confirmed(email="oud@example.org", theme="alcohol")
    Wish.objects.filter(pk=expired.pk).update(delete_after=timezone.localdate() - datetime.timedelta(days=1))
    fresh_unconfirmed = wishes.wish_create(
        email="nieuw@example.org",
        theme=Theme.objects.get(slug="drugs"),
        pc4="5611",
        language=Language.objects.get(code="nl"),
        months=3,
        mail_language="nl",
    )
    stale = wishes.wish_create(
        email="nooit@example.org",
        theme=Theme.objects.get(slug="smoking"),
        pc4="5611",
        language=Language.objects.get(code="nl"),
        months=12,
        mail_language="nl",
    )
    Wish.objects.filter(pk=stale.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    assert wishes.wishes_purge() == 2
    assert set(Wish.objects.values_list("pk", flat=True)) == {keep.pk, fresh_unconfirmed.pk}
    assert wishes.wishes_purge() == 0


def test_the_daily_job_tells_the_support_point_a_count_when_a_group_starts(group: Group) -> None:
    from django.core.management import call_command

    from samenspel.directory.models import Location
    from samenspel.directory.services import group_create

    _confirmed(email="wacht@example.org")
    mail.outbox.clear()
    call_command("announce_wish_matches")
    assert mail.outbox == []  # no gambling group yet
    place = Location.objects.create(name="Wijkhuis", street="Kerkstraat 1", postcode="5612 AB", disclosure="public")
    started = group_create(
        actor=None,
        themes=[Theme.objects.get(slug="gambling")],
        languages=[Language.objects.get(code="nl")],
        slug="gokken-samen",
        name_nl="Samen stoppen met gokken",
        support_point=group.support_point,
        location=place,
        contact_email="gokken@example.org",
    )
    call_command("announce_wish_matches")
    call_command("announce_wish_matches")  # a second run the same day sends nothing new
    [message] = mail.outbox
    assert message.to == [group.support_point.email]
    assert "<5" in message.body and started.name_nl in message.subject
    assert f"/werkplek/{group.support_point.slug}/wensen/" in message.body
    assert "wacht@example.org" not in message.body

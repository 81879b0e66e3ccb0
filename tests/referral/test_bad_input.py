"""Bad input for a warm handover gets a clear error and stores nothing: no handover, no count, no e-mail."""

from __future__ import annotations

import html
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse

from samenspel.directory.models import Group
from samenspel.referral.forms import normalise_phone
from samenspel.referral.models import Handover, ReferralCount
from tests.personas import client_for

pytestmark = pytest.mark.django_db

GOOD = {
    "consent": "yes",
    "kind": "please_contact",
    "contact_name": "Ayse",
    "contact_phone": "06 12345678",
    "contact_email": "",
    "preferred_language": "tr",
    "note": "",
}

CASES = [
    # (what is wrong, changes to the good form, the error the professional reads)
    ("no consent, with details", {"consent": "no"}, "Without the client's consent nothing is sent"),
    (
        "no consent, no details",
        {"consent": "no", "kind": "may_contact_you", "contact_name": "", "contact_phone": ""},
        "Without the client's consent nothing is sent",
    ),
    ("consent not answered", {"consent": ""}, "Say whether the client agreed."),
    ("consent forged", {"consent": "maybe"}, "Select a valid choice"),
    ("too short a phone number", {"contact_phone": "06 1234"}, "This is not a valid phone number"),
    ("letters for a phone number", {"contact_phone": "bel me maar"}, "This is not a valid phone number"),
    ("an impossible international number", {"contact_phone": "+999 123"}, "This is not a valid phone number"),
    ("a Dutch number with a digit too many", {"contact_phone": "06 123456789"}, "This is not a valid phone number"),
    ("an invalid e-mail address", {"contact_email": "mehmet@", "contact_phone": ""}, "not a valid e-mail address"),
    ("an unknown language", {"preferred_language": "xx"}, "Choose one of the languages in the list."),
    (
        "contact details for 'someone may contact you'",
        {"kind": "may_contact_you"},
        "Contact details are only for 'please contact this person'",
    ),
    ("no way to call back", {"contact_phone": "", "contact_email": ""}, "Fill in a phone number or an e-mail address."),
    ("no name to call", {"contact_name": ""}, "Fill in a name or first name."),
    ("an unknown kind", {"kind": "call_the_police"}, "Select a valid choice"),
]


@pytest.mark.parametrize(("case", "changes", "error"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_refused_and_nothing_is_stored(
    case: str, changes: dict[str, str], error: str, personas: dict[str, Any], gambling_group: Group
) -> None:
    client = client_for(personas["professional_a"])
    response = client.post(reverse("referral:handover_new", args=[gambling_group.slug]), {**GOOD, **changes})
    assert response.status_code == 400, case
    body = html.unescape(response.content.decode())
    assert error in body
    assert "Nothing was sent" in body
    assert Handover.objects.count() == 0
    assert ReferralCount.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize("status", ["stopped", "initiative"])
def test_a_group_that_has_stopped_takes_no_handover_and_no_slip(
    status: str, personas: dict[str, Any], gambling_group: Group
) -> None:
    Group.objects.filter(pk=gambling_group.pk).update(status=status)
    client = client_for(personas["professional_a"])
    for name, data in (("referral:handover_new", GOOD), ("referral:slip_make", {"language": "tr"})):
        response = client.post(reverse(name, args=[gambling_group.slug]), data)
        assert response.status_code == 410
        assert "This group has stopped or is not on the map now" in response.content.decode()
    assert Handover.objects.count() == 0
    assert ReferralCount.objects.count() == 0
    assert mail.outbox == []


def test_the_good_form_is_accepted(personas: dict[str, Any], gambling_group: Group) -> None:
    """The control for the cases above: only the one change makes them fail."""
    client = client_for(personas["professional_a"])
    response = client.post(reverse("referral:handover_new", args=[gambling_group.slug]), GOOD)
    assert response.status_code == 302
    assert Handover.objects.get().contact_phone == "+31612345678"


def test_an_unknown_slip_language_is_refused(personas: dict[str, Any], gambling_group: Group) -> None:
    client = client_for(personas["professional_a"])
    response = client.post(reverse("referral:slip_make", args=[gambling_group.slug]), {"language": "xx"})
    assert response.status_code == 400
    assert "Choose one of the languages in the list." in response.content.decode()
    assert ReferralCount.objects.count() == 0


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("06 12345678", "+31612345678"),
        ("06-1234 5678", "+31612345678"),
        ("040 123 4567", "+31401234567"),
        ("+31 6 12345678", "+31612345678"),
        ("0031 6 12345678", "+31612345678"),
        ("+44 20 7946 0958", "+442079460958"),
        ("+90 532 123 45 67", "+905321234567"),
    ],
)
def test_dutch_and_international_numbers_are_accepted(typed: str, stored: str) -> None:
    assert normalise_phone(typed) == stored

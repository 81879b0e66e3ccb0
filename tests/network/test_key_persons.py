"""Key persons as users: invited by a support point, their own profile, the map as professionals see it."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from samenspel.core.models import AuditEntry
from samenspel.directory.models import Language, Organisation
from samenspel.network.models import KeyPerson, KeyPersonStatus, Reach
from samenspel.network.services import key_person_end, key_person_invite
from samenspel.referral.models import Professional, ProfessionalRole, ProfessionalStatus
from tests.network.conftest import key_person
from tests.personas import client_for

pytestmark = pytest.mark.django_db


def test_a_manager_invites_a_key_person_who_gets_a_mail_with_a_sign_in_link(
    cast: dict[str, Any], support_point: Organisation
) -> None:
    response = client_for(cast["manager"]).post(
        reverse("network:key_persons", args=[support_point.slug]), {"email": "Fatma@Buurt.example.org"}
    )
    assert response.status_code == 302
    invited = KeyPerson.objects.get(user__email="fatma@buurt.example.org")
    assert invited.status == KeyPersonStatus.INVITED
    assert invited.support_point == support_point
    (message,) = [m for m in mail.outbox if m.to == ["fatma@buurt.example.org"]]
    assert "Steunpunt Test invites you" in message.subject or "Steunpunt Test" in message.subject
    # No password yet: the mail carries a one-time sign-in link to the profile.
    assert "/link/" in message.body or "inloggen" in message.body
    assert reverse("network:profile") in message.body
    assert AuditEntry.objects.filter(action="key_person.invited").exists()


def test_a_viewer_may_see_the_key_persons_but_not_invite_one(cast: dict[str, Any], support_point: Organisation) -> None:
    url = reverse("network:key_persons", args=[support_point.slug])
    client = client_for(cast["viewer"])
    assert client.get(url).status_code == 200
    assert client.post(url, {"email": "x@example.org"}).status_code == 403
    assert not KeyPerson.objects.filter(user__email="x@example.org").exists()


def test_a_key_person_of_another_support_point_cannot_be_taken_over(
    cast: dict[str, Any], support_point: Organisation
) -> None:
    with pytest.raises(ValidationError):
        key_person_invite(support_point=support_point, email="samira@sleutel.example.org", actor=cast["manager"])
    assert key_person(cast["other_key_person"]).support_point != support_point


def test_saving_the_profile_the_first_time_makes_the_key_person_active_with_the_professional_view(
    cast: dict[str, Any], support_point: Organisation
) -> None:
    invited = key_person_invite(support_point=support_point, email="nieuw@buurt.example.org", actor=cast["manager"])
    client = client_for(invited.user)
    # Before the profile: the home says what to do first; no referral access yet.
    assert reverse("network:profile") in client.get(reverse("network:home")).content.decode()
    assert client.get(reverse("referral:search")).status_code == 403
    turkish = Language.objects.get(code="tr")
    response = client.post(
        reverse("network:profile"),
        {
            "public_name": "Nur",
            "languages": [turkish.pk],
            "availability": "Saturday",
            "visibility": "network",
            "reach_language_1": turkish.pk,
            "reach_place_1": "Woensel-Noord",
        },
    )
    assert response.status_code == 302, response.content.decode()
    invited.refresh_from_db()
    assert invited.status == KeyPersonStatus.ACTIVE
    assert [str(r.neighbourhood) for r in Reach.objects.filter(key_person=invited)] == ["Woensel-Noord"]
    professional = Professional.objects.get(user=invited.user)
    assert (professional.role, professional.status) == (ProfessionalRole.KEY_PERSON, ProfessionalStatus.APPROVED)
    # The map as professionals see it: the same search, slips and handovers, one code path.
    assert client.get(reverse("referral:search")).status_code == 200


def test_the_profile_refuses_a_place_that_names_people(cast: dict[str, Any]) -> None:
    client = client_for(cast["key_person"])
    turkish = Language.objects.get(code="tr")
    response = client.post(
        reverse("network:profile"),
        {
            "public_name": "Ayşe",
            "languages": [turkish.pk],
            "visibility": "public",
            "reach_place_1": "Marokkaanse vrouwen",
        },
    )
    assert response.status_code == 400
    assert "never by origin" in response.content.decode() or "nothing about people" in response.content.decode()


def test_the_home_page_shows_the_key_person_role(cast: dict[str, Any]) -> None:
    body = client_for(cast["key_person"]).get(reverse("home")).content.decode()
    assert "My work as a key person of Steunpunt Test" in body
    assert reverse("network:home") in body


def test_the_home_page_of_a_manager_links_to_the_key_persons_of_the_support_point(
    cast: dict[str, Any], support_point: Organisation
) -> None:
    body = client_for(cast["manager"]).get(reverse("home")).content.decode()
    assert reverse("network:key_persons", args=[support_point.slug]) in body


def test_the_public_page_shows_only_public_profiles_and_no_address_of_the_key_person(
    cast: dict[str, Any], support_point: Organisation
) -> None:
    from tests.network.conftest import make_key_person

    make_key_person(support_point, "stil@sleutel.example.org", "Stille Hanna")
    response = client_for(None).get(reverse("network:public", args=[support_point.slug]))
    body = response.content.decode()
    assert "Ayşe" in body and "Woensel" in body
    assert "Stille Hanna" not in body, "a network-only profile stays in the network"
    assert "@sleutel.example.org" not in body, "key persons are reached through the support point"


def test_the_circle_shows_the_network_of_the_own_support_point_only(
    cast: dict[str, Any], support_point: Organisation
) -> None:
    from tests.network.conftest import make_key_person

    make_key_person(support_point, "stil@sleutel.example.org", "Stille Hanna")
    body = client_for(cast["key_person"]).get(reverse("network:circle")).content.decode()
    assert "Stille Hanna" in body, "network-only profiles are seen by the network"
    assert "Samira" not in body, "another support point's key person is not in this network"


def test_ending_the_role_ends_the_professional_view_too(cast: dict[str, Any]) -> None:
    kp = key_person(cast["key_person"])
    key_person_end(key_person=kp, actor=cast["manager"])
    client = client_for(cast["key_person"])
    assert client.get(reverse("network:home")).status_code == 403
    assert client.get(reverse("referral:search")).status_code == 403

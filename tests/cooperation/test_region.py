"""Neighbours' groups (read-only, the public face only) and the national list of organisations and online offers."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samenspel.cooperation import services
from samenspel.cooperation.models import NationalOffer, OfferSuggestion, SuggestionStatus
from samenspel.cooperation.neighbours import are_neighbours, neighbours_of
from samenspel.core.models import AuditEntry
from samenspel.directory.models import Organisation, Theme
from tests.personas import sign_in

pytestmark = pytest.mark.django_db


def _sp(slug: str, municipality: str) -> Organisation:
    return Organisation(slug=slug, kind="support_point", name=slug, municipality=municipality)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Eindhoven", "Helmond", True),  # the same province
        ("Maastricht", "Eindhoven", False),  # another province, 68 km
        ("Nijmegen", "'s-Hertogenbosch", True),  # another province, but 36 km
        ("Eindhoven", "Groningen", False),
        ("Eindhoven", "", False),  # a support point that has not said where it is
        ("Eindhoven", "Nergenshuizen", False),
    ],
)
def test_neighbours_are_found_by_province_or_distance(a, b, expected):
    assert are_neighbours(_sp("a", a), _sp("b", b)) is expected
    assert are_neighbours(_sp("b", b), _sp("a", a)) is expected


def test_a_support_point_is_not_its_own_neighbour(support_point, other_support_point, third_support_point):
    assert neighbours_of(support_point) == [other_support_point]


def test_the_neighbours_page_shows_the_public_face_of_neighbouring_groups_only(client, people, neighbour_groups):
    sign_in(client, people["member"])
    page = client.get(reverse("cooperation:neighbours", kwargs={"slug": "steunpunt-test"})).content.decode()
    assert "Somber in Helmond" in page
    assert "Geheimstraat" not in page and "5701 AB" not in page  # area only: never the address
    assert "Helmond" in page
    assert "Gestopte groep" not in page  # not on the public map, so not here either
    assert "Somber in Groningen" not in page  # not a neighbour
    assert reverse("finder:group", kwargs={"slug": "helmond-somber"}) in page
    # Read-only: no form that changes anything.
    content = page.split("<h1", 1)[1].split("</main>", 1)[0]
    assert 'method="post"' not in content


def test_a_support_point_without_a_municipality_is_told_why_it_sees_no_neighbours(client, people, support_point):
    Organisation.objects.filter(pk=support_point.pk).update(municipality="")
    sign_in(client, people["member"])
    response = client.get(reverse("cooperation:neighbours", kwargs={"slug": support_point.slug}))
    assert response.status_code == 200
    assert "<table" not in response.content.decode()


def test_a_suggestion_becomes_an_offer_on_the_list_when_staff_add_it(client, people, reference, support_point):
    sign_in(client, people["member"])
    data = {"kind": "online", "name": "Korrelatie", "website": "https://www.mindkorrelatie.nl", "note": "Chat"}
    assert client.post(reverse("cooperation:suggest", kwargs={"slug": support_point.slug}), data).status_code == 302
    suggestion = OfferSuggestion.objects.get()
    assert suggestion.suggested_by == people["member"]
    assert "Korrelatie" not in client.get(reverse("cooperation:national_list")).content.decode()

    staff = client.__class__()
    sign_in(staff, people["staff"])
    assert "Korrelatie" in staff.get(reverse("cooperation:suggestions")).content.decode()
    staff.post(reverse("cooperation:suggestions"), {"suggestion": str(suggestion.uuid), "action": "accept"})
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.ACCEPTED
    assert NationalOffer.objects.get().name == "Korrelatie"
    assert AuditEntry.objects.filter(action="decide").exists()
    # Deciding twice changes nothing.
    services.suggestion_decide(suggestion=suggestion, accept=True, actor=None)
    assert NationalOffer.objects.count() == 1
    assert "Korrelatie" in client.get(reverse("cooperation:national_list")).content.decode()


def test_a_bad_suggestion_is_refused_and_stores_nothing(client, people, support_point):
    sign_in(client, people["member"])
    response = client.post(
        reverse("cooperation:suggest", kwargs={"slug": support_point.slug}), {"kind": "nonsense", "name": ""}
    )
    assert response.status_code == 400
    assert not OfferSuggestion.objects.exists()


def test_the_national_list_filters_by_theme_with_its_broader_themes(client, people, reference):
    depression = Theme.objects.get(slug="depression")
    offer = NationalOffer.objects.create(kind="helpline", name="De Luisterlijn", phone="088 0767 000")
    broad = NationalOffer.objects.create(kind="online", name="Breed aanbod")
    other = NationalOffer.objects.create(kind="organisation", name="Ander thema")
    offer.themes.set([depression])
    if depression.parent is not None:
        broad.themes.set([depression.parent])
    other.themes.set([Theme.objects.exclude(pk=depression.pk).exclude(pk=depression.parent_id).first()])
    NationalOffer.objects.create(kind="online", name="Verborgen", is_shown=False)
    sign_in(client, people["professional"])  # professionals refer to it too
    page = client.get(reverse("cooperation:national_list"), {"theme": "depression"}).content.decode()
    assert "De Luisterlijn" in page and "Ander thema" not in page and "Verborgen" not in page
    assert ("Breed aanbod" in page) is (depression.parent is not None)

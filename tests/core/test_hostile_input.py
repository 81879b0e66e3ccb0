"""Hostile input never becomes a 500: every public form, the search, the referral code box, the professional
sign-up, the sign-in form, the HSDS profile route and the JSON API, fed with tests/hostile.py's values."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samenspel.core.text import is_storable
from samenspel.directory.models import Group
from samenspel.finder.models import Question
from tests.hostile import SPECIAL_VALUES, get_raw, hostile_text, post_json, post_raw

pytestmark = pytest.mark.django_db
EXAMPLES = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def question(**changes: str) -> dict[str, str]:
    data = {
        "message": "Mag ik eerst een keer komen kijken?",
        "reply_by": "phone",
        "reply_email": "",
        "reply_phone": "06 12345678",
        "preferred_language": "nl",
        "website": "",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("value", ["\u2066061234567\u2069", "nan", "inf", "%s%n{0}", "\ud800", "x" * 10_000])
def test_the_question_forms_phone_field_answers_with_a_form_error(group: Group, value: str) -> None:
    response = post_raw(Client(HTTP_ACCEPT_LANGUAGE="en"), f"/groep/{group.slug}/vraag/", question(reply_phone=value))

    assert response.status_code == 200
    html = response.content.decode()
    assert "does not look like a phone number" in html or "at most 32 characters" in html
    assert not Question.objects.exists()


def test_nul_in_a_form_is_refused_with_400_in_the_visitors_language(group: Group) -> None:
    response = post_raw(Client(HTTP_ACCEPT_LANGUAGE="nl"), f"/groep/{group.slug}/vraag/", question(message="a\x00b"))

    assert response.status_code == 400
    assert 'lang="nl"' in response.content.decode()
    assert "tekens die we niet kunnen bewaren" in response.content.decode()
    assert not Question.objects.exists()


@EXAMPLES
@given(
    field=st.sampled_from(["message", "reply_by", "reply_email", "reply_phone", "preferred_language", "website"]),
    value=hostile_text,
)
def test_the_question_form_never_answers_500_and_stores_only_storable_text(
    group: Group, field: str, value: str
) -> None:
    cache.clear()
    data = question(reply_by="email", reply_email="bezoeker@example.net", reply_phone="")
    data[field] = value
    response = post_raw(Client(), f"/groep/{group.slug}/vraag/", data)

    assert response.status_code in {200, 302, 400}
    for stored in Question.objects.all():
        assert is_storable(stored.message) and is_storable(stored.reply_email) and is_storable(stored.reply_phone)


@EXAMPLES
@given(
    field=st.sampled_from(["q", "place", "theme", "language", "lang", "distance", "page", "sort"]), value=hostile_text
)
def test_the_search_never_answers_500(group: Group, field: str, value: str) -> None:
    response = get_raw(Client(), "/", {"q": "depressie", field: value})

    assert response.status_code in {200, 400}


@EXAMPLES
@given(value=hostile_text)
def test_the_referral_code_box_never_answers_500(group: Group, value: str) -> None:
    client = Client()
    assert get_raw(client, "/verwijzen/code/", {"code": value}).status_code in {200, 302, 400, 404}
    assert post_raw(client, "/verwijzen/code/", {"code": value}).status_code in {200, 302, 400, 404, 405}


@EXAMPLES
@given(field=st.sampled_from(["email", "organisation", "role", "support_point"]), value=hostile_text)
def test_the_professional_sign_up_never_answers_500(group: Group, field: str, value: str) -> None:
    cache.clear()
    data = {"email": "dokter@example.nl", "organisation": "Praktijk", "role": "gp", "support_point": "steunpunt-test"}
    data[field] = value
    assert post_raw(Client(), "/verwijzen/aanmelden/", data).status_code in {200, 302, 400}


@EXAMPLES
@given(field=st.sampled_from(["pw-email", "pw-password", "link-email", "next"]), value=hostile_text)
def test_the_sign_in_form_never_answers_500(db: None, field: str, value: str) -> None:
    cache.clear()
    data = {"pw-email": "iemand@example.org", "pw-password": "geheim-geheim", "sign_in": "1"}
    if field == "link-email":
        data = {"link-email": value, "send_link": "1"}
    else:
        data[field] = value
    assert post_raw(Client(), "/werkplek/inloggen/", data).status_code in {200, 302, 400, 429}


@pytest.mark.parametrize("value", ["a" * 10_000, "nan", "%s%n{0}", "\ud800"])
def test_the_hsds_profile_route_answers_404_for_any_name(db: None, value: str) -> None:
    path = "/api/hsds/profile/" + quote(value.encode("utf-8", "surrogatepass")) + ".json"
    assert Client().get(path).status_code in {404, 414}


def test_a_10000_character_path_is_refused_without_touching_the_file_system(db: None) -> None:
    response = Client().get("/api/hsds/profile/" + "a" * 10_000 + ".json")
    assert response.status_code == 414
    response = Client().get("/api/hsds/profile/" + "a" * 1_000 + ".json")
    assert response.status_code == 404


@pytest.mark.parametrize("value", [v for v in SPECIAL_VALUES if not v.isalnum()])
def test_json_with_unstorable_text_is_refused_with_400_json(db: None, value: str) -> None:
    response = post_json(Client(HTTP_ACCEPT_LANGUAGE="en"), "/api/services", {"name": value, "description": "x"})
    if is_storable(value):
        assert response.status_code < 500
    else:
        assert response.status_code == 400
        assert "cannot be stored" in response.json()["detail"]

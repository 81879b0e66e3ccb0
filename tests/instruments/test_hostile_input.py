"""Hostile input to the instruments' public forms never becomes a 500 and never stores what it should not."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from samenspel.instruments import services
from samenspel.instruments.models import FactorCount, SurveyAnswer
from tests.hostile import SPECIAL_VALUES, get_raw, post_raw

pytestmark = pytest.mark.django_db

FACTOR = "f:kunnen.e.knowledge-skills-qualities.language-barrier"
FORMS = {
    "/deelname-gesprek/": ["step", "theme", "plan", FACTOR, "go"],
    "/deelname-gesprek/pdf/": ["helps", "in_the_way", "theme", "plan"],
    "/deelname-gesprek/meetellen/": ["helps", "in_the_way", "theme", "submit_key", "website"],
}


@pytest.mark.parametrize("value", SPECIAL_VALUES)
def test_the_conversation_forms_answer_hostile_values_without_an_error(db, value: str) -> None:
    cache.clear()
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    for path, fields in FORMS.items():
        for field in fields:
            response = post_raw(client, path, {field: value})
            assert response.status_code < 500, (path, field)
    assert not FactorCount.objects.exists()


@pytest.mark.parametrize("value", SPECIAL_VALUES)
def test_the_survey_answers_hostile_values_without_an_error(group, value: str) -> None:
    cache.clear()
    code = services.survey_codes_create(group=group, count=1, actor=None)[0]
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    for field in ("routes", "self_help", "formal_help", "brings", "age_band", "gender"):
        response = post_raw(client, f"/vragenlijst/{code.code}/", {field: value})
        assert response.status_code < 500, field
        if response.status_code == 200 and SurveyAnswer.objects.exists():
            break
    assert get_raw(client, "/vragenlijst/", {"code": value}).status_code < 500

"""What a support point sees of the counted conversations: which factors stand in the way most, "<5" below five."""

from __future__ import annotations

import datetime
import hashlib

import pytest
from django.urls import reverse

from samenspel.instruments.matrix import matrix
from samenspel.instruments.services import matrix_contribute
from tests.personas import sign_in

pytestmark = pytest.mark.django_db


def _key(nl: str) -> str:
    return next(f.key for f in matrix().conversation_factors() if f.labels["nl"] == nl)


def _conversations(n: int, *, support_point, theme, language: str, answers: dict[str, str]) -> None:
    for i in range(n):
        matrix_contribute(
            answers=answers,
            theme=theme,
            language=language,
            support_point=support_point,
            # A key as the form makes them (at most 64 characters), one per conversation.
            submit_key=hashlib.sha256(f"{language}-{theme}-{i}-{sorted(answers)}".encode()).hexdigest()[:40],
            today=datetime.date(2026, 11, 3),
        )


def test_the_support_point_sees_which_factors_stand_in_the_way_most_with_small_counts_hidden(
    client, personas, support_point, other_support_point, themes
) -> None:
    depression, cancer = themes
    shame, language_barrier, hope = (
        _key("Schaamte voor de eigen problemen"),
        _key("Taalbarrière"),
        _key("Hoop op herstel"),
    )
    _conversations(
        7, support_point=support_point, theme=depression, language="ar", answers={shame: "in_the_way", hope: "helps"}
    )
    _conversations(
        3, support_point=support_point, theme=cancer, language="tr", answers={language_barrier: "in_the_way"}
    )
    _conversations(9, support_point=other_support_point, theme=cancer, language="tr", answers={hope: "in_the_way"})
    sign_in(client, personas["viewer"])
    url = reverse("instruments:figures", kwargs={"slug": support_point.slug})
    html = client.get(url).content.decode()
    assert "Conversations counted: 10" in html
    hinder = html.split("Stands in the way most")[1].split("Helps most")[0]
    assert hinder.index("Shame about your own problems") < hinder.index("Language barrier")
    assert "<td>Shame about your own problems</td><td>7</td><td>0</td>" in hinder
    assert "<td>Language barrier</td><td>&lt;5</td><td>0</td>" in hinder
    assert "Hope of recovery" not in hinder, "the other support point's conversations are not here"
    # Per language: 7 and 3 with the total; the 7 is hidden too, or the total would give the 3 away.
    languages = html.split("Conversations per language")[1]
    assert "<td>ar</td><td>hidden</td>" in languages and "<td>tr</td><td>&lt;5</td>" in languages
    only_cancer = client.get(url, {"theme": "cancer"}).content.decode()
    assert "Conversations counted: &lt;5" in only_cancer
    assert "Shame about your own problems" not in only_cancer.split("Stands in the way most")[1].split("Helps most")[0]
    only_arabic = client.get(url, {"language": "ar"}).content.decode()
    assert "Conversations counted: 7" in only_arabic

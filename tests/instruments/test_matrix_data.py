"""The participation-factor matrix as data: read from the seed's figures, checked as it is read."""

from __future__ import annotations

import json

import pytest
from django.conf import settings

from samenspel.directory.data_files import DataFileError
from samenspel.instruments.matrix import DATA_DIR, FILE, Text, matrix, parse


def _raw() -> dict:
    return json.loads((DATA_DIR / FILE).read_text(encoding="utf-8"))


def test_the_matrix_has_wanting_being_able_and_being_allowed_in_that_order() -> None:
    assert [d.key for d in matrix().dimensions] == ["willen", "kunnen", "mogen"]
    assert [d.labels["nl"] for d in matrix().dimensions] == ["Het willen", "Het kunnen", "Het mogen"]
    assert [d.names["en"] for d in matrix().dimensions] == ["Motivation", "Capacity", "Opportunity"]


def test_the_empirical_matrix_keeps_the_seeds_categories_and_words() -> None:
    """Figure 5 (000:1511-1753): category names and some factors exactly as the seed writes them."""
    empirical = {d.key: [c.labels["nl"] for c in d.categories if c.source == "empirical"] for d in matrix().dimensions}
    assert empirical == {
        "willen": [
            "Behoefte aan",
            "Drijfveren",
            "Drijfveren en behoeften",
            "Effecten",
            "Helper Therapy Principle",
            "Verrijken sociaal kapitaal",
        ],
        "kunnen": ["Kennis, vaardigheden, eigenschappen"],
        "mogen": [
            "Lotgenotengroep",
            "Eigen omgeving",
            "Informele steunpunten",
            "Sociale professionals",
            "Samenspel informele en formele zorg",
        ],
    }
    by_nl = {f.labels["nl"]: f for f in matrix().factors.values() if "e." in f.key}
    assert by_nl["Taalbarrière"].polarity == "hindering"
    assert by_nl["Eigen bijdrage koffie en thee"].polarity == "hindering"
    assert by_nl["Te veel sturing"].dimension == "mogen"
    assert by_nl["Hoop op herstel"].polarity == "promoting"
    # Listed on both sides of the seed: the same factor helps one person and stands in the way of another.
    assert by_nl["Professional als groepsbegeleider"].polarity == "both"


def test_every_factor_has_dutch_and_english_a_source_and_a_typical_polarity() -> None:
    factors = list(matrix().factors.values())
    assert len(factors) == 151
    for factor in factors:
        assert factor.labels["nl"].strip() and factor.labels["en"].strip()
    sources = {c.source for d in matrix().dimensions for c in d.categories}
    assert sources == {"conceptual", "empirical"}
    conceptual = [f for d in matrix().dimensions for c in d.categories if c.source == "conceptual" for f in c.factors]
    assert {f.polarity for f in conceptual} == {"unsided"}, "the conceptual design (figure 3) gives no side"
    # Figure 5 lists 73 promoting and 42 hindering items; one of them ("(Een) professional als groepsbegeleider")
    # on both sides, kept as one factor.
    polarities = ("promoting", "hindering", "both")
    counts = {p: sum(f.polarity == p for f in factors if f not in conceptual) for p in polarities}
    assert counts == {"promoting": 72, "hindering": 41, "both": 1}


def test_the_conversation_asks_the_citizens_matrix() -> None:
    asked = matrix().conversation_factors()
    assert len(asked) == 114
    assert all(".e." in f.key for f in asked)


def test_a_label_in_a_language_without_text_falls_back_to_english_and_says_so() -> None:
    factor = matrix().conversation_factors()[0]
    assert factor.text("de").lang == "en"
    assert factor.text("nl").text == "Aandacht en begrip"
    assert factor.text("ar") == Text("الاهتمام والتفهم", "ar")
    assert factor.text("ar").dir == "rtl"


def test_every_label_is_in_every_interface_language() -> None:
    # The conversation is held in the person's language: no factor, category or dimension falls back to English.
    languages = {code for code, _name in settings.LANGUAGES}
    assert languages == {"nl", "en", "ar", "fa", "pl", "so", "ti", "tr", "uk"}
    for d in matrix().dimensions:
        assert set(d.labels) == set(d.names) == set(d.descriptions) == languages, d.key
        for c in d.categories:
            assert set(c.labels) == languages, c.key
            for f in c.factors:
                assert set(f.labels) == languages, f.key
                assert all(text.strip() and len(text) <= 200 for text in f.labels.values()), f.key


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (
            lambda raw: raw["dimensions"][0]["categories"][0]["factors"][0]["label"].pop("en"),
            "field 'label.en': missing",
        ),
        (lambda raw: raw["dimensions"][0]["categories"][0]["factors"][0].update(polarity="mixed"), "unknown value"),
        (lambda raw: raw["dimensions"][0]["categories"][0].update(source="hearsay"), "field 'source'"),
        (lambda raw: raw["dimensions"].reverse(), "in that order"),
        (
            lambda raw: raw["dimensions"][2]["categories"][0]["factors"].append(
                dict(raw["dimensions"][2]["categories"][0]["factors"][0])
            ),
            "must be unique",
        ),
        (lambda raw: raw["dimensions"][0]["categories"][0]["factors"][0].update(colour="red"), "unknown field"),
    ],
)
def test_a_broken_matrix_file_fails_naming_the_entry_and_field(break_it, message) -> None:
    raw = _raw()
    break_it(raw)
    with pytest.raises(DataFileError, match=message):
        parse(raw)

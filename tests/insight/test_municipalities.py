"""Real municipalities (gemeenten) from the PC4 table: a group belongs to the one of its postcode."""

from __future__ import annotations

import csv

import pytest

from samenspel.directory import postcodes


def test_every_postcode_area_belongs_to_one_of_the_342_municipalities() -> None:
    names = postcodes.municipalities()
    assert len(names) == len(set(names)) == 342  # the Netherlands on 1 January 2024
    assert all(area.municipality in names for area in postcodes.all_areas())
    assert sum(len(postcodes.pc4s_of(name)) for name in names) == len(postcodes.all_areas())


@pytest.mark.parametrize(
    ("postcode", "place", "municipality"),
    [
        ("5611 AB", "Eindhoven", "Eindhoven"),
        ("5731", "Mierlo", "Geldrop-Mierlo"),
        ("3861", "Nijkerk", "Nijkerk"),  # GeoNames says "Hoogland" here
        ("1861", "Bergen (NH)", "Bergen (NH.)"),  # two municipalities are called Bergen
        ("5851", "Afferden L", "Bergen (L.)"),
        ("3221", "Hellevoetsluis", "Voorne aan Zee"),  # merged in 2023; GeoNames has no municipality there
        ("5383", "Vinkel", "'s-Hertogenbosch"),
    ],
)
def test_a_postcode_knows_its_place_and_municipality(postcode: str, place: str, municipality: str) -> None:
    area = postcodes.lookup(postcode)
    assert area is not None
    assert (area.place, area.municipality) == (place, municipality)


def test_municipalities_are_sorted_ignoring_case_accents_and_apostrophes() -> None:
    names = postcodes.municipalities()
    assert names[:2] == ["Aa en Hunze", "Aalsmeer"]
    assert names.index("'s-Hertogenbosch") > names.index("Rotterdam")  # under S, like "s-hertogenbosch"


def test_each_municipality_has_its_own_url_name() -> None:
    slugs = {postcodes.municipality_slug(name): name for name in postcodes.municipalities()}
    assert len(slugs) == 342
    assert postcodes.municipality_by_slug("s-hertogenbosch") == "'s-Hertogenbosch"
    assert postcodes.municipality_by_slug("sudwest-fryslan") == "Sûdwest Fryslân"
    assert postcodes.municipality_by_slug("bergen-l") == "Bergen (L.)"
    assert postcodes.municipality_by_slug("atlantis") is None


def test_the_pc4_table_keeps_its_columns_and_adds_the_municipality() -> None:
    with postcodes.DATA_FILE.open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert header == ["pc4", "place", "other_places", "province", "latitude", "longitude", "municipality"]
    assert postcodes.pc4s_of("Geldrop-Mierlo") == ("5661", "5662", "5663", "5664", "5665", "5666", "5667", "5731")
    assert postcodes.pc4s_of("Atlantis") == ()

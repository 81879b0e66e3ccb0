from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenspel.directory import postcodes


@pytest.mark.parametrize("text", ["5611", "5611AB", "5611 ab", " 5611 AB "])
def test_a_postcode_is_found_however_it_is_typed(text: str) -> None:
    area = postcodes.lookup(text)
    assert area is not None
    assert area.pc4 == "5611"
    assert area.place == "Eindhoven"


@pytest.mark.parametrize("text", ["0123", "5699", "abcd", "", "56", "5611ABC"])
def test_an_unknown_or_malformed_postcode_gives_nothing(text: str) -> None:
    assert postcodes.lookup(text) is None


def test_a_place_name_gives_the_centre_of_its_postcodes() -> None:
    eindhoven = postcodes.lookup_place("eindhoven")
    helmond = postcodes.resolve("Helmond")
    assert eindhoven is not None and helmond is not None
    km = postcodes.distance_km(eindhoven.latitude, eindhoven.longitude, helmond.latitude, helmond.longitude)
    assert 11 < km < 16  # Eindhoven to Helmond is about 13 km as the crow flies
    assert postcodes.lookup_place("Atlantis") is None


def test_place_names_match_without_accents_or_case() -> None:
    assert postcodes.lookup_place("'S-HERTOGENBOSCH") is not None


def test_the_bounding_box_contains_every_point_within_the_distance() -> None:
    lat, lon = 51.44, 5.48
    min_lat, max_lat, min_lon, max_lon = postcodes.bounding_box(lat, lon, 10)
    for area in postcodes.all_areas():
        if postcodes.distance_km(lat, lon, area.latitude, area.longitude) <= 10:
            assert min_lat <= area.latitude <= max_lat and min_lon <= area.longitude <= max_lon


@given(st.text(max_size=20))
def test_lookup_never_raises_on_any_text(text: str) -> None:
    postcodes.lookup(text)
    postcodes.resolve(text)

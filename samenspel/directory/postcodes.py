"""Dutch four-digit postcode areas (PC4): centroid, place, municipality and province.

Data: GeoNames postal codes (CC BY 4.0), shipped in data/pc4.csv (see
scripts/extract_pc4.py). Lookups stay on this machine: what a visitor types is
never sent to a geocoding service.

The place (woonplaats) is what people call where they live; the municipality
(gemeente) is the body that funds and asks for figures. A PC4 area belongs to
one municipality here: the one of its main place (GeoNames' admin_name2). Which rows lie in a municipality
(in_municipality) is answered here too, for the coverage and referral figures alike.
"""

from __future__ import annotations

import csv
import dataclasses
import math
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

from django.db.models import QuerySet
from django.db.models.functions import Substr

DATA_FILE = Path(__file__).parent / "data" / "pc4.csv"
EARTH_RADIUS_KM = 6371.0088
_PC_RE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})?\s*$")


@dataclasses.dataclass(frozen=True)
class Area:
    pc4: str
    place: str
    province: str
    latitude: float
    longitude: float
    municipality: str = ""


def _fold(text: str) -> str:
    """Lower case without accents or punctuation, for matching place names."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


@cache
def _table() -> tuple[dict[str, Area], dict[str, list[Area]]]:
    by_pc4: dict[str, Area] = {}
    by_place: dict[str, list[Area]] = {}
    with DATA_FILE.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            area = Area(
                row["pc4"],
                row["place"],
                row["province"],
                float(row["latitude"]),
                float(row["longitude"]),
                row["municipality"],
            )
            by_pc4[area.pc4] = area
            for name in [row["place"], *filter(None, row["other_places"].split("|"))]:
                by_place.setdefault(_fold(name), []).append(area)
    return by_pc4, by_place


def normalise(postcode: str) -> str:
    """'5611 ab' -> '5611AB'; '5611' stays '5611'. Raises ValueError when not a Dutch postcode."""
    match = _PC_RE.match(postcode or "")
    if not match:
        raise ValueError(postcode)
    return match.group(1) + (match.group(2) or "").upper()


def lookup(postcode: str) -> Area | None:
    """The PC4 area of a postcode (4 digits, optionally with letters), or None if unknown."""
    try:
        pc4 = normalise(postcode)[:4]
    except ValueError:
        return None
    return _table()[0].get(pc4)


def lookup_place(name: str) -> Area | None:
    """The centre of a place by name ('Eindhoven', "'s-Hertogenbosch"), or None."""
    areas = _table()[1].get(_fold(name))
    if not areas:
        return None
    lat = sum(a.latitude for a in areas) / len(areas)
    lon = sum(a.longitude for a in areas) / len(areas)
    return Area(areas[0].pc4, areas[0].place, areas[0].province, round(lat, 4), round(lon, 4), areas[0].municipality)


def resolve(text: str) -> Area | None:
    """A postcode or a place name, whichever the text is."""
    return lookup(text) if _PC_RE.match(text or "") else lookup_place(text)


def all_areas() -> list[Area]:
    """Every PC4 area, in postcode order."""
    return sorted(_table()[0].values(), key=lambda a: a.pc4)


@cache
def _municipalities() -> dict[str, tuple[str, ...]]:
    """Municipality name -> its PC4 areas, names in alphabetical order (ignoring case and accents)."""
    found: dict[str, list[str]] = {}
    for area in all_areas():
        found.setdefault(area.municipality, []).append(area.pc4)
    return {name: tuple(found[name]) for name in sorted(found, key=_fold)}


def municipalities() -> list[str]:
    """The names of all Dutch municipalities (gemeenten), sorted."""
    return list(_municipalities())


def is_municipality(name: str) -> bool:
    return name in _municipalities()


def pc4s_of(municipality: str) -> tuple[str, ...]:
    """The PC4 areas of a municipality, in postcode order; empty for an unknown name."""
    return _municipalities().get(municipality, ())


def municipality_slug(name: str) -> str:
    """A municipality's name for a URL: "'s-Hertogenbosch" -> 's-hertogenbosch', 'Bergen (NH.)' -> 'bergen-nh'."""
    return _fold(name).replace(" ", "-")


@cache
def _by_slug() -> dict[str, str]:
    return {municipality_slug(name): name for name in _municipalities()}


def municipality_by_slug(slug: str) -> str | None:
    return _by_slug().get(slug)


def centre_of(municipality: str) -> tuple[float, float] | None:
    """The mean of a municipality's PC4 centroids (lat, lon), or None for an unknown name."""
    areas = [_table()[0][pc4] for pc4 in pc4s_of(municipality)]
    if not areas:
        return None
    return sum(a.latitude for a in areas) / len(areas), sum(a.longitude for a in areas) / len(areas)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def bounding_box(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) around a point: a cheap prefilter before haversine."""
    dlat = math.degrees(km / EARTH_RADIUS_KM)
    dlon = math.degrees(km / (EARTH_RADIUS_KM * math.cos(math.radians(lat))))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def in_municipality(queryset: QuerySet[Any], municipality: str, *, postcode_field: str) -> QuerySet[Any]:
    """Rows whose location (reached through `postcode_field`) lies in the municipality, by the PC4 of its postcode.

    Online groups have no postcode and so are in no municipality.
    """
    return queryset.annotate(_pc4=Substr(postcode_field, 1, 4)).filter(_pc4__in=pc4s_of(municipality))


def municipality_of(postcode: str | None) -> str:
    """The municipality of a postcode, or "" when there is none (an online group) or it is unknown."""
    area = lookup(postcode or "")
    return area.municipality if area else ""


def place_of(postcode: str | None) -> str:
    area = lookup(postcode or "")
    return area.place if area else ""

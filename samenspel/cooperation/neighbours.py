"""Which support points are neighbours, from what the directory knows of where they are.

A support point's place is its home municipality (`Organisation.municipality`); the postcode data gives that
municipality's province and centre. Two support points are neighbours when their home municipalities lie in the
same province, or when their centres are at most `COOPERATION_NEIGHBOUR_KM` apart (so Nijmegen and
's-Hertogenbosch are neighbours across the border of Gelderland and Noord-Brabant). A support point without a
known municipality has no neighbours: it must first say where it is (its settings in the admin).
"""

from __future__ import annotations

from functools import cache

from samenspel.cooperation.conf import neighbour_km
from samenspel.directory import postcodes
from samenspel.directory.models import Organisation


@cache
def _province_of(municipality: str) -> str:
    for pc4 in postcodes.pc4s_of(municipality):
        area = postcodes.lookup(pc4)
        if area is not None:
            return area.province
    return ""


def are_neighbours(a: Organisation, b: Organisation) -> bool:
    if (
        (a.pk is not None and a.pk == b.pk)
        or not postcodes.is_municipality(a.municipality)
        or not postcodes.is_municipality(b.municipality)
    ):
        return False
    if _province_of(a.municipality) == _province_of(b.municipality):
        return True
    centre_a, centre_b = postcodes.centre_of(a.municipality), postcodes.centre_of(b.municipality)
    if centre_a is None or centre_b is None:
        return False
    return postcodes.distance_km(*centre_a, *centre_b) <= neighbour_km()


def neighbours_of(support_point: Organisation) -> list[Organisation]:
    """The support points that are this one's neighbours, by name."""
    others = Organisation.objects.support_points().exclude(pk=support_point.pk).order_by("name")
    return [other for other in others if are_neighbours(support_point, other)]

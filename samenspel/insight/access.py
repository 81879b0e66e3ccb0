"""The one access helper of the insight pages. Every insight view goes through it.

Anyone without access to the municipality gets 404, staff included: no one learns which municipalities
have people looking at their figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import Http404

from samenspel.directory import postcodes
from samenspel.insight.models import MunicipalityAccess, MunicipalityAccessQuerySet


@dataclass(frozen=True)
class Municipality:
    name: str
    slug: str


def municipality_for_user(user: Any, slug: str) -> Municipality:
    name = postcodes.municipality_by_slug(slug)
    if name is None or not MunicipalityAccess.objects.for_user(user).filter(municipality=name).exists():
        raise Http404
    return Municipality(name, slug)


def municipalities_for_user(user: Any) -> MunicipalityAccessQuerySet:
    """The municipalities whose pages this person may see, for the home page that lists every room they hold."""
    return MunicipalityAccess.objects.for_user(user)

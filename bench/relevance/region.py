"""The demo region the relevance benchmark judges against, and what the judge sees of each group.

Needs Django set up (bench.django_setup.start, or pytest-django in the tests).
"""

from __future__ import annotations

import dataclasses
import datetime

from bench.relevance import judge

SEED = 2015
TODAY = datetime.date(2026, 12, 1)  # fixed, so the last-checked dates (a tiebreaker of the ranking) do not move
GROUPS = 150

Located = tuple[judge.GroupFacts, float | None, float | None]


def load_demo_region(*, migrate: bool = True) -> None:
    """The Zuidoost-Brabant demo region, as `manage.py demo_region` builds it, in an empty database."""
    from django.core.management import call_command

    from samenspel.directory.demo import Generator
    from samenspel.directory.models import Group

    if migrate:
        call_command("migrate", verbosity=0)
        if Group.objects.exists():
            call_command("flush", interactive=False, verbosity=0)
    Generator(groups=GROUPS, seed=SEED, today=TODAY).run()


def group_facts() -> list[Located]:
    """(facts without a distance, latitude, longitude) of every demo group."""
    from samenspel.directory.models import Disclosure, Group

    out = []
    for g in Group.objects.select_related("location").prefetch_related("themes", "languages").order_by("pk"):
        online = g.location is None or g.location.disclosure == Disclosure.ONLINE
        facts = judge.GroupFacts(
            slug=g.slug,
            name=str(getattr(g, "name_nl", "") or g.name),
            themes=frozenset(t.slug for t in g.themes.all()),
            languages=frozenset(lang.code for lang in g.languages.all()),
            audience=g.audience,
            gender=g.gender,
            status=g.status,
            online=online,
            distance_km=None,
        )
        lat = None if online or g.location is None else g.location.latitude
        lon = None if online or g.location is None else g.location.longitude
        out.append((facts, lat, lon))
    return out


def facts_for(query: judge.Query, groups: list[Located]) -> list[judge.GroupFacts]:
    """The groups with their distance from the query's place (None when online or without a place)."""
    from samenspel.directory import postcodes

    origin = postcodes.resolve(query.place) if query.place else None
    out = []
    for facts, lat, lon in groups:
        km = None
        if origin is not None and lat is not None and lon is not None:
            km = postcodes.distance_km(origin.latitude, origin.longitude, lat, lon)
        out.append(dataclasses.replace(facts, distance_km=km))
    return out

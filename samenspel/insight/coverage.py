"""What peer support a municipality has: groups by theme, language and place, online groups, and gaps.

Counts of groups on the public map, never of people. A group is in a municipality when the postcode of the
place where it meets is (samenspel.directory.postcodes); online groups are in none, and anyone can join them,
so they are counted apart. "Nearby" uses the same public point as search (Location.public_coordinates), so
a distance here never tells more about a living room than the public map does.

A fixed number of queries, whatever the number of groups.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenspel.core.figures import FigureTable
from samenspel.directory import postcodes
from samenspel.directory.models import (
    Disclosure,
    Group,
    GroupQuerySet,
    GroupStatus,
    Language,
    Location,
    Theme,
)
from samenspel.directory.postcodes import in_municipality, place_of
from samenspel.directory.reference_data import MAJOR_THEME_SLUGS

# "Within about 25 km" of the municipality's centre: a bus or car ride, what people travel for a group.
NEARBY_KM = 25
# Groups that meet now. Paused groups and initiatives are on the map, but do not meet yet or at the moment.
MEETING_STATUSES = (GroupStatus.ACTIVE, GroupStatus.LOOKING)


@dataclass(frozen=True)
class ThemeCoverage:
    label: str
    here: int  # groups that meet in the municipality
    nearby: int  # groups outside it, within NEARBY_KM of its centre: never the groups already counted in `here`
    online: int  # online groups, open to anyone wherever they live

    @property
    def is_gap(self) -> bool:
        return self.here == 0


@dataclass(frozen=True)
class Coverage:
    groups: int
    online_groups: int
    top_themes: list[ThemeCoverage]
    common_themes: list[ThemeCoverage]
    languages: list[tuple[str, int]]
    places: list[tuple[str, int]]
    nearby_km: int = NEARBY_KM

    @property
    def gaps(self) -> list[ThemeCoverage]:
        return [theme for theme in [*self.top_themes, *self.common_themes] if theme.is_gap]


def meeting_groups() -> GroupQuerySet:
    return Group.objects.public().filter(status__in=MEETING_STATUSES)


def groups_in(municipality: str) -> QuerySet[Group]:
    """The groups that meet now in the municipality, at a place (not online)."""
    in_person = meeting_groups().exclude(location__disclosure=Disclosure.ONLINE)
    return in_municipality(in_person, municipality, postcode_field="location__postcode")


def _groups_per_theme(pairs: Iterable[tuple[int, int]], lineage: dict[int, list[int]]) -> dict[int, set[int]]:
    """Theme id -> the groups that have it or one of its narrower themes."""
    found: dict[int, set[int]] = defaultdict(set)
    for group_id, theme_id in pairs:
        for theme in lineage.get(theme_id, [theme_id]):
            found[theme].add(group_id)
    return found


def _lineage(themes: list[Theme]) -> dict[int, list[int]]:
    """Theme id -> the theme itself and every broader theme above it."""
    parent = {t.pk: t.parent_id for t in themes}
    lineage: dict[int, list[int]] = {}
    for theme in themes:
        chain: list[int] = []
        node: int | None = theme.pk
        while node is not None and node not in chain:
            chain.append(node)
            node = parent.get(node)
        lineage[theme.pk] = chain
    return lineage


def _nearby_pairs(municipality: str, here: QuerySet[Group]) -> list[tuple[int, int]]:
    centre = postcodes.centre_of(municipality)
    if centre is None:
        return []
    lat, lon = centre
    # The box is a little larger than the circle: the public point of an area-only address moves up to a kilometre.
    min_lat, max_lat, min_lon, max_lon = postcodes.bounding_box(lat, lon, NEARBY_KM + 2)
    around = (
        meeting_groups()
        .exclude(location__disclosure=Disclosure.ONLINE)
        .exclude(pk__in=here.values("pk"))
        .filter(location__latitude__range=(min_lat, max_lat), location__longitude__range=(min_lon, max_lon))
    )
    rows = Group.themes.through.objects.filter(group__in=around).values_list(
        "group_id", "theme_id", "group__location__latitude", "group__location__longitude", "group__location__disclosure"
    )
    pairs = []
    for group_id, theme_id, latitude, longitude, disclosure in rows:
        point = Location(latitude=latitude, longitude=longitude, disclosure=disclosure).public_coordinates()
        if point[0] is not None and point[1] is not None:
            if postcodes.distance_km(lat, lon, point[0], point[1]) <= NEARBY_KM:
                pairs.append((group_id, theme_id))
    return pairs


def coverage_of(municipality: str) -> Coverage:
    here = groups_in(municipality)
    postcodes_here = list(here.values_list("location__postcode", flat=True))
    through = Group.themes.through
    here_pairs = list(through.objects.filter(group__in=here).values_list("group_id", "theme_id"))
    online = meeting_groups().filter(location__disclosure=Disclosure.ONLINE)
    online_pairs = list(through.objects.filter(group__in=online).values_list("group_id", "theme_id"))
    online_count = online.count()

    themes = list(Theme.objects.all())
    lineage = _lineage(themes)
    per_theme_here = _groups_per_theme(here_pairs, lineage)
    per_theme_nearby = _groups_per_theme(_nearby_pairs(municipality, here), lineage)
    per_theme_online = _groups_per_theme(online_pairs, lineage)

    def row(theme: Theme) -> ThemeCoverage:
        return ThemeCoverage(
            label=theme.label,
            here=len(per_theme_here.get(theme.pk, ())),
            nearby=len(per_theme_nearby.get(theme.pk, ())),
            online=len(per_theme_online.get(theme.pk, ())),
        )

    top = sorted((t for t in themes if t.parent_id is None), key=lambda t: t.label.casefold())
    by_slug = {t.slug: t for t in themes}
    common = sorted(
        (by_slug[slug] for slug in MAJOR_THEME_SLUGS if slug in by_slug and by_slug[slug].parent_id is not None),
        key=lambda t: t.label.casefold(),
    )

    languages = dict(
        Group.languages.through.objects.filter(group__in=here)
        .values("language_id")
        .annotate(n=Count("group_id", distinct=True))
        .values_list("language_id", "n")
    )
    names = {lang.pk: lang.name for lang in Language.objects.filter(pk__in=languages)}
    places = Counter(place_of(postcode) or postcode for postcode in postcodes_here)
    return Coverage(
        groups=len(postcodes_here),
        online_groups=online_count,
        top_themes=[row(t) for t in top],
        common_themes=[row(t) for t in common],
        languages=sorted(((names[pk], n) for pk, n in languages.items()), key=lambda item: (-item[1], item[0])),
        places=sorted(places.items(), key=lambda item: (-item[1], item[0].casefold())),
    )


def nearby_explained(municipality: str, km: int = NEARBY_KM) -> str:
    return _(
        "Nearby: groups that meet outside %(name)s, but within %(km)d km of its centre. They are not in the "
        "column for %(name)s, so a theme can have fewer groups nearby than in %(name)s itself."
    ) % {"name": municipality, "km": km}


def coverage_tables(municipality: str, coverage: Coverage) -> list[FigureTable]:
    """The coverage as the tables the page, its charts, its CSV and its PDF show (counts of groups, not people)."""
    columns = [
        _("In %(name)s") % {"name": municipality},
        _("Nearby, outside %(name)s (within %(km)d km)") % {"name": municipality, "km": coverage.nearby_km},
        _("Online"),
    ]

    def themes(key: str, title: str, rows: list[ThemeCoverage], note: str) -> FigureTable:
        return FigureTable(key, title, columns, [(t.label, [t.here, t.nearby, t.online]) for t in rows], note=note)

    groups = [_("Groups")]
    return [
        themes(
            "by-main-theme",
            _("By main theme"),
            coverage.top_themes,
            ngettext(
                "The %(n)d main theme of the map, with the groups of every theme below it.",
                "The %(n)d main themes of the map, each with the groups of every theme below it.",
                len(coverage.top_themes),
            )
            % {"n": len(coverage.top_themes)},
        ),
        themes(
            "by-common-theme",
            _("Common themes"),
            coverage.common_themes,
            common_themes_explained(len(coverage.common_themes)),
        ),
        FigureTable("by-language", _("Meeting languages"), groups, [(name, [n]) for name, n in coverage.languages]),
        FigureTable("by-place", _("Groups per place"), groups, [(name, [n]) for name, n in coverage.places]),
    ]


def common_themes_explained(n: int) -> str:
    return ngettext(
        "%(n)d common theme: a fixed list of themes many people live with, the same for every municipality. "
        "It is not measured from searches: the site keeps no record of what people search for.",
        "%(n)d common themes: a fixed list of themes many people live with, the same for every municipality. "
        "It is not measured from searches: the site keeps no record of what people search for.",
        n,
    ) % {"n": n}

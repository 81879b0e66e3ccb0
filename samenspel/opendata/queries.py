"""The HSDA query parameters as querysets, and the HSDA page envelope."""

from __future__ import annotations

import dataclasses
import datetime
import math
import uuid
from collections.abc import Iterator, Sequence
from typing import Any, Generic, TypeVar, overload

from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from ninja import Schema
from pydantic import Field, field_validator

from samenspel.directory import postcodes, search
from samenspel.directory.models import Group, SearchDocument, Theme
from samenspel.directory.recurrence import AMSTERDAM
from samenspel.opendata import ids

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
DEFAULT_PROXIMITY_M = 10_000
MAX_PROXIMITY_M = 300_000

M = TypeVar("M", bound=Model)


class ServiceFilters(Schema):
    """The HSDA filters of services and service_at_locations: one definition for both endpoints."""

    search: str = Field("", max_length=200, description="Words, as in the finder (themes, synonyms, typos).")
    taxonomy_term_id: str = Field("", description="Services with this theme or a narrower one.")
    organization_id: str = Field("", description="Services provided or supported by this organization.")
    modified_after: datetime.datetime | None = Field(None, description="Services changed on or after this moment.")
    postcode: str = Field("", max_length=60, description="A Dutch postcode or place: services near it.")
    proximity: int | None = Field(None, ge=1, le=MAX_PROXIMITY_M, description="Distance from the postcode in metres.")

    def narrows_beyond_ranking(self) -> bool:
        """Filters other than search and proximity (which rank public groups themselves)."""
        return bool(self.taxonomy_term_id or self.organization_id or self.modified_after)

    def is_empty(self) -> bool:
        return not (
            self.search or self.taxonomy_term_id or self.organization_id or self.modified_after or self.postcode
        )

    @field_validator("search", "postcode", "taxonomy_term_id", "organization_id")
    @classmethod
    def _text(cls, value: str) -> str:
        # PostgreSQL refuses NUL characters in strings.
        return value.replace("\x00", "").strip()

    @field_validator("modified_after")
    @classmethod
    def _utc(cls, value: datetime.datetime | None) -> datetime.datetime | None:
        return utc(value)


def utc(value: datetime.datetime | None) -> datetime.datetime | None:
    """The moment in UTC. PostgreSQL refuses offsets beyond ±15:59 that ISO 8601 (and Python) allow."""
    if value is None:
        return None
    if timezone.is_naive(value):
        value = value.replace(tzinfo=AMSTERDAM)
    try:
        return value.astimezone(datetime.UTC)
    except OverflowError:
        # Just past the edge of the calendar (year 1 or 9999 with an offset): every change is after it or not.
        return (
            datetime.datetime.min.replace(tzinfo=datetime.UTC)
            if value.year < 2
            else datetime.datetime.max.replace(tzinfo=datetime.UTC)
        )


def theme_pks_for_term(term_id: str) -> set[int]:
    """The theme with this HSDS term id and its narrower themes (as search does)."""
    wanted = term_id.strip().lower()
    for pk, slug in Theme.objects.values_list("pk", "slug"):
        if ids.theme_id(slug) == wanted:
            direct, narrower = search.expand_themes(list(Theme.objects.filter(pk=pk)))
            return direct | narrower
    return set()


def _as_uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value.strip())
    except ValueError:
        return None


class SearchOrder(Sequence[int]):
    """Public group ids matching the words, best first: the finder's own search and ranking.

    Read lazily: a slice the size of a page asks the database for that page only (it sorts and
    counts, and 50 rows travel instead of every match); anything else reads the whole ranking
    once. directory.search has no public "ids only" entry point yet; this uses its ranking query,
    so the API ranks exactly as the finder does.
    """

    def __init__(self, raw: str) -> None:
        self.query = search.parse(raw, interface_language=get_language() or "nl")
        self._all: list[int] | None = None
        self._total: int | None = None

    def _rank(self, limit: int | None = None, offset: int = 0) -> list[int]:
        ranked, self._total = search.rank(self.query, search.Filters(distance=None), None, limit=limit, offset=offset)
        return [r.group_id for r in ranked]

    def _everything(self) -> list[int]:
        if self._all is None:
            self._all = self._rank()
        return self._all

    def __len__(self) -> int:
        if self._all is not None:
            return len(self._all)
        if self._total is None:
            self._rank(limit=1)
        assert self._total is not None
        return self._total

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if self._all is None and isinstance(index, slice) and index.step is None:
            start, stop = index.start or 0, index.stop
            if 0 <= start and stop is not None and 0 <= stop - start <= MAX_PER_PAGE:
                return self._rank(limit=stop - start, offset=start) if stop > start else []
        return self._everything()[index]

    def __iter__(self) -> Iterator[int]:
        return iter(self._everything())


def near(origin: postcodes.Area, metres: int) -> list[int]:
    """Public in-person groups within `metres` of the origin, nearest first.

    Measured to the public point only, so the distance cannot be used to pin down a private
    address. The search index holds exactly that point (Location.public_coordinates(), rounded for
    area-only and on-request places, as public_place gives it) for exactly the public groups,
    with an index on it: no group or location needs loading.
    """
    km = metres / 1000
    min_lat, max_lat, min_lon, max_lon = postcodes.bounding_box(origin.latitude, origin.longitude, km + 2)
    points = SearchDocument.objects.filter(
        is_online=False,
        latitude__range=(min_lat, max_lat),
        longitude__range=(min_lon, max_lon),
    ).values_list("group_id", "latitude", "longitude")
    found: list[tuple[float, int]] = []
    for pk, latitude, longitude in points:
        if latitude is None or longitude is None:
            continue
        distance = postcodes.distance_km(origin.latitude, origin.longitude, latitude, longitude)
        if distance <= km:
            found.append((distance, pk))
    found.sort()
    return [pk for _d, pk in found]


def filter_services(qs: QuerySet[Group], f: ServiceFilters) -> tuple[QuerySet[Group], Sequence[int] | None]:
    """The filtered queryset, and an explicit order when search or proximity decides it."""
    if f.taxonomy_term_id:
        qs = qs.filter(themes__in=theme_pks_for_term(f.taxonomy_term_id)).distinct()
    if f.organization_id:
        org = _as_uuid(f.organization_id)
        qs = qs.filter(Q(organisation__uuid=org) | Q(support_point__uuid=org)) if org else qs.none()
    if f.modified_after is not None:
        qs = qs.filter(updated_at__gte=f.modified_after)
    order: Sequence[int] | None = None
    if f.search.strip():
        order = SearchOrder(f.search)
    if f.postcode.strip():
        origin = postcodes.resolve(f.postcode.strip())
        # Nothing is near a place we do not know: an empty result, as for a place with no groups.
        close = [] if origin is None else near(origin, f.proximity or DEFAULT_PROXIMITY_M)
        if order is None:
            order = close
        else:
            nearby = set(close)
            order = [pk for pk in order if pk in nearby]
    return qs, order


@dataclasses.dataclass
class Page(Generic[M]):
    items: list[M]
    total: int
    number: int
    per_page: int

    def envelope(self, contents: list[Any]) -> dict[str, Any]:
        pages = max(1, math.ceil(self.total / self.per_page))
        return {
            "total_items": self.total,
            "total_pages": pages,
            "page_number": self.number,
            "size": len(contents),
            "first_page": self.number == 1,
            "last_page": self.number >= pages,
            "empty": not contents,
            "contents": contents,
        }


def paginate_public(qs: QuerySet[M], page: int, per_page: int) -> Page[M]:
    """A page of every public group without a filter, in creation order, read from the search index.

    The index holds exactly the public groups (search_index keeps it current on every write), so its
    primary key gives the count and the page's ids without joining and sorting the whole map; only
    the page's own groups are then loaded.
    """
    start = (page - 1) * per_page
    total = SearchDocument.objects.count()
    ids = (
        list(SearchDocument.objects.order_by("group_id").values_list("group_id", flat=True)[start : start + per_page])
        if start < total
        else []
    )
    by_pk = qs.in_bulk(ids) if ids else {}
    return Page([by_pk[pk] for pk in ids if pk in by_pk], total, page, per_page)


def paginate(
    qs: QuerySet[M], order: Sequence[int] | None, page: int, per_page: int, *, order_is_complete: bool = False
) -> Page[M]:
    """One page: two queries (count and rows) whatever the page size.

    `order_is_complete`: the ranked ids are already exactly the public matches (search and proximity
    read public groups only, and no other filter narrows them), so only the page's own rows are read,
    instead of checking thousands of ids against the queryset first.
    """
    start = (page - 1) * per_page
    if order is None:
        total = qs.count()
        return Page(list(qs[start : start + per_page]) if start < total else [], total, page, per_page)
    if order_is_complete:
        chosen = order[start : start + per_page]
        by_pk = qs.in_bulk(chosen) if chosen else {}
        return Page([by_pk[pk] for pk in chosen if pk in by_pk], len(order), page, per_page)
    allowed = set(qs.filter(pk__in=order).values_list("pk", flat=True))
    ordered = [pk for pk in order if pk in allowed]
    chosen = ordered[start : start + per_page]
    by_pk = qs.in_bulk(chosen) if chosen else {}
    return Page([by_pk[pk] for pk in chosen], len(ordered), page, per_page)


def iterate(qs: QuerySet[M], order: Sequence[int] | None, chunk_size: int = 500) -> Any:
    """Every row, in bounded memory: for ndjson streams and exports."""
    if order is None:
        yield from qs.iterator(chunk_size=chunk_size)
        return
    order = list(order)
    for i in range(0, len(order), chunk_size):
        chunk = order[i : i + chunk_size]
        by_pk = qs.in_bulk(chunk)
        yield from (by_pk[pk] for pk in chunk if pk in by_pk)

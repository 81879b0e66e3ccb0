"""The search document: one denormalised row per public group, kept current on every write.

Writes go through the ORM only. The database keeps its own text index in
step: on PostgreSQL two generated tsvector columns with GIN indexes, on
SQLite an external-content FTS5 table with triggers (migration 0002). Both
index the same pre-stemmed terms (see text.py), so both give the same results.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable
from functools import lru_cache

from django.core.cache import cache
from django.db import transaction
from django.db.models import Prefetch
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from samenspel.directory import map_version, text
from samenspel.directory.models import (
    Activity,
    Cost,
    Disclosure,
    Gender,
    Group,
    GroupKind,
    GroupStatus,
    Location,
    Schedule,
    SearchDocument,
    Theme,
    ThemeSynonym,
    WorkingMethod,
)
from samenspel.directory.reference_data import FEATURES as WORD_FEATURES
from samenspel.directory.reference_data import INTERFACE_LANGUAGES

BATCH = 1000
VOCABULARY_VERSION_KEY = "search:vocabulary-version"

# Parts of the day as bits, for the day-part filter.
MORNING, AFTERNOON, EVENING = 1, 2, 4


def part_of_day(hour: int) -> int:
    if hour < 12:
        return MORNING
    if hour < 17:
        return AFTERNOON
    return EVENING


@lru_cache(maxsize=20_000)
def _stems_cached(value: str, language: str) -> tuple[str, ...]:
    # Demo and imported data repeat texts a lot; stemming each text once keeps rebuilds fast.
    return tuple(text.stems(value, language))


def _terms(group: Group, fields: Iterable[str]) -> str:
    seen: dict[str, None] = {}
    for field in fields:
        for code in INTERFACE_LANGUAGES:
            value = getattr(group, f"{field}_{code}", "") or ""
            if value:
                seen.update(dict.fromkeys(_stems_cached(value, code)))
    return " ".join(seen)


def welcomes_new(group: Group) -> bool:
    """'New members welcome now': looking for members, an initiative looking for others, or active with an open
    intake (a group that takes new members at set moments: when the next one is near)."""
    if group.status == GroupStatus.LOOKING or (group.status == GroupStatus.INITIATIVE and group.seeking_others):
        return True
    return group.status == GroupStatus.ACTIVE and group.intake_open_now()


# What a visitor can ask for beside themes ("rolstoel", "jongeren", "wandelen"), as bits of the search
# document's feature_mask: the filters of the search form and the feature words of own-words search
# (reference/feature_words.json) both match them.
# "women" has no words of its own: "vrouwen" already says so in a search (audience_words.json).
FEATURES = (*WORD_FEATURES, "women")


def feature_bits(names: Iterable[str]) -> int:
    return sum(1 << FEATURES.index(name) for name in set(names) if name in FEATURES)


def features(group: Group, places: Iterable[Location | None]) -> list[str]:
    """The FEATURES this group has; a place feature counts when any place the group meets at has it."""
    found: list[str] = []
    rooms = [p for p in places if p is not None and p.disclosure != Disclosure.ONLINE]
    for name, attribute in (
        ("wheelchair", "wheelchair_accessible"),
        ("hearingloop", "hearing_loop"),
        ("quietroom", "quiet_room"),
        ("childcare", "childcare"),
    ):
        if any(getattr(p, attribute) for p in rooms):
            found.append(name)
    if group.age_band:
        found.append(group.age_band)
    if group.working_method == WorkingMethod.ACTIVITY or group.activity:
        found.append("activity")
    if group.activity in (Activity.WALKING, Activity.COOKING, Activity.CREATIVE):
        found.append(str(group.activity))
    if group.gender == Gender.WOMEN or group.kind == GroupKind.WOMEN:
        found.append("women")
    if group.one_to_one:
        found.append("onetoone")
    if group.phone_contact:
        found.append("phone")
    if group.hybrid and rooms:
        found.append("hybrid")
    return found


def build_document(group: Group) -> SearchDocument:
    location = group.location
    online = location is None or location.disclosure == Disclosure.ONLINE
    weekdays = parts = 0
    places: list[Location | None] = [location]
    for schedule in group.schedules.all():
        if schedule.location_id:
            places.append(schedule.location)
        rule = schedule.rule()
        days = set(rule.weekdays) if rule.weekdays else {d.weekday() for d in rule.dates}
        if schedule.kind == Schedule.Kind.MONTHLY_DATE:
            days = set(range(7))  # a date falls on any weekday
        for day in days:
            weekdays |= 1 << day
        parts |= part_of_day(schedule.start_time.hour)
    place = "" if online or location is None else location.municipality
    latitude, longitude = (None, None) if location is None else location.public_coordinates()
    return SearchDocument(
        group=group,
        support_point_id=group.support_point_id,
        is_online=online,
        latitude=latitude,
        longitude=longitude,
        audience=group.audience,
        gender=group.gender,
        is_free=group.cost in (Cost.FREE, Cost.VOLUNTARY),
        welcomes_new=welcomes_new(group),
        weekday_mask=weekdays,
        part_mask=parts,
        verified_at=group.last_verified_at,
        name_terms=_terms(group, ("name",)),
        facet_terms=" ".join(
            [f"t{theme.pk}" for theme in group.themes.all()] + [f"l{lang.code}" for lang in group.languages.all()]
        ),
        feature_mask=feature_bits(features(group, places)),
        body_terms=" ".join(filter(None, (_terms(group, ("description", "first_visit")), " ".join(text.words(place))))),
    )


UPDATE_FIELDS = [
    "support_point_id",
    "is_online",
    "latitude",
    "longitude",
    "audience",
    "gender",
    "is_free",
    "welcomes_new",
    "weekday_mask",
    "part_mask",
    "verified_at",
    "name_terms",
    "body_terms",
    "facet_terms",
    "feature_mask",
]


def index_groups(group_ids: Iterable[int]) -> int:
    """(Re)build the search documents of these groups; non-public groups are taken out."""
    ids = list(set(group_ids))
    written = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        groups = (
            Group.objects.public()
            .filter(pk__in=chunk)
            .select_related("location")
            .prefetch_related(
                Prefetch("schedules", queryset=Schedule.objects.order_by("pk").select_related("location")),
                "themes",
                "languages",
            )
        )
        docs = [build_document(g) for g in groups]
        with transaction.atomic():
            SearchDocument.objects.filter(group_id__in=chunk).exclude(group_id__in=[d.group_id for d in docs]).delete()
            SearchDocument.objects.bulk_create(
                docs, update_conflicts=True, unique_fields=["group"], update_fields=UPDATE_FIELDS
            )
        written += len(docs)
    bump_vocabulary()
    # Bulk writes send no signals; whatever was indexed changed the public map.
    map_version.bump_on_commit()
    return written


def rebuild() -> int:
    """Rebuild every search document (after bulk imports and the generator)."""
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        ids = list(Group.objects.public().values_list("pk", flat=True).order_by("pk"))
        return index_groups(ids)


def bump_vocabulary() -> None:
    """Tell every worker that themes, languages or the index words changed."""
    cache.set(VOCABULARY_VERSION_KEY, uuid.uuid4().hex, None)


def vocabulary_version() -> str:
    """A token that changes whenever the vocabulary does; workers key their in-process caches on it.

    A random token, not a counter: after a cache flush (or a restarted Redis) a counter would start
    again at 1 and match caches built from older data.
    """
    version = cache.get(VOCABULARY_VERSION_KEY)
    if version is None:
        cache.add(VOCABULARY_VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VOCABULARY_VERSION_KEY)
    return str(version)


# Keep the index current on every write, once per transaction commit. --------


_local = threading.local()


def _flush_pending() -> None:
    ids: set[int] = getattr(_local, "ids", set())
    _local.ids = set()
    if ids:
        index_groups(ids)


def _reindex_later(group_ids: Iterable[int]) -> None:
    """Index these groups once the transaction commits, together with every other group it touched.

    A write touches a group several times (the row, its themes, its languages); an import touches
    thousands. Each signal adds to one set; the first callback to run at commit indexes the whole set
    in one pass and the rest find it empty. Ids left over from a rolled-back transaction are simply
    indexed again later, which reads the database as it is and changes nothing.
    """
    ids = {i for i in group_ids if i is not None}
    if ids:
        if not hasattr(_local, "ids"):
            _local.ids = set()
        _local.ids.update(ids)
        transaction.on_commit(_flush_pending)


@receiver(post_save, sender=Group)
@receiver(post_delete, sender=Group)
def _group_changed(sender: type, instance: Group, **kwargs: object) -> None:
    if kwargs.get("raw"):
        return
    _reindex_later([instance.pk])


@receiver(m2m_changed, sender=Group.themes.through)
@receiver(m2m_changed, sender=Group.languages.through)
def _group_links_changed(sender: type, instance: object, action: str, **kwargs: object) -> None:
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, Group):
        _reindex_later([instance.pk])


@receiver(post_save, sender=Schedule)
@receiver(post_delete, sender=Schedule)
def _schedule_changed(sender: type, instance: Schedule, **kwargs: object) -> None:
    _reindex_later([instance.group_id])


@receiver(post_save, sender=Location)
def _location_changed(sender: type, instance: Location, **kwargs: object) -> None:
    if kwargs.get("raw"):
        return
    _reindex_later(Group.objects.filter(location=instance).values_list("pk", flat=True))
    _reindex_later(Schedule.objects.filter(location=instance).values_list("group_id", flat=True))


@receiver(post_save, sender=Theme)
@receiver(post_delete, sender=Theme)
@receiver(post_save, sender=ThemeSynonym)
@receiver(post_delete, sender=ThemeSynonym)
def _vocabulary_changed(sender: type, **kwargs: object) -> None:
    transaction.on_commit(bump_vocabulary)

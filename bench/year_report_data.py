"""Fill the year report's empty sources in the benchmark dataset, so that bench/year_report.py measures them too.

bench/generate.py (demo_region) leaves these rooms empty; the year report reads them all. This adds, over every
support point and group in the country, for each month from January 2025 to the dataset's day (22 November 2026):
- citizens' question counts (QuestionCount) for about 30% of the groups, most months a few questions;
- referral counts (ReferralCount) for about 20% of the groups: per month one or two (kind, role) pairs;
- survey answers (SurveyAnswer) for about 5% of the groups, a few each, with the form's own choices;
- information sessions (InformationSession): a handful per support point per month;
- facilitation requests (FacilitationRequest): a handful per support point per month, from its own groups;
- rooms (Room, three per support point), room requests (RoomRequest, a few per month) and the bookings of the
  booked ones (RoomBooking).

Deterministic (one seeded random generator, groups in id order) and idempotent: when any of these tables holds a row
already, it writes nothing. All in one transaction, with bulk_create in batches. Existing rows are not touched.
Then it analyses the tables it filled (ANALYZE: the planner's statistics), as autovacuum would in time.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/samenspel_bench .venv/bin/python -m bench.year_report_data
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import itertools
import random
import time
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from bench.django_setup import start

start()

from django.db import connection, models, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from samenspel.directory.models import Group, Language  # noqa: E402
from samenspel.facilities.models import RequestStatus, Room, RoomBooking, RoomRequest  # noqa: E402
from samenspel.instruments.models import QuestionCount, SurveyAnswer  # noqa: E402
from samenspel.instruments.survey_choices import AgeBand, Brings, Condition, Route, SurveyGender  # noqa: E402
from samenspel.referral.models import CountKind, ProfessionalRole, ReferralCount  # noqa: E402
from samenspel.workspace.models import (  # noqa: E402
    FacilitationKind,
    FacilitationRequest,
    FacilitationStatus,
    InformationSession,
    PlaceKind,
)

# The dataset's day (bench/generate.py --today; bench/year_report.py TODAY) and the first month filled.
TODAY = datetime.date(2026, 11, 22)
FIRST_MONTH = datetime.date(2025, 1, 1)
SEED = 16  # issue 16
BATCH = 5000
SOURCES: tuple[type[models.Model], ...] = (
    QuestionCount,
    ReferralCount,
    SurveyAnswer,
    InformationSession,
    FacilitationRequest,
    Room,
    RoomRequest,
    RoomBooking,
)


def months() -> list[datetime.date]:
    found = []
    month = FIRST_MONTH
    while month <= TODAY:
        found.append(month)
        month = datetime.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return found


def day_in(rng: random.Random, month: datetime.date) -> datetime.date:
    """A day of the month, not after TODAY."""
    next_month = datetime.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    last = min(next_month - datetime.timedelta(days=1), TODAY)
    return month + datetime.timedelta(days=rng.randrange((last - month).days + 1))


def moment(rng: random.Random, day: datetime.date) -> datetime.datetime:
    """A time in office hours on that day, Dutch time (the report counts by the local date)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(rng.randrange(8, 18), rng.randrange(60))))


@contextlib.contextmanager
def dates_as_given(*fields: Any) -> Iterator[None]:
    """Keep the created_at/updated_at we set: auto_now(_add) would overwrite them with now on insert."""
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def new_uuid(rng: random.Random) -> uuid.UUID:
    """A version-4 UUID from the seeded generator, so that a second fill on a fresh dataset writes the same rows."""
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def insert(model: type[models.Model], rows: Iterable[models.Model]) -> int:
    n = 0
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, BATCH)):
        model._default_manager.bulk_create(batch)
        n += len(batch)
    return n


def question_counts(
    rng: random.Random, groups: Sequence[tuple[int, int | None]], periods: list[datetime.date]
) -> Iterator[QuestionCount]:
    for pk, support_point in groups:
        if rng.random() >= 0.30:
            continue
        busy = rng.choice((0.3, 0.5, 0.8))
        for month in periods:
            if rng.random() < busy:
                count = min(rng.randint(1, 3) + int(rng.expovariate(0.5)), 40)
                yield QuestionCount(month=month, group_id=pk, support_point_id=support_point, count=count)


def referral_counts(
    rng: random.Random, groups: Sequence[tuple[int, int | None]], periods: list[datetime.date]
) -> Iterator[ReferralCount]:
    kinds = [CountKind.SLIP] * 4 + [CountKind.HANDOVER]  # slips are the common route
    roles = list(ProfessionalRole.values)
    weights = [8 if r in (ProfessionalRole.GP, ProfessionalRole.POH_GGZ) else 3 for r in roles]
    for pk, _support_point in groups:
        if rng.random() >= 0.20:
            continue
        for month in periods:
            if rng.random() >= 0.4:
                continue
            pairs = {(rng.choice(kinds), rng.choices(roles, weights)[0]) for _ in range(rng.randint(1, 2))}
            for kind, role in sorted(pairs):
                yield ReferralCount(kind=kind, group_id=pk, role=role, month=month, count=rng.randint(1, 4))


def rating(rng: random.Random) -> int | None:
    if rng.random() < 0.1:
        return None
    return max(-3, min(3, round(rng.gauss(1.2, 1.3))))


def survey_answers(
    rng: random.Random, groups: Sequence[tuple[int, int | None]], periods: list[datetime.date], languages: list[str]
) -> Iterator[SurveyAnswer]:
    for pk, _support_point in groups:
        if rng.random() >= 0.05:
            continue
        for month in rng.sample(periods, rng.randint(1, 3)):  # a round of the survey handed out in that month
            for _ in range(rng.randint(2, 8)):
                yield SurveyAnswer(
                    group_id=pk,
                    month=month,
                    language="nl" if rng.random() < 0.85 else rng.choice(languages),
                    routes=sorted(rng.sample(Route.values, rng.randint(1, 2))),
                    self_help=rating(rng),
                    formal_help=rating(rng),
                    brings=sorted(rng.sample(Brings.values, rng.randint(1, 4))),
                    conditions=sorted(rng.sample(Condition.values, rng.randint(0, 3))),
                    age_band=rng.choice([*AgeBand.values, ""]),
                    gender=rng.choice([*SurveyGender.values, ""]),
                )


def sessions(
    rng: random.Random, support_points: list[int], periods: list[datetime.date], languages: dict[str, int]
) -> Iterator[InformationSession]:
    places = PlaceKind.values
    other = [pk for code, pk in languages.items() if code != "nl"]
    for support_point in support_points:
        for month in periods:
            for _ in range(rng.randint(1, 6)):
                day = day_in(rng, month)
                yield InformationSession(
                    uuid=new_uuid(rng),
                    support_point_id=support_point,
                    date=day,
                    place_kind=rng.choice(places),
                    language_id=languages.get("nl") if rng.random() < 0.7 else rng.choice([*other, None]),
                    attendees=None if rng.random() < 0.1 else rng.randint(4, 60),
                    given_by=rng.choice(("key person", "support point", "expert by experience")),
                    created_at=moment(rng, day),
                )


def facilitation(
    rng: random.Random, per_support_point: dict[int, list[int]], periods: list[datetime.date]
) -> Iterator[FacilitationRequest]:
    kinds = FacilitationKind.values
    decided = [FacilitationStatus.GRANTED.value, FacilitationStatus.DECLINED.value]
    for _support_point, group_ids in sorted(per_support_point.items()):
        for month in periods:
            for _ in range(rng.randint(2, 8)):
                asked = moment(rng, day_in(rng, month))
                age = (TODAY - asked.date()).days
                if age > 60:
                    status = rng.choices(decided, (4, 1))[0]
                else:
                    status = rng.choice(FacilitationStatus.values)
                yield FacilitationRequest(
                    uuid=new_uuid(rng),
                    group_id=rng.choice(group_ids),
                    kind=rng.choice(kinds),
                    status=status,
                    created_at=asked,
                    updated_at=asked + datetime.timedelta(days=min(age, rng.randint(0, 30))),
                )


def rooms(rng: random.Random, places: dict[int, tuple[str, str]]) -> list[Room]:
    found = []
    for support_point, (postcode, town) in sorted(places.items()):
        for n, (name, owner) in enumerate(
            (("Zaal 1", ""), ("Ontmoetingsruimte", "Buurthuis De Brug"), ("Huiskamer", "Bibliotheek"))
        ):
            found.append(
                Room(
                    uuid=new_uuid(rng),
                    support_point_id=support_point,
                    name=name,
                    owner=owner,
                    street=f"Dorpsstraat {n + 1}",
                    postcode=postcode,
                    town=town,
                    capacity=rng.choice((8, 12, 20, 30)),
                    wheelchair_accessible=rng.random() < 0.7,
                )
            )
    return found


def room_requests(
    rng: random.Random,
    rooms_of: dict[int, list[Room]],
    per_support_point: dict[int, list[int]],
    periods: list[datetime.date],
) -> list[RoomRequest]:
    found = []
    for support_point, group_ids in sorted(per_support_point.items()):
        for month in periods:
            for _ in range(rng.randint(1, 4)):
                asked = moment(rng, day_in(rng, month))
                start_hour = rng.choice((10, 14, 19, 20))
                status = rng.choices(RequestStatus.values, (1, 7, 2))[0]  # asked, booked, declined
                if (TODAY - asked.date()).days < 14:
                    status = RequestStatus.ASKED
                found.append(
                    RoomRequest(
                        uuid=new_uuid(rng),
                        group_id=rng.choice(group_ids),
                        room=rng.choice(rooms_of[support_point]),
                        first_date=asked.date() + datetime.timedelta(days=rng.randint(7, 28)),
                        start_time=datetime.time(start_hour),
                        end_time=datetime.time(start_hour + 2),
                        weeks=rng.choice((1, 4, 8, 12)),
                        every_weeks=rng.choice((1, 2, 4)),
                        status=status,
                        created_at=asked,
                        decided_at=None if status == RequestStatus.ASKED else asked + datetime.timedelta(days=3),
                    )
                )
    return found


def bookings(requests: list[RoomRequest]) -> Iterator[RoomBooking]:
    for request in requests:
        if request.status == RequestStatus.BOOKED:
            for day in request.dates():
                yield RoomBooking(
                    room_id=request.room_id,
                    request_id=request.pk,
                    date=day,
                    start_time=request.start_time,
                    end_time=request.end_time,
                )


def counts() -> dict[str, int]:
    return {model.__name__: model._default_manager.count() for model in SOURCES}


def fill() -> dict[str, int]:
    """Add the rows; {model: rows added}. Nothing when any of the sources holds a row already."""
    before = counts()
    if any(before.values()):
        print("Already filled (or not empty), nothing added:", before)
        return {name: 0 for name in before}
    rng = random.Random(SEED)
    periods = months()
    groups = list(Group.objects.order_by("pk").values_list("pk", "support_point_id"))
    per_support_point: dict[int, list[int]] = defaultdict(list)
    for pk, support_point in groups:
        if support_point is not None:
            per_support_point[support_point].append(pk)
    places: dict[int, tuple[str, str]] = {}
    for support_point, postcode, town in (
        Group.objects.exclude(location__postcode="")
        .order_by("pk")
        .values_list("support_point_id", "location__postcode", "location__municipality")
    ):
        if support_point is not None and support_point not in places:
            places[support_point] = (postcode, town or "")
    languages = dict(Language.objects.values_list("code", "pk"))
    added: dict[str, int] = {}
    with transaction.atomic():
        added["QuestionCount"] = insert(QuestionCount, question_counts(rng, groups, periods))
        added["ReferralCount"] = insert(ReferralCount, referral_counts(rng, groups, periods))
        added["SurveyAnswer"] = insert(SurveyAnswer, survey_answers(rng, groups, periods, sorted(languages)))
        with dates_as_given(InformationSession._meta.get_field("created_at")):
            added["InformationSession"] = insert(
                InformationSession, sessions(rng, sorted(per_support_point), periods, languages)
            )
        with dates_as_given(
            FacilitationRequest._meta.get_field("created_at"), FacilitationRequest._meta.get_field("updated_at")
        ):
            added["FacilitationRequest"] = insert(FacilitationRequest, facilitation(rng, per_support_point, periods))
        made_rooms = Room.objects.bulk_create(rooms(rng, places))  # ids come back on PostgreSQL
        added["Room"] = len(made_rooms)
        rooms_of: dict[int, list[Room]] = defaultdict(list)
        for room in made_rooms:
            rooms_of[room.support_point_id].append(room)
        with_rooms = {sp: ids for sp, ids in per_support_point.items() if rooms_of[sp]}
        requests = RoomRequest.objects.bulk_create(room_requests(rng, rooms_of, with_rooms, periods), batch_size=BATCH)
        added["RoomRequest"] = len(requests)
        added["RoomBooking"] = insert(RoomBooking, bookings(requests))
    # The planner's statistics, as autovacuum would gather them in time: until then it takes the tables for the
    # empty ones it last analysed, and the year report's figures took 8.5 s instead of 0.9 s.
    with connection.cursor() as cursor:
        for model in SOURCES:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
    return added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.parse_args()
    started = time.perf_counter()
    added = fill()
    print("added:", added)
    print("rows now:", counts())
    print(f"{time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()

"""The year report: what a support point or a municipality can show its funder, in counts only (Wmo framing).

Reach and activity, never who: groups per stage and their trend, new and stopped groups, how current the entries
are, citizens' questions (the kept counts), referrals by route and professional role, information sessions and
the people they reached, facilitation given, survey results, searches and gaps, and the same across municipal
borders. Every table goes through samenspel.core.privacy.protect (or the survey's own protect_breakdown): 1 to 4
is "<5", and where a total would give a "<5" away, a second number is hidden as well.

The scope is a set of groups: a municipality's (by the PC4 of the place where they meet; online groups meet in
no municipality) or a support point's. Their ids are read once; every figure is then one GROUP BY over them, so
the number of queries does not grow with the number of groups (about 25 in all).
"""

from __future__ import annotations

import datetime
import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import BooleanField, Case, Count, Exists, F, Func, OuterRef, Q, Subquery, Sum, When
from django.db.models.functions import Coalesce, Substr, TruncDate, TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samenspel.core.figures import FigureTable
from samenspel.core.privacy import Figure, protect
from samenspel.directory import postcodes
from samenspel.directory.freshness import FreshnessState, freshness_counts
from samenspel.directory.models import (
    Disclosure,
    Group,
    GroupStatus,
    GroupStatusChange,
    Language,
    Location,
    Organisation,
    SupportPointSettings,
    Theme,
)
from samenspel.facilities.models import RequestStatus, RoomBooking, RoomRequest
from samenspel.insight.coverage import NEARBY_KM
from samenspel.instruments import surveys
from samenspel.instruments.demand import municipality_areas
from samenspel.instruments.models import DemandCount, QuestionCount, SurveyAnswer
from samenspel.instruments.reports.charts import TrendTable
from samenspel.referral.figures import figure_tables, referral_figures
from samenspel.referral.models import ReferralCount
from samenspel.workspace.models import (
    FacilitationKind,
    FacilitationRequest,
    FacilitationStatus,
    InformationSession,
    PlaceKind,
)

# Groups that meet now (on the map or not): a paused group, an initiative or a stopped one does not meet.
MEETING = (GroupStatus.ACTIVE, GroupStatus.LOOKING)
STAGES = (GroupStatus.INITIATIVE, GroupStatus.LOOKING, GroupStatus.ACTIVE, GroupStatus.PAUSED, GroupStatus.STOPPED)
# The report shows at most this many searched themes and neighbouring municipalities; the rest are summed.
TOP_THEMES = 10
TOP_MUNICIPALITIES = 12
# Years one can choose: counting started with Samenspel; earlier years would be empty.
FIRST_YEAR = 2024


@dataclass(frozen=True)
class Period:
    year: int
    start: datetime.date
    end: datetime.date  # the last day counted: 31 December, or today for the current year
    to_date: bool

    @classmethod
    def of(cls, year: int, today: datetime.date) -> Period:
        start = datetime.date(year, 1, 1)
        last = datetime.date(year, 12, 31)
        return cls(year, start, min(last, today), today <= last)

    @property
    def months(self) -> list[datetime.date]:
        return [datetime.date(self.year, m, 1) for m in range(1, self.end.month + 1)]

    @property
    def quarter_ends(self) -> list[datetime.date]:
        """The end of the year before, then the end of each quarter up to the period's end (its last day if sooner)."""
        ends = [self.start - datetime.timedelta(days=1)]
        for month in (3, 6, 9, 12):
            next_month = datetime.date(self.year + month // 12, month % 12 + 1, 1)
            end = next_month - datetime.timedelta(days=1)
            if end >= self.end:
                ends.append(self.end)
                break
            ends.append(end)
        return ends


def default_year(today: datetime.date) -> int:
    """The last full year."""
    return today.year - 1


def years(today: datetime.date) -> list[int]:
    return list(range(today.year, FIRST_YEAR - 1, -1))


class InIds(Func):
    """`field` is one of `ids`: on PostgreSQL one array parameter (`= ANY(%s)`), which plans in a moment where an
    IN list of thousands of placeholders does not; elsewhere a plain IN list."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, field: str, ids: Sequence[int]) -> None:
        super().__init__(F(field))
        self.ids = list(ids)

    def as_sql(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list[Any]]:  # type: ignore[override]
        lhs, params = compiler.compile(self.source_expressions[0])
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*params, self.ids]
        if not self.ids:
            return "1 = 0", list(params)
        return f"{lhs} IN ({', '.join(['%s'] * len(self.ids))})", [*params, *self.ids]


@dataclass(frozen=True)
class Scope:
    """Whose year it is: a municipality or a support point, and the groups that belong to it."""

    kind: str  # "municipality" or "support_point"
    name: str
    group_ids: list[int]
    # The municipalities whose searches count as its demand (the support point's: where its groups meet).
    municipalities: list[str]
    # The support points whose information sessions count (a municipality's: those with groups there).
    support_point_ids: list[int]
    config: SupportPointSettings = field(default_factory=SupportPointSettings)

    def has(self, path: str = "group_id") -> InIds:
        """A filter: the row's group (reached through `path`) is one of the scope's."""
        return InIds(path, self.group_ids)


def _places_in(pc4s: Sequence[str]) -> InIds:
    """A filter on groups: they meet at a place (not online) in these PC4 areas.

    The places are read first (one scan of the narrow place table); the groups are then found through the index
    on their place. Left to itself, the planner misjudges how few places match and scans every group.
    """
    places = Location.objects.exclude(disclosure=Disclosure.ONLINE).annotate(pc4=Substr("postcode", 1, 4))
    return InIds("location_id", list(places.filter(pc4__in=list(pc4s)).values_list("pk", flat=True)))


def municipality_scope(municipality: str) -> Scope:
    here = Group.objects.filter(_places_in(postcodes.pc4s_of(municipality))).order_by()
    rows = list(here.values_list("pk", "support_point_id"))
    support_points = sorted({sp for _pk, sp in rows if sp is not None})
    return Scope("municipality", municipality, [pk for pk, _sp in rows], [municipality], support_points)


def support_point_scope(support_point: Organisation) -> Scope:
    ids = list(Group.objects.for_support_point(support_point).values_list("pk", flat=True))
    pc4s = (
        Group.objects.for_support_point(support_point)
        .annotate(pc4=Substr("location__postcode", 1, 4))
        .values_list("pc4", flat=True)
        .distinct()
    )
    municipalities = sorted({postcodes.municipality_of(pc4) for pc4 in pc4s} - {""})
    return Scope(
        "support_point",
        support_point.name,
        ids,
        municipalities,
        [support_point.pk],
        SupportPointSettings.for_support_point(support_point),
    )


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    intro: str
    tables: list[FigureTable]


@dataclass(frozen=True)
class Report:
    scope: Scope
    period: Period
    sections: list[Section]
    summary: list[tuple[str, Figure]]

    @property
    def tables(self) -> list[FigureTable]:
        return [table for section in self.sections for table in section.tables]


# ---- helpers -----------------------------------------------------------------------------------------------------


def _month_label(month: datetime.date) -> str:
    return date_format(month, "YEAR_MONTH_FORMAT")


def _breakdown(
    key: str,
    title: str,
    columns: Sequence[str],
    rows: Sequence[tuple[str, Sequence[int]]],
    *,
    note: str = "",
    totals: Sequence[int] | None = None,
    trend: bool = False,
) -> FigureTable:
    """A table of counts with a total row, protected: the cells and totals as they may be shown."""
    counts = [list(cells) for _label, cells in rows]
    protected = protect(counts, column_totals=True if totals is None else list(totals))
    kind = TrendTable if trend else FigureTable
    return kind(
        key,
        title,
        list(columns),
        [(label, list(cells)) for (label, _c), cells in zip(rows, protected.cells, strict=True)],
        list(protected.column_totals),
        note=note,
    )


def _figure(value: object) -> Figure:
    """A cell of a protected table, as a Figure (they all are; the table's type allows plain values too)."""
    return value if isinstance(value, Figure) else Figure(None, str(value))


def _by_month(rows: Iterable[dict[str, Any]], key: str = "m") -> dict[datetime.date, int]:
    found: dict[datetime.date, int] = {}
    for row in rows:
        month = row[key]
        if isinstance(month, datetime.datetime):
            month = month.date()
        found[month.replace(day=1)] = found.get(month.replace(day=1), 0) + row["n"]
    return found


# ---- the sections -------------------------------------------------------------------------------------------------


def _stages_on(scope: Scope, groups: Any, days: list[datetime.date]) -> list[dict[str, int]]:
    """How many of the scope's groups were in each stage on each day: per day {stage: groups}.

    A group's stage on a day is its last status change on or before it: the change whose next change (in date
    order) comes after the day, or never. One pass over the scope's status history with a window function, in SQL;
    a group without any history counts with its status now from the day it was entered.
    """
    table = GroupStatusChange._meta.db_table
    ids = scope.group_ids
    where_params: list[Any]
    if connection.vendor == "postgresql":
        where, where_params = "group_id = ANY(%s)", [ids]
    else:
        where = f"group_id IN ({', '.join(['%s'] * len(ids))})" if ids else "1 = 0"
        where_params = list(ids)
    on_day = "SUM(CASE WHEN date <= %s AND (next_date IS NULL OR next_date > %s) THEN 1 ELSE 0 END)"
    sql = (
        f"SELECT status, {', '.join([on_day] * len(days))} FROM ("  # noqa: S608 - no value is in the text
        f"SELECT status, date, LEAD(date) OVER (PARTITION BY group_id ORDER BY date, id) AS next_date "
        f"FROM {table} WHERE {where}) AS history GROUP BY status"
    )
    per_day: list[dict[str, int]] = [defaultdict(int) for _day in days]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*(d for day in days for d in (day, day)), *where_params])
        for status, *counts in cursor.fetchall():
            for n, count in enumerate(counts):
                per_day[n][status] += int(count or 0)
    without_history = (
        groups.filter(~Exists(GroupStatusChange.objects.filter(group=OuterRef("pk"))))
        .values("status")
        .annotate(**{f"at{n}": Count("id", filter=Q(created_at__date__lte=day)) for n, day in enumerate(days)})
        .order_by()
    )
    for row in without_history:
        for n in range(len(days)):
            per_day[n][row["status"]] += row[f"at{n}"]
    return per_day


def _groups(scope: Scope, period: Period) -> tuple[Section, dict[str, Figure]]:
    groups = Group.objects.filter(scope.has("pk"))
    days = period.quarter_ends
    per_day = _stages_on(scope, groups, days)
    snapshots = [(day, [per_day[n].get(s, 0) for s in STAGES]) for n, day in enumerate(days)]
    # Rows are moments, each with its total: protected along the rows (no column sums: a sum of moments means
    # nothing).
    cells = [counts for _day, counts in snapshots]
    protected = protect(cells, column_totals=False, row_totals=True)
    labels = [_("Start of %(year)s") % {"year": period.year}] + [date_format(day, "j M Y") for day, _c in snapshots[1:]]
    stage_table = TrendTable(
        "stages",
        _("Groups per stage"),
        [*[str(GroupStatus(s).label) for s in STAGES], _("All groups")],
        [
            (label, [*row, total])
            for label, row, total in zip(labels, protected.cells, protected.row_totals, strict=True)
        ],
        None,
        note=_("The number of groups in each stage at the end of each quarter, and at the start of the year."),
        chart_columns=list(range(len(STAGES))),
    )

    # New: the first day in a group's history (or the day it was entered) falls in the year.
    first_day = GroupStatusChange.objects.filter(group=OuterRef("pk")).order_by("date", "id").values("date")[:1]
    new = _by_month(
        groups.annotate(started=Coalesce(Subquery(first_day), TruncDate("created_at")))
        .filter(started__range=(period.start, period.end))
        .annotate(m=TruncMonth("started"))
        .values("m")
        .annotate(n=Count("id"))
        .order_by()
    )
    stopped = _by_month(
        GroupStatusChange.objects.filter(
            scope.has(), status=GroupStatus.STOPPED, date__range=(period.start, period.end)
        )
        .annotate(m=TruncMonth("date"))
        .values("m")
        .annotate(n=Count("group_id", distinct=True))
        .order_by()
    )
    new_table = _breakdown(
        "new-and-stopped",
        _("New and stopped groups per month"),
        [_("New groups"), _("Stopped groups")],
        [(_month_label(m), [new.get(m, 0), stopped.get(m, 0)]) for m in period.months],
        trend=True,
    )

    config = scope.config
    fresh = freshness_counts(groups, config=config)
    fresh_table = _breakdown(
        "freshness",
        _("How current the entries are"),
        [_("Groups")],
        [(str(state.label), [fresh.get(str(state), 0)]) for state in FreshnessState],
        note=_(
            "Today, not at the end of the year: checked means the contact point confirmed the entry in the last "
            "%(days)d days. Stopped groups need no check."
        )
        % {"days": config.verify_every_days},
    )
    section = Section(
        "groups",
        _("Groups"),
        _("Counts of groups, never of people."),
        [stage_table, new_table, fresh_table],
    )
    at_end = dict(zip(STAGES, snapshots[-1][1], strict=True))
    meeting = protect([[sum(at_end[s] for s in MEETING)]], column_totals=False).cells[0][0]
    none = Figure(0, "0")
    totals = new_table.totals or [none, none]
    summary = {"meeting": meeting, "new": _figure(totals[0]), "stopped": _figure(totals[1])}
    return section, summary


def _questions(scope: Scope, period: Period) -> tuple[Section, Figure]:
    counts = QuestionCount.objects.filter(scope.has(), month__range=(period.start, period.end))
    per_month = _by_month(counts.values(m=F("month")).annotate(n=Sum("count")).order_by())
    total = sum(per_month.values())
    month_table = _breakdown(
        "questions-by-month",
        _("Questions per month"),
        [_("Questions")],
        [(_month_label(m), [per_month.get(m, 0)]) for m in period.months],
        trend=True,
    )
    per_theme = list(
        counts.filter(group__themes__isnull=False)
        .values("group__themes")
        .annotate(n=Sum("count"))
        .order_by("-n", "group__themes")[:TOP_THEMES]
    )
    labels = {t.pk: t.label for t in Theme.objects.filter(pk__in=[r["group__themes"] for r in per_theme])}
    theme_table = _breakdown(
        "questions-by-theme",
        _("Questions per theme of the group"),
        [_("Questions")],
        [(labels.get(r["group__themes"], ""), [r["n"]]) for r in per_theme],
        totals=[total],
        note=_(
            "The themes with the most questions. A group with more than one theme counts for each, so these rows "
            "can add up to more than the total."
        ),
    )
    section = Section(
        "questions",
        _("Citizens' questions"),
        _(
            "Questions citizens sent to a group through the site. Only the number is kept: the questions themselves "
            "are deleted after a while."
        ),
        [month_table, theme_table],
    )
    return section, _figure(month_table.totals[0]) if month_table.totals else Figure(0, "0")


def _referrals(scope: Scope, period: Period) -> tuple[Section, Figure]:
    counts = ReferralCount.objects.filter(scope.has(), month__range=(period.start, period.end))
    figures = referral_figures(counts)
    if scope.kind == "municipality":
        tables = figure_tables(
            figures, areas=figures.by_place, areas_title=_("By place"), areas_key="referrals-by-place"
        )
    else:
        tables = figure_tables(
            figures,
            areas=figures.by_municipality,
            areas_title=_("By municipality"),
            areas_key="referrals-by-municipality",
        )
    # The referral tables' own keys ("by-month") would clash with the other sections' on one page.
    tables = [
        FigureTable(
            t.key if t.key.startswith("referrals-") else f"referrals-{t.key}",
            t.title,
            t.columns,
            t.rows,
            t.totals,
            t.note,
        )
        for t in tables
    ]
    # From the counts themselves: a "<5" total of one route has no value to add.
    both = protect([[counts.aggregate(n=Sum("count"))["n"] or 0]], column_totals=False)
    total = both.cells[0][0]
    section = Section(
        "referrals",
        _("Referrals"),
        _(
            "How professionals sent people to the groups: with a referral slip, or with a warm handover (the "
            "professional introduces the person to the group). Counted per professional role, never who."
        ),
        tables,
    )
    return section, total


def _sessions(scope: Scope, period: Period) -> tuple[Section, Figure, Figure]:
    sessions = InformationSession.objects.filter(
        support_point_id__in=scope.support_point_ids, date__range=(period.start, period.end)
    )
    per_place = {
        row["place_kind"]: (row["n"], row["people"] or 0)
        for row in sessions.values("place_kind").annotate(n=Count("id"), people=Sum("attendees")).order_by()
    }
    table = _breakdown(
        "information-sessions",
        _("Information sessions and the people they reached"),
        [_("Sessions"), _("People reached")],
        [(str(label), list(per_place.get(value, (0, 0)))) for value, label in PlaceKind.choices],
    )
    per_language = list(
        sessions.values("language").annotate(n=Count("id"), people=Sum("attendees")).order_by("-n", "language")
    )
    names = {lang.pk: lang.name for lang in Language.objects.filter(pk__in=[r["language"] for r in per_language])}
    language_table = _breakdown(
        "information-sessions-by-language",
        _("Information sessions per language"),
        [_("Sessions"), _("People reached")],
        [(names.get(r["language"], _("not filled in")), [r["n"], r["people"] or 0]) for r in per_language],
    )
    intro = (
        _("Sessions the support point gave, in its own records (a session without a number of people counts none).")
        if scope.kind == "support_point"
        else _(
            "Sessions given by the support points that have groups in %(name)s. A support point can work in more "
            "than one municipality: its sessions are not split by municipality."
        )
        % {"name": scope.name}
    )
    section = Section("sessions", _("Information sessions"), intro, [table, language_table])
    sessions_total = _figure(table.totals[0]) if table.totals else Figure(0, "0")
    people_total = _figure(table.totals[1]) if table.totals else Figure(0, "0")
    return section, sessions_total, people_total


def _facilitation(scope: Scope, period: Period) -> Section:
    asked = FacilitationRequest.objects.filter(scope.has(), created_at__date__range=(period.start, period.end))
    per_kind: dict[str, dict[str, int]] = defaultdict(dict)
    for row in asked.values("kind", "status").annotate(n=Count("id")).order_by():
        per_kind[row["kind"]][row["status"]] = row["n"]
    statuses = (FacilitationStatus.GRANTED, FacilitationStatus.DECLINED)
    requests = _breakdown(
        "facilitation",
        _("Facilitation asked and given"),
        [_("Granted"), _("Declined"), _("Open or being handled")],
        [
            (
                str(label),
                [
                    *(per_kind[value].get(s, 0) for s in statuses),
                    sum(n for s, n in per_kind[value].items() if s not in statuses),
                ],
            )
            for value, label in FacilitationKind.choices
        ],
        note=_("Requests groups made in the year, by what they asked for and where they stand now."),
    )
    room_requests = dict(
        RoomRequest.objects.filter(scope.has(), created_at__date__range=(period.start, period.end))
        .values("status")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("status", "n")
    )
    bookings = RoomBooking.objects.filter(
        scope.has("request__group_id"), date__range=(period.start, period.end)
    ).count()
    booked = room_requests.get(RequestStatus.BOOKED, 0)
    rooms = protect(
        [[sum(room_requests.values())], [booked], [bookings]],
        column_totals=False,
    )
    room_table = FigureTable(
        "rooms",
        _("Rooms lent to groups"),
        [_("Number")],
        [
            (_("Room requests"), rooms.cells[0]),
            (_("Requests that got a room"), rooms.cells[1]),
            (_("Meetings held in a lent room"), rooms.cells[2]),
        ],
        None,
    )
    return Section(
        "facilitation",
        _("Facilitation given"),
        _("What the support point did for groups: a room, money, training, publicity, a guest speaker."),
        [requests, room_table],
    )


def _surveys(scope: Scope, period: Period) -> Section:
    answers = SurveyAnswer.objects.filter(scope.has(), month__range=(period.start, period.end))
    tables = []
    for n, table in enumerate(surveys.report(answers)):
        tables.append(
            FigureTable(
                f"survey-{n + 1}",
                table.title,
                [_("Answers"), _("Percentage")],
                [(line.label, [line.count, line.percent]) for line in table.lines],
                [table.total, ""],
                note=table.note,
                chart_columns=[0],
            )
        )
    return Section(
        "surveys",
        _("What participants say"),
        _("The anonymous participant survey that group leaders hand out. No answer can be traced to a person."),
        tables,
    )


def _demand(scope: Scope, period: Period) -> Section:
    areas: set[str] = set()
    for municipality in scope.municipalities:
        areas |= municipality_areas(municipality)
    searches = DemandCount.objects.filter(pc2__in=sorted(areas), day__range=(period.start, period.end))
    per_theme = list(
        searches.exclude(theme=None)
        .values("theme")
        .annotate(n=Sum("count"), nothing=Sum("count", filter=Q(found=False)))
        .order_by("-n", "theme")[:TOP_THEMES]
    )
    theme_ids = [r["theme"] for r in per_theme]
    themes = Theme.objects.in_bulk(theme_ids)
    # Groups that meet now, with the theme or a narrower one below it.
    meeting = Group.objects.filter(scope.has("pk"), status__in=MEETING)
    with_theme = Group.themes.through.objects.filter(group__in=meeting).filter(
        Q(theme_id__in=theme_ids) | Q(theme__parent_id__in=theme_ids)
    )
    searched = Case(When(theme_id__in=theme_ids, then=F("theme_id")), default=F("theme__parent_id"))
    groups_per_theme: dict[int, int] = {
        row["searched"]: row["n"]
        for row in with_theme.values(searched=searched).annotate(n=Count("group_id", distinct=True)).order_by()
    }
    rows = [
        (
            themes[r["theme"]].label if r["theme"] in themes else "",
            [r["n"], r["nothing"] or 0, groups_per_theme.get(r["theme"], 0)],
        )
        for r in per_theme
    ]
    # No totals: a search for two themes counts under each. Each number stands alone.
    protected = protect([cells for _l, cells in rows], column_totals=False)
    demand_table = FigureTable(
        "demand",
        _("Themes searched for most, and the groups there are"),
        [_("Searches"), _("Found no group"), _("Groups that meet now")],
        [(label, cells) for (label, _c), cells in zip(rows, protected.cells, strict=True)],
        None,
        note=_(
            "A gap: a theme people search for that has no group here, or many searches that found nothing. Searches "
            "are counted by the first two digits of the postcode, so an area can reach over the municipal border."
        ),
        chart_columns=[0, 1],
    )
    per_language = list(searches.values("language").annotate(n=Sum("count")).order_by("-n", "language"))
    language_table = _breakdown(
        "demand-by-language",
        _("Searches per language of the site"),
        [_("Searches")],
        [(r["language"] or _("unknown"), [r["n"]]) for r in per_language],
    )
    return Section(
        "demand",
        _("Searches and gaps"),
        _("Counts of searches on the public site: never the words typed, the address or who searched."),
        [demand_table, language_table],
    )


@functools.cache
def _centres() -> dict[str, tuple[float, float]]:
    found = {name: postcodes.centre_of(name) for name in postcodes.municipalities()}
    return {name: centre for name, centre in found.items() if centre is not None}


def neighbours(municipality: str, km: int = NEARBY_KM) -> list[str]:
    """The municipality and those whose centre lies within `km` of its centre: its region, as people travel."""
    centres = _centres()
    centre = centres.get(municipality)
    if centre is None:
        return [municipality]
    found = [name for name, other in centres.items() if postcodes.distance_km(*centre, *other) <= km]
    return found if municipality in found else [municipality, *found]


def _region(scope: Scope, period: Period) -> Section:
    """The same work across municipal borders: per municipality of the region."""
    pc4 = Substr("group__location__postcode", 1, 4)
    questions = QuestionCount.objects.filter(month__range=(period.start, period.end))
    referrals = ReferralCount.objects.filter(month__range=(period.start, period.end))
    if scope.kind == "municipality":
        # Every group meeting in the region, by the PC4 of its place: one scan, whoever supports the groups.
        region_pc4s = sorted({p for name in neighbours(scope.name) for p in postcodes.pc4s_of(name)})
        groups = Group.objects.filter(_places_in(region_pc4s)).annotate(pc4=Substr("location__postcode", 1, 4))
        questions = questions.annotate(pc4=pc4).filter(pc4__in=region_pc4s)
        referrals = referrals.annotate(pc4=pc4).filter(pc4__in=region_pc4s)
        intro = _(
            "People cross municipal borders to find a group, and support points work in a region. Here are "
            "%(name)s and the municipalities within %(km)d km of its centre."
        ) % {"name": scope.name, "km": NEARBY_KM}
    else:
        groups = Group.objects.filter(scope.has("pk")).annotate(pc4=Substr("location__postcode", 1, 4))
        questions = questions.filter(scope.has()).annotate(pc4=pc4)
        referrals = referrals.filter(scope.has()).annotate(pc4=pc4)
        intro = _("The municipalities where the support point's groups meet.")
    meeting_by_pc4 = groups.filter(status__in=MEETING).values("pc4").annotate(n=Count("id")).order_by()
    questions_by_pc4 = questions.values("pc4").annotate(n=Sum("count")).order_by()
    referrals_by_pc4 = referrals.values("pc4").annotate(n=Sum("count")).order_by()
    per_municipality: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for column, counted in enumerate((meeting_by_pc4, questions_by_pc4, referrals_by_pc4)):
        for row in counted:
            per_municipality[postcodes.municipality_of(row["pc4"])][column] += row["n"]
    online = per_municipality.pop("", None)
    ordered = sorted(per_municipality.items(), key=lambda item: (item[0] != scope.name, -item[1][0], item[0]))
    shown_rows = ordered[:TOP_MUNICIPALITIES]
    rest = ordered[TOP_MUNICIPALITIES:]
    rows: list[tuple[str, list[int]]] = [(name, counts) for name, counts in shown_rows]
    if rest:
        rows.append(
            (
                _("%(n)d other municipalities") % {"n": len(rest)},
                [sum(counts[i] for _name, counts in rest) for i in range(3)],
            )
        )
    if online:
        rows.append((_("Online"), online))
    table = _breakdown(
        "region",
        _("Per municipality"),
        [_("Groups that meet now"), _("Questions"), _("Referrals")],
        rows,
        note=_("Questions and referrals in the year; groups as they are today."),
    )
    return Section("region", _("Across municipal borders"), intro, [table])


def year_report(scope: Scope, period: Period) -> Report:
    groups, group_summary = _groups(scope, period)
    questions, questions_total = _questions(scope, period)
    referrals, referrals_total = _referrals(scope, period)
    sessions, sessions_total, people_total = _sessions(scope, period)
    sections = [
        groups,
        questions,
        referrals,
        sessions,
        _facilitation(scope, period),
        _surveys(scope, period),
        _demand(scope, period),
        _region(scope, period),
    ]
    summary = [
        (_("Groups that meet"), group_summary["meeting"]),
        (_("New groups"), group_summary["new"]),
        (_("Stopped groups"), group_summary["stopped"]),
        (_("Citizens' questions"), questions_total),
        (_("Referrals"), referrals_total),
        (_("Information sessions"), sessions_total),
        (_("People reached by them"), people_total),
    ]
    return Report(scope, period, sections, summary)


def today() -> datetime.date:
    return timezone.localdate()

"""A deterministic generator for the demo region and the national-scale benchmark dataset.

Same seed and same `today` give the same rows. Up to 1,000 groups it builds
the Zuidoost-Brabant demo region from demo_content (data/demo/*.json); above that it spreads
groups over all Dutch PC4 areas (national scale, for bench/).

The content is checked before anything is written (unknown theme, unknown
postcode, a place without a name ...) and everything is written in one
transaction: bad input leaves the database as it was.
"""

from __future__ import annotations

import dataclasses
import datetime
import random
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.core.audit import log_action
from samenspel.directory import demo_content, postcodes, search_index
from samenspel.directory.models import (
    Cancellation,
    Disclosure,
    Group,
    GroupStatus,
    GroupStatusChange,
    Language,
    Location,
    Organisation,
    OrganisationKind,
    Schedule,
    Theme,
)
from samenspel.directory.recurrence import RuleKind
from samenspel.directory.reference import load_reference_data
from samenspel.directory.reference_data import INTERFACE_LANGUAGES
from samenspel.directory.slugs import unique_slug

REGION_LIMIT = 1000
BATCH = 2000
TEXT_FIELDS = ("name", "description", "first_visit", "house_rules")
MAX_GROUPS = 1_000_000


class ContentError(ValueError):
    """The demo content or the arguments are wrong; the message says what and where."""


@dataclasses.dataclass
class Content:
    """What the generator builds from: the shipped demo content or a --content file (checked by validate_content)."""

    templates: list[Mapping[str, Any]]
    places: list[Mapping[str, Any]]
    organisations: list[Mapping[str, Any]]


def default_content() -> Content:
    return Content(
        templates=list(demo_content.GROUP_TEMPLATES),
        places=list(demo_content.PLACES),
        organisations=list(demo_content.ORGANISATIONS),
    )


def validate_content(content: Content, theme_slugs: set[str], language_codes: set[str]) -> None:
    errors: list[str] = []
    for i, tpl in enumerate(content.templates, start=1):
        where = _("group template %(n)s") % {"n": i}
        for slug in tpl.get("themes") or []:
            if slug not in theme_slugs:
                errors.append(_("%(where)s: unknown theme '%(slug)s'.") % {"where": where, "slug": slug})
        if not tpl.get("themes"):
            errors.append(_("%(where)s: needs at least one theme.") % {"where": where})
        for code in tpl.get("languages") or []:
            if code not in language_codes:
                errors.append(_("%(where)s: unknown language '%(code)s'.") % {"where": where, "code": code})
        if not (tpl.get("name") or {}).get("nl"):
            errors.append(_("%(where)s: needs a Dutch name.") % {"where": where})
    for i, place in enumerate(content.places, start=1):
        where = _("place %(n)s") % {"n": i}
        if postcodes.lookup(place.get("postcode", "")) is None:
            errors.append(
                _("%(where)s: unknown postcode '%(postcode)s'.") % {"where": where, "postcode": place.get("postcode")}
            )
        if not place.get("name"):
            errors.append(_("%(where)s: needs a name.") % {"where": where})
    kinds = [o.get("kind") for o in content.organisations]
    if kinds.count(OrganisationKind.SUPPORT_POINT) < 1:
        errors.append(_("The content needs at least one support point."))
    for org in content.organisations:
        if org.get("kind") not in OrganisationKind.values:
            errors.append(_("Organisation '%(name)s': unknown kind.") % {"name": org.get("name")})
    if errors:
        raise ContentError("\n".join(errors))


def _texts(field: str, values: dict[str, str], suffix: str = "") -> dict[str, str]:
    out = {}
    for code in INTERFACE_LANGUAGES:
        value = values.get(code, "")
        out[f"{field}_{code}"] = (value + suffix) if value else ""
    return out


def _weighted(rng: random.Random, options: list[tuple[Any, int]]) -> Any:
    return rng.choices([o for o, _w in options], weights=[w for _o, w in options])[0]


STATUS_WEIGHTS = [
    (GroupStatus.ACTIVE, 74),
    (GroupStatus.LOOKING, 10),
    (GroupStatus.PAUSED, 5),
    (GroupStatus.INITIATIVE, 6),
    (GroupStatus.STOPPED, 5),
]
# The lifecycle steps a group in a given status has typically been through before.
EARLIER_STEPS: dict[str, tuple[GroupStatus, ...]] = {
    GroupStatus.INITIATIVE: (),
    GroupStatus.LOOKING: (GroupStatus.INITIATIVE,),
    GroupStatus.ACTIVE: (GroupStatus.LOOKING,),
    GroupStatus.PAUSED: (GroupStatus.LOOKING, GroupStatus.ACTIVE),
    GroupStatus.STOPPED: (GroupStatus.LOOKING, GroupStatus.ACTIVE),
}
TIMES = [(10, 0), (13, 30), (14, 0), (19, 0), (19, 30), (20, 0)]


def _schedule(rng: random.Random, group: Group, today: datetime.date) -> tuple[Schedule, list[datetime.date]]:
    kind = _weighted(
        rng,
        [
            (RuleKind.WEEKLY, 35),
            (RuleKind.EVERY_N_WEEKS, 20),
            (RuleKind.MONTHLY_NTH_WEEKDAY, 30),
            (RuleKind.MONTHLY_DATE, 7),
            (RuleKind.DATES, 8),
        ],
    )
    hour, minute = rng.choice(TIMES)
    start = datetime.time(hour, minute)
    end = datetime.time(min(hour + rng.choice((1, 2)), 23), minute)
    valid_from = today - datetime.timedelta(days=rng.randint(30, 2000))
    weekday = rng.randint(0, 5)
    fields: dict[str, Any] = {"weekdays": [weekday]}
    if kind == RuleKind.EVERY_N_WEEKS:
        fields["interval"] = rng.choice((2, 2, 3, 4))
    elif kind == RuleKind.MONTHLY_NTH_WEEKDAY:
        fields["nth"] = rng.choice((1, 2, 3, 4, -1))
    elif kind == RuleKind.MONTHLY_DATE:
        fields = {"day_of_month": rng.randint(1, 28)}
    elif kind == RuleKind.DATES:
        first = today + datetime.timedelta(days=rng.randint(3, 20))
        fields = {"dates": [str(first + datetime.timedelta(weeks=2 * i)) for i in range(rng.randint(4, 8))]}
        valid_from = today - datetime.timedelta(days=7)
    schedule = Schedule(group=group, kind=kind, start_time=start, end_time=end, valid_from=valid_from, **fields)
    cancelled: list[datetime.date] = []
    if kind in (RuleKind.WEEKLY, RuleKind.EVERY_N_WEEKS) and rng.random() < 0.2:
        # A cancelled meeting in the coming weeks, as around holidays.
        day = today + datetime.timedelta(days=rng.randint(1, 40))
        cancelled.append(day + datetime.timedelta(days=(weekday - day.weekday()) % 7))
    return schedule, cancelled


def _offers(rng: random.Random, group: Group, tpl: Mapping[str, Any], today: datetime.date) -> None:
    """What groups really are beside a weekly circle (#14): an activity, one-to-one or phone contact, a hybrid
    room, a next intake, a website, a young or older age band. Drawn from their own random stream, so the rest
    of the demo (and the relevance benchmark built on it) stays as it was."""
    if group.working_method == "activity" or "walking" in group.slug or "wandel" in group.slug:
        group.activity = "walking" if "wandel" in group.slug else rng.choice(("walking", "cooking", "creative"))
    elif rng.random() < 0.06:
        group.working_method = "activity"
        group.activity = rng.choice(("walking", "cooking", "creative"))
    group.one_to_one = rng.random() < 0.12
    group.phone_contact = rng.random() < 0.08
    group.hybrid = not tpl.get("online") and rng.random() < 0.12
    if group.intake == "set_moments":
        group.next_intake_date = today + datetime.timedelta(days=rng.randint(3, 80))
    if rng.random() < 0.25:
        group.website = f"https://{group.slug[:40]}.example.org/"
    band = rng.random()
    if band < 0.1:
        group.age_min, group.age_max = 16, 27
    elif band < 0.16:
        group.age_min, group.age_max = 55, None


@dataclasses.dataclass
class Generator:
    groups: int
    seed: int = 2015
    today: datetime.date = dataclasses.field(default_factory=timezone.localdate)
    content: Content = dataclasses.field(default_factory=default_content)
    counts: dict[str, int] = dataclasses.field(default_factory=dict)

    @property
    def national(self) -> bool:
        return self.groups > REGION_LIMIT

    def check_arguments(self) -> None:
        if not 0 < self.groups <= MAX_GROUPS:
            raise ContentError(_("The number of groups must be between 1 and %(max)s.") % {"max": MAX_GROUPS})

    def run(self) -> dict[str, int]:
        self.check_arguments()
        load_reference_data()
        themes = {t.slug: t for t in Theme.objects.all()}
        languages = {lang.code: lang for lang in Language.objects.all()}
        validate_content(self.content, set(themes), set(languages))
        with transaction.atomic():
            self._write(themes, languages)
            # bulk_create skips the signals that keep the search index current.
            self.counts["search_documents"] = search_index.rebuild()
            log_action(
                obj=Group.objects.order_by("pk").first() or Group(pk=0),
                action="generated",
                actor_label="demo generator",
                changes={"seed": self.seed, "groups": self.groups, "national": self.national},
            )
        return self.counts

    # The writing itself -------------------------------------------------

    def _organisations(self, rng: random.Random) -> tuple[list[Organisation], list[Organisation]]:
        orgs = []
        for row in self.content.organisations:
            orgs.append(
                Organisation(
                    slug=row["slug"],
                    kind=row["kind"],
                    name=row["name"],
                    municipality=row.get("municipality", ""),
                    website=row.get("website", ""),
                    email=row.get("email", ""),
                    phone=row.get("phone", ""),
                    **_texts("description", row.get("description", {})),
                )
            )
        if self.national:
            # National scale: 20,000 organisations, about one support point per 2,500 groups.
            areas = postcodes.all_areas()
            n_support = max(1, self.groups // 2500)
            kinds = [k for k in OrganisationKind.values if k != OrganisationKind.SUPPORT_POINT]
            for i in range(20_000 - len(orgs)):
                area = areas[rng.randrange(len(areas))]
                kind = OrganisationKind.SUPPORT_POINT if i < n_support else rng.choice(kinds)
                label = "Steunpunt Zelfhulp" if kind == OrganisationKind.SUPPORT_POINT else "Organisatie"
                orgs.append(
                    Organisation(
                        slug=f"org-{i + 1}",
                        kind=kind,
                        name=f"{label} {area.place} {i + 1}",
                        municipality=area.place,
                        email=f"info{i + 1}@org.example.org",
                    )
                )
        created = Organisation.objects.bulk_create(orgs, batch_size=BATCH)
        self.counts["organisations"] = len(created)
        support_points = [o for o in created if o.kind == OrganisationKind.SUPPORT_POINT]
        owners = [o for o in created if o.kind != OrganisationKind.SUPPORT_POINT]
        return support_points, owners

    def _locations(self, rng: random.Random) -> list[Location]:
        locs: list[Location] = []
        for place in self.content.places:
            area = postcodes.lookup(place["postcode"])
            assert area is not None  # checked in validate_content
            private = place.get("kind") == "living_room"
            locs.append(
                Location(
                    name=place["name"],
                    street=place.get("street", ""),
                    postcode=postcodes.normalise(place["postcode"]),
                    municipality=place.get("place") or area.place,
                    latitude=area.latitude + rng.uniform(-0.004, 0.004),
                    longitude=area.longitude + rng.uniform(-0.006, 0.006),
                    disclosure=Disclosure.ON_REQUEST if private else Disclosure.PUBLIC,
                    wheelchair_accessible=rng.random() < 0.7,
                    hearing_loop=rng.random() < 0.2,
                    quiet_room=rng.random() < 0.3,
                    childcare=rng.random() < 0.1,
                )
            )
        if self.national:
            areas = postcodes.all_areas()
            for i in range(self.groups // 5):
                area = areas[rng.randrange(len(areas))]
                disclosure = _weighted(
                    rng, [(Disclosure.PUBLIC, 80), (Disclosure.AREA, 10), (Disclosure.ON_REQUEST, 10)]
                )
                locs.append(
                    Location(
                        name=f"Ontmoetingsplek {area.place} {i + 1}",
                        street=f"Dorpsstraat {rng.randint(1, 200)}" if disclosure == Disclosure.PUBLIC else "",
                        postcode=area.pc4,
                        municipality=area.place,
                        latitude=area.latitude + rng.uniform(-0.01, 0.01),
                        longitude=area.longitude + rng.uniform(-0.015, 0.015),
                        disclosure=disclosure,
                        wheelchair_accessible=rng.random() < 0.7,
                    )
                )
        created = Location.objects.bulk_create(locs, batch_size=BATCH)
        self.counts["locations"] = len(created)
        return created

    def _write(self, themes: dict[str, Theme], languages: dict[str, Language]) -> None:
        rng = random.Random(self.seed)
        offers_rng = random.Random(self.seed * 7919 + 14)  # see _offers
        support_points, owners = self._organisations(rng)
        places = self._locations(rng)
        in_person = [p for p in places if p.disclosure != Disclosure.ONLINE]
        templates = self.content.templates
        used_slugs: set[str] = set()
        totals = dict.fromkeys(("groups", "schedules", "cancellations", "status_changes"), 0)

        for chunk_start in range(0, self.groups, BATCH):
            chunk = range(chunk_start, min(chunk_start + BATCH, self.groups))
            groups: list[Group] = []
            plan: list[tuple[Mapping[str, Any], GroupStatus]] = []
            online_locations: list[Location] = []
            for i in chunk:
                tpl = templates[i % len(templates)] if i < len(templates) else rng.choice(templates)
                sp = support_points[i % len(support_points)]
                status = _weighted(rng, STATUS_WEIGHTS)
                if tpl.get("online"):
                    location = Location(disclosure=Disclosure.ONLINE, online_url=f"https://meet.example.org/g{i + 1}")
                    online_locations.append(location)
                else:
                    location = in_person[rng.randrange(len(in_person))]
                place = location.municipality if not tpl.get("online") else ""
                suffix = f" {place}" if place and (i >= len(templates) or self.national) else ""
                slug = unique_slug(f"{tpl['name']['nl']}{suffix}", taken=used_slugs, fallback="groep")
                used_slugs.add(slug)
                gender = tpl.get("gender", "everyone")
                groups.append(
                    Group(
                        slug=slug,
                        **_texts("name", tpl["name"], suffix),
                        **{k: v for f in TEXT_FIELDS[1:] for k, v in _texts(f, tpl.get(f, {})).items()},
                        kind=tpl.get("kind", "self_help"),
                        working_method=tpl.get("working_method", "conversation"),
                        led_by=tpl.get("led_by", "peer"),
                        leader_count=rng.choice((1, 2, 2)),
                        audience=tpl.get("audience", "affected"),
                        gender=gender,
                        intake=tpl.get("intake", "just_come"),
                        cost=_weighted(rng, [("free", 80), ("voluntary", 17), ("fee", 3)]),
                        typical_size=rng.randint(4, 14),
                        age_min=18 if rng.random() < 0.3 else None,
                        status=status,
                        support_point=sp,
                        organisation=owners[rng.randrange(len(owners))] if owners and rng.random() < 0.4 else None,
                        location=location,
                        contact_email=f"{slug[:40]}@{(sp.email or 'steunpunt@x.example.org').split('@', 1)[1]}",
                        contact_phone=sp.phone,
                        last_verified_at=timezone.make_aware(
                            datetime.datetime.combine(
                                self.today - datetime.timedelta(days=rng.randint(0, 400)), datetime.time(12)
                            )
                        ),
                    )
                )
                _offers(offers_rng, groups[-1], tpl, self.today)
                plan.append((tpl, status))
            Location.objects.bulk_create(online_locations, batch_size=BATCH)
            for g in groups:
                if g.location is not None:
                    g.location_id = g.location.pk
                if g.cost == "fee":
                    g.cost_amount = 2 + rng.randint(0, 8)
            Group.objects.bulk_create(groups, batch_size=BATCH)

            theme_links: list[Any] = []
            language_links: list[Any] = []
            history: list[GroupStatusChange] = []
            schedules: list[tuple[Schedule, list[datetime.date]]] = []
            cancels: list[Cancellation] = []
            ThemeLink = Group.themes.through
            LanguageLink = Group.languages.through
            for g, (tpl, status) in zip(groups, plan, strict=True):
                for slug in tpl["themes"]:
                    theme_links.append(ThemeLink(group_id=g.pk, theme_id=themes[slug].pk))
                for code in tpl.get("languages") or ["nl"]:
                    language_links.append(LanguageLink(group_id=g.pk, language_id=languages[code].pk))
                day = self.today - datetime.timedelta(days=rng.randint(60, 3000))
                for step in (*EARLIER_STEPS[status], status):
                    history.append(GroupStatusChange(group=g, status=step, date=day))
                    day += datetime.timedelta(days=rng.randint(14, 120))
                if status != GroupStatus.STOPPED:
                    schedule, cancelled = _schedule(rng, g, self.today)
                    schedules.append((schedule, cancelled))
                    if not tpl.get("online") and len(in_person) > 1 and offers_rng.random() < 0.1:
                        # A group that meets at a second place too, on another day.
                        other = in_person[offers_rng.randrange(len(in_person))]
                        if other.pk != g.location_id:
                            start = datetime.time(offers_rng.choice((10, 14, 19)), 0)
                            second = Schedule(
                                group=g,
                                kind=RuleKind.WEEKLY,
                                weekdays=[offers_rng.randint(0, 5)],
                                start_time=start,
                                end_time=datetime.time(start.hour + 2, 0),
                                valid_from=self.today - datetime.timedelta(days=offers_rng.randint(30, 400)),
                                location=other,
                            )
                            schedules.append((second, []))
            ThemeLink.objects.bulk_create(theme_links, batch_size=BATCH)
            LanguageLink.objects.bulk_create(language_links, batch_size=BATCH)
            GroupStatusChange.objects.bulk_create(history, batch_size=BATCH)
            Schedule.objects.bulk_create([s for s, _c in schedules], batch_size=BATCH)
            for s, cancelled in schedules:
                cancels.extend(Cancellation(schedule=s, date=d, reason="Feestdag") for d in cancelled)
            Cancellation.objects.bulk_create(cancels, batch_size=BATCH)
            totals["groups"] += len(groups)
            totals["schedules"] += len(schedules)
            totals["cancellations"] += len(cancels)
            totals["status_changes"] += len(history)
        self.counts.update(totals)

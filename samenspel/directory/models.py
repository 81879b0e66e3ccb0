"""The social map's data: organisations, groups, where and when they meet, themes.

Aligned with HSDS 3.0 so that export is a mapping: Organisation ->
organization, Group -> service, Location -> location (+ address),
Schedule -> schedule, Theme -> taxonomy_term, Language -> language.

Privacy (DOMAIN.md): no model here stores a member of a group. Leaders are a
count, never names; a contact point is a role address.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.directory import postcodes
from samenspel.directory.recurrence import Rule, RuleKind, occurrences


class Language(models.Model):
    """A language a group meets in or an interface language (ISO 639-1 code)."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=80)  # translated
    name_local = models.CharField(_("name in the language itself"), max_length=80)
    rtl = models.BooleanField(_("written right to left"), default=False)
    is_interface = models.BooleanField(_("interface language"), default=False)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class ThemeCategory(models.TextChoices):
    SOMATIC = "somatic", _("Physical health")
    MENTAL = "mental", _("Mental health")
    ADDICTION = "addiction", _("Addiction")
    SOCIAL = "social", _("Special life situations")


class Theme(models.Model):
    """A term in the theme taxonomy (HSDS taxonomy_term)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("broader theme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    label = models.CharField(_("label"), max_length=120)  # translated
    category = models.CharField(_("problem category"), max_length=16, choices=ThemeCategory.choices)
    source = models.CharField(
        _("source"),
        max_length=120,
        blank=True,
        help_text=_("Where the term comes from, for example a reference list."),
    )

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["label"]

    def __str__(self) -> str:
        return self.label

    def ancestors(self) -> list[Theme]:
        chain: list[Theme] = []
        node = self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain

    def clean(self) -> None:
        # Walk up from the proposed parent: meeting ourselves means a cycle.
        seen: set[int] = set()
        node = self.parent
        while node is not None:
            if node is self or (self.pk is not None and node.pk == self.pk) or node.pk in seen:
                raise ValidationError(
                    {"parent": _("A theme cannot sit under itself or under one of its own sub-themes.")}
                )
            seen.add(node.pk)
            node = node.parent


class ThemeSynonym(models.Model):
    """A word people use for a theme, in a given language ("somber" -> depression)."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="synonyms", verbose_name=_("theme"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    term = models.CharField(_("word or phrase"), max_length=120)

    class Meta:
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")
        constraints = [models.UniqueConstraint(fields=["theme", "language", "term"], name="unique_theme_synonym")]

    def __str__(self) -> str:
        return f"{self.term} ({self.language}) → {self.theme}"


class OrganisationKind(models.TextChoices):
    SUPPORT_POINT = "support_point", _("Support point for self-help")
    PATIENT_ORGANISATION = "patient_organisation", _("Patient organisation")
    SELF_ORGANISATION = "self_organisation", _("Self-organisation")
    CARE_ORGANISATION = "care_organisation", _("Formal care organisation")
    MUNICIPALITY = "municipality", _("Municipality")
    HOUSE_OF_WORSHIP = "house_of_worship", _("House of worship")
    FUND = "fund", _("Fund")
    OTHER = "other", _("Other")


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def support_points(self) -> OrganisationQuerySet:
        return self.filter(kind=OrganisationKind.SUPPORT_POINT)


class Organisation(models.Model):
    """An organisation around the groups (HSDS organization)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)  # translated
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("public e-mail address"), blank=True)
    phone = models.CharField(_("public phone number"), max_length=32, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    source_id = models.CharField(
        _("id in the source directory"),
        max_length=200,
        blank=True,
        help_text=_("Set by an import, so that importing the same file again updates instead of duplicating."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_id"], condition=~Q(source_id=""), name="organisation_source_id_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Disclosure(models.TextChoices):
    PUBLIC = "public", _("Address is public")
    AREA = "area", _("Only the area is public")
    ON_REQUEST = "on_request", _("Address on request")
    ONLINE = "online", _("Online, link on request")


class Location(models.Model):
    """Where a group meets (HSDS location + address), with how much of it is public."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name of the place"), max_length=200, blank=True)
    disclosure = models.CharField(
        _("what is public"), max_length=16, choices=Disclosure.choices, default=Disclosure.PUBLIC
    )
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    municipality = models.CharField(_("place"), max_length=100, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True, help_text=_("Never shown publicly."))
    wheelchair_accessible = models.BooleanField(_("wheelchair accessible"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    quiet_room = models.BooleanField(_("quiet room"), default=False)
    childcare = models.BooleanField(_("childcare"), default=False)
    accessibility_note = models.TextField(_("accessibility notes"), blank=True)  # translated
    source_id = models.CharField(_("id in the source directory"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        constraints = [
            models.UniqueConstraint(fields=["source_id"], condition=~Q(source_id=""), name="location_source_id_unique"),
            models.CheckConstraint(
                condition=Q(disclosure="online") | ~Q(postcode=""),
                name="location_in_person_has_postcode",
            ),
        ]

    def __str__(self) -> str:
        if self.disclosure == Disclosure.ONLINE:
            return str(_("Online"))
        return ", ".join(p for p in (self.name, self.municipality) if p) or self.postcode

    @property
    def is_online(self) -> bool:
        return self.disclosure == Disclosure.ONLINE

    def public_coordinates(self) -> tuple[float | None, float | None]:
        """The point the public may know: exact for a public address, about a kilometre off otherwise.

        Search distances and every export use this point, so a distance cannot pin down a living room.
        """
        if self.disclosure == Disclosure.ONLINE or self.latitude is None or self.longitude is None:
            return None, None
        if self.disclosure == Disclosure.PUBLIC:
            return self.latitude, self.longitude
        return round(self.latitude, 2), round(self.longitude, 2)

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.disclosure == Disclosure.ONLINE:
            if not self.online_url:
                errors["online_url"] = _("An online group needs a meeting link (it is never shown publicly).")
        else:
            if not self.postcode:
                errors["postcode"] = _("Fill in the postcode of the place where the group meets.")
            else:
                area = postcodes.lookup(self.postcode)
                if area is None:
                    errors["postcode"] = _("We do not know the postcode %(postcode)s. Check the four digits.") % {
                        "postcode": self.postcode
                    }
                else:
                    self.postcode = postcodes.normalise(self.postcode)
                    if not self.municipality:
                        self.municipality = area.place
                    if self.latitude is None or self.longitude is None:
                        self.latitude, self.longitude = area.latitude, area.longitude
            if self.disclosure == Disclosure.PUBLIC and not self.street:
                errors["street"] = _("A public address needs a street and number.")
        if errors:
            raise ValidationError(errors)


class Audience(models.TextChoices):
    AFFECTED = "affected", _("People it concerns")
    RELATIVES = "relatives", _("Relatives and loved ones")
    BOTH = "both", _("Both")


class Gender(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    WOMEN = "women", _("Women")
    MEN = "men", _("Men")
    DESCRIBED = "described", _("As the group describes")


class GroupKind(models.TextChoices):
    SELF_HELP = "self_help", _("Self-help group")
    SUPPORT = "support", _("Support group")
    THEME = "theme", _("Theme group")
    EXPERT_BY_EXPERIENCE = "expert_by_experience", _("Group led by experts by experience")
    WOMEN = "women", _("Women's group")
    TRAINING = "training", _("Training group")
    TIME_OUT = "time_out", _("Time-out group")
    SAMEN_STERK = "samen_sterk", _("Samen Sterk group")
    ONLINE = "online", _("Online group")


class WorkingMethod(models.TextChoices):
    CONVERSATION = "conversation", _("Open conversation")
    TWELVE_STEPS = "twelve_steps", _("12 steps")
    ACTIVITY = "activity", _("Doing things together, such as walking or cooking")
    INFORMATION = "information", _("Information and talks")


class LedBy(models.TextChoices):
    PEER = "peer", _("A member of the group")
    VOLUNTEER = "volunteer", _("A volunteer")
    EXPERT_BY_EXPERIENCE = "expert_by_experience", _("An expert by experience")
    KEY_PERSON = "key_person", _("A key person from the community")
    SUPPORT_STAFF = "support_staff", _("Staff of the support point")
    PROFESSIONAL = "professional", _("A professional")


class Intake(models.TextChoices):
    JUST_COME = "just_come", _("Just come along")
    CONTACT_FIRST = "contact_first", _("Get in touch first")
    TRIAL = "trial", _("Come to a trial meeting")
    SET_MOMENTS = "set_moments", _("New members join at set moments")


class Activity(models.TextChoices):
    """What a group that does things together does (WorkingMethod.ACTIVITY); searched as "wandelen", "koken"."""

    WALKING = "walking", _("Walking")
    COOKING = "cooking", _("Cooking")
    CREATIVE = "creative", _("Creative work")
    SPORT = "sport", _("Sport and exercise")
    OTHER = "other", _("Something else")


# Age bands a visitor searches by ("jongeren", "ouderen"): a group for young people admits nobody older than
# YOUNG_MAX_AGE; one for older people nobody younger than OLDER_MIN_AGE.
YOUNG_MAX_AGE = 30
OLDER_MIN_AGE = 50
# A group that takes new members at set moments welcomes them "now" when its next intake is this close.
INTAKE_SOON_DAYS = 42


class Cost(models.TextChoices):
    FREE = "free", _("Free")
    VOLUNTARY = "voluntary", _("Voluntary contribution")
    FEE = "fee", _("Fee")


class GroupStatus(models.TextChoices):
    INITIATIVE = "initiative", _("Initiative")
    LOOKING = "looking", _("Looking for members")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    STOPPED = "stopped", _("Stopped")


# Statuses that show on the public map.
PUBLIC_STATUSES = (GroupStatus.LOOKING, GroupStatus.ACTIVE, GroupStatus.PAUSED)


class GroupQuerySet(models.QuerySet["Group"]):
    def public(self) -> GroupQuerySet:
        # An initiative is on the map only when its initiator asked to be found by others in the same
        # situation. A group unchecked for too long is hidden by the freshness run (directory/freshness.py,
        # GroupFreshness.hidden_at) until its contact point confirms it again.
        shown = Q(status__in=PUBLIC_STATUSES) | Q(status=GroupStatus.INITIATIVE, seeking_others=True)
        return self.filter(shown).exclude(freshness__hidden_at__isnull=False)

    def for_support_point(self, support_point: Organisation) -> GroupQuerySet:
        return self.filter(support_point=support_point)


class Group(models.Model):
    """A peer group (HSDS service). Belongs to its members; described, never its members."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)

    # Translated texts (modeltranslation adds one column per language).
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("what the group is"), blank=True)
    first_visit = models.TextField(_("what to expect at a first visit"), blank=True)
    house_rules = models.TextField(_("house rules and anonymity agreements"), blank=True)

    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), related_name="groups")
    languages: models.ManyToManyField[Language, Any] = models.ManyToManyField(
        Language, verbose_name=_("meeting languages"), related_name="groups"
    )

    audience = models.CharField(_("for whom"), max_length=16, choices=Audience.choices, default=Audience.AFFECTED)
    gender = models.CharField(_("gender"), max_length=16, choices=Gender.choices, default=Gender.EVERYONE)
    age_min = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    age_max = models.PositiveSmallIntegerField(
        _("maximum age"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    kind = models.CharField(_("kind of group"), max_length=32, choices=GroupKind.choices, default=GroupKind.SELF_HELP)
    working_method = models.CharField(
        _("working method"), max_length=32, choices=WorkingMethod.choices, default=WorkingMethod.CONVERSATION
    )
    led_by = models.CharField(_("led by"), max_length=32, choices=LedBy.choices, default=LedBy.PEER)
    leader_count = models.PositiveSmallIntegerField(
        _("number of leaders"), default=1, validators=[MinValueValidator(0), MaxValueValidator(2)]
    )
    intake = models.CharField(_("how to join"), max_length=16, choices=Intake.choices, default=Intake.JUST_COME)
    next_intake_date = models.DateField(
        _("next moment new members can join"),
        null=True,
        blank=True,
        help_text=_("For a group that takes new members at set moments."),
    )
    activity = models.CharField(_("what the group does together"), max_length=16, choices=Activity.choices, blank=True)
    # Offers beside the group meetings (000:447-450): a peer to talk to one to one, or by phone.
    one_to_one = models.BooleanField(_("also one-to-one contact with a peer"), default=False)
    phone_contact = models.BooleanField(_("also contact with a peer by phone"), default=False)
    # In a room and online at the same time; the link is never public, as for an online group.
    hybrid = models.BooleanField(_("meetings are in a room and online at the same time"), default=False)
    website = models.URLField(_("the group's own website or social-media page"), max_length=300, blank=True)
    cost = models.CharField(_("cost"), max_length=16, choices=Cost.choices, default=Cost.FREE)
    cost_amount = models.DecimalField(_("amount in euros"), max_digits=7, decimal_places=2, null=True, blank=True)
    typical_size = models.PositiveSmallIntegerField(
        _("usual number of people"), null=True, blank=True, validators=[MinValueValidator(2), MaxValueValidator(60)]
    )
    status = models.CharField(_("status"), max_length=16, choices=GroupStatus.choices, default=GroupStatus.ACTIVE)
    # An initiative is not on the map, unless its initiator wants to be found by others in the same situation.
    seeking_others = models.BooleanField(
        _("show this initiative on the map to find others in the same situation"), default=False
    )
    source_id = models.CharField(_("id in the source directory"), max_length=200, blank=True)

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("owning organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="groups",
    )
    support_point = models.ForeignKey(
        Organisation,
        verbose_name=_("support point"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supported_groups",
        limit_choices_to={"kind": OrganisationKind.SUPPORT_POINT},
    )
    location = models.ForeignKey(
        Location, verbose_name=_("location"), null=True, blank=True, on_delete=models.PROTECT, related_name="groups"
    )

    # Contact point: a role address and phone. A person's own name is only
    # shown when that person has chosen to make it public.
    contact_email = models.EmailField(_("contact e-mail (role address)"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=32, blank=True)
    contact_name = models.CharField(_("contact name"), max_length=120, blank=True)
    contact_name_public = models.BooleanField(_("contact name may be shown publicly"), default=False)

    last_verified_at = models.DateTimeField(_("last verified"), null=True, blank=True)
    last_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = GroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["name"]
        indexes = [models.Index(fields=["status", "support_point"])]
        constraints = [
            models.CheckConstraint(condition=~Q(contact_email="", contact_phone=""), name="group_has_contact_point"),
            models.CheckConstraint(
                condition=Q(age_min__isnull=True) | Q(age_max__isnull=True) | Q(age_min__lte=models.F("age_max")),
                name="group_age_range_ordered",
            ),
            models.CheckConstraint(condition=Q(leader_count__lte=2), name="group_at_most_two_leaders"),
            models.UniqueConstraint(fields=["source_id"], condition=~Q(source_id=""), name="group_source_id_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if not self.contact_email and not self.contact_phone:
            errors["contact_email"] = _(
                "A group needs a contact point: fill in a role e-mail address or a phone number."
            )
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            errors["age_max"] = _("The maximum age is lower than the minimum age.")
        if self.cost == Cost.FEE and not self.cost_amount:
            errors["cost_amount"] = _("Fill in the amount of the fee.")
        if self.cost != Cost.FEE and self.cost_amount:
            errors["cost_amount"] = _("Only a fee has an amount.")
        if self.next_intake_date and self.intake != Intake.SET_MOMENTS:
            errors["next_intake_date"] = _("Only a group that takes new members at set moments has an intake date.")
        if self.support_point_id and self.support_point and self.support_point.kind != OrganisationKind.SUPPORT_POINT:
            errors["support_point"] = _("Choose an organisation that is a support point.")
        if errors:
            raise ValidationError(errors)

    def intake_open_now(self, today: datetime.date | None = None) -> bool:
        """Whether someone may join now: always, unless the group takes new members at set moments only;
        then when the next one is near (INTAKE_SOON_DAYS)."""
        if self.intake != Intake.SET_MOMENTS:
            return True
        if self.next_intake_date is None:
            return False
        today = today or timezone.localdate()
        return today <= self.next_intake_date <= today + datetime.timedelta(days=INTAKE_SOON_DAYS)

    @property
    def age_band(self) -> str:
        """ "young" or "older" when the age range says so, else ""."""
        if self.age_max is not None and self.age_max <= YOUNG_MAX_AGE:
            return "young"
        if self.age_min is not None and self.age_min >= OLDER_MIN_AGE:
            return "older"
        return ""

    def support_point_reply_to(self) -> list[str]:
        """Where replies to mail about this group go: its support point, the intermediary (or nowhere)."""
        return [self.support_point.email] if self.support_point and self.support_point.email else []

    @property
    def public_contact_name(self) -> str:
        return self.contact_name if self.contact_name_public else ""

    def next_meetings(self, count: int = 5, after: datetime.datetime | None = None) -> list[datetime.datetime]:
        """The next meeting starts over all of the group's schedules, soonest first."""
        after = after or timezone.now()
        found: list[datetime.datetime] = []
        for schedule in self.schedules.all():
            found.extend(start for start, _end in schedule.next_occurrences(count=count, after=after))
        return sorted(found)[:count]


class GroupStatusChange(models.Model):
    """The dated history of a group's lifecycle (002:5808)."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="status_history", verbose_name=_("group"))
    status = models.CharField(_("status"), max_length=16, choices=GroupStatus.choices)
    date = models.DateField(_("date"), default=datetime.date.today)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status history")
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.date}: {self.get_status_display()}"


class Schedule(models.Model):
    """When a group meets (HSDS schedule). Times are wall-clock in Europe/Amsterdam."""

    Kind = RuleKind

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="schedules", verbose_name=_("group"))
    kind = models.CharField(_("repeats"), max_length=24, choices=RuleKind.choices, default=RuleKind.WEEKLY)
    weekdays = models.JSONField(
        _("weekdays"), default=list, blank=True, help_text=_("Days of the week, 0 = Monday … 6 = Sunday.")
    )
    interval = models.PositiveSmallIntegerField(
        _("every how many weeks"), default=1, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    nth = models.SmallIntegerField(
        _("which week of the month"), null=True, blank=True, help_text=_("1 to 4, or -1 for the last one.")
    )
    day_of_month = models.PositiveSmallIntegerField(
        _("day of the month"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    dates = models.JSONField(
        _("dates"), default=list, blank=True, help_text=_("A list of dates, for a one-off series.")
    )
    start_time = models.TimeField(_("starts at"))
    end_time = models.TimeField(_("ends at"))
    valid_from = models.DateField(_("from"), default=datetime.date.today)
    valid_until = models.DateField(_("until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)  # translated
    # Where these meetings are, when not at the group's own place: a group that meets at several places.
    location = models.ForeignKey(
        Location,
        verbose_name=_("place of these meetings"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="schedules",
        help_text=_("Leave empty when the meetings are at the group's own place."),
    )

    class Meta:
        verbose_name = _("schedule")
        verbose_name_plural = _("schedules")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                name="schedule_ends_after_start",
            ),
            models.CheckConstraint(condition=Q(end_time__gt=models.F("start_time")), name="schedule_time_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.start_time:%H:%M}-{self.end_time:%H:%M}"

    @property
    def place(self) -> Location | None:
        """Where these meetings are: the schedule's own place, or the group's."""
        return self.location if self.location_id else self.group.location

    def rule(self) -> Rule:
        return Rule(
            kind=RuleKind(self.kind),
            weekdays=tuple(int(d) for d in self.weekdays or ()),
            interval=self.interval or 1,
            nth=self.nth,
            day_of_month=self.day_of_month,
            dates=tuple(datetime.date.fromisoformat(str(d)) for d in self.dates or ()),
            start_time=self.start_time,
            end_time=self.end_time,
            valid_from=self.valid_from,
            valid_until=self.valid_until,
        )

    def clean(self) -> None:
        try:
            self.rule().validate()
        except ValueError as exc:
            raise ValidationError(str(exc)) from exc

    def next_occurrences(
        self, count: int = 10, after: datetime.datetime | None = None
    ) -> list[tuple[datetime.datetime, datetime.datetime]]:
        cancelled = {c.date for c in self.cancellations.all()}
        return list(_take(occurrences(self.rule(), after=after or timezone.now(), skip=cancelled), count))


def _take(
    it: Iterator[tuple[datetime.datetime, datetime.datetime]], n: int
) -> Iterator[tuple[datetime.datetime, datetime.datetime]]:
    for i, item in enumerate(it):
        if i >= n:
            return
        yield item


class Cancellation(models.Model):
    """A meeting that does not happen (HSDS: an EXDATE on the schedule)."""

    schedule = models.ForeignKey(
        Schedule, on_delete=models.CASCADE, related_name="cancellations", verbose_name=_("schedule")
    )
    date = models.DateField(_("date"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("cancelled meeting")
        verbose_name_plural = _("cancelled meetings")
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["schedule", "date"], name="unique_cancellation")]

    def __str__(self) -> str:
        return str(self.date)


class SearchDocument(models.Model):
    """One row per public group with what search filters and matches on; see search_index.py.

    Derived data: rebuilt from the group at any time, never edited by hand.
    """

    group = models.OneToOneField(Group, on_delete=models.CASCADE, primary_key=True, related_name="search_document")
    support_point = models.ForeignKey(Organisation, null=True, on_delete=models.SET_NULL, related_name="+")
    is_online = models.BooleanField(default=False)
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    audience = models.CharField(max_length=16)
    gender = models.CharField(max_length=16)
    is_free = models.BooleanField(default=True)
    welcomes_new = models.BooleanField(default=True)
    weekday_mask = models.PositiveSmallIntegerField(default=0)  # bit 0 = Monday
    part_mask = models.PositiveSmallIntegerField(default=0)  # 1 morning, 2 afternoon, 4 evening
    verified_at = models.DateTimeField(null=True)
    name_terms = models.TextField(blank=True)  # stems of the name in every language
    body_terms = models.TextField(blank=True)  # stems of description and first visit, and the place
    # Facets as words, so the text index filters them too: "t12" = theme 12, "lfa" = meets in Farsi.
    facet_terms = models.TextField(blank=True)
    # What the group offers (search_index.FEATURES) as bits: filtered on, but not part of what makes two rows
    # copies of one group (search.rank partitions by name and facet terms). Nullable so SQLite adds the column
    # in place and keeps the text index's triggers; the index always writes it.
    feature_mask = models.PositiveIntegerField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["latitude", "longitude"]),
            models.Index(fields=["is_online"], condition=models.Q(is_online=True), name="searchdoc_online"),
        ]

    def __str__(self) -> str:
        return f"search document of group {self.group_id}"


class SupportPointSettings(models.Model):
    """How a support point wants its part of the map kept: review changes or not, and how strict freshness is.

    The freshness thresholds are read by `directory/freshness.py`, the one statement of the rule.
    """

    support_point = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="map_settings", verbose_name=_("support point")
    )
    review_changes = models.BooleanField(
        _("review changes first"),
        default=False,
        help_text=_("Changes by group contact persons go live only after an editor approves them."),
    )
    verify_every_days = models.PositiveSmallIntegerField(
        _("check every (days)"), default=182, validators=[MinValueValidator(7), MaxValueValidator(1000)]
    )
    overdue_after_days = models.PositiveSmallIntegerField(
        _("overdue after a further (days)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=_("Days after the check is due before the group is flagged."),
    )
    note_after_days = models.PositiveSmallIntegerField(
        _("public note after (days)"),
        default=365,
        validators=[MinValueValidator(7), MaxValueValidator(3000)],
        help_text=_("Days without a check before the public page says when it was last checked."),
    )
    hide_after_days = models.PositiveSmallIntegerField(
        _("hide after (days)"),
        default=548,
        validators=[MinValueValidator(7), MaxValueValidator(3000)],
        help_text=_("Days without a check before the group leaves the public map."),
    )
    import_mapping = models.JSONField(_("import column mapping"), default=dict, blank=True)

    class Meta:
        verbose_name = _("support point settings")
        verbose_name_plural = _("support point settings")

    def __str__(self) -> str:
        return str(self.support_point)

    def clean(self) -> None:
        if not (self.verify_every_days <= self.note_after_days <= self.hide_after_days):
            raise ValidationError(
                _("The days must grow: check, then public note, then hide."),
            )

    @classmethod
    def for_support_point(cls, support_point: Organisation | None) -> SupportPointSettings:
        """The stored settings, or unsaved defaults (a group without a support point uses those too)."""
        if support_point is None:
            return cls()
        # Through the reverse accessor, so a `select_related("support_point__map_settings")` saves the query.
        try:
            return support_point.map_settings
        except cls.DoesNotExist:
            return cls(support_point=support_point)


class GroupFreshness(models.Model):
    """What the freshness run last did for a group, so that running it again changes nothing.

    `hidden_at` takes the group off the public map (`Group.objects.public()`) until it is confirmed again.
    """

    group = models.OneToOneField(Group, on_delete=models.CASCADE, primary_key=True, related_name="freshness")
    check_sent_at = models.DateTimeField(null=True, blank=True)
    # The verification the last check was about; a new verification starts a new cycle.
    check_sent_for = models.DateTimeField(null=True, blank=True)
    flagged_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    # Someone told us the entry may be wrong (a public correction: "stopped", "time wrong"): the group counts as
    # "check due" until the report is handled or someone confirms the entry (freshness.py).
    reported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("freshness state")
        verbose_name_plural = _("freshness states")

    def __str__(self) -> str:
        return f"freshness of group {self.group_id}"


class MapVersion(models.Model):
    """One row whose number grows with every change of what the public map shows (see `map_version.py`).

    Public pages are cached under it, so an edit shows at once in every server process; a row in the
    database rather than a cache key, so it is right without a shared cache and survives a cache flush.
    """

    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"map version {self.version}"

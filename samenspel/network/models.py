"""Key persons (sleutelfiguren, vertrouwenspersonen) and the self-organisations their support point works with.

Privacy (DOMAIN.md, issue 15): Samenspel keeps no register of help-seekers. What a key person records about their
work is counts: a contact's day, theme, language, how they met and what followed; a referral journey's steps and
their dates. No table here has room for the name, address, birth date, origin or diagnosis of a person helped
(tests/network/test_privacy.py lists every field and proves it). A key person describes whom they reach by language
and neighbourhood, never by ethnicity. The only free text is a short anonymous case note (guarded against names,
dates, phone numbers and addresses, sealed at rest, wiped after its retention) and trust notes about organisations,
each readable only by the people its author names.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.core import crypto
from samenspel.directory.models import Group, Language, Organisation, OrganisationKind, Theme
from samenspel.network.conf import contact_person_days


class SealedTextField(models.TextField):
    """Free text encrypted at rest with the site's key: what is in the database (and the admin) is unreadable.

    Not core.crypto.EncryptedTextField on purpose: that field is for a client's contact details and demands consent
    and a deletion date; these notes hold no contact details (the forms refuse them), yet are sensitive enough that
    a database dump or the admin must not show them. Each model with one has its own deletion date and purge.
    """

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> str:
        return crypto.decrypt(value) if value else ""

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        return crypto.encrypt(value) if value else ""


class KeyPersonStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")


class Visibility(models.TextChoices):
    NETWORK = "network", _("Only the network: key persons and staff of my support point")
    PUBLIC = "public", _("Public: also on the support point's public page of key persons")


class KeyPersonQuerySet(models.QuerySet["KeyPerson"]):
    def for_support_point(self, support_point: Organisation) -> KeyPersonQuerySet:
        return self.filter(support_point=support_point)

    def current(self) -> KeyPersonQuerySet:
        return self.exclude(status=KeyPersonStatus.ENDED)

    def in_network(self) -> KeyPersonQuerySet:
        """Who other key persons can find: active, with a profile filled in."""
        return self.filter(status=KeyPersonStatus.ACTIVE).exclude(public_name="")

    def public(self) -> KeyPersonQuerySet:
        return self.in_network().filter(visibility=Visibility.PUBLIC)


class KeyPerson(models.Model):
    """A trusted person from a community who listens, helps put a question into words and refers warmly.

    Invited by a support point; the profile (name as they want to be called, languages, whom they reach, themes,
    when they can be reached, who may see it) is their own to fill in and change.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="key_person", verbose_name=_("person")
    )
    support_point = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="key_persons",
        verbose_name=_("support point"),
        limit_choices_to={"kind": OrganisationKind.SUPPORT_POINT},
    )
    # The key person's own name as they choose to show it (a first name is enough); never someone they help.
    public_name = models.CharField(_("name to show"), max_length=80, blank=True)
    languages = models.ManyToManyField(Language, blank=True, related_name="+", verbose_name=_("languages I speak"))
    themes: models.ManyToManyField[Theme, Any] = models.ManyToManyField(
        Theme, blank=True, related_name="+", verbose_name=_("themes I know about")
    )
    availability = models.CharField(_("when I can be reached"), max_length=200, blank=True)
    visibility = models.CharField(
        _("who may see my profile"), max_length=16, choices=Visibility.choices, default=Visibility.NETWORK
    )
    status = models.CharField(
        _("status"), max_length=16, choices=KeyPersonStatus.choices, default=KeyPersonStatus.INVITED
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    activated_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = KeyPersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("key person")
        verbose_name_plural = _("key persons")
        ordering = ["public_name", "created_at"]

    def __str__(self) -> str:
        return self.public_name or str(_("key person (profile not filled in yet)"))

    @property
    def is_active(self) -> bool:
        return self.status == KeyPersonStatus.ACTIVE


class Reach(models.Model):
    """Whom a key person reaches: people who speak a language, in a neighbourhood. Never an origin or ethnicity."""

    key_person = models.ForeignKey(KeyPerson, on_delete=models.CASCADE, related_name="reach")
    language = models.ForeignKey(
        Language, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("language")
    )
    neighbourhood = models.CharField(_("neighbourhood or place"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("reach")
        verbose_name_plural = _("reach")
        ordering = ["neighbourhood"]
        constraints = [
            models.CheckConstraint(
                condition=Q(language__isnull=False) | ~Q(neighbourhood=""), name="reach_says_something"
            )
        ]

    def __str__(self) -> str:
        return " · ".join(str(part) for part in (self.language, self.neighbourhood) if part)


class MetVia(models.TextChoices):
    PLACE_OF_WORSHIP = "place_of_worship", _("At a mosque, church or temple")
    SCHOOL = "school", _("At school")
    PHONE = "phone", _("By phone or message")
    HOME = "home", _("At home")
    COMMUNITY_CENTRE = "community_centre", _("At a community centre")
    STREET = "street", _("In the street or at the market")
    OTHER = "other", _("Another way")


class ContactFunction(models.TextChoices):
    """What followed a contact: the functions of a trusted person (004:4330, 004:10540)."""

    SOUNDING_BOARD = "sounding_board", _("Listened")
    ORDER_STORY = "order_story", _("Helped put the question into words")
    ADVICE = "advice", _("Gave advice")
    EARLY_SIGNAL = "early_signal", _("Noticed a problem early")
    REFERRAL = "referral", _("Referred")
    ACCOMPANIED = "accompanied", _("Went along")
    SUPPORT = "support", _("Supported during help")
    CONNECTING = "connecting", _("Connected with others")
    SELF_RELIANCE = "self_reliance", _("Helped them do it themselves")
    ISOLATION = "isolation", _("Broke isolation")


class ContactEntryQuerySet(models.QuerySet["ContactEntry"]):
    def for_support_point(self, support_point: Organisation) -> ContactEntryQuerySet:
        return self.filter(support_point=support_point)

    def notes_due(self, today: datetime.date | None = None) -> ContactEntryQuerySet:
        return self.exclude(case_note="").filter(note_delete_after__lt=today or timezone.localdate())


class ContactEntry(models.Model):
    """One contact a key person had, for the year figures: when, about what, in which language, how, what followed.

    Nobody's identity: there is no field for it, and the anonymous case note refuses what looks like one.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The support point keeps the count when the key person leaves.
    support_point = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    key_person = models.ForeignKey(
        KeyPerson, null=True, on_delete=models.SET_NULL, related_name="contacts", verbose_name=_("key person")
    )
    day = models.DateField(_("day"), default=timezone.localdate)
    language = models.ForeignKey(
        Language, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("language")
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="+", verbose_name=_("themes"))
    met_via = models.CharField(_("how we met"), max_length=24, choices=MetVia.choices)
    functions = models.JSONField(_("what followed"), default=list)
    case_note = SealedTextField(_("anonymous case note"), blank=True)
    note_delete_after = models.DateField(_("note deleted after"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ContactEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["-day", "-created_at"]
        indexes = [models.Index(fields=["support_point", "day"]), models.Index(fields=["note_delete_after"])]

    def __str__(self) -> str:
        return f"{self.day:%Y-%m-%d} · {self.get_met_via_display()}"


class JourneyStep(models.TextChoices):
    """Warm toeleiding as steps (004:4280-4352, 004:6405-6500)."""

    LISTENED = "listened", _("Listened")
    QUESTION = "question", _("Put the question into words together")
    FOUND = "found", _("Found help on the map")
    SLIP = "slip", _("Gave a referral slip")
    HANDOVER = "handover", _("Made a warm handover, with consent")
    PREPARED = "prepared", _("Prepared the first contact")
    ACCOMPANIED = "accompanied", _("Went along to the first contact")
    DEBRIEFED = "debriefed", _("Talked it over afterwards")
    MOTIVATED = "motivated", _("Kept them going while waiting")
    AFTERCARE = "aftercare", _("Aftercare")


class JourneyQuerySet(models.QuerySet["Journey"]):
    def for_key_person(self, key_person: KeyPerson) -> JourneyQuerySet:
        return self.filter(key_person=key_person)

    def for_support_point(self, support_point: Organisation) -> JourneyQuerySet:
        return self.filter(support_point=support_point)


class Journey(models.Model):
    """One person's way to help, as steps with dates, without who the person is.

    What it is about (a theme, a language) and where it leads (a group on the map, a warm handover, which keeps
    any contact details itself, with consent, encrypted and purged by the referral room).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    support_point = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    key_person = models.ForeignKey(KeyPerson, null=True, on_delete=models.SET_NULL, related_name="journeys")
    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("theme")
    )
    language = models.ForeignKey(
        Language, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("language")
    )
    group = models.ForeignKey(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("group on the map")
    )
    handover = models.ForeignKey(
        "referral.Handover", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = JourneyQuerySet.as_manager()

    class Meta:
        verbose_name = _("referral journey")
        verbose_name_plural = _("referral journeys")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.theme or '-'} · {timezone.localtime(self.created_at):%Y-%m-%d}"


class JourneyStepDone(models.Model):
    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="steps")
    step = models.CharField(_("step"), max_length=16, choices=JourneyStep.choices)
    day = models.DateField(_("day"), default=timezone.localdate)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("step taken")
        verbose_name_plural = _("steps taken")
        ordering = ["day", "created_at"]

    def __str__(self) -> str:
        return f"{self.get_step_display()} · {self.day:%Y-%m-%d}"


class LadderStep(models.IntegerChoices):
    """The binding ladder (004:705-716, 004:1154-1420), with the networking step before it as 0."""

    CONTACT = 0, _("0 · First contact")
    TRUST = 1, _("1 · Trust won")
    STRENGTHENED = 2, _("2 · Organisation strengthened")
    MAPPED = 3, _("3 · Mapped what connects it to others")
    COOPERATION = 4, _("4 · Ad-hoc cooperation on a shared interest")
    LASTING = 5, _("5 · Lasting contact")


class Depth(models.TextChoices):
    SHOP_WINDOW = "shop_window", _("Shop window: what anyone at the support point may know")
    KITCHEN_TABLE = "kitchen_table", _("Kitchen table: told in confidence")
    CELLAR = "cellar", _("Cellar: only for the people named")


class TieQuerySet(models.QuerySet["Tie"]):
    def for_support_point(self, support_point: Organisation) -> TieQuerySet:
        return self.filter(support_point=support_point)


class Tie(models.Model):
    """A support point's relation with one self-organisation: where it stands on the binding ladder."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    support_point = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("self-organisation"),
        limit_choices_to={"kind": OrganisationKind.SELF_ORGANISATION},
    )
    step = models.PositiveSmallIntegerField(_("step on the ladder"), choices=LadderStep.choices, default=0)
    depth = models.CharField(_("depth of contact"), max_length=16, choices=Depth.choices, default=Depth.SHOP_WINDOW)
    next_action = models.CharField(_("next action"), max_length=200, blank=True)
    next_action_on = models.DateField(_("next action by"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TieQuerySet.as_manager()

    class Meta:
        verbose_name = _("self-organisation on the ladder")
        verbose_name_plural = _("self-organisations on the ladder")
        ordering = ["organisation__name"]
        constraints = [models.UniqueConstraint(fields=["support_point", "organisation"], name="unique_tie")]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.step}"


class LadderChange(models.Model):
    """A dated step on the ladder, up or down: the tie's history."""

    tie = models.ForeignKey(Tie, on_delete=models.CASCADE, related_name="history")
    step_from = models.PositiveSmallIntegerField(choices=LadderStep.choices)
    step_to = models.PositiveSmallIntegerField(choices=LadderStep.choices)
    day = models.DateField(default=timezone.localdate)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-day", "-created_at"]

    def __str__(self) -> str:
        return f"{self.step_from} → {self.step_to} · {self.day:%Y-%m-%d}"


class TrustNoteQuerySet(models.QuerySet["TrustNote"]):
    def readable_by(self, user: Any) -> TrustNoteQuerySet:
        """A shop-window note: everyone who sees the tie. A deeper one: its author and the people it names."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(Q(depth=Depth.SHOP_WINDOW) | Q(author=user) | Q(readers=user)).distinct()

    def due_for_deletion(self, today: datetime.date | None = None) -> TrustNoteQuerySet:
        return self.filter(delete_after__lt=today or timezone.localdate())


class TrustNote(models.Model):
    """A note about a self-organisation. Who may read it is explicit: the depth, and for deeper ones the names."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    tie = models.ForeignKey(Tie, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("written by")
    )
    depth = models.CharField(_("depth"), max_length=16, choices=Depth.choices)
    text = SealedTextField(_("note"))
    readers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("who may read it")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    delete_after = models.DateField(_("deleted after"))

    objects = TrustNoteQuerySet.as_manager()

    class Meta:
        verbose_name = _("trust note")
        verbose_name_plural = _("trust notes")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["delete_after"])]

    def __str__(self) -> str:
        # Never the text: this shows in lists, logs and the audit trail.
        return f"{self.get_depth_display()} · {timezone.localtime(self.created_at):%Y-%m-%d}"


class Shortage(models.TextChoices):
    """The six bottlenecks self-organisations share (004:2294): money, room, target group, politics, institutions,
    volunteers."""

    MONEY = "money", _("Money")
    ROOM = "room", _("A room or place")
    TARGET_GROUP = "target_group", _("Reaching the target group")
    POLITICS = "politics", _("Contact with local politics")
    INSTITUTIONS = "institutions", _("Contact with care and welfare institutions")
    VOLUNTEERS = "volunteers", _("Finding and keeping capable volunteers")


class TourReportQuerySet(models.QuerySet["TourReport"]):
    def due_for_deletion(self, today: datetime.date | None = None) -> TourReportQuerySet:
        return self.filter(delete_after__lt=today or timezone.localdate())


class TourReport(models.Model):
    """A visit on the tour (rondgang) along self-organisations, which the organisation confirms or corrects.

    "Heb ik het goed begrepen? Corrigeer me als dat niet zo is" (004:2320): the report goes to the organisation by a
    one-time link; its answer is kept with the report.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    tie = models.ForeignKey(Tie, on_delete=models.CASCADE, related_name="reports")
    visited_on = models.DateField(_("visited on"), default=timezone.localdate)
    target_group = models.CharField(_("target group"), max_length=300)
    activities = models.TextField(_("activities"))
    shortages = models.JSONField(_("bottlenecks"), default=list)
    shortage_notes = models.TextField(_("about the bottlenecks"), blank=True)
    wishes = models.TextField(_("wishes"), blank=True)
    offers = models.TextField(_("what it can offer others"), blank=True)
    # The same, as kinds the synthesis can match across organisations (Resource).
    needs = models.JSONField(_("what it needs"), default=list, blank=True)
    offers_kinds = models.JSONField(_("what it offers"), default=list, blank=True)
    need_language = models.ForeignKey(
        Language,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("language it needs"),
    )
    offer_language = models.ForeignKey(
        Language,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("language it offers"),
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("written by")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(_("sent to the organisation"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("answered by the organisation"), null=True, blank=True)
    correction = models.TextField(_("the organisation's correction"), blank=True)
    delete_after = models.DateField(_("deleted after"))

    objects = TourReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("tour visit report")
        verbose_name_plural = _("tour visit reports")
        ordering = ["-visited_on", "-created_at"]

    def __str__(self) -> str:
        return f"{self.tie.organisation} · {self.visited_on:%Y-%m-%d}"


class SignalQuerySet(models.QuerySet["Signal"]):
    def for_support_point(self, support_point: Organisation) -> SignalQuerySet:
        return self.filter(support_point=support_point)

    def due_for_deletion(self, today: datetime.date | None = None) -> SignalQuerySet:
        return self.filter(delete_after__lt=today or timezone.localdate())


class Signal(models.Model):
    """A need a key person sees in a community (004:4295): "many mothers alone with a child with autism, Arabic-
    speaking, Woensel". Counted by theme, language and place for the support point; about a need, never a person."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    support_point = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    key_person = models.ForeignKey(KeyPerson, null=True, on_delete=models.SET_NULL, related_name="signals")
    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("theme")
    )
    language = models.ForeignKey(
        Language, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("language")
    )
    area = models.CharField(_("neighbourhood or place"), max_length=100, blank=True)
    need = models.CharField(_("what you see"), max_length=300)
    # The initiative "looking for others" on the map this signal became (004:774-790).
    initiative = models.ForeignKey(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("initiative")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    delete_after = models.DateField(_("deleted after"))

    objects = SignalQuerySet.as_manager()

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.theme or '-'} · {timezone.localtime(self.created_at):%Y-%m-%d}"


MAX_CASES_PER_MEETING = 3


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def for_support_point(self, support_point: Organisation) -> MeetingQuerySet:
        return self.filter(support_point=support_point)


class Meeting(models.Model):
    """A meeting of the network of trusted persons (004:864-920): an agenda and at most three anonymous cases."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    support_point = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    held_on = models.DateField(_("date"))
    agenda = models.TextField(_("agenda"), blank=True)
    professionals: models.ManyToManyField[SisterContact, Any] = models.ManyToManyField(
        "SisterContact", blank=True, related_name="meetings", verbose_name=_("professionals who join")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("network meeting")
        verbose_name_plural = _("network meetings")
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.support_point} · {self.held_on:%Y-%m-%d}"


class MeetingCaseQuerySet(models.QuerySet["MeetingCase"]):
    def due_for_deletion(self, today: datetime.date | None = None) -> MeetingCaseQuerySet:
        return self.filter(delete_after__lt=today or timezone.localdate())


class MeetingCase(models.Model):
    """An anonymous case for the meeting's case discussion (004:4917): the situation and the question, never who."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="cases")
    brought_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = SealedTextField(_("the case"))
    created_at = models.DateTimeField(auto_now_add=True)
    delete_after = models.DateField(_("deleted after"))

    objects = MeetingCaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("anonymous case")
        verbose_name_plural = _("anonymous cases")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.meeting} · {timezone.localtime(self.created_at):%Y-%m-%d %H:%M}"


# The key person's social map of all help (004:6060-6110, 004:6370-6400): not only peer groups.


class HelpTopic(models.TextChoices):
    """Around which question a service helps: the questions key persons meet most (004:6370)."""

    DEBT = "debt", _("Debt help")
    INCOME = "income", _("Income and benefits")
    LANGUAGE = "language", _("Learning Dutch")
    HOUSING = "housing", _("Housing")
    DOMESTIC_VIOLENCE = "domestic_violence", _("Domestic violence")
    YOUTH_CARE = "youth_care", _("Youth and family")
    HEALTH = "health", _("Health and care")
    WORK = "work", _("Work and school")
    LEGAL = "legal", _("Legal help")
    OTHER = "other", _("Other help")


# The words people use for a question, so that "schuldhulp" or "rekeningen" finds the debt help whatever the
# interface language. Search vocabulary, not text on a page.
TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    HelpTopic.DEBT: ("schuld", "schulden", "schuldhulp", "schuldhulpverlening", "geldzorgen", "rekeningen",
                     "deurwaarder", "budget", "debt", "money"),
    HelpTopic.INCOME: ("inkomen", "uitkering", "toeslag", "toeslagen", "bijstand", "income", "benefits"),
    HelpTopic.LANGUAGE: ("taal", "taalles", "nederlands", "inburgering", "taalcafé", "language", "dutch"),
    HelpTopic.HOUSING: ("wonen", "woning", "huis", "huur", "dakloos", "housing", "rent", "homeless"),
    HelpTopic.DOMESTIC_VIOLENCE: ("huiselijk geweld", "geweld", "veilig thuis", "mishandeling", "domestic violence",
                                  "violence", "abuse"),
    HelpTopic.YOUTH_CARE: ("jeugd", "jeugdzorg", "opvoeding", "gezin", "kinderen", "youth", "parenting", "family"),
    HelpTopic.HEALTH: ("zorg", "gezondheid", "huisarts", "health", "care"),
    HelpTopic.WORK: ("werk", "baan", "school", "opleiding", "work", "job"),
    HelpTopic.LEGAL: ("recht", "juridisch", "advocaat", "juridisch loket", "legal", "lawyer"),
    HelpTopic.OTHER: (),
}  # fmt: skip


class HelpServiceQuerySet(models.QuerySet["HelpService"]):
    def for_support_point(self, support_point: Organisation) -> HelpServiceQuerySet:
        return self.filter(support_point=support_point)

    def open_data(self) -> HelpServiceQuerySet:
        return self.filter(open_data=True)

    def contact_due(self, today: datetime.date | None = None) -> HelpServiceQuerySet:
        """Services whose named first contact was not checked within the retention: their details go."""
        limit = (today or timezone.localdate()) - datetime.timedelta(days=contact_person_days())
        named = ~Q(contact_name="") | ~Q(contact_phone="") | ~Q(contact_email="")
        return self.filter(named).filter(Q(contact_checked_on__lt=limit) | Q(contact_checked_on__isnull=True))


class HelpService(models.Model):
    """A service of an organisation around a question (debt help, language, housing, ...): an HSDS service.

    The support point keeps it for its key persons. What the public may know (what it is, for whom, how to apply,
    the role address) goes to the open data with the peer groups; the named first contact person at the
    institution (a professional in their work role, 004:4490), their direct line and the tips for a warm
    handover stay in the network. The person's details go when nobody has checked them for a year.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    support_point = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    provider = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation that offers it")
    )
    name = models.CharField(_("name of the service"), max_length=200)
    topic = models.CharField(_("question it helps with"), max_length=24, choices=HelpTopic.choices)
    description = models.TextField(_("what it offers"), blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    procedure = models.TextField(_("how to apply"), blank=True)
    languages = models.ManyToManyField(Language, blank=True, related_name="+", verbose_name=_("languages spoken"))
    area = models.CharField(_("area it serves"), max_length=100, blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    role_email = models.EmailField(_("public e-mail address (a role address)"), blank=True)
    role_phone = models.CharField(_("public phone number"), max_length=32, blank=True)
    open_data = models.BooleanField(_("share in the open data"), default=True)
    # Only for the network: the named first contact person in their work role, and how to hand over warmly.
    contact_name = models.CharField(_("first contact person"), max_length=120, blank=True)
    contact_role = models.CharField(_("their role"), max_length=120, blank=True)
    contact_phone = models.CharField(_("their direct phone number"), max_length=32, blank=True)
    contact_email = models.EmailField(_("their work e-mail address"), blank=True)
    contact_checked_on = models.DateField(_("contact person last checked"), null=True, blank=True)
    network_note = models.TextField(_("tips for key persons"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = HelpServiceQuerySet.as_manager()

    class Meta:
        verbose_name = _("help service")
        verbose_name_plural = _("help services")
        ordering = ["topic", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def words(self) -> tuple[str, ...]:
        return TOPIC_WORDS.get(self.topic, ())


class SuggestionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACCEPTED = "accepted", _("Taken over")
    DECLINED = "declined", _("Not taken over")


class HelpSuggestionQuerySet(models.QuerySet["HelpSuggestion"]):
    def for_support_point(self, support_point: Organisation) -> HelpSuggestionQuerySet:
        return self.filter(support_point=support_point)

    def due_for_deletion(self, today: datetime.date | None = None) -> HelpSuggestionQuerySet:
        return self.filter(delete_after__lt=today or timezone.localdate())


class HelpSuggestion(models.Model):
    """A key person's suggestion: a service to add, or a correction to one. The support point decides."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    support_point = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    key_person = models.ForeignKey(KeyPerson, null=True, on_delete=models.SET_NULL, related_name="suggestions")
    service = models.ForeignKey(
        HelpService,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="suggestions",
        verbose_name=_("service to correct"),
    )
    topic = models.CharField(_("question it helps with"), max_length=24, choices=HelpTopic.choices, blank=True)
    service_name = models.CharField(_("name of the service"), max_length=200, blank=True)
    provider_name = models.CharField(_("organisation that offers it"), max_length=200, blank=True)
    text = models.TextField(_("what to add or correct"))
    status = models.CharField(_("status"), max_length=16, choices=SuggestionStatus.choices, default="open")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    delete_after = models.DateField(_("deleted after"))

    objects = HelpSuggestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("suggestion for the social map")
        verbose_name_plural = _("suggestions for the social map")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.service or self.service_name} · {timezone.localtime(self.created_at):%Y-%m-%d}"


# The network of trusted persons (004:864-920, 004:6389-6400): who at a sister organisation can be asked for what.


class SisterContactQuerySet(models.QuerySet["SisterContact"]):
    def for_support_point(self, support_point: Organisation) -> SisterContactQuerySet:
        return self.filter(support_point=support_point)

    def approved(self) -> SisterContactQuerySet:
        return self.filter(status=SuggestionStatus.ACCEPTED)

    def due_for_deletion(self, today: datetime.date | None = None) -> SisterContactQuerySet:
        limit = (today or timezone.localdate()) - datetime.timedelta(days=contact_person_days())
        return self.filter(checked_on__lt=limit)


class SisterContact(models.Model):
    """A contact at a sister organisation, or a professional who joins the network meetings, in their work role.

    Key persons propose, the support point approves (a moderated list). Someone nobody checked for a year is
    removed by the daily job.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    support_point = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    organisation_name = models.CharField(_("organisation"), max_length=200)
    name = models.CharField(_("name of the contact person"), max_length=120)
    role = models.CharField(_("their role"), max_length=120, blank=True)
    email = models.EmailField(_("work e-mail address"), blank=True)
    phone = models.CharField(_("work phone number"), max_length=32, blank=True)
    ask_for = models.CharField(_("what you can ask them"), max_length=300)
    languages = models.ManyToManyField(Language, blank=True, related_name="+", verbose_name=_("languages"))
    themes: models.ManyToManyField[Theme, Any] = models.ManyToManyField(
        Theme, blank=True, related_name="+", verbose_name=_("themes")
    )
    joins_meetings = models.BooleanField(_("joins the network meetings"), default=False)
    status = models.CharField(_("status"), max_length=16, choices=SuggestionStatus.choices, default="open")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    checked_on = models.DateField(_("last checked"), default=timezone.localdate)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SisterContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact at a sister organisation")
        verbose_name_plural = _("contacts at sister organisations")
        ordering = ["organisation_name", "name"]
        constraints = [
            models.CheckConstraint(condition=~Q(email="", phone=""), name="sister_contact_reachable"),
        ]

    def __str__(self) -> str:
        # The role, not the person: this is what the audit trail keeps after the contact is removed.
        return f"{self.organisation_name} · {self.role or '-'}"


class Resource(models.TextChoices):
    """What self-organisations need from and offer each other (004 part 1): matched in the synthesis."""

    ROOM = "room", _("A room")
    VOLUNTEERS = "volunteers", _("Volunteers")
    BOARD = "board", _("Board members")
    EXPERTISE = "expertise", _("Expertise")
    LANGUAGE = "language", _("A language")

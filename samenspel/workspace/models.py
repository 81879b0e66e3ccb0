"""The workspace's own data: who may do what where, change requests, lifecycle events, support given.

Privacy (DOMAIN.md): people here are staff of a support point or a group's
contact person, never members of a group.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from samenspel.directory.models import Group, Organisation, OrganisationKind


class Role(models.TextChoices):
    MANAGER = "manager", _("Manager")
    EDITOR = "editor", _("Editor")
    VIEWER = "viewer", _("Read only")
    # A volunteer who adds and corrects a group's texts in other languages; every change waits for the
    # support point, and the role reads nothing else (no questions, no figures, no people).
    TRANSLATOR = "translator", _("Volunteer translator")


# Roles that may change things; a viewer only reads.
WRITE_ROLES = (Role.MANAGER, Role.EDITOR)


class MembershipQuerySet(models.QuerySet["Membership"]):
    def for_user(self, user: Any) -> MembershipQuerySet:
        return self.filter(user=user) if getattr(user, "is_authenticated", False) else self.none()

    def for_support_point(self, support_point: Organisation) -> MembershipQuerySet:
        return self.filter(support_point=support_point)


class Membership(models.Model):
    """A person's role at one support point. One person may hold roles at several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("person")
    )
    support_point = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("support point"),
        limit_choices_to={"kind": OrganisationKind.SUPPORT_POINT},
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.VIEWER)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "support_point"], name="unique_membership")]

    def __str__(self) -> str:
        return f"{self.user} · {self.support_point} · {self.get_role_display()}"

    @property
    def can_write(self) -> bool:
        return self.role in WRITE_ROLES


class GroupContactQuerySet(models.QuerySet["GroupContact"]):
    def for_user(self, user: Any) -> GroupContactQuerySet:
        return self.filter(user=user) if getattr(user, "is_authenticated", False) else self.none()


class GroupContact(models.Model):
    """A person who keeps a group's entry current. Not a member list: one or two people per group."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_contacts", verbose_name=_("person")
    )
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("group"))
    created_at = models.DateTimeField(auto_now_add=True)

    objects = GroupContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("group contact person")
        verbose_name_plural = _("group contact persons")
        constraints = [models.UniqueConstraint(fields=["user", "group"], name="unique_group_contact")]

    def __str__(self) -> str:
        return f"{self.user} · {self.group}"


class EventKind(models.TextChoices):
    LEADERSHIP_HANDOVER = "leadership_handover", _("Leadership handed over")
    MERGED = "merged", _("Merged with another group")
    NEW_LEADER = "new_leader", _("New leader")
    OTHER = "other", _("Other")


class GroupEvent(models.Model):
    """Something in a group's life that is not a status: a handover of leadership, a merger."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="events", verbose_name=_("group"))
    kind = models.CharField(_("what happened"), max_length=32, choices=EventKind.choices)
    date = models.DateField(_("date"), default=datetime.date.today)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("group event")
        verbose_name_plural = _("group events")
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.date}: {self.get_kind_display()}"


class ChangeStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class ChangeRequestQuerySet(models.QuerySet["ChangeRequest"]):
    def for_support_point(self, support_point: Organisation) -> ChangeRequestQuerySet:
        return self.filter(group__support_point=support_point)

    def pending(self) -> ChangeRequestQuerySet:
        return self.filter(status=ChangeStatus.PENDING)


class ChangeRequest(models.Model):
    """A contact person's proposed edit, waiting for review: {field: [old, new]}.

    Keys are group fields ("name_en", "intake") or prefixed for related rows
    ("schedule.start_time", "location.disclosure", "cancellation.add").
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="change_requests", verbose_name=_("group"))
    changes = models.JSONField(_("changes"), default=dict)
    status = models.CharField(_("status"), max_length=16, choices=ChangeStatus.choices, default=ChangeStatus.PENDING)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("sent by")
    )
    # Who to tell of the decision when the change came by the freshness e-mail's link (no account behind it).
    submitted_email = models.EmailField(_("sent from address"), blank=True)
    submitted_at = models.DateTimeField(_("sent"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(_("note"), max_length=300, blank=True)

    objects = ChangeRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("change request")
        verbose_name_plural = _("change requests")
        ordering = ["submitted_at", "id"]
        indexes = [models.Index(fields=["status", "group"])]

    def __str__(self) -> str:
        return f"{self.group} · {self.get_status_display()}"


class FacilitationKind(models.TextChoices):
    ROOM = "room", _("A room")
    MATERIALS = "materials", _("Materials")
    MONEY = "money", _("Money")
    TRAINING = "training", _("Training")
    PUBLICITY = "publicity", _("Publicity")
    SPEAKER = "speaker", _("A guest speaker")


class FacilitationStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("Being handled")
    GRANTED = "granted", _("Granted")
    DECLINED = "declined", _("Declined")


class FacilitationRequestQuerySet(models.QuerySet["FacilitationRequest"]):
    def for_support_point(self, support_point: Organisation) -> FacilitationRequestQuerySet:
        return self.filter(group__support_point=support_point)


class FacilitationRequest(models.Model):
    """A group asks its support point for help: the support point facilitates, the group decides."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, related_name="facilitation_requests", verbose_name=_("group")
    )
    kind = models.CharField(_("what is needed"), max_length=16, choices=FacilitationKind.choices)
    description = models.TextField(_("explanation"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=FacilitationStatus.choices, default=FacilitationStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FacilitationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("facilitation request")
        verbose_name_plural = _("facilitation requests")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.group} · {self.get_kind_display()}"


class PlaceKind(models.TextChoices):
    COMMUNITY_CENTRE = "community_centre", _("Community centre")
    HOUSE_OF_WORSHIP = "house_of_worship", _("Mosque, church or temple")
    LIVING_ROOM = "living_room", _("Living room")
    SCHOOL = "school", _("School")
    SUPPORT_POINT = "support_point", _("Support point")
    ONLINE = "online", _("Online")
    OTHER = "other", _("Other")


class InformationSessionQuerySet(models.QuerySet["InformationSession"]):
    def for_support_point(self, support_point: Organisation) -> InformationSessionQuerySet:
        return self.filter(support_point=support_point)


class InformationSession(models.Model):
    """An information session (voorlichting). Counts only: never who attended."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    support_point = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="information_sessions", verbose_name=_("support point")
    )
    date = models.DateField(_("date"))
    place_kind = models.CharField(_("kind of place"), max_length=24, choices=PlaceKind.choices)
    language = models.ForeignKey(
        "directory.Language",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("language"),
    )
    themes = models.ManyToManyField("directory.Theme", blank=True, related_name="+", verbose_name=_("themes"))
    # Empty for a planned session, and for one held whose number nobody filled in yet: the page asks for it.
    attendees = models.PositiveIntegerField(
        _("number of people"), null=True, blank=True, validators=[MaxValueValidator(10000)]
    )
    given_by = models.CharField(
        _("given by"), max_length=200, help_text=_("A role or organisation, for example 'key person'.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = InformationSessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("information session")
        verbose_name_plural = _("information sessions")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.date} · {self.get_place_kind_display()}"

    def is_planned(self, today: datetime.date) -> bool:
        return self.date > today


class ImportState(models.TextChoices):
    CHECKING = "checking", _("Being checked")
    CHECKED = "checked", _("Checked")
    QUEUED = "queued", _("Waiting to be imported")
    RUNNING = "running", _("Being imported")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Failed")


class ImportBatch(models.Model):
    """An uploaded list of groups, parsed and checked (dry run) before anything is written.

    Keeps the parsed cells, not the file, so the check can be run again with
    another column mapping without uploading again.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    support_point = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="import_batches", verbose_name=_("support point")
    )
    filename = models.CharField(_("file"), max_length=200)
    headers = models.JSONField(default=list)
    rows = models.JSONField(default=list)
    mapping = models.JSONField(default=dict)
    results = models.JSONField(default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The file's line number of each row (a title row and blank lines above it count), for messages.
    row_numbers = models.JSONField(default=list)
    # How the file was read (encoding, separator, header row), shown so nothing is guessed silently.
    file_info = models.JSONField(default=dict)
    # The volunteer's choices on the check page: rows to import without their unread meeting times.
    options = models.JSONField(default=dict)
    state = models.CharField(max_length=16, choices=ImportState.choices, default=ImportState.CHECKED)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    failure = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    imported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.support_point} · {self.filename}"

    @property
    def busy(self) -> bool:
        return self.state in (ImportState.CHECKING, ImportState.QUEUED, ImportState.RUNNING)

    @property
    def percent(self) -> int:
        return int(100 * self.progress_done / self.progress_total) if self.progress_total else 0

    def count(self, action: str) -> int:
        return sum(1 for r in self.results if r["action"] == action)

    @property
    def error_count(self) -> int:
        return sum(1 for r in self.results if r["action"] == "error")

    @property
    def valid_count(self) -> int:
        return sum(1 for r in self.results if r["action"] != "error")


class ImportWord(models.Model):
    """A word a support point's lists use for a theme, accepted on an import's check page ("rouwverwerking")."""

    support_point = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="import_words", verbose_name=_("support point")
    )
    word = models.CharField(_("word"), max_length=200)  # folded: lower case, no accents
    theme = models.ForeignKey("directory.Theme", on_delete=models.CASCADE, related_name="+", verbose_name=_("theme"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("import word")
        verbose_name_plural = _("import words")
        constraints = [models.UniqueConstraint(fields=["support_point", "word"], name="unique_import_word")]

    def __str__(self) -> str:
        return f"{self.word} → {self.theme_id}"

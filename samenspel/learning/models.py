"""Courses as templates and runs, and who takes part in a run.

A template (`CourseTemplate` with its `SessionTemplate`s and `Material`s) is what a course is: its sessions, their
learning goals, content and homework, its entry conditions and its attendance rule. Shipped templates (seed 004's
courses and a group-leader training) belong to no support point; a support point edits its own copy.

A run (`CourseRun` with its `RunSession`s) is one time the course is given: dates, place or online, trainers,
capacity and language. `Enrolment` and `Attendance` are about the course's participants, who signed up with an
account of their own; they are never about members of a peer group (DOMAIN.md principle 1). Both are deleted
`LEARNING_RETENTION_DAYS` after the run's last session (`manage.py purge_learning`).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.directory.models import Organisation


class Audience(models.TextChoices):
    KEY_PERSONS = "key_persons", _("Key persons and trusted persons")
    GROUP_LEADERS = "group_leaders", _("Group leaders")
    VOLUNTEERS = "volunteers", _("Volunteers of an organisation")
    SELF_ORGANISATIONS = "self_organisations", _("Members of self-organisations")


class CourseTemplateQuerySet(models.QuerySet["CourseTemplate"]):
    def usable_by(self, support_point: Organisation) -> CourseTemplateQuerySet:
        """Shipped templates and the support point's own."""
        return self.filter(models.Q(support_point__isnull=True) | models.Q(support_point=support_point))


class CourseTemplate(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Shipped templates are found again by slug when the data files are loaded again.
    slug = models.SlugField(_("short name"), max_length=80)
    # None: shipped with Samenspel (edited by platform staff); otherwise a support point's own copy.
    support_point = models.ForeignKey(
        Organisation,
        verbose_name=_("support point"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="course_templates",
        limit_choices_to={"kind": "support_point"},
    )
    copied_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    entry_conditions = models.TextField(_("entry conditions"), blank=True, help_text=_("One condition a line."))
    audiences = models.JSONField(_("for whom"), default=list, blank=True)
    # The duty to attend: sessions a participant must attend for a certificate (0: all of them).
    min_sessions_attended = models.PositiveSmallIntegerField(_("sessions to attend for a certificate"), default=0)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = CourseTemplateQuerySet.as_manager()

    class Meta:
        verbose_name = _("course template")
        verbose_name_plural = _("course templates")
        ordering = ["title", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug"], condition=models.Q(support_point__isnull=True), name="learning_shipped_slug"
            ),
            models.UniqueConstraint(fields=["support_point", "slug"], name="learning_own_slug"),
        ]

    def __str__(self) -> str:
        return self.title

    def conditions(self) -> list[str]:
        return [line.strip() for line in (self.entry_conditions or "").splitlines() if line.strip()]

    def audience_labels(self) -> list[str]:
        return [str(Audience(a).label) for a in self.audiences if a in Audience.values]

    def required_sessions(self) -> int:
        count = self.sessions.count()
        return min(self.min_sessions_attended, count) if self.min_sessions_attended else count


class SessionTemplate(models.Model):
    template = models.ForeignKey(CourseTemplate, on_delete=models.CASCADE, related_name="sessions")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    goals = models.TextField(_("learning goals"), blank=True, help_text=_("One goal a line."))
    content = models.TextField(_("content"), blank=True)
    homework = models.TextField(_("homework"), blank=True)
    minutes = models.PositiveSmallIntegerField(_("length in minutes"), default=150)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["template", "number"]
        constraints = [models.UniqueConstraint(fields=["template", "number"], name="learning_session_number")]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def goal_lines(self) -> list[str]:
        return [line.strip() for line in (self.goals or "").splitlines() if line.strip()]


class Material(models.Model):
    """A file for a session (a hand-out, slides), kept in the database so backups hold it."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    session = models.ForeignKey(SessionTemplate, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    data = models.BinaryField()
    uploaded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["session", "title", "id"]

    def __str__(self) -> str:
        return self.title


class RunStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for enrolment")
    CLOSED = "closed", _("Enrolment closed")
    CANCELLED = "cancelled", _("Cancelled")


class CourseRunQuerySet(models.QuerySet["CourseRun"]):
    def for_support_point(self, support_point: Organisation) -> CourseRunQuerySet:
        return self.filter(support_point=support_point)


class CourseRun(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    template = models.ForeignKey(CourseTemplate, on_delete=models.PROTECT, related_name="runs")
    support_point = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="course_runs", limit_choices_to={"kind": "support_point"}
    )
    # Empty: the template's title, in the reader's language.
    title = models.CharField(_("title"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="nl")
    online = models.BooleanField(_("online"), default=False)
    place = models.CharField(
        _("place"), max_length=300, blank=True, help_text=_("Address, or where the link comes from.")
    )
    capacity = models.PositiveSmallIntegerField(_("places"))
    status = models.CharField(_("status"), max_length=16, choices=RunStatus.choices, default=RunStatus.DRAFT)
    # Open trainings are in the public training calendar (and its iCal feed) while they are open for enrolment.
    in_calendar = models.BooleanField(_("in the public training calendar"), default=True)
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("trainers"), related_name="+", blank=True
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = CourseRunQuerySet.as_manager()

    class Meta:
        verbose_name = _("course run")
        verbose_name_plural = _("course runs")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.heading()

    def heading(self) -> str:
        return self.title or self.template.title

    def first_start(self) -> Any:
        first = self.sessions.order_by("starts_at").first()
        return first.starts_at if first else None

    def last_end(self) -> Any:
        last = self.sessions.order_by("-ends_at").first()
        return last.ends_at if last else None

    def where(self) -> str:
        return str(_("Online")) if self.online else self.place


class RunSession(models.Model):
    run = models.ForeignKey(CourseRun, on_delete=models.CASCADE, related_name="sessions")
    number = models.PositiveSmallIntegerField(_("number"))
    # The template's session, for its goals, content, homework and materials; the run keeps its own title.
    template_session = models.ForeignKey(SessionTemplate, null=True, on_delete=models.SET_NULL, related_name="+")
    # Empty: the template session's title, in the reader's language.
    title = models.CharField(_("title"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    cancelled = models.BooleanField(_("cancelled"), default=False)
    # The iCalendar SEQUENCE of this session's event: one up at each change, so a calendar replaces the old one.
    sequence = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("course session")
        verbose_name_plural = _("course sessions")
        ordering = ["run", "number"]
        constraints = [
            models.UniqueConstraint(fields=["run", "number"], name="learning_run_session_number"),
            models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")), name="learning_session_ends"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.heading()}"

    def heading(self) -> str:
        if self.title or self.template_session is None:
            return self.title
        return self.template_session.title


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled")
    WAITING = "waiting", _("On the waiting list")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Enrolment(models.Model):
    """A course participant in a run: an account that signed up itself. Never a member of a peer group."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    run = models.ForeignKey(CourseRun, on_delete=models.CASCADE, related_name="enrolments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    status = models.CharField(_("status"), max_length=16, choices=EnrolmentStatus.choices)
    # The waiting list's order; the first waiting moves up when a place comes free.
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrew"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["run", "created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["run", "user"], name="learning_one_enrolment")]

    def __str__(self) -> str:
        # Never the person: this shows up in lists and logs.
        return f"{self.run} · {self.get_status_display()}"


class Attendance(models.Model):
    """Whether a participant was at a session, kept by the run's trainer (the duty to attend)."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendance")
    session = models.ForeignKey(RunSession, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(_("present"))
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    marked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["enrolment", "session"], name="learning_one_mark")]

    def __str__(self) -> str:
        return f"{self.session} · {self.present}"


class Certificate(models.Model):
    """A participant's certificate: the name they chose to print, and what it certifies, kept as text so that it
    can still be verified (by its QR code) after the enrolments of the run were deleted."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates")
    run = models.ForeignKey(CourseRun, null=True, on_delete=models.SET_NULL, related_name="certificates")
    printed_name = models.CharField(_("name on the certificate"), max_length=120)
    course = models.CharField(_("course"), max_length=200)
    support_point_name = models.CharField(_("given by"), max_length=200)
    first_day = models.DateField(_("from"))
    last_day = models.DateField(_("until"))
    sessions_attended = models.PositiveSmallIntegerField(_("sessions attended"))
    sessions_total = models.PositiveSmallIntegerField(_("sessions"))
    # The language the participant chose for the certificate (right to left for Arabic and Persian).
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="nl")
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [models.UniqueConstraint(fields=["user", "run"], name="learning_one_certificate")]

    def __str__(self) -> str:
        return f"{self.course} · {self.issued_at:%Y-%m-%d}"


class EvaluationCount(models.Model):
    """How often a score was given to a question of a run's anonymous evaluation: a count, never an answer.

    No row holds one person's answers, so none can be put next to a participant, not even by the order in which
    rows were written (EvaluationReceipt only says that someone answered).
    """

    run = models.ForeignKey(CourseRun, on_delete=models.CASCADE, related_name="evaluation_counts")
    question = models.CharField(max_length=32)
    # 1 (poor) to 5 (very good).
    score = models.PositiveSmallIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("evaluation count")
        verbose_name_plural = _("evaluation counts")
        constraints = [models.UniqueConstraint(fields=["run", "question", "score"], name="learning_one_count")]

    def __str__(self) -> str:
        return f"{self.run} · {self.question} {self.score}: {self.count}"


class EvaluationReceipt(models.Model):
    """That this enrolment answered the evaluation (once), and nothing of what it answered."""

    enrolment = models.OneToOneField(Enrolment, on_delete=models.CASCADE, related_name="evaluation_receipt")

    class Meta:
        verbose_name = _("evaluation given")
        verbose_name_plural = _("evaluations given")

    def __str__(self) -> str:
        return str(self.enrolment)


# From idea to project (seed 004's "Van Idee naar Project"): a volunteer organisation's plan, its budget, and its
# applications to funds in a registry the support point keeps.


class Fund(models.Model):
    """A fund in the support point's registry: what it gives money for, how much, until when, on what terms."""

    support_point = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="funds", limit_choices_to={"kind": "support_point"}
    )
    name = models.CharField(_("name"), max_length=200)
    focus = models.TextField(_("what it gives money for"))
    min_amount = models.DecimalField(_("smallest amount"), max_digits=10, decimal_places=2, null=True, blank=True)
    max_amount = models.DecimalField(_("largest amount"), max_digits=10, decimal_places=2, null=True, blank=True)
    deadline = models.DateField(_("next deadline"), null=True, blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("fund")
        verbose_name_plural = _("funds")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class ProjectPlan(models.Model):
    """A volunteer organisation's idea on one page (five questions) and its project plan (its parts)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_plans")
    organisation_name = models.CharField(_("organisation"), max_length=200)
    title = models.CharField(_("name of the project"), max_length=200)
    # The idea on one page: the five questions of the course's first homework (004:8189).
    idea_what = models.TextField(_("What are you going to do?"), blank=True)
    idea_for_whom = models.TextField(_("For whom?"), blank=True)
    idea_with_whom = models.TextField(_("With whom?"), blank=True)
    idea_how = models.TextField(_("How?"), blank=True)
    idea_result = models.TextField(_("With what result?"), blank=True)
    # The plan's parts, as a fund asks for them (004:8620-8662).
    aim = models.TextField(_("Aim of the organisation"), blank=True)
    target_group = models.TextField(_("Target group and its problems"), blank=True)
    activities = models.TextField(_("Activities"), blank=True)
    method = models.TextField(_("Way of working, and who is responsible"), blank=True)
    partners = models.TextField(_("Partners"), blank=True)
    timeline = models.TextField(_("Start and end"), blank=True)
    results = models.TextField(_("Expected results"), blank=True)
    evaluation = models.TextField(_("How the project is evaluated"), blank=True)
    reporting = models.TextField(_("Reporting"), blank=True)
    # Shared with the course's trainer (and its support point) only when the organisation chooses to.
    shared_run = models.ForeignKey(
        CourseRun, verbose_name=_("shared with the course"), null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("project plan")
        verbose_name_plural = _("project plans")
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return self.title


class BudgetKind(models.TextChoices):
    COST = "cost", _("Cost")
    COVERAGE = "coverage", _("Coverage")


class BudgetLine(models.Model):
    plan = models.ForeignKey(ProjectPlan, on_delete=models.CASCADE, related_name="budget_lines")
    kind = models.CharField(_("kind"), max_length=16, choices=BudgetKind.choices)
    description = models.CharField(_("what"), max_length=200)
    amount = models.DecimalField(_("amount in euros"), max_digits=10, decimal_places=2)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["plan", "kind", "id"]
        constraints = [models.CheckConstraint(condition=models.Q(amount__gt=0), name="learning_budget_positive")]

    def __str__(self) -> str:
        return self.description


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENT = "sent", _("Sent")
    GRANTED = "granted", _("Granted")
    REJECTED = "rejected", _("Rejected")
    REPORTED = "reported", _("Reported")


class FundApplication(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(ProjectPlan, on_delete=models.CASCADE, related_name="applications")
    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="applications")
    amount = models.DecimalField(_("amount asked"), max_digits=10, decimal_places=2)
    status = models.CharField(
        _("status"), max_length=16, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    # The checklist before applying (004:8590-8606): which parts are ready.
    checklist = models.JSONField(_("ready"), default=list, blank=True)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    thank_you_due = models.DateField(_("thank the fund by"), null=True, blank=True)
    report_due = models.DateField(_("report to the fund by"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("fund application")
        verbose_name_plural = _("fund applications")
        ordering = ["plan", "id"]

    def __str__(self) -> str:
        return f"{self.plan} → {self.fund}"


# Knowledge pages in plain language: for citizens, relatives, founders, professionals and municipalities.


class KnowledgeAudience(models.TextChoices):
    CITIZENS = "citizens", _("For everyone")
    RELATIVES = "relatives", _("For relatives")
    FOUNDERS = "founders", _("For people who start a group")
    PROFESSIONALS = "professionals", _("For professionals")
    MUNICIPALITIES = "municipalities", _("For municipalities")


class KnowledgePage(models.Model):
    """A page of plain-language knowledge; its texts per language (modeltranslation), shown only when published."""

    slug = models.SlugField(_("address"), max_length=80, unique=True)
    audience = models.CharField(_("for whom"), max_length=20, choices=KnowledgeAudience.choices)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    # Paragraphs separated by an empty line; a line starting with "- " is a point of a list.
    body = models.TextField(_("text"))
    source = models.CharField(_("source"), max_length=300, blank=True)
    published = models.BooleanField(_("published"), default=False)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("knowledge page")
        verbose_name_plural = _("knowledge pages")
        ordering = ["audience", "position", "id"]

    def __str__(self) -> str:
        return self.title

    def blocks(self) -> list[tuple[str, list[str]]]:
        """The text as ("p", [text]) and ("ul", [items]) blocks, for a template without markup in the data."""
        out: list[tuple[str, list[str]]] = []
        for chunk in (self.body or "").split("\n\n"):
            paragraph: list[str] = []
            for line in (line.strip() for line in chunk.splitlines()):
                if line.startswith("- "):
                    if paragraph:
                        out.append(("p", [" ".join(paragraph)]))
                        paragraph = []
                    if out and out[-1][0] == "ul":
                        out[-1][1].append(line[2:])
                    else:
                        out.append(("ul", [line[2:]]))
                elif line:
                    paragraph.append(line)
            if paragraph:
                out.append(("p", [" ".join(paragraph)]))
            # An empty line ends a list too: the next "- " line starts a new one.
            out.append(("break", []))
        return [block for block in out if block[0] != "break"]


class KnowledgeEditStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting for review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Not accepted")


class KnowledgeEdit(models.Model):
    """A support point's change to a knowledge page in one language: it waits until platform staff accept it,
    and only then is it on the public page. (Platform staff's own changes are on the page at once, and kept here
    as accepted, so every change has a record.)"""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    page = models.ForeignKey(KnowledgePage, on_delete=models.CASCADE, related_name="edits")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    support_point = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="knowledge_edits"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=KnowledgeEditStatus.choices, default=KnowledgeEditStatus.WAITING
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("note from the reviewer"), blank=True)

    class Meta:
        verbose_name = _("change to a knowledge page")
        verbose_name_plural = _("changes to knowledge pages")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.page.slug} ({self.language}) {self.status}"

    def blocks(self) -> list[tuple[str, list[str]]]:
        return KnowledgePage(body=self.body).blocks()


# Intervision: a course's participants go on meeting as a group, with their own dates and anonymous case notes.


class IntervisionGroup(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    run = models.ForeignKey(CourseRun, on_delete=models.CASCADE, related_name="intervision_groups")
    name = models.CharField(_("name"), max_length=200)
    # Course participants who chose to join: accounts of their own, never members of a peer group.
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+", blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("intervision group")
        verbose_name_plural = _("intervision groups")

    def __str__(self) -> str:
        return self.name


class IntervisionMeeting(models.Model):
    group = models.ForeignKey(IntervisionGroup, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField(_("starts"))
    place = models.CharField(_("place"), max_length=300)

    class Meta:
        verbose_name = _("intervision meeting")
        verbose_name_plural = _("intervision meetings")
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"{self.group} · {self.starts_at:%Y-%m-%d}"


class CaseNote(models.Model):
    """A case brought to intervision, anonymous: no author and no names; deleted after LEARNING_CASE_NOTE_DAYS."""

    group = models.ForeignKey(IntervisionGroup, on_delete=models.CASCADE, related_name="case_notes")
    text = models.TextField(_("the case, without names"))
    # A day, not a moment: enough to order the notes, too coarse to tell who wrote one.
    written_on = models.DateField(default=timezone.localdate)

    class Meta:
        verbose_name = _("case note")
        verbose_name_plural = _("case notes")
        ordering = ["-written_on", "-id"]

    def __str__(self) -> str:
        return f"{self.group} · {self.written_on}"

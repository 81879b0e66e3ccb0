"""What the instruments keep: counts only.

A matrix conversation stores nothing unless the person agrees, and then only adds one to counters: per month,
support point, theme and language, how many conversations were counted, and per factor how often it was named as
helping or standing in the way. No row belongs to a conversation, so no two answers can be tied together, let alone
to a person, an address or a session. The one other row, `ContributionReceipt`, holds a random key so that a
double click counts once; it says nothing of what was counted and is deleted after a day (`purge_instruments`).
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from samenspel.directory.models import Group, Organisation, Theme
from samenspel.instruments.survey_choices import AgeBand, Brings, Condition, Route, SurveyGender

__all__ = ["AgeBand", "Brings", "Condition", "Route", "SurveyGender"]


class Answer(models.TextChoices):
    HELPS = "helps", _("Helps")
    IN_THE_WAY = "in_the_way", _("Stands in the way")


class ConversationCount(models.Model):
    """How many conversations were added to the counts. Rows are summed when read (a rare double row is harmless)."""

    month = models.DateField(_("month"))  # the first day of the month
    support_point = models.ForeignKey(
        Organisation, verbose_name=_("support point"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(_("language"), max_length=8)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("matrix conversation count")
        verbose_name_plural = _("matrix conversation counts")
        indexes = [models.Index(fields=["support_point", "month"])]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.language}: {self.count}"


class FactorCount(models.Model):
    """How often a factor was named as helping or as standing in the way, in counted conversations."""

    month = models.DateField(_("month"))
    support_point = models.ForeignKey(
        Organisation, verbose_name=_("support point"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(_("language"), max_length=8)
    factor = models.CharField(_("factor"), max_length=160)  # a key of instruments/data/factors.json
    answer = models.CharField(_("answer"), max_length=16, choices=Answer.choices)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("matrix factor count")
        verbose_name_plural = _("matrix factor counts")
        indexes = [models.Index(fields=["support_point", "month"])]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.factor} {self.answer}: {self.count}"


class ContributionReceipt(models.Model):
    """A once-only key of a counted conversation (store_once): a double click counts once. Kept one day."""

    submit_key = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("contribution receipt")
        verbose_name_plural = _("contribution receipts")

    def __str__(self) -> str:
        return f"{self.created:%Y-%m-%d}"


class SelfCheckQuerySet(models.QuerySet["SelfCheck"]):
    def for_support_point(self, support_point: Organisation) -> SelfCheckQuerySet:
        return self.filter(support_point=support_point)


class SelfCheck(models.Model):
    """A support point, group or team answering the self-check about itself, on a date: about an organisation,
    never about a person. Kept `INSTRUMENTS_SELFCHECK_RETENTION_YEARS` so progress shows over the years."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    support_point = models.ForeignKey(
        Organisation, verbose_name=_("support point"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=16)
    group = models.ForeignKey(
        Group, verbose_name=_("group"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    filled_on = models.DateField(_("date"))
    answers = models.JSONField(_("answers"), default=dict)  # item key -> "yes" | "partly" | "no"
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SelfCheckQuerySet.as_manager()

    class Meta:
        verbose_name = _("self-check")
        verbose_name_plural = _("self-checks")
        ordering = ["-filled_on", "-created_at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.filled_on}"


class CodeKind(models.TextChoices):
    SLIP = "slip", _("Printed slip")
    LINK = "link", _("Link")


class SurveyCode(models.Model):
    """A printed slip or a link: one answer per code. The code is deleted when it is used, so no answer points back
    to it. A link's code is longer than a slip's: it is never typed, only clicked."""

    code = models.CharField(max_length=32, unique=True)
    kind = models.CharField(max_length=8, choices=CodeKind.choices, default=CodeKind.SLIP)
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="+")
    created_on = models.DateField()

    class Meta:
        verbose_name = _("survey code")
        verbose_name_plural = _("survey codes")

    def __str__(self) -> str:
        return self.code


class SurveyAnswer(models.Model):
    """One anonymous participant's answers: the group and month, never a code, address, session or time of day."""

    group = models.ForeignKey(Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("month"))
    language = models.CharField(_("language"), max_length=8)
    routes = models.JSONField(_("how they found the group"), default=list)
    self_help = models.SmallIntegerField(_("rating of self-help"), null=True, blank=True)  # -3..+3
    formal_help = models.SmallIntegerField(_("rating of formal help"), null=True, blank=True)  # -3..+3
    brings = models.JSONField(_("what the group brings"), default=list)
    conditions = models.JSONField(_("what the group has"), default=list)
    age_band = models.CharField(_("age"), max_length=8, choices=AgeBand.choices, blank=True)
    gender = models.CharField(_("gender"), max_length=8, choices=SurveyGender.choices, blank=True)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        indexes = [models.Index(fields=["group", "month"])]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}"


class DemandCount(models.Model):
    """How many public searches asked for a theme, per day, two-digit postcode area and language, and whether they
    found a group. Added to at the moment of the search: the words typed, the address and the visitor are never kept.
    A search for two themes counts once under each; a search with no recognised theme counts under no theme."""

    day = models.DateField(_("day"))
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    pc2 = models.CharField(_("postcode area (2 digits)"), max_length=2, blank=True)
    language = models.CharField(_("language"), max_length=8)
    found = models.BooleanField(_("found a group"))
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("search count")
        verbose_name_plural = _("search counts")
        indexes = [models.Index(fields=["day", "pc2"])]

    def __str__(self) -> str:
        return f"{self.day} {self.pc2}: {self.count}"


class QuestionCount(models.Model):
    """How many citizens' questions a group received per month: kept when the questions themselves are purged."""

    month = models.DateField(_("month"))
    group = models.ForeignKey(
        Group, verbose_name=_("group"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    support_point = models.ForeignKey(
        Organisation,
        verbose_name=_("support point"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("question count")
        verbose_name_plural = _("question counts")

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}: {self.count}"


class GroupInventory(models.Model):
    """The two-yearly group inventory ("morfologie", seed 002:3166-3178): the group's contact person describes the
    group (its size in bands, how often it meets, its website, the support it wants). About a group, never a
    person. Kept `INSTRUMENTS_INVENTORY_RETENTION_YEARS`; a reminder goes out when the last one is two years old."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="+")
    filled_on = models.DateField(_("date"))
    answers = models.JSONField(_("answers"), default=dict)  # question key -> choice or list of choices
    reminded_on = models.DateField(_("reminder sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("group inventory")
        verbose_name_plural = _("group inventories")
        ordering = ["-filled_on", "-pk"]
        indexes = [models.Index(fields=["group", "filled_on"])]

    def __str__(self) -> str:
        return f"{self.filled_on}"

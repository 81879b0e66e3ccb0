"""Self-checks: a support point, a group or a team of professionals answers the matrix's opportunity factors about
itself (and a support point the NFK checklist, 000:2787-2797); each answer that stands in the way links to concrete
suggestions from the seeds. The items and suggestions are data (`data/selfchecks.json`), checked as they are read.
"""

from __future__ import annotations

import dataclasses
import functools

from django.db import models
from django.utils.translation import gettext_lazy as _

from samenspel.directory.data_files import DataFileError, Where, entries, read_json
from samenspel.instruments.matrix import DATA_DIR, Labelled, labels_of, matrix

FILE = "selfchecks.json"


class Kind(models.TextChoices):
    SUPPORT_POINT = "support_point", _("Support point")
    GROUP = "group", _("Group")
    TEAM = "team", _("Team of professionals")


class Reply(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")


@dataclasses.dataclass(frozen=True)
class Suggestion(Labelled):
    key: str
    seed: str


@dataclasses.dataclass(frozen=True)
class Item(Labelled):
    """One question: a checklist item (good when "yes") or a factor (good when its polarity says so)."""

    key: str
    good: str  # "yes", "no", or "" when the seed gives no side: then no answer stands in the way
    suggestions: tuple[Suggestion, ...]
    section: Labelled

    def stands_in_the_way(self, reply: str) -> bool:
        if not self.good or reply not in Reply.values:
            return False
        return reply == Reply.PARTLY or reply != self.good


@dataclasses.dataclass(frozen=True)
class Check:
    kind: str
    sections: tuple[tuple[Labelled, tuple[Item, ...]], ...]

    @property
    def items(self) -> list[Item]:
        return [item for _section, items in self.sections for item in items]


CHECKLIST_SECTION = Labelled(
    {"nl": "NFK-checklist: analyse van uw huidige aanbod", "en": "NFK checklist: your present offer"}
)


def parse(raw: object, file: str = FILE) -> dict[str, Check]:
    top = Where(file, "top").record(raw, ["about", "suggestions", "checklist", "kinds", "factor_suggestions"])
    suggestions: dict[str, Suggestion] = {}
    for s_raw in entries(top["suggestions"], file):
        where = Where(file, "suggestion")
        s = where.record(s_raw, ["key", "label", "seed"])
        key = where.text(s["key"], "key")
        suggestions[key] = Suggestion(
            labels=labels_of(where, s["label"], "label"), key=key, seed=where.text(s["seed"], "seed")
        )

    def linked(where: Where, value: object, field: str) -> tuple[Suggestion, ...]:
        keys = where.words(value, field)
        for key in keys:
            if key not in suggestions:
                raise where.error(field, f"unknown suggestion '{key}'")
        return tuple(suggestions[key] for key in keys)

    checklist: list[Item] = []
    for c_raw in entries(top["checklist"], file):
        where = Where(file, "checklist item")
        c = where.record(c_raw, ["key", "label", "seed", "suggestions"])
        checklist.append(
            Item(
                labels=labels_of(where, c["label"], "label"),
                key=where.text(c["key"], "key"),
                good=Reply.YES,
                suggestions=linked(where, c["suggestions"], "suggestions"),
                section=CHECKLIST_SECTION,
            )
        )
    factor_links = top["factor_suggestions"]
    factors = matrix().factors
    if not isinstance(factor_links, dict):
        raise DataFileError(f"{file}: factor_suggestions: should be an object")
    for key in factor_links:
        if key not in factors:
            raise DataFileError(f"{file}: factor_suggestions: unknown factor '{key}'")
    categories = {c.key: c for d in matrix().dimensions for c in d.categories}
    checks: dict[str, Check] = {}
    for k_raw in entries(top["kinds"], file):
        where = Where(file, "kind")
        k = where.record(k_raw, ["key", "label", "checklist", "categories"])
        kind = where.choice(k["key"], "key", Kind.values)
        sections: list[tuple[Labelled, tuple[Item, ...]]] = []
        if where.flag(k["checklist"], "checklist"):
            sections.append((CHECKLIST_SECTION, tuple(checklist)))
        for category_key in where.words(k["categories"], "categories"):
            if category_key not in categories:
                raise where.error("categories", f"unknown category '{category_key}'")
            category = categories[category_key]
            items = tuple(
                Item(
                    labels=factor.labels,
                    key=factor.key,
                    good={"promoting": Reply.YES, "hindering": Reply.NO}.get(factor.polarity, ""),
                    suggestions=linked(
                        Where(file, f"factor '{factor.key}'"), factor_links.get(factor.key, []), "suggestions"
                    ),
                    section=category,
                )
                for factor in category.factors
            )
            sections.append((category, items))
        checks[kind] = Check(kind=kind, sections=tuple(sections))
    if set(checks) != set(Kind.values):
        raise DataFileError(f"{file}: kinds must be {', '.join(Kind.values)}")
    return checks


@functools.cache
def self_checks() -> dict[str, Check]:
    return parse(read_json(DATA_DIR, FILE))

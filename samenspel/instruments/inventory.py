"""The two-yearly group inventory ("morfologie", seed 002:3166-3178 and 5841-5843): the group's contact person
describes the group, in bands and choices, never naming anyone. Trefpunt Zelfhulp asks its groups this every two
years; the questions on the website and the internet follow the seed's own (002:3196-3230).

The support point sees the answers of its groups together, the latest inventory of each group (two years at most
old), counted in groups, with "<5" and one more number hidden where a total would give a "<5" away.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections import Counter
from collections.abc import Iterable, Mapping

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samenspel.instruments import surveys
from samenspel.instruments.models import GroupInventory


@dataclasses.dataclass(frozen=True)
class Question:
    key: str
    label: Promise
    choices: tuple[tuple[str, Promise], ...]
    many: bool = False  # more than one choice


QUESTIONS: tuple[Question, ...] = (
    Question(
        "size",
        _("How many people usually come to a meeting?"),
        (("1-5", _("5 or fewer")), ("6-10", _("6 to 10")), ("11-20", _("11 to 20")), ("21+", _("More than 20"))),
    ),
    Question(
        "frequency",
        _("How often does the group meet?"),
        (
            ("weekly", _("Every week")),
            ("fortnightly", _("Every two weeks")),
            ("monthly", _("Every month")),
            ("less", _("Less than once a month")),
        ),
    ),
    Question(
        "age",
        _("How long has the group existed?"),
        (
            ("0-2", _("Less than 2 years")),
            ("2-5", _("2 to 5 years")),
            ("5-10", _("5 to 10 years")),
            ("10+", _("More than 10 years")),
        ),
    ),
    Question(
        "led_by",
        _("Who leads the meetings?"),
        (
            ("peers", _("Participants themselves")),
            ("peers_trained", _("Participants who had a training")),
            ("professional", _("A professional")),
            ("together", _("A participant and a professional together")),
        ),
    ),
    Question(
        "online",
        _("Does the group also meet online?"),
        (("no", _("No")), ("sometimes", _("Sometimes")), ("always", _("Only online"))),
    ),
    Question(
        "website",
        _("What does the group use its own website or page for? (more than one answer is possible)"),
        (
            ("none", _("The group has no website or page of its own")),
            ("information", _("Information about the problem")),
            ("contact", _("Contact between peers")),
            ("understanding", _("Understanding from a wider public")),
            ("advocacy", _("Standing up for the interests of peers")),
            ("referral", _("Referring people to professional help")),
        ),
        many=True,
    ),
    Question(
        "support",
        _("What support would the group like? (more than one answer is possible)"),
        (
            ("new_people", _("Finding new participants")),
            ("internet", _("Help with the website and the internet")),
            ("room", _("A place to meet")),
            ("money", _("Money")),
            ("training", _("Training for the people who lead the meetings")),
            ("professionals", _("Contact with professionals")),
        ),
        many=True,
    ),
)


def clean_answers(raw: Mapping[str, object]) -> dict[str, object]:
    """Only known questions and choices are kept."""
    kept: dict[str, object] = {}
    for q in QUESTIONS:
        allowed = {value for value, _label in q.choices}
        value = raw.get(q.key)
        if q.many:
            values = value if isinstance(value, list | tuple) else []
            chosen = sorted({v for v in values if v in allowed})
            if chosen:
                kept[q.key] = chosen
        elif isinstance(value, str) and value in allowed:
            kept[q.key] = value
    return kept


class InventoryForm(forms.Form):
    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for q in QUESTIONS:
            if q.many:
                self.fields[q.key] = forms.MultipleChoiceField(
                    label=str(q.label), choices=q.choices, required=False, widget=forms.CheckboxSelectMultiple
                )
            else:
                self.fields[q.key] = forms.ChoiceField(
                    label=str(q.label), choices=q.choices, required=False, widget=forms.RadioSelect
                )


def latest_per_group(inventories: Iterable[GroupInventory], since: datetime.date) -> list[GroupInventory]:
    latest: dict[int, GroupInventory] = {}
    for inventory in sorted(inventories, key=lambda i: (i.filled_on, i.pk), reverse=True):
        if inventory.filled_on >= since:
            latest.setdefault(inventory.group_id, inventory)
    return list(latest.values())


def report(inventories: list[GroupInventory]) -> list[surveys.Table]:
    """One table per question: how many groups gave each answer."""
    tables = []
    for q in QUESTIONS:
        counted: Counter[str] = Counter()
        for inventory in inventories:
            value = inventory.answers.get(q.key)
            counted.update(value if isinstance(value, list) else [value] if value else [])
        note = _("More than one answer was possible: the percentages are of all answers.") if q.many else ""
        tables.append(
            surveys.table(
                str(q.label),
                [str(label) for _value, label in q.choices],
                [counted.get(value, 0) for value, _label in q.choices],
                str(note),
            )
        )
    return tables

"""The matrix conversation: a key person, group leader or professional walks through the participation factors
WITH a (prospective) participant, in the person's language, on a phone.

Nothing is kept between the steps on the server: every step posts all answers so far (hidden fields), and the result
page is made from what was posted. Only when the person agrees are the answers added to counters
(`services.matrix_contribute`), without the text of "what we will try".
"""

from __future__ import annotations

import dataclasses
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.core.visitor_forms import VisitorForm
from samenspel.directory.models import Theme
from samenspel.instruments.matrix import Dimension, Factor, Text, matrix
from samenspel.instruments.models import Answer

# Steps: 0 the start, 1-3 the dimensions (willen, kunnen, mogen), 4 "what we will try", 5 the result.
FIRST_DIMENSION_STEP = 1
TRY_STEP = 4
RESULT_STEP = 5
TRY_MAX_LENGTH = 600


class ThemeChoiceField(forms.ModelChoiceField[Theme]):
    def label_from_instance(self, obj: Theme) -> str:
        return str(obj.label)


def answer_field_name(factor: Factor) -> str:
    return f"f:{factor.key}"


class ConversationForm(forms.Form):
    """Every answer of the conversation; all optional, so any step can be posted and carried on."""

    step = forms.IntegerField(min_value=0, max_value=RESULT_STEP, initial=0, widget=forms.HiddenInput)
    theme = ThemeChoiceField(
        label=_("What is it about? (you may skip this)"),
        help_text=_("Only used to count, if you agree at the end. We never ask who you are."),
        queryset=Theme.objects.filter(parent__isnull=True),
        to_field_name="slug",
        required=False,
        empty_label=_("I would rather not say"),
        error_messages={"invalid_choice": _("We do not know this subject. Choose one from the list.")},
    )
    plan = forms.CharField(
        label=_("What will we try?"),
        help_text=_("For example: go to a trial meeting together, ask about the cost, call the contact person."),
        max_length=TRY_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 20}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for factor in matrix().conversation_factors():
            self.fields[answer_field_name(factor)] = forms.ChoiceField(
                choices=[("", ""), *Answer.choices], required=False
            )

    def answers(self) -> dict[str, str]:
        """factor key -> answer, for the factors that got one."""
        data = self.cleaned_data
        return {
            factor.key: data[answer_field_name(factor)]
            for factor in matrix().conversation_factors()
            if data.get(answer_field_name(factor))
        }


class ContributionForm(VisitorForm):
    """The result page's buttons post the answers back (nothing was kept): for the PDF, and for "count our answers".

    The plan comes along only to show the page again; it is never passed on to be counted or kept.
    """

    plan = forms.CharField(max_length=TRY_MAX_LENGTH, required=False)
    theme: forms.ModelChoiceField[Theme] = forms.ModelChoiceField(
        queryset=Theme.objects.all(), to_field_name="slug", required=False
    )
    helps = forms.MultipleChoiceField(choices=[], required=False)
    in_the_way = forms.MultipleChoiceField(choices=[], required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keys = [(factor.key, factor.key) for factor in matrix().conversation_factors()]
        self.fields["helps"].choices = keys  # type: ignore[attr-defined]
        self.fields["in_the_way"].choices = keys  # type: ignore[attr-defined]

    def answers(self) -> dict[str, str]:
        found = {key: Answer.HELPS.value for key in self.cleaned_data["helps"]}
        found.update({key: Answer.IN_THE_WAY.value for key in self.cleaned_data["in_the_way"]})
        return found


@dataclasses.dataclass(frozen=True)
class ShownFactor:
    factor: Factor
    text: Text
    category: Text


@dataclasses.dataclass(frozen=True)
class Result:
    helps: list[ShownFactor]
    in_the_way: list[ShownFactor]
    plan: str
    theme: Theme | None

    @property
    def helps_keys(self) -> list[str]:
        return [shown.factor.key for shown in self.helps]

    @property
    def in_the_way_keys(self) -> list[str]:
        return [shown.factor.key for shown in self.in_the_way]


def result_for(answers: dict[str, str], plan: str, theme: Theme | None) -> Result:
    """The answers in the matrix's order, each with its text in the active language."""
    helps: list[ShownFactor] = []
    in_the_way: list[ShownFactor] = []
    for dimension in matrix().dimensions:
        for category in dimension.conversation_categories():
            for factor in category.factors:
                answer = answers.get(factor.key)
                if not answer:
                    continue
                shown = ShownFactor(factor, factor.label, category.label)
                (helps if answer == Answer.HELPS else in_the_way).append(shown)
    return Result(helps=helps, in_the_way=in_the_way, plan=plan.strip(), theme=theme)


def step_dimension(step: int) -> Dimension | None:
    index = step - FIRST_DIMENSION_STEP
    dimensions = matrix().dimensions
    return dimensions[index] if 0 <= index < len(dimensions) else None

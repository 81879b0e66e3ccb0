"""A theme picker that scales: the themes grouped by their category, broader themes before their narrower ones,
with a filter field.

Without JavaScript the filter is a normal submit: the form comes back with the matching themes, and every theme
already ticked stays (ticked and shown). Where JavaScript runs, samenspel/static/samenspel/theme_picker.js filters
as one types (a file of our own: the CSP allows no inline script).

Used by every workspace form that picks themes: give the form `ThemePickerMixin` and the field `ThemePicker`; the
view asks `filter_requested(request.POST)` before it saves.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django import forms
from django.http import QueryDict

from samenspel.directory.models import Theme, ThemeCategory

FILTER_SUFFIX = "_filter"
FILTER_BUTTON_SUFFIX = "_filter_submit"


def _matches(theme: Theme | None, label: str, words: list[str]) -> bool:
    haystack = [label]
    if theme is not None:
        # The Dutch and the English label both: a Dutch word finds a theme on an English page, and back.
        names = [getattr(theme, f"label_{code}", "") or "" for code in ("nl", "en")]
        haystack += [*names, str(theme.get_category_display())] + [str(t.label) for t in _ancestors(theme)]
    text = " ".join(haystack).casefold()
    return all(word in text for word in words)


def _ancestors(theme: Theme) -> list[Theme]:
    chain: list[Theme] = []
    node = theme.parent
    while node is not None and node not in chain:
        chain.append(node)
        node = node.parent
    return chain


class ThemePicker(forms.CheckboxSelectMultiple):
    """Checkboxes grouped by category; `filter_text` narrows them (ticked ones always stay)."""

    template_name = "workspace/widgets/theme_picker.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.filter_text = ""

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["filter_name"] = name + FILTER_SUFFIX
        context["widget"]["filter_button"] = name + FILTER_BUTTON_SUFFIX
        context["widget"]["filter_text"] = self.filter_text
        context["widget"]["shown"] = sum(len(options) for _group, options, _index in context["widget"]["optgroups"])
        return context

    def optgroups(self, name: str, value: list[str], attrs: dict[str, Any] | None = None) -> list[Any]:
        words = self.filter_text.casefold().split()
        chosen = {str(v) for v in value}
        categories = dict(ThemeCategory.choices)
        per_category: dict[str, list[tuple[tuple[str, ...], dict[str, Any]]]] = defaultdict(list)
        for index, (option_value, label) in enumerate(self.choices):
            if option_value in ("", None):
                continue
            theme = getattr(option_value, "instance", None)
            selected = str(option_value) in chosen
            if not selected and words and not _matches(theme, str(label), words):
                continue
            option = self.create_option(name, option_value, str(label), selected, index, attrs=attrs)
            ancestors = _ancestors(theme) if theme is not None else []
            option["depth"] = len(ancestors)
            option["matches"] = _matches(theme, str(label), words) if words else True
            # A broader theme first, its narrower ones under it, each level by label.
            path = (*(str(t.label).casefold() for t in reversed(ancestors)), str(label).casefold())
            per_category[theme.category if theme is not None else ""].append((path, option))
        groups = []
        for number, (category, label) in enumerate([*categories.items(), ("", "")]):
            options = [option for _path, option in sorted(per_category.get(category, []), key=lambda item: item[0])]
            if options:
                groups.append((label, options, number))
        return groups


class ThemePickerMixin:
    """A form with a `themes` ThemePicker: reads the filter text from the submitted data."""

    theme_field = "themes"

    def __init__(self, *args: Any, theme_filter: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields  # type: ignore[attr-defined]
        field = fields[self.theme_field]
        field.queryset = field.queryset.select_related("parent__parent")
        field.widget.filter_text = theme_filter.strip()[:100]


def filter_requested(data: QueryDict, name: str = "themes") -> bool:
    """Whether the filter button was pressed (the form then comes back, nothing is saved)."""
    return name + FILTER_BUTTON_SUFFIX in data


def filtered_again(form_class: Any, data: QueryDict, name: str = "themes", **kwargs: Any) -> Any:
    """The form again, unbound (no errors yet), with what was filled in and the filter applied."""
    initial = {key: data.getlist(key) if key == name else data.get(key) for key in data if key != "csrfmiddlewaretoken"}
    return form_class(initial=initial, theme_filter=data.get(name + FILTER_SUFFIX, ""), **kwargs)

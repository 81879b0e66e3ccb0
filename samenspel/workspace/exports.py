"""The support point's groups as a spreadsheet (CSV), in the columns the import reads, so it can go back in.

A cell that a spreadsheet program would run as a formula (=, +, -, @, or a tab or carriage return first)
gets a ' in front: the program shows it as text. The importer takes that ' off again, and still refuses
what is left if it is a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from django.db.models import Prefetch

from samenspel.directory.models import Group, Language, Organisation, Theme

COLUMNS = (
    "slug",
    "name_nl",
    "name_en",
    "description_nl",
    "description_en",
    "contact_email",
    "contact_phone",
    "themes",
    "languages",
    "status",
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _line(cells: Iterable[object]) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerow([neutralise(c) for c in cells])
    return out.getvalue()


def groups_csv(support_point: Organisation) -> Iterator[str]:
    """The rows, one at a time (a support point may have thousands of groups)."""
    groups = (
        Group.objects.for_support_point(support_point)
        .order_by("slug")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("slug")),
            Prefetch("languages", queryset=Language.objects.order_by("code")),
        )
    )
    # A byte order mark, so that spreadsheet programs read the file as UTF-8.
    yield "\ufeff" + _line(COLUMNS)
    for group in groups.iterator(chunk_size=500):
        yield _line(
            [
                group.slug,
                group.name_nl,
                group.name_en,
                group.description_nl,
                group.description_en,
                group.contact_email,
                group.contact_phone,
                ";".join(t.slug for t in group.themes.all()),
                ";".join(lang.code for lang in group.languages.all()),
                group.status,
            ]
        )

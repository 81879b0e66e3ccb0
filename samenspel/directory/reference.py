"""Load the reference lists (languages, themes and their synonyms) into the database.

The lists themselves are data files, read and checked by reference_data.

Idempotent: running it again updates labels and adds new synonyms, it never
duplicates. Runs in one transaction.
"""

from __future__ import annotations

from django.db import transaction

from samenspel.directory import reference_data
from samenspel.directory.models import Language, Theme, ThemeSynonym
from samenspel.directory.search_index import bump_vocabulary


def _translated(field: str, values: dict[str, str]) -> dict[str, str]:
    return {f"{field}_{code}": values.get(code, "") for code in reference_data.INTERFACE_LANGUAGES}


def _load_into_empty_tables() -> None:
    """The first load, with a handful of bulk inserts (a fresh database, every test database)."""
    Language.objects.bulk_create(
        Language(
            code=row["code"],
            name_local=row["name_local"],
            rtl=row["rtl"],
            is_interface=row["interface"],
            **_translated("name", row["name"]),
        )
        for row in reference_data.LANGUAGES
    )
    by_slug: dict[str, Theme] = {}
    pending = list(reference_data.THEMES)
    while pending:  # parents before children: one insert per level of the tree
        level = [row for row in pending if not row["parent"] or row["parent"] in by_slug]
        if not level:
            raise ValueError("The theme list has a parent that is not in the list, or a cycle.")
        themes = [
            Theme(
                slug=row["slug"],
                parent=by_slug[row["parent"]] if row["parent"] else None,
                category=row["category"],
                source=row.get("source", ""),
                **_translated("label", row["label"]),
            )
            for row in level
        ]
        for theme in themes:
            theme.full_clean(exclude=["parent"], validate_unique=False, validate_constraints=False)
        for theme in Theme.objects.bulk_create(themes):
            by_slug[theme.slug] = theme
        pending = [row for row in pending if row["slug"] not in by_slug]
    ThemeSynonym.objects.bulk_create(_synonyms(by_slug))


def _synonyms(by_slug: dict[str, Theme]) -> list[ThemeSynonym]:
    return [
        ThemeSynonym(theme=by_slug[row["slug"]], language=language, term=term)
        for row in reference_data.THEMES
        for language, terms in row.get("synonyms", {}).items()
        for term in dict.fromkeys(t.strip().lower() for t in terms if t.strip())
    ]


@transaction.atomic
def load_reference_data() -> dict[str, int]:
    if not Language.objects.exists() and not Theme.objects.exists():
        _load_into_empty_tables()
        transaction.on_commit(bump_vocabulary)
        return _counts()
    for language in reference_data.LANGUAGES:
        Language.objects.update_or_create(
            code=language["code"],
            defaults={
                "name_local": language["name_local"],
                "rtl": language["rtl"],
                "is_interface": language["interface"],
                **_translated("name", language["name"]),
            },
        )

    by_slug: dict[str, Theme] = {}
    for row in reference_data.THEMES:
        parent = by_slug[row["parent"]] if row["parent"] else None
        theme, _created = Theme.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "parent": parent,
                "category": row["category"],
                "source": row.get("source", ""),
                **_translated("label", row["label"]),
            },
        )
        theme.full_clean()
        by_slug[theme.slug] = theme
    ThemeSynonym.objects.bulk_create(_synonyms(by_slug), ignore_conflicts=True)
    transaction.on_commit(bump_vocabulary)
    return _counts()


def _counts() -> dict[str, int]:
    return {
        "languages": Language.objects.count(),
        "themes": Theme.objects.count(),
        "synonyms": ThemeSynonym.objects.count(),
    }

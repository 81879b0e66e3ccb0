"""Load the reference lists (languages, themes and their synonyms) into the database.

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


@transaction.atomic
def load_reference_data() -> dict[str, int]:
    for row in reference_data.LANGUAGES:
        Language.objects.update_or_create(
            code=row["code"],
            defaults={
                "name_local": row["name_local"],
                "rtl": row["rtl"],
                "is_interface": row["interface"],
                **_translated("name", row["name"]),
            },
        )

    by_slug: dict[str, Theme] = {}
    synonyms: list[ThemeSynonym] = []
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
        for language, terms in row.get("synonyms", {}).items():
            for term in dict.fromkeys(t.strip().lower() for t in terms if t.strip()):
                synonyms.append(ThemeSynonym(theme=theme, language=language, term=term))
    ThemeSynonym.objects.bulk_create(synonyms, ignore_conflicts=True)
    transaction.on_commit(bump_vocabulary)
    return {
        "languages": Language.objects.count(),
        "themes": Theme.objects.count(),
        "synonyms": ThemeSynonym.objects.count(),
    }

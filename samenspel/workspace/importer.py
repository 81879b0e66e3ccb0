"""Check every row of a support point's spreadsheet of groups before anything is written.

The file is read by spreadsheet.py (CSV in any of the encodings and separators spreadsheet programs write, .xlsx,
.ods). A cell that holds a formula (=HYPERLINK(...)) is an error in its row: stored, it would run in the next
person's spreadsheet program.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.core.services import field_changes
from samenspel.directory.models import Group, GroupStatus, Language, Organisation, Theme
from samenspel.directory.slugs import unique_slug

# Reading the file is spreadsheet.py's; these names stay importable from here.
from samenspel.workspace.spreadsheet import MAX_ROWS as MAX_ROWS
from samenspel.workspace.spreadsheet import MAX_UPLOAD_BYTES as MAX_UPLOAD_BYTES
from samenspel.workspace.spreadsheet import ImportFileError as ImportFileError
from samenspel.workspace.spreadsheet import Table as Table
from samenspel.workspace.spreadsheet import read_table as read_table

# Our field → its label, in the order the mapping form shows them.
FIELDS: dict[str, Any] = {
    "slug": gettext_lazy("Id (slug), to update a group"),
    "name_nl": gettext_lazy("Name (Dutch)"),
    "name_en": gettext_lazy("Name (English)"),
    "description_nl": gettext_lazy("Description (Dutch)"),
    "description_en": gettext_lazy("Description (English)"),
    "contact_email": gettext_lazy("Contact e-mail"),
    "contact_phone": gettext_lazy("Contact phone"),
    "themes": gettext_lazy("Themes (ids, separated by ;)"),
    "languages": gettext_lazy("Languages (codes, separated by ;)"),
    "status": gettext_lazy("Status"),
}
REQUIRED = ("name_nl",)
# Headers people use, lower case, for a first guess at the mapping.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "slug": ("slug", "id"),
    "name_nl": ("name_nl", "naam", "name", "groepsnaam", "naam nl"),
    "name_en": ("name_en", "naam en", "english name"),
    "description_nl": ("description_nl", "beschrijving", "omschrijving", "description"),
    "description_en": ("description_en", "beschrijving en"),
    "contact_email": ("contact_email", "e-mail", "email", "e-mailadres", "mail"),
    "contact_phone": ("contact_phone", "telefoon", "phone", "telefoonnummer"),
    "themes": ("themes", "thema", "themas", "thema's", "theme"),
    "languages": ("languages", "taal", "talen", "language"),
    "status": ("status",),
}

# A formula starts with = or @, or with + or - followed by something that is not a number (a phone number is fine).
FORMULA = re.compile(r"^\s*(=|@|[+-](?![\d\s(]))")


def guess_mapping(headers: list[str], remembered: dict[str, str] | None = None) -> dict[str, str]:
    """Field → header: the remembered mapping where its headers are still there, else a guess by name."""
    mapping: dict[str, str] = {}
    lower = {h.lower(): h for h in headers}
    for field in FIELDS:
        if remembered and remembered.get(field) in headers:
            mapping[field] = remembered[field]
            continue
        for synonym in SYNONYMS.get(field, ()):
            if synonym in lower:
                mapping[field] = lower[synonym]
                break
    return mapping


def check_rows(
    *,
    support_point: Organisation,
    headers: list[str],
    rows: list[list[str]],
    mapping: dict[str, str],
    passed: set[int] | None = None,
) -> list[dict[str, Any]]:
    """One result per row: {"row": n, "action": create|update|error, "values": {...}, "errors": [...], "slug": ...}.

    Row numbers are as a spreadsheet shows them: the header is row 1. `passed`: rows that were new groups
    and passed the field checks in the dry run of these same cells and mapping; the import checks them
    again against the database (ids, themes, languages) but not field by field, which only the cells decide.
    """
    index = {field: headers.index(header) for field, header in mapping.items() if header in headers}
    themes = {t.slug: t.pk for t in Theme.objects.all()}
    languages = {lang.code: lang.pk for lang in Language.objects.all()}
    existing = dict(Group.objects.values_list("slug", "support_point_id"))
    taken = set(existing)
    missing = [str(FIELDS[f]) for f in REQUIRED if f not in index]
    probe = Group(support_point=support_point)
    results: list[dict[str, Any]] = []
    for number, row in enumerate(rows, start=2):
        values = {field: _unmark(row[i]) for field, i in index.items()}
        errors: list[str] = [_("Choose the column for: %(field)s") % {"field": m} for m in missing]
        for field, value in values.items():
            if FORMULA.match(value):
                errors.append(
                    _("Column '%(column)s' holds a formula. Type the text itself.") % {"column": mapping[field]}
                )
        slug = values.get("slug", "")
        action = "create"
        if slug:
            if slug in existing:
                if existing[slug] != support_point.pk:
                    errors.append(_("Id '%(slug)s' belongs to a group of another support point.") % {"slug": slug})
                action = "update"
            elif not re.fullmatch(r"[-a-z0-9_]+", slug):
                errors.append(_("Id '%(slug)s' may only hold small letters, digits and -.") % {"slug": slug})
        if action == "create":
            if not slug:
                slug = unique_slug(values.get("name_nl", ""), taken=taken, fallback="groep")
            taken.add(slug)
        theme_ids = _codes(values.get("themes", ""), themes, _("Unknown theme '%(code)s'."), errors)
        if action == "create" and not theme_ids:
            errors.append(_("Give at least one theme."))
        language_ids = _codes(values.get("languages", ""), languages, _("Unknown language '%(code)s'."), errors)
        status = values.get("status", "").lower() or GroupStatus.ACTIVE
        if status not in GroupStatus.values:
            errors.append(_("Unknown status '%(status)s'.") % {"status": status})
        fields = {
            k: v for k, v in values.items() if k in FIELDS and k not in ("slug", "themes", "languages", "status") and v
        }
        changed = action == "create"
        if not errors and not (action == "create" and passed is not None and number in passed):
            found, changed = _validate_group(
                slug, fields, support_point, creating=action == "create", probe=probe, status=status
            )
            errors.extend(found)
        results.append(
            {
                "row": number,
                "action": "error" if errors else action,
                "slug": slug,
                "fields": fields,
                "status": status,
                "themes": theme_ids,
                "languages": language_ids,
                "errors": errors,
                # An update that would change nothing (the plan of a re-import says so per row).
                "changed": changed and not errors,
            }
        )
    return results


def _unmark(cell: str) -> str:
    """Take off the ' our export puts before a cell that starts like a formula; what is left is checked as usual."""
    return cell[1:] if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell


def _codes(cell: str, known: dict[str, int], message: str, errors: list[str]) -> list[int]:
    ids = []
    for code in (c.strip() for c in re.split(r"[;,]", cell) if c.strip()):
        if code in known:
            ids.append(known[code])
        else:
            errors.append(message % {"code": code})
    return ids


# Relations the importer sets itself: validating them would ask the database once per row.
NOT_VALIDATED = ["slug", "support_point", "organisation", "location", "last_verified_by"]


def _validate_group(
    slug: str,
    fields: dict[str, str],
    support_point: Organisation,
    *,
    creating: bool,
    status: str,
    probe: Group | None = None,
) -> tuple[list[str], bool]:
    """The row's errors, and whether it changes the group (a new one always does)."""
    changed = True
    if not creating:
        group = Group.objects.get(slug=slug)
        changed = group.status != status or bool(field_changes(group, fields))
        for name, value in fields.items():
            setattr(group, name, value)
    else:
        # One unsaved group reused for every new row: building a model with all its translation
        # columns costs more than checking it. Every importable field is reset, so no row sees another's.
        group = probe if probe is not None else Group(support_point=support_point)
        for name in FIELDS:
            if name not in ("slug", "themes", "languages", "status"):
                setattr(group, name, fields.get(name, ""))
    try:
        # Uniqueness is checked above against the whole batch, and clean() covers the constraints with clearer words.
        group.full_clean(exclude=NOT_VALIDATED, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        errors = [
            f"{_field_label(name)}: {' '.join(str(m) for m in messages)}" for name, messages in exc.message_dict.items()
        ]
        return errors, changed
    return [], changed


def _field_label(name: str) -> str:
    return str(FIELDS.get(name, name))

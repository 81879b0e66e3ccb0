"""The shipped course templates: JSON files in data/courses/, checked and loaded (by a migration and a command).

Each file holds one template or a list of them: slug, title/description (nl and en), entry_conditions (a list of
lines per language), audiences, min_sessions_attended, source (the seed lines it comes from) and sessions (number,
title, goals as a list of lines, content, homework; nl and en). A broken file stops the load with the file, the
template and the field, and nothing is written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.db import transaction

DATA_DIR = Path(__file__).resolve().parent / "data" / "courses"
LANGUAGES = ("nl", "en")
AUDIENCES = {"key_persons", "group_leaders", "volunteers", "self_organisations"}


class CourseDataError(ValueError):
    pass


def _text(value: Any, where: str, *, required: bool = True) -> dict[str, str]:
    if not isinstance(value, dict):
        raise CourseDataError(f"{where}: expected {{'nl': ..., 'en': ...}}")
    out = {}
    for lang in LANGUAGES:
        got = value.get(lang, "")
        if isinstance(got, list):
            got = "\n".join(str(line) for line in got)
        if not isinstance(got, str) or (required and not got.strip()):
            raise CourseDataError(f"{where}: missing the {lang} text")
        out[lang] = got.strip()
    return out


def read_templates(directory: Path = DATA_DIR) -> list[dict[str, Any]]:
    """Every template in the data files, checked; raises CourseDataError naming file, template and field."""
    templates: list[dict[str, Any]] = []
    for path in sorted(directory.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        for entry in raw if isinstance(raw, list) else [raw]:
            slug = entry.get("slug", "")
            where = f"{path.name}: {slug or '(no slug)'}"
            if not slug:
                raise CourseDataError(f"{where}: slug is missing")
            sessions = entry.get("sessions") or []
            if not sessions:
                raise CourseDataError(f"{where}: a course needs at least one session")
            numbers = [s.get("number") for s in sessions]
            if numbers != list(range(1, len(sessions) + 1)):
                raise CourseDataError(f"{where}: sessions must be numbered 1 to {len(sessions)}")
            audiences = entry.get("audiences") or []
            if set(audiences) - AUDIENCES:
                raise CourseDataError(f"{where}: unknown audience {sorted(set(audiences) - AUDIENCES)}")
            templates.append(
                {
                    "slug": slug,
                    "title": _text(entry.get("title"), f"{where}: title"),
                    "description": _text(entry.get("description"), f"{where}: description"),
                    "entry_conditions": _text(entry.get("entry_conditions"), f"{where}: entry_conditions"),
                    "audiences": audiences,
                    "min_sessions_attended": int(entry.get("min_sessions_attended") or 0),
                    "sessions": [
                        {
                            "number": s["number"],
                            "minutes": int(s.get("minutes") or 150),
                            "title": _text(s.get("title"), f"{where}: session {s['number']} title"),
                            "goals": _text(s.get("goals"), f"{where}: session {s['number']} goals"),
                            "content": _text(s.get("content"), f"{where}: session {s['number']} content"),
                            "homework": _text(
                                s.get("homework"), f"{where}: session {s['number']} homework", required=False
                            ),
                        }
                        for s in sessions
                    ],
                }
            )
    return templates


def _per_language(name: str, value: dict[str, str]) -> dict[str, str]:
    return {f"{name}_{lang}": value[lang] for lang in LANGUAGES}


def load_course_templates(
    *, template_model: Any = None, session_model: Any = None, update: bool = False, directory: Path = DATA_DIR
) -> dict[str, int]:
    """Create the shipped templates that are missing; with `update`, overwrite shipped ones with the files.

    Without `update` a template platform staff edited stays as they left it. The models may be a migration's
    historical ones. Returns counts of templates created and updated.
    """
    if template_model is None or session_model is None:
        from samenspel.learning.models import CourseTemplate, SessionTemplate

        template_model, session_model = CourseTemplate, SessionTemplate
    entries = read_templates(directory)
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    with transaction.atomic():
        for entry in entries:
            fields = {
                **_per_language("title", entry["title"]),
                **_per_language("description", entry["description"]),
                **_per_language("entry_conditions", entry["entry_conditions"]),
                # The untranslated column is what modeltranslation's default language reads without a request.
                "title": entry["title"]["nl"],
                "description": entry["description"]["nl"],
                "entry_conditions": entry["entry_conditions"]["nl"],
                "audiences": entry["audiences"],
                "min_sessions_attended": entry["min_sessions_attended"],
            }
            template = template_model.objects.filter(slug=entry["slug"], support_point__isnull=True).first()
            if template is not None and not update:
                counts["unchanged"] += 1
                continue
            if template is None:
                template = template_model.objects.create(slug=entry["slug"], **fields)
                counts["created"] += 1
            else:
                for name, value in fields.items():
                    setattr(template, name, value)
                template.save()
                counts["updated"] += 1
            for s in entry["sessions"]:
                session_fields = {
                    **_per_language("title", s["title"]),
                    **_per_language("goals", s["goals"]),
                    **_per_language("content", s["content"]),
                    **_per_language("homework", s["homework"]),
                    "title": s["title"]["nl"],
                    "goals": s["goals"]["nl"],
                    "content": s["content"]["nl"],
                    "homework": s["homework"]["nl"],
                    "minutes": s["minutes"],
                }
                session_model.objects.update_or_create(template=template, number=s["number"], defaults=session_fields)
            session_model.objects.filter(template=template, number__gt=len(entry["sessions"])).delete()
    return counts

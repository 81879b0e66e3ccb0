"""Knowledge pages: the shipped texts (data/knowledge/pages.json, Dutch and English) and what a reader sees."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.db import transaction

DATA_FILE = Path(__file__).resolve().parent / "data" / "knowledge" / "pages.json"
AUDIENCES = {"citizens", "relatives", "founders", "professionals", "municipalities"}


def load_knowledge_pages(*, page_model: Any = None, path: Path = DATA_FILE) -> int:
    """Create the shipped pages that are missing (published); an existing page stays as staff edited it."""
    if page_model is None:
        from samenspel.learning.models import KnowledgePage

        page_model = KnowledgePage
    entries = json.loads(path.read_text(encoding="utf-8"))
    created = 0
    with transaction.atomic():
        for entry in entries:
            slug = entry["slug"]
            if entry["audience"] not in AUDIENCES:
                raise ValueError(f"{path.name}: {slug}: unknown audience {entry['audience']!r}")
            for name in ("title", "summary", "body"):
                if not all(entry[name].get(lang, "").strip() for lang in ("nl", "en")):
                    raise ValueError(f"{path.name}: {slug}: {name} needs Dutch and English")
            if page_model.objects.filter(slug=slug).exists():
                continue
            fields = {
                f"{name}_{lang}": entry[name][lang] for name in ("title", "summary", "body") for lang in ("nl", "en")
            }
            page_model.objects.create(
                slug=slug,
                audience=entry["audience"],
                position=entry.get("position", 0),
                source=entry.get("source", ""),
                published=True,
                title=entry["title"]["nl"],
                summary=entry["summary"]["nl"],
                body=entry["body"]["nl"],
                **fields,
            )
            created += 1
    return created


def written_in(page: Any, language: str) -> bool:
    """Whether the page has its own text in this language (otherwise the reader sees Dutch or English)."""
    return bool(getattr(page, f"body_{language}", "") or "")

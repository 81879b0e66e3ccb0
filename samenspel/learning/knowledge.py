"""Knowledge pages: the shipped texts (data/knowledge/pages.json, Dutch and English) and what a reader sees."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.core.audit import log_action

DATA_FILE = Path(__file__).resolve().parent / "data" / "knowledge" / "pages.json"
LANGUAGES = {code for code, _name in settings.LANGUAGES}
AUDIENCES = {"citizens", "relatives", "founders", "professionals", "municipalities"}


def load_knowledge_pages(*, page_model: Any = None, path: Path = DATA_FILE) -> int:
    """Create the shipped pages that are missing (published); an existing page keeps what was edited, and only
    gets the shipped text of a language it has none of yet."""
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
            fields = {
                f"{name}_{lang}": text
                for name in ("title", "summary", "body")
                for lang, text in entry[name].items()
                if lang in LANGUAGES
            }
            existing = page_model.objects.filter(slug=slug).first()
            if existing is not None:
                # A language the page lacks is filled in; what staff or a support point wrote stays.
                missing = {f: v for f, v in fields.items() if not (getattr(existing, f, "") or "").strip()}
                if missing:
                    page_model.objects.filter(pk=existing.pk).update(**missing)
                continue
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


# Editing: platform staff change a page at once; a support point's change waits for their review. ---------------

TEXT_FIELDS = ("title", "summary", "body")
BODY_MAX = 20_000


def is_platform_staff(user: Any) -> bool:
    """Samenspel's own staff (Django's is_staff), as in the workspace: they review the support points' changes."""
    return bool(getattr(user, "is_staff", False) and getattr(user, "is_active", False))


def editing_support_point(user: Any) -> Any:
    """The first support point where this person may write (editor or manager), or None."""
    from samenspel.workspace.models import WRITE_ROLES, Membership

    membership = (
        Membership.objects.for_user(user)
        .filter(role__in=WRITE_ROLES)
        .select_related("support_point")
        .order_by("support_point__name")
        .first()
    )
    return membership.support_point if membership is not None else None


def may_edit_knowledge(user: Any) -> bool:
    return is_platform_staff(user) or editing_support_point(user) is not None


def page_text(page: Any, language: str) -> dict[str, str]:
    """The page's own text in one language (empty where it has none: no fallback here)."""
    return {name: getattr(page, f"{name}_{language}", "") or "" for name in TEXT_FIELDS}


def _clean(language: str, title: str, summary: str, body: str) -> tuple[str, str, str]:

    title, summary, body = title.strip(), summary.strip(), body.strip().replace("\r\n", "\n")
    problems = []
    if language not in LANGUAGES:
        problems.append(_("Choose one of the languages of the site."))
    if not title:
        problems.append(_("Give the page a title."))
    elif len(title) > 200:
        problems.append(_("The title is too long: at most 200 characters."))
    if not body:
        problems.append(_("Write the text of the page."))
    elif len(body) > BODY_MAX:
        problems.append(_("The text is too long: at most %(count)d characters.") % {"count": BODY_MAX})
    if problems:
        raise ValidationError(problems)
    return title, summary, body


def _apply(edit: Any) -> None:
    page = edit.page
    for name in TEXT_FIELDS:
        setattr(page, f"{name}_{edit.language}", getattr(edit, name))
    page.save()


def knowledge_edit_submit(*, page: Any, language: str, title: str, summary: str, body: str, actor: Any) -> Any:
    """Staff: the change is on the page at once. A support point's editor or manager: it waits for review.
    Anyone else is refused. Every check comes first, so a refused change writes nothing."""

    from samenspel.learning.models import KnowledgeEdit, KnowledgeEditStatus

    title, summary, body = _clean(language, title, summary, body)
    staff = is_platform_staff(actor)
    support_point = None if staff else editing_support_point(actor)
    if not staff and support_point is None:
        raise PermissionDenied
    with transaction.atomic():
        edit = KnowledgeEdit.objects.create(
            page=page,
            language=language,
            title=title,
            summary=summary,
            body=body,
            author=actor,
            support_point=support_point,
            status=KnowledgeEditStatus.ACCEPTED if staff else KnowledgeEditStatus.WAITING,
            reviewed_by=actor if staff else None,
            reviewed_at=timezone.now() if staff else None,
        )
        if staff:
            _apply(edit)
        log_action(obj=edit, action="edited" if staff else "proposed", actor=actor, changes={"language": language})
    return edit


def knowledge_edit_review(*, edit: Any, accept: bool, note: str, actor: Any) -> None:
    """Platform staff accept a waiting change (it goes on the page) or do not (the page stays as it was)."""

    from samenspel.learning.models import KnowledgeEdit, KnowledgeEditStatus

    if not is_platform_staff(actor):
        raise PermissionDenied
    with transaction.atomic():
        edit = KnowledgeEdit.objects.select_for_update().select_related("page").get(pk=edit.pk)
        if edit.status != KnowledgeEditStatus.WAITING:
            raise ValidationError(_("This change was already reviewed."))
        edit.status = KnowledgeEditStatus.ACCEPTED if accept else KnowledgeEditStatus.REJECTED
        edit.reviewed_by = actor
        edit.reviewed_at = timezone.now()
        edit.review_note = note.strip()[:2000]
        edit.save()
        if accept:
            _apply(edit)
        log_action(obj=edit, action=edit.status, actor=actor)

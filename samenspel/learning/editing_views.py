"""Editing the knowledge pages: platform staff change a page at once; a support point's editors and managers
propose a change that waits for staff's review before it is public. (Not public pages: their texts are in Dutch
and English, like the rest of the workspace.)"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from samenspel.accounts.decorators import signed_in_with
from samenspel.learning import knowledge
from samenspel.learning.knowledge import is_platform_staff, may_edit_knowledge, page_text
from samenspel.learning.models import KnowledgeEdit, KnowledgeEditStatus, KnowledgePage
from samenspel.workspace.decorators import is_staff_member

# Staff and support-point members see much: two factors, as in the workspace.
signed_in_editor = signed_in_with(second_factor_if=lambda user: is_platform_staff(user) or is_staff_member(user))


def _language(value: str | None) -> str:
    codes = [code for code, _name in settings.LANGUAGES]
    if value in codes:
        return str(value)
    current = (translation.get_language() or "nl").split("-")[0]
    return current if current in codes else "nl"


@never_cache
@signed_in_editor
def knowledge_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """Change a page's text in one language. Anyone who may not edit knowledge pages: 404."""
    user: Any = request.user
    if not may_edit_knowledge(user):
        raise Http404
    page = KnowledgePage.objects.filter(slug=slug).first()
    if page is None:
        raise Http404
    staff = is_platform_staff(user)
    language = _language(request.POST.get("language") if request.method == "POST" else request.GET.get("language"))
    values = page_text(page, language)
    errors: list[str] = []
    if request.method == "POST":
        values = {name: request.POST.get(name, "") for name in knowledge.TEXT_FIELDS}
        try:
            knowledge.knowledge_edit_submit(page=page, language=language, actor=user, **values)
        except ValidationError as exc:
            errors = [str(m) for m in exc.messages]
        else:
            if staff:
                messages.success(request, _("The page is changed."))
            else:
                messages.success(request, _("Thank you. Your change waits for review by the Samenspel team."))
            return redirect(f"{request.path}?language={language}")
    waiting = KnowledgeEdit.objects.filter(page=page, status=KnowledgeEditStatus.WAITING)
    mine = [] if staff else list(KnowledgeEdit.objects.filter(page=page, author=user).order_by("-created_at")[:10])
    return render(
        request,
        "learning/page_edit.html",
        {
            "page": page,
            "language": language,
            "languages": settings.LANGUAGES,
            "values": values,
            "errors": errors,
            "staff": staff,
            "waiting": waiting.count(),
            "mine": mine,
            "rtl": language in settings.LANGUAGES_BIDI,
        },
    )


@never_cache
@signed_in_editor
def knowledge_review(request: HttpRequest) -> HttpResponse:
    """Platform staff: the support points' changes that wait, each next to the page's text now."""
    if not is_platform_staff(request.user):
        raise Http404
    edits = list(
        KnowledgeEdit.objects.filter(status=KnowledgeEditStatus.WAITING).select_related("page", "support_point")
    )
    rows = [(edit, page_text(edit.page, edit.language)) for edit in edits]
    return render(request, "learning/page_review.html", {"rows": rows})


@signed_in_editor
@require_POST
def knowledge_review_decide(request: HttpRequest, edit_uuid: Any) -> HttpResponse:
    if not is_platform_staff(request.user):
        raise Http404
    edit = KnowledgeEdit.objects.filter(uuid=edit_uuid).first()
    if edit is None:
        raise Http404
    accept = request.POST.get("decision") == "accept"
    try:
        knowledge.knowledge_edit_review(edit=edit, accept=accept, note=request.POST.get("note", ""), actor=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The change is on the page.") if accept else _("The change is not accepted."))
    return redirect("learning:knowledge_review")

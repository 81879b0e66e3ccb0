"""Knowledge pages at /leren/kennis/: public reading in plain language (no account, no JavaScript, every
interface language: a page without its own text in the reader's language shows Dutch or English, and says so).
Editing them is in editing_views.py."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from samenspel.learning.knowledge import may_edit_knowledge, written_in
from samenspel.learning.models import KnowledgeAudience, KnowledgePage


def knowledge_index(request: HttpRequest) -> HttpResponse:
    pages = list(KnowledgePage.objects.filter(published=True))
    sections = [
        (label, [p for p in pages if p.audience == value])
        for value, label in KnowledgeAudience.choices
        if any(p.audience == value for p in pages)
    ]
    return render(request, "learning/knowledge_index.html", {"sections": sections})


def knowledge_page(request: HttpRequest, slug: str) -> HttpResponse:
    page = KnowledgePage.objects.filter(slug=slug, published=True).first()
    if page is None:
        raise Http404
    language = translation.get_language() or "nl"
    return render(
        request,
        "learning/knowledge_page.html",
        {
            "page": page,
            "in_own_language": written_in(page, language.split("-")[0]),
            "may_edit": request.user.is_authenticated and may_edit_knowledge(request.user),
        },
    )

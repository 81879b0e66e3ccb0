"""The public search page and the printable list of results."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from samenspel.directory import fallback
from samenspel.directory import search as search_service
from samenspel.directory.sensitive import is_sensitive
from samenspel.directory.signals import search_done
from samenspel.finder.quick_exit import keep_nothing
from samenspel.finder.search_form import SearchForm, nothing_found, run_search, search_summary, tell_namesakes_apart

PRINT_LIMIT = 200


def _run(request: HttpRequest, page_size: int) -> dict[str, Any]:
    form = SearchForm(request.GET or None)
    results = run_search(form, page_size=page_size)
    searched = form.is_bound
    context: dict[str, Any] = {"form": form, "results": results, "searched": searched}
    if searched:
        context["summary"] = search_summary(form, results)
    if searched and results.total == 0:
        context.update(nothing_found(results))
    elif searched:
        # A few groups in the language asked for: the same theme in other languages below them.
        context["fallback"] = fallback.relax(results)
        if context["fallback"]:
            tell_namesakes_apart(context["fallback"].hits)
    # What was asked for, or what was found, is a taboo theme: a quick exit, and nothing kept (quick_exit.py).
    offered = [*results.hits, *(context["fallback"].hits if context.get("fallback") else [])]
    context["sensitive"] = is_sensitive([*results.query.themes, *(theme for hit in offered for theme in hit.themes)])
    return context


def _page(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    response = render(request, template, context)
    return keep_nothing(response) if context["sensitive"] else response


def search(request: HttpRequest) -> HttpResponse:
    context = _run(request, search_service.PAGE_SIZE)
    if context["searched"] and request.GET.get("page", "1") in ("", "1"):
        # Counted by theme, area and language, never the words (instruments/demand.py); once per search, not per page.
        search_done.send(sender=search, results=context["results"], language=get_language() or "nl")
    return _page(request, "finder/search.html", context)


def print_list(request: HttpRequest) -> HttpResponse:
    return _page(request, "finder/print_list.html", _run(request, PRINT_LIMIT))

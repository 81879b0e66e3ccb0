"""The public search page and the printable list of results."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from samenspel.directory import search as search_service
from samenspel.directory.models import Organisation, SearchDocument
from samenspel.finder.search_form import SearchForm

PRINT_LIMIT = 200


def _run(request: HttpRequest, page_size: int) -> dict[str, Any]:
    form = SearchForm(request.GET or None)
    filters, page, messages = form.filters()
    raw = form.cleaned_data.get("q", "") if form.is_bound and hasattr(form, "cleaned_data") else ""
    searched = form.is_bound
    results = search_service.search(
        raw or "", filters, page=page, interface_language=get_language() or "nl", page_size=page_size
    )
    results.messages[:0] = messages
    context: dict[str, Any] = {"form": form, "results": results, "searched": searched}
    if searched and results.total == 0:
        context.update(_nothing_found(results))
    return context


def _nothing_found(results: search_service.Results) -> dict[str, Any]:
    """When nothing matches: nearby themes, related groups near by, online groups and who can help."""
    query, filters = results.query, results.filters
    related = search_service.related_themes(query.themes)
    suggestions = [t for t in search_service.suggest_themes(query.raw) if t not in query.themes][:5]
    nearby: list[search_service.Hit] = []
    if related:
        related_query = search_service.ParsedQuery(raw="", themes=related)
        nearby, _total, _page = search_service.run(
            related_query,
            search_service.Filters(place=filters.place, distance=filters.distance),
            page_size=5,
            origin=results.origin,
        )
    online_query = search_service.ParsedQuery(raw="", themes=query.themes + related)
    online, _total, _page = search_service.run(
        online_query, search_service.Filters(mode="online"), page_size=5, origin=None
    )
    return {
        "suggested_themes": list(dict.fromkeys(suggestions + related))[:8],
        "related_hits": nearby,
        "online_hits": online,
        "support_points": _support_points_near(results),
    }


def _support_points_near(results: search_service.Results) -> list[Organisation]:
    docs = SearchDocument.objects.exclude(support_point=None)
    if results.origin is not None:
        # The support points behind the groups nearest to the place asked for.
        lat, lon = results.origin.latitude, results.origin.longitude
        box = search_service.postcodes.bounding_box(lat, lon, 25)
        docs = docs.filter(latitude__range=box[:2], longitude__range=box[2:])
    ids = list(docs.values_list("support_point_id", flat=True).distinct()[:3])
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))


def search(request: HttpRequest) -> HttpResponse:
    return render(request, "finder/search.html", _run(request, search_service.PAGE_SIZE))


def print_list(request: HttpRequest) -> HttpResponse:
    return render(request, "finder/print_list.html", _run(request, PRINT_LIMIT))

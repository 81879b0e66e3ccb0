"""The HSDS 3.0 read API (HSDA), typed with django-ninja; OpenAPI 3.1 at /api/openapi.json.

Read-only and anonymous: everything here is what the public map shows
already. The interactive docs page is off, because it would load scripts from
another host; the OpenAPI document is the documentation.
"""

from __future__ import annotations

import datetime
import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal

from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Query
from ninja.errors import HttpError

from samenspel.directory.models import Organisation, Theme
from samenspel.directory.recurrence import AMSTERDAM
from samenspel.opendata import hsds, schemas
from samenspel.opendata.queries import (
    DEFAULT_PER_PAGE,
    MAX_PER_PAGE,
    MAX_PROXIMITY_M,
    ServiceFilters,
    filter_services,
    iterate,
    paginate,
)

api = NinjaAPI(
    title="Samenspel open data",
    version="1.0",
    description="The social map of peer support as HSDS 3.0 (Open Referral), with the Samenspel profile.",
    urls_namespace="api",
    docs_url=None,
)

MAX_PAGE = 1_000_000
NDJSON = "application/x-ndjson"
NDJSON_DOC: dict[str, Any] = {
    "responses": {
        200: {"content": {NDJSON: {"schema": {"type": "string", "description": "One JSON object per line."}}}}
    }
}

PageParam = Query(1, ge=1, le=MAX_PAGE, description="Page number of paginated result.")
PerPageParam = Query(DEFAULT_PER_PAGE, ge=1, le=MAX_PER_PAGE, description="Number of results in a page (at most 200).")
FormatParam = Query("json", description="json (paged) or ndjson (every result, streamed, one object per line).")
Format = Literal["json", "ndjson"]


def url_for(request: HttpRequest) -> hsds.UrlFor:
    return request.build_absolute_uri


def text(value: str) -> str:
    """A query parameter as text the database accepts: PostgreSQL refuses NUL characters in strings."""
    return value.replace("\x00", "").strip()


def aware(value: datetime.datetime | None) -> datetime.datetime | None:
    """The moment in UTC. PostgreSQL refuses offsets beyond ±15:59 that ISO 8601 (and Python) allow."""
    if value is None:
        return None
    if timezone.is_naive(value):
        value = value.replace(tzinfo=AMSTERDAM)
    try:
        return value.astimezone(datetime.UTC)
    except OverflowError:
        # Just past the edge of the calendar (year 1 or 9999 with an offset): every change is after it or not.
        return (
            datetime.datetime.min.replace(tzinfo=datetime.UTC)
            if value.year < 2
            else datetime.datetime.max.replace(tzinfo=datetime.UTC)
        )


def ndjson(objects: Iterable[Any], render: Callable[[Any], dict[str, Any]]) -> StreamingHttpResponse:
    language = translation.get_language() or "nl"

    def lines() -> Iterator[bytes]:
        # The stream is read after the view returns: keep the request's language for the texts.
        with translation.override(language):
            for obj in objects:
                yield json.dumps(render(obj), ensure_ascii=False).encode() + b"\n"

    return StreamingHttpResponse(lines(), content_type=NDJSON)


def listing(
    request: HttpRequest,
    qs: QuerySet[Any],
    order: list[int] | None,
    render: Callable[[Any], dict[str, Any]],
    *,
    page: int,
    per_page: int,
    format: str,
) -> HttpResponse | StreamingHttpResponse:
    if format == "ndjson":
        return ndjson(iterate(qs, order), render)
    found = paginate(qs, order, page, per_page)
    return JsonResponse(found.envelope([render(obj) for obj in found.items]), json_dumps_params={"ensure_ascii": False})


def uuid_or_404(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise HttpError(404, _("Not found.")) from None


@api.get("/hsds/", response=schemas.ApiInfo, summary="About this API and its HSDS profile", tags=["hsds"])
def about(request: HttpRequest) -> dict[str, str]:
    return {
        "version": hsds.HSDS_VERSION,
        "profile": request.build_absolute_uri(reverse("opendata_profile")),
        "openapi_url": request.build_absolute_uri(reverse("api:openapi-json")),
    }


@api.get(
    "/hsds/services",
    response={200: schemas.ServicePage, 400: schemas.Message},
    summary="Paged list of services (peer groups), one-to-one fields",
    tags=["hsds"],
    openapi_extra=NDJSON_DOC,
)
def services(
    request: HttpRequest,
    search: str = Query("", max_length=200, description="Words, as in the finder (themes, synonyms, typos)."),
    taxonomy_term_id: str = Query("", description="Services with this theme or a narrower one."),
    organization_id: str = Query("", description="Services provided or supported by this organization."),
    modified_after: datetime.datetime | None = Query(None, description="Services changed on or after this moment."),  # noqa: B008
    postcode: str = Query("", max_length=60, description="A Dutch postcode or place: services near it."),
    proximity: int | None = Query(None, ge=1, le=MAX_PROXIMITY_M, description="Distance from the postcode in metres."),
    page: int = PageParam,
    per_page: int = PerPageParam,
    format: Format = FormatParam,
) -> HttpResponse | StreamingHttpResponse:
    filters = ServiceFilters(
        search=text(search),
        taxonomy_term_id=taxonomy_term_id,
        organization_id=organization_id,
        modified_after=aware(modified_after),
        postcode=postcode,
        proximity=proximity,
    )
    # An unknown postcode matches nothing: an empty page, not an error (the input itself is well-formed).
    qs, order = filter_services(hsds.services_query(), filters)
    make_url = url_for(request)
    return listing(request, qs, order, lambda g: hsds.service(g, make_url), page=page, per_page=per_page, format=format)


@api.get(
    "/hsds/services/{id}",
    response={200: schemas.ServiceFull, 404: schemas.Message},
    summary="One service, fully nested",
    tags=["hsds"],
)
def service_detail(request: HttpRequest, id: str) -> HttpResponse:
    group = hsds.full_services_query().filter(uuid=uuid_or_404(id)).first()
    if group is None:
        raise HttpError(404, _("Not found."))
    return JsonResponse(hsds.service_full(group, url_for(request)), json_dumps_params={"ensure_ascii": False})


@api.get(
    "/hsds/organizations",
    response=schemas.OrganizationPage,
    summary="Paged list of organizations",
    tags=["hsds"],
    openapi_extra=NDJSON_DOC,
)
def organizations(
    request: HttpRequest,
    search: str = Query("", max_length=200, description="Part of the name."),
    page: int = PageParam,
    per_page: int = PerPageParam,
    format: Format = FormatParam,
) -> HttpResponse | StreamingHttpResponse:
    qs = hsds.organizations_query()
    if text(search):
        qs = qs.filter(name__icontains=text(search))
    return listing(request, qs, None, hsds.organization, page=page, per_page=per_page, format=format)


@api.get(
    "/hsds/organizations/{id}",
    response={200: schemas.Organization, 404: schemas.Message},
    summary="One organization",
    tags=["hsds"],
)
def organization_detail(request: HttpRequest, id: str) -> HttpResponse:
    org = Organisation.objects.filter(uuid=uuid_or_404(id)).first()
    if org is None:
        raise HttpError(404, _("Not found."))
    return JsonResponse(hsds.organization(org), json_dumps_params={"ensure_ascii": False})


@api.get(
    "/hsds/service_at_locations",
    response={200: schemas.ServiceAtLocationPage, 400: schemas.Message},
    summary="Paged list of where services meet (public part of the address only)",
    tags=["hsds"],
    openapi_extra=NDJSON_DOC,
)
def service_at_locations(
    request: HttpRequest,
    search: str = Query("", max_length=200),
    taxonomy_term_id: str = Query(""),
    organization_id: str = Query(""),
    modified_after: datetime.datetime | None = Query(None),  # noqa: B008
    postcode: str = Query("", max_length=60),
    proximity: int | None = Query(None, ge=1, le=MAX_PROXIMITY_M),
    page: int = PageParam,
    per_page: int = PerPageParam,
    format: Format = FormatParam,
) -> HttpResponse | StreamingHttpResponse:
    filters = ServiceFilters(
        search=text(search),
        taxonomy_term_id=taxonomy_term_id,
        organization_id=organization_id,
        modified_after=aware(modified_after),
        postcode=postcode,
        proximity=proximity,
    )
    qs, order = filter_services(hsds.service_at_locations_query(), filters)
    return listing(request, qs, order, hsds.service_at_location, page=page, per_page=per_page, format=format)


@api.get("/hsds/taxonomies", response=schemas.TaxonomyPage, summary="The taxonomies in use", tags=["hsds"])
def taxonomies(request: HttpRequest, page: int = PageParam, per_page: int = PerPageParam) -> dict[str, Any]:
    contents = [hsds.taxonomy()] if page == 1 else []
    return {
        "total_items": 1,
        "total_pages": 1,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }


def _term(theme: Theme) -> dict[str, Any]:
    return hsds.taxonomy_term(theme, theme.parent.slug if theme.parent else None)


@api.get(
    "/hsds/taxonomy_terms",
    response=schemas.TaxonomyTermPage,
    summary="Paged list of themes (taxonomy terms)",
    tags=["hsds"],
    openapi_extra=NDJSON_DOC,
)
def taxonomy_terms(
    request: HttpRequest,
    search: str = Query("", max_length=200, description="Part of the theme's name, in any language."),
    parent_id: str = Query("", description="Only the narrower terms of this term."),
    taxonomy_id: str = Query("", description="Only terms of this taxonomy."),
    page: int = PageParam,
    per_page: int = PerPageParam,
    format: Format = FormatParam,
) -> HttpResponse | StreamingHttpResponse:
    qs = hsds.themes_query()
    if taxonomy_id and taxonomy_id.strip().lower() != hsds.ids.taxonomy_id():
        qs = qs.none()
    if text(search):
        words = Q()
        for code in hsds.content_languages():
            words |= Q(**{f"label_{code}__icontains": text(search)})
        qs = qs.filter(words)
    if parent_id:
        slugs = [s for s in Theme.objects.values_list("slug", flat=True) if hsds.ids.theme_id(s) == parent_id.lower()]
        qs = qs.filter(parent__slug__in=slugs)
    return listing(request, qs, None, _term, page=page, per_page=per_page, format=format)

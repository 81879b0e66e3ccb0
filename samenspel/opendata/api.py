"""The HSDS 3.0 read API (HSDA), typed with django-ninja; OpenAPI 3.1 at /api/openapi.json.

Read-only and anonymous: everything here is what the public map shows
already. The interactive docs page is off, because it would load scripts from
another host; the OpenAPI document is the documentation.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Literal

from django.db.models import Q, QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Query
from ninja.decorators import decorate_view
from ninja.errors import HttpError

from samenspel.directory.models import Organisation, Theme
from samenspel.opendata import downloads, export, extra, hsds, importer, reader, schemas
from samenspel.opendata.api_clients import WRITE_AUTH, rate_limited
from samenspel.opendata.models import ApiKey
from samenspel.opendata.queries import (
    DEFAULT_PER_PAGE,
    MAX_PER_PAGE,
    ServiceFilters,
    filter_services,
    iterate,
    paginate,
    paginate_public,
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
    order: Sequence[int] | None,
    render: Callable[[Any], dict[str, Any]],
    *,
    page: int,
    per_page: int,
    format: str,
    every_public_group: bool = False,
    order_is_complete: bool = False,
) -> HttpResponse | StreamingHttpResponse:
    if format == "ndjson":
        return ndjson(iterate(qs, order), render)
    if every_public_group:
        found = paginate_public(qs, page, per_page)
    else:
        found = paginate(qs, order, page, per_page, order_is_complete=order_is_complete)
    return JsonResponse(found.envelope([render(obj) for obj in found.items]), json_dumps_params={"ensure_ascii": False})


def uuid_or_404(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise HttpError(404, _("Not found.")) from None


@api.get(
    "/hsds/",
    response={200: schemas.ApiInfo, 429: schemas.Message},
    summary="About this API and its HSDS profile",
    tags=["hsds"],
)
@decorate_view(rate_limited())
def about(request: HttpRequest) -> dict[str, str]:
    return {
        "version": hsds.HSDS_VERSION,
        "profile": request.build_absolute_uri(reverse("opendata_profile")),
        "openapi_url": request.build_absolute_uri(reverse("api:openapi-json")),
    }


@api.get(
    "/hsds/services",
    response={200: schemas.ServicePage, 400: schemas.Message, 429: schemas.Message},
    summary="Paged list of services (peer groups), one-to-one fields",
    tags=["hsds"],
    openapi_extra=NDJSON_DOC,
)
@decorate_view(rate_limited())
def services(
    request: HttpRequest,
    filters: Query[ServiceFilters],
    page: int = PageParam,
    per_page: int = PerPageParam,
    format: Format = FormatParam,
) -> HttpResponse | StreamingHttpResponse:
    # An unknown postcode matches nothing: an empty page, not an error (the input itself is well-formed).
    qs, order = filter_services(hsds.services_query(), filters)
    make_url = url_for(request)
    texts = hsds.Texts()
    return listing(
        request,
        qs,
        order,
        lambda g: hsds.service(g, make_url, texts),
        page=page,
        per_page=per_page,
        format=format,
        every_public_group=filters.is_empty(),
        order_is_complete=not filters.narrows_beyond_ranking(),
    )


@api.get(
    "/hsds/services/{id}",
    response={200: schemas.ServiceFull, 404: schemas.Message, 429: schemas.Message},
    summary="One service, fully nested",
    tags=["hsds"],
)
@decorate_view(rate_limited())
def service_detail(request: HttpRequest, id: str) -> HttpResponse:
    group = hsds.services_query().select_related("location").filter(uuid=uuid_or_404(id)).first()
    if group is None:
        found = extra.service(str(uuid_or_404(id)), url_for(request), hsds.Texts())
        if found is None:
            raise HttpError(404, _("Not found."))
        return JsonResponse(found, json_dumps_params={"ensure_ascii": False})
    texts = hsds.Texts()
    related = hsds.related_rows([group.pk], hsds.Vocabulary(texts))[group.pk]
    return JsonResponse(
        hsds.service_full(group, url_for(request), texts, related), json_dumps_params={"ensure_ascii": False}
    )


@api.get(
    "/hsds/organizations",
    response={200: schemas.OrganizationPage, 429: schemas.Message},
    summary="Paged list of organizations",
    tags=["hsds"],
    openapi_extra=NDJSON_DOC,
)
@decorate_view(rate_limited())
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
    response={200: schemas.Organization, 404: schemas.Message, 429: schemas.Message},
    summary="One organization",
    tags=["hsds"],
)
@decorate_view(rate_limited())
def organization_detail(request: HttpRequest, id: str) -> HttpResponse:
    org = Organisation.objects.filter(uuid=uuid_or_404(id)).first()
    if org is None:
        raise HttpError(404, _("Not found."))
    return JsonResponse(hsds.organization(org), json_dumps_params={"ensure_ascii": False})


@api.get(
    "/hsds/service_at_locations",
    response={200: schemas.ServiceAtLocationPage, 400: schemas.Message, 429: schemas.Message},
    summary="Paged list of where services meet (public part of the address only)",
    tags=["hsds"],
    openapi_extra=NDJSON_DOC,
)
@decorate_view(rate_limited())
def service_at_locations(
    request: HttpRequest,
    filters: Query[ServiceFilters],
    page: int = PageParam,
    per_page: int = PerPageParam,
    format: Format = FormatParam,
) -> HttpResponse | StreamingHttpResponse:
    qs, order = filter_services(hsds.service_at_locations_query(), filters)
    return listing(
        request,
        qs,
        order,
        hsds.service_at_location,
        page=page,
        per_page=per_page,
        format=format,
        every_public_group=filters.is_empty(),
        order_is_complete=not filters.narrows_beyond_ranking(),
    )


@api.get(
    "/hsds/taxonomies",
    response={200: schemas.TaxonomyPage, 429: schemas.Message},
    summary="The taxonomies in use",
    tags=["hsds"],
)
@decorate_view(rate_limited())
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
    response={200: schemas.TaxonomyTermPage, 429: schemas.Message},
    summary="Paged list of themes (taxonomy terms)",
    tags=["hsds"],
    openapi_extra=NDJSON_DOC,
)
@decorate_view(rate_limited())
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


# --- Downloads and writes --------------------------------------------------------------------


def _streamed(pieces: Iterator[Any], content_type: str, filename: str) -> StreamingHttpResponse:
    language = translation.get_language() or "nl"

    def body() -> Iterator[Any]:
        # The stream is read after the view returns: keep the request's language for the texts.
        with translation.override(language):
            yield from pieces

    response = StreamingHttpResponse(body(), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _download(request: HttpRequest, kind: str, build: Callable[[str], Iterator[bytes]]) -> StreamingHttpResponse:
    """The kept file of this download when the map has not changed since it was made; else built and kept."""
    base_url = export.base_url_of(request)
    path = downloads.path_for(kind, language=translation.get_language() or "nl", base_url=base_url)
    content_type, filename = DOWNLOADS[kind]
    kept = downloads.open_kept(path)
    if kept is not None:
        return FileResponse(kept, content_type=content_type, as_attachment=True, filename=filename)
    return _streamed(downloads.keep(path, build(base_url)), content_type, filename)


DOWNLOADS = {
    "zip": ("application/zip", "samenspel-hsds.zip"),
    "json": ("application/json", "samenspel-hsds.json"),
}
DOWNLOAD_DOC: dict[str, Any] = {
    "responses": {200: {"content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}}}}
}


@api.get(
    "/hsds/export.zip",
    response={429: schemas.Message},
    summary="The whole public map as the HSDS tabular datapackage (CSV tables + datapackage.json), zipped",
    tags=["hsds"],
    openapi_extra=DOWNLOAD_DOC,
)
@decorate_view(rate_limited("export"))
def export_zip(request: HttpRequest) -> StreamingHttpResponse:
    return _download(request, "zip", lambda base_url: export.iter_zip(base_url=base_url))


@api.get(
    "/hsds/export.json",
    response={429: schemas.Message},
    summary="The whole public map as one HSDS JSON document (services fully nested), streamed",
    tags=["hsds"],
    openapi_extra={"responses": {200: {"content": {"application/json": {"schema": {"type": "object"}}}}}},
)
@decorate_view(rate_limited("export"))
def export_json(request: HttpRequest) -> StreamingHttpResponse:
    return _download(request, "json", lambda base_url: (p.encode() for p in export.iter_json(base_url=base_url)))


IMPORT_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "HSDS JSON (a list of services, an HSDA page, an organization with services, or our "
        "export), or the tabular datapackage as a zip. At most OPENDATA_IMPORT_MAX_BYTES (50 MB).",
        "content": {
            "application/json": {
                "schema": {
                    "oneOf": [
                        {"type": "array", "items": {"type": "object"}, "description": "HSDS services."},
                        {"type": "object", "description": "A service, an organization, an HSDA page or our export."},
                    ]
                }
            },
            "application/zip": {"schema": {"type": "string", "format": "binary"}},
        },
    }
}


@api.post(
    "/hsds/import",
    auth=WRITE_AUTH,
    response={
        200: schemas.ImportReport,
        400: schemas.Message,
        401: schemas.Message,
        413: schemas.Message,
        422: schemas.ImportReport,
        429: schemas.Message,
    },
    summary="Import HSDS into the key's support point: a dry run unless commit=true",
    description="Needs an API key of a support point (`Authorization: Bearer <key>` or `X-API-Key`). "
    "Groups are imported into that support point only; a group of another support point is never changed. "
    "Errors come per record (record_type, record_id, field, message) and mean nothing was written. Unknown "
    "taxonomy terms are listed with suggested themes: map each with map=TERM=THEME ('-' leaves it out, "
    "'*=THEME' is the theme for services without one).",
    tags=["hsds"],
    openapi_extra=IMPORT_BODY,
)
@decorate_view(rate_limited("write"))
def import_hsds(
    request: HttpRequest,
    commit: bool = Query(False, description="Write (one transaction). Without it: a dry run."),
    map: list[str] = Query([], description="TERM=THEME: a taxonomy term (id or code) to a theme slug."),  # noqa: B008
) -> HttpResponse:
    api_key = request.auth  # type: ignore[attr-defined]
    assert isinstance(api_key, ApiKey)
    try:
        mapping = importer.parse_mapping(map)
    except ValueError as exc:
        raise HttpError(400, _("Write each mapping as TERM=THEME, not %(pair)s.") % {"pair": exc}) from None
    limit = reader.max_bytes()
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    try:
        if declared > limit:
            raise reader.too_big(limit)
        package = reader.read_bytes(reader.read_limited(request, limit), limit)  # type: ignore[arg-type]
    except reader.ImportRefused as exc:
        return JsonResponse({"detail": exc.message}, status=exc.status)
    report = importer.Importer(
        support_point=api_key.support_point,
        mapping=mapping,
        scoped=True,
        actor_label=f"API key {api_key.prefix}",
    ).run(package, commit=commit)
    return JsonResponse(
        report.as_dict(), status=422 if report.errors else 200, json_dumps_params={"ensure_ascii": False}
    )

"""Security headers for every response, and input that cannot be stored refused before any view reads it."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from samenspel.core.text import is_storable

# Public pages load nothing from another host and run no script at all;
# JSON-LD is data (type application/ld+json), which a CSP does not block.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# The Django admin writes a few inline styles; it is for staff only.
ADMIN_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
PERMISSIONS_POLICY = "geolocation=(), camera=(), microphone=(), payment=(), interest-cohort=()"


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = ADMIN_POLICY if request.path.startswith("/admin/") else CONTENT_SECURITY_POLICY
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


# Longer paths are no page of ours; a file lookup with such a name fails in the operating system.
MAX_PATH_LENGTH = 2000


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


class HostileInputMiddleware:
    """Refuses, with 400 in the visitor's language, requests carrying text no field can store: NUL or a lone
    surrogate in the query, a posted form or a JSON body (a JSON "\\ud800" escape decodes to one). One check
    for every form and API endpoint, instead of a patch per field; a 500 never follows from what was typed.
    Multipart bodies are left to the views: their upload handlers must read the stream first (forms still
    refuse NUL per field, and Django decodes undecodable bytes to U+FFFD)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if len(request.path) > MAX_PATH_LENGTH:
            return self.refuse(request, _("This address is too long."), status=414)
        if not self.storable(request):
            return self.refuse(
                request,
                _("What you sent contains characters that cannot be stored (such as NUL). Remove them and try again."),
            )
        return self.get_response(request)

    def storable(self, request: HttpRequest) -> bool:
        values: list[str] = [v for _key, vs in request.GET.lists() for v in [_key, *vs]]
        content_type = request.content_type or ""
        if request.method in {"POST", "PUT", "PATCH"}:
            if content_type == "application/x-www-form-urlencoded":
                values += [v for _key, vs in request.POST.lists() for v in [_key, *vs]]
            elif content_type == "application/json" or content_type.endswith("+json"):
                try:
                    values += _strings(json.loads(request.body))
                except ValueError:
                    pass  # malformed JSON: the endpoint answers that itself
        return all(is_storable(value) for value in values)

    def refuse(self, request: HttpRequest, message: str, status: int = 400) -> HttpResponse:
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=status)
        return HttpResponse(render_to_string("400_input.html", {"message": message}, request=request), status=status)

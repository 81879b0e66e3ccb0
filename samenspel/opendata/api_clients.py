"""Who may use the API how much: API keys for writes, rate limits on reads.

Anonymous reads are limited per client (a keyed hash of the IP, as in
core.ratelimit); a valid API key gets its own, higher limit. A request over
the limit gets 429 with Retry-After, so a well-behaved harvester knows when
to come back.
"""

from __future__ import annotations

import datetime
import functools
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.security import APIKeyHeader, HttpBearer

from samenspel.core.ratelimit import client_key, hit
from samenspel.opendata.models import ApiKey

WINDOW_SECONDS = 60
LAST_USED_EVERY = datetime.timedelta(minutes=5)


def anonymous_limit() -> int:
    return int(getattr(settings, "OPENDATA_ANON_REQUESTS_PER_MINUTE", 120))


def key_limit() -> int:
    return int(getattr(settings, "OPENDATA_KEY_REQUESTS_PER_MINUTE", 1200))


def _touch(api_key: ApiKey) -> None:
    # Once every few minutes is precise enough, and spares a write per request.
    now = timezone.now()
    if api_key.last_used_at is None or now - api_key.last_used_at > LAST_USED_EVERY:
        ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
        api_key.last_used_at = now


def key_from_headers(request: HttpRequest) -> ApiKey | None:
    if hasattr(request, "_opendata_api_key"):
        cached: ApiKey | None = request._opendata_api_key
        return cached
    raw = request.headers.get("X-API-Key", "")
    auth = request.headers.get("Authorization", "")
    if not raw and auth[:7].lower() == "bearer ":
        raw = auth[7:].strip()
    api_key = ApiKey.find(raw) if raw else None
    if api_key is not None:
        _touch(api_key)
    request._opendata_api_key = api_key  # type: ignore[attr-defined]
    return api_key


class BearerKey(HttpBearer):
    """Authorization: Bearer <key>."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiKey | None:
        return key_from_headers(request)


class HeaderKey(APIKeyHeader):
    """X-API-Key: <key>."""

    param_name = "X-API-Key"

    def authenticate(self, request: HttpRequest, key: str | None) -> ApiKey | None:
        return key_from_headers(request)


WRITE_AUTH = [BearerKey(), HeaderKey()]


def too_many(retry_after: int) -> HttpResponse:
    response = JsonResponse(
        {"detail": _("Too many requests. Try again in %(seconds)s seconds.") % {"seconds": retry_after}}, status=429
    )
    response["Retry-After"] = str(retry_after)
    return response


def over_limit(request: HttpRequest, bucket: str = "read") -> HttpResponse | None:
    """429 when this client is over its limit in the current window, else None (and the hit is counted)."""
    api_key = key_from_headers(request)
    if api_key is not None:
        key, limit = f"opendata:{bucket}:key:{api_key.pk}", key_limit()
    else:
        key, limit = f"opendata:{bucket}:ip:{client_key(request)}", anonymous_limit()
    if bucket == "export":
        limit = max(1, limit // 60)  # a whole export costs as much as many pages
    if hit(key, limit, WINDOW_SECONDS):
        return None
    return too_many(WINDOW_SECONDS - int(time.time()) % WINDOW_SECONDS)


def rate_limited(bucket: str = "read") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """For ninja operations (ninja.decorators.decorate_view) and plain Django views alike."""

    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            refused = over_limit(request, bucket)
            return refused if refused is not None else view(request, *args, **kwargs)

        return wrapper

    return decorator

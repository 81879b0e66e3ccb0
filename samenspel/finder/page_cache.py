"""Public pages are cached whole, per language and address, until the map changes or a few minutes pass.

A cached page is the same for every visitor: public pages carry nothing of the visitor (no CSRF token, no
session; the language switch works without one). The key holds the map version (`directory/map_version.py`),
so an edit shows at once; the date and a time slot, so "next meeting" and "new members welcome now" move on.
Someone signed in (a session cookie) is served fresh pages.

What a browser may keep is a separate choice per kind of page:
- `SEARCH`: results say what someone looked for (an addiction, violence at home): `no-store`, nothing kept;
- `PAGE`: a group page may be kept but is checked each time (`no-cache` with an ETag: a 304 costs nothing);
- `FILE`: calendars and flyers are public documents: kept for a few minutes.

A view may say more than its kind: a page about a taboo theme (`quick_exit.keep_nothing`) answers `no-store`,
and then this cache keeps nothing of it either, whatever the kind.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from enum import Enum
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from samenspel.directory.map_version import map_version
from samenspel.finder.quick_exit import keeps_nothing

View = Callable[..., HttpResponseBase]


class Kind(Enum):
    SEARCH = "no-store"
    PAGE = "no-cache"
    FILE = "public, max-age=300"


def _key(request: HttpRequest) -> str:
    seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
    parts: list[str] = [
        str(map_version()),
        get_language() or settings.LANGUAGE_CODE,
        request.get_host(),
        request.scheme or "http",
        request.get_full_path(),
        str(int(time.time() // seconds)),
    ]
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _finish(response: HttpResponseBase, kind: Kind, etag: str) -> HttpResponseBase:
    response["Cache-Control"] = kind.value
    if kind is not Kind.SEARCH:
        response["ETag"] = etag
    # The language comes from the cookie or the browser's languages.
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


def cached_page(kind: Kind) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
                return view(request, *args, **kwargs)
            seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
            key = _key(request) if seconds > 0 else ""
            hit = cache.get(key) if key else None
            if hit is None:
                response = view(request, *args, **kwargs)
                if keeps_nothing(response):
                    # Nothing of it in the cache, and no ETag: the page itself said to keep nothing.
                    patch_vary_headers(response, ["Accept-Language", "Cookie"])
                    return response
                if (
                    response.status_code != 200
                    or response.streaming
                    or response.cookies
                    or not isinstance(response, HttpResponse)
                ):
                    return response
                etag = '"' + hashlib.md5(response.content, usedforsecurity=False).hexdigest() + '"'
                if key:
                    cache.set(key, (response.content, dict(response.headers), etag), seconds)
            else:
                content, headers, etag = hit
                response = HttpResponse(content)
                for name, value in headers.items():
                    response[name] = value
            if kind is not Kind.SEARCH and etag in request.headers.get("If-None-Match", ""):
                return _finish(HttpResponseNotModified(), kind, etag)
            return _finish(response, kind, etag)

        return wrapper

    return decorator

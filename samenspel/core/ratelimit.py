"""A small fixed-window rate limiter on the cache (Redis in production, local memory otherwise).

Clients are keyed on a keyed hash of their IP address (and sign-in tries on one
of the e-mail address typed), so neither the cache nor a log ever holds the raw
address of a visitor.
"""

from __future__ import annotations

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_key(request: HttpRequest) -> str:
    """A SHA-256 of the client's IP (REMOTE_ADDR).

    Keyed with SECRET_KEY (HMAC): a plain hash of an IPv4 address can be
    reversed by trying all 2^32 addresses.
    """
    ip = request.META.get("REMOTE_ADDR", "") or "unknown"
    return hashed(ip)


def hashed(value: str) -> str:
    """A keyed SHA-256 (HMAC with SECRET_KEY) of `value`, for keys made of what a visitor typed or sent."""
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


def _cache_key(key: str, window_seconds: int) -> str:
    window = int(time.time() // window_seconds)
    return f"ratelimit:{key}:{window}"


def within(key: str, limit: int, window_seconds: int) -> bool:
    """True while `key` has fewer than `limit` hits in the current window; counts nothing itself.

    With `hit` afterwards for what should count only (failed sign-ins), a caller limits failures, not tries.
    """
    count: int = cache.get(_cache_key(key, window_seconds), 0)
    return count < limit


def hit(key: str, limit: int, window_seconds: int) -> bool:
    """Count one hit for `key`; True while the key stays within `limit` hits in the current window."""
    cache_key = _cache_key(key, window_seconds)
    # add() only sets a missing key, so two workers starting a window do not reset each other.
    cache.add(cache_key, 0, timeout=window_seconds + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:
        # The key expired between add() and incr(): this is the first hit of a new window.
        cache.set(cache_key, 1, timeout=window_seconds + 1)
        count = 1
    return count <= limit

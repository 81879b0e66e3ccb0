"""Garbage collection in a long-running web process.

Once a process has served its first pages it holds some 200,000 objects that live as long as it does: the app
registry, the URL patterns, compiled templates, the search vocabulary. Python's full collection walks all of them,
so the request that happens to set one off waits: 130 ms on a results page, the whole slow tail of bench/search.
After its first GC_FREEZE_AFTER_REQUESTS requests a process collects once and moves what is left out of the
collector's sight (gc.freeze); a full collection then takes some 6 ms. Objects made later are collected as always.

Every process counts for itself (gunicorn workers, the development server, a test run); 0 switches it off.
"""

from __future__ import annotations

import gc
import itertools
from typing import Any

from django.conf import settings

_served = itertools.count(1)  # next() on a count is atomic in CPython: one request of a thread pool reaches N


def freeze_when_warm(sender: Any = None, **kwargs: Any) -> bool:
    """Receiver of request_finished. Returns True for the one request after which the process froze its objects."""
    after = settings.GC_FREEZE_AFTER_REQUESTS
    if after <= 0 or next(_served) != after:
        return False
    gc.collect()
    gc.freeze()
    return True

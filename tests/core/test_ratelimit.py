from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache

from samenspel.core import ratelimit


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def test_within_looks_without_counting_and_hit_counts() -> None:
    key = "test:within"
    assert all(ratelimit.within(key, 2, 60) for _ in range(5))
    ratelimit.hit(key, 2, 60)
    assert ratelimit.within(key, 2, 60)
    ratelimit.hit(key, 2, 60)
    assert not ratelimit.within(key, 2, 60)


def test_a_hashed_key_holds_nothing_of_what_was_typed() -> None:
    key = ratelimit.hashed("iemand@example.org")
    assert "iemand" not in key and len(key) == 64
    assert key == ratelimit.hashed("iemand@example.org") != ratelimit.hashed("iemand2@example.org")

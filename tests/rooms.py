"""Fixtures for the tests of the signed-in rooms (workspace, referral, insight), imported by their conftests.

Not registered for the whole suite: the public pages' tests read the site in its default language (Dutch),
and these fixtures switch a test's client to English.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    # Rate limits live in the cache, which outlives a test: without this, sign-in tests would share one budget.
    cache.clear()


@pytest.fixture
def client(client: Client) -> Client:
    # The tests read English (the source strings), whatever the Dutch catalogue says by now.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client

"""Test settings: the same settings file, with fast and contained defaults."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production")

from samenspel.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests send at once, inside the test's transaction, so `mail.outbox` holds what a request sent. Tests of the
# worker itself (tests/core/test_outbox.py) switch to the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# A test's writes never commit, so the map version that keys the page cache never moves inside one: pages
# are built fresh here, and tests/finder/test_page_cache.py switches the cache on with real commits.
PUBLIC_PAGE_CACHE_SECONDS = 0

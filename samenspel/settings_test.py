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
# Tests read the source static files: no collectstatic, no manifest.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
# In-process tests hold one connection per test; the pool is proven against a real server
# (tests/production/test_connections.py), where it is used as in production.
DATABASES["default"]["OPTIONS"].pop("pool", None)  # noqa: F405
# Static files from the source folders, looked up per request (there is no collected STATIC_ROOT in tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tests read the demand counts right after a search.
DEMAND_FLUSH_SECONDS = 0

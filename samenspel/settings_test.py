"""Test settings: the same settings file, with fast and contained defaults."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production")

from samenspel.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests read the source static files: no collectstatic, no manifest.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
# In-process tests hold one connection per test; the pool is proven against a real server
# (tests/production/test_connections.py), where it is used as in production.
DATABASES["default"]["OPTIONS"].pop("pool", None)  # noqa: F405
# Static files from the source folders, looked up per request (there is no collected STATIC_ROOT in tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

"""Samenspel settings: one file, driven by environment variables.

Defaults are safe: DEBUG is off unless asked for, and without DEBUG the
process refuses to start when SECRET_KEY is missing. See README.md for the
variables.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("SAMENSPEL_VAR_DIR", BASE_DIR / "var"))

LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1", "testserver"}


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

# Fail closed: a debug page on a public host leaks settings and data.
if DEBUG and any(host not in LOCAL_HOSTS for host in ALLOWED_HOSTS):
    raise ImproperlyConfigured(
        "DEBUG is on while ALLOWED_HOSTS names a public host "
        f"({', '.join(ALLOWED_HOSTS)}). Turn DEBUG off in production."
    )

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY is not set. Production refuses to start without it.")
    # Local development only: a per-checkout key kept out of git under var/.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key_file = VAR_DIR / "dev-secret-key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
    SECRET_KEY = key_file.read_text().strip()

INSTALLED_APPS = [
    "modeltranslation",  # must precede django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "samenspel.core",
    "samenspel.accounts",
    "samenspel.directory",
    "samenspel.finder",
    "samenspel.opendata",
    "samenspel.workspace",
    "samenspel.referral",
    "samenspel.insight",
    "samenspel.public_notes",
    "samenspel.network",
    "samenspel.volunteering",
    "samenspel.facilities",
    "samenspel.presentations",
    "samenspel.newsletter",
    "samenspel.cooperation",
    "samenspel.spaces",
    "samenspel.learning",
    "samenspel.instruments",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files straight after the security headers: no session or database for a stylesheet.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "samenspel.core.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After LocaleMiddleware: the refusal is in the visitor's language.
    "samenspel.core.middleware.HostileInputMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "samenspel.urls"
WSGI_APPLICATION = "samenspel.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "samenspel" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'samenspel.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
# Web server processes and threads (bin/serve passes them to gunicorn); the pool is sized from them.
WEB_WORKERS = int(os.environ.get("WEB_WORKERS", "2"))
WEB_THREADS = int(os.environ.get("WEB_THREADS", "4"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # One psycopg pool per process, one connection per thread at most: WEB_WORKERS x DB_POOL_MAX_SIZE
    # must stay below PostgreSQL's max_connections (check --database default warns otherwise). With
    # CONN_HEALTH_CHECKS the pool checks a connection before lending it, so connections the server
    # dropped (a restart, pg_terminate_backend) are replaced without restarting the app.
    # DB_POOL=0 falls back to persistent connections per thread, health-checked at each request.
    if env_bool("DB_POOL", True):
        DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps the connections
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": int(os.environ.get("DB_POOL_MIN_SIZE", "1")),
            "max_size": int(os.environ.get("DB_POOL_MAX_SIZE", str(WEB_THREADS))),
            # Waiting longer than this for a free connection answers 500 rather than queueing forever.
            "timeout": float(os.environ.get("DB_POOL_TIMEOUT", "10")),
            "max_idle": 300,
        }
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(os.environ.get("DB_CONNECT_TIMEOUT", "5"))
    # Session settings of every connection. A results page sorts a few thousand candidate rows (score, distance,
    # copies): with PostgreSQL's default 4 MB the planner plans that sort in parallel workers, which on a busy
    # server costs more than it saves (bench/search: the slowest query 24 -> 15 ms). At most
    # WEB_WORKERS x DB_POOL_MAX_SIZE connections use it at once.
    # Added to any `options` the DATABASE_URL carries, not in place of them.
    session_options = os.environ.get("DB_SESSION_OPTIONS", "-c work_mem=16MB").strip()
    if session_options:
        url_options = DATABASES["default"]["OPTIONS"].get("options", "")
        DATABASES["default"]["OPTIONS"]["options"] = f"{url_options} {session_options}".strip()
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the public site read while an import writes.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }

LOGIN_URL = "accounts:login"
# Where sign-in goes when no page was asked for: the person's home, with every room they hold.
LOGIN_REDIRECT_URL = "home"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Dutch first. Somali and Tigrinya are not in Django's list, so
# they are added here; Arabic and Farsi are right-to-left.
LANG_INFO.update(
    {
        "so": {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"},
        "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
    }
)
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("tr", _("Turkish")),
    ("ar", _("Arabic")),
    ("fa", _("Persian")),
    ("so", _("Somali")),
    ("ti", _("Tigrinya")),
    ("uk", _("Ukrainian")),
    ("pl", _("Polish")),
]
LANGUAGES_BIDI = ["ar", "fa"]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Date and number formats of our own, before Django's: Tigrinya and Somali (which Django lacks, with CLDR's month
# names) and Ukrainian's genitive day-and-month. See samenspel/formats/__init__.py.
FORMAT_MODULE_PATH = ["samenspel.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"

MODELTRANSLATION_DEFAULT_LANGUAGE = "nl"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("nl", "en")}

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "samenspel" / "static"]
# Production: hashed names (site.69ffc7020236.css) served by whitenoise with a far-future Cache-Control, gzip
# copies (brotli too when the brotli package is installed) made by collectstatic, which bin/serve runs.
# Debug runs serve the source files as they are.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
# Requests larger than this are refused before a form reads them (uploads stream separately).
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DATA_UPLOAD_MAX_MEMORY_SIZE", str(2_621_440)))

# E-mail: console in development, SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Samenspel <noreply@samenspel.invalid>")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)
# The site's own address, for links in e-mails that no request makes (the daily freshness checks).
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000").rstrip("/")
# A mail server that hangs must not hold the worker for ever (requests never wait on it: see OUTBOX_*).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))

# Background work (samenspel.core.outbox): every e-mail is written to the outbox in the transaction that
# caused it, and the worker (`manage.py db_worker`, from django-tasks) sends it with retries. The queue is
# a table in the same database, so production needs no extra server.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
OUTBOX_MAX_ATTEMPTS = int(os.environ.get("OUTBOX_MAX_ATTEMPTS", "8"))
# Sent and failed messages are deleted after this many days; a sent message's text is wiped at once.
OUTBOX_RETENTION_DAYS = int(os.environ.get("OUTBOX_RETENTION_DAYS", "7"))

# Public notes (samenspel.public_notes): days a handled correction's text and reply address are kept; days a
# "tell me when" waits for its confirmation; notes per client per hour. Waiting questions: days before the
# support point gets a reminder (remind_unanswered_questions).
CORRECTION_RETENTION_DAYS = int(os.environ.get("CORRECTION_RETENTION_DAYS", "30"))
WISH_UNCONFIRMED_DAYS = int(os.environ.get("WISH_UNCONFIRMED_DAYS", "7"))
PUBLIC_NOTE_RATE_LIMIT = int(os.environ.get("PUBLIC_NOTE_RATE_LIMIT", "5"))
# Group registrations: days a decided one is kept; days the support point has to decide before it is deleted.
REGISTRATION_RETENTION_DAYS = int(os.environ.get("REGISTRATION_RETENTION_DAYS", "30"))
REGISTRATION_OPEN_DAYS = int(os.environ.get("REGISTRATION_OPEN_DAYS", "180"))
QUESTION_REMINDER_DAYS = int(os.environ.get("QUESTION_REMINDER_DAYS", "3"))

# Learning (samenspel.learning): days after a course's last session that who took part is kept (enrolments,
# attendance); days a withdrawn sign-up is kept; hours before a session that participants get a reminder; days a
# certificate (the name printed on it) can be checked by its QR code; largest material file.
LEARNING_RETENTION_DAYS = int(os.environ.get("LEARNING_RETENTION_DAYS", "365"))
LEARNING_WITHDRAWN_DAYS = int(os.environ.get("LEARNING_WITHDRAWN_DAYS", "30"))
LEARNING_REMINDER_HOURS = int(os.environ.get("LEARNING_REMINDER_HOURS", "48"))
LEARNING_CERTIFICATE_RETENTION_DAYS = int(os.environ.get("LEARNING_CERTIFICATE_RETENTION_DAYS", str(10 * 365)))
# From idea to project: days before a fund's thank-you or report date that the plan's owner is reminded; days an
# unchanged plan is kept.
LEARNING_PROJECT_REMINDER_DAYS = int(os.environ.get("LEARNING_PROJECT_REMINDER_DAYS", "14"))
LEARNING_PLAN_RETENTION_DAYS = int(os.environ.get("LEARNING_PLAN_RETENTION_DAYS", str(3 * 365)))
# Days an anonymous intervision case note is kept.
LEARNING_CASE_NOTE_DAYS = int(os.environ.get("LEARNING_CASE_NOTE_DAYS", "90"))
LEARNING_MATERIAL_MAX_BYTES = int(os.environ.get("LEARNING_MATERIAL_MAX_BYTES", str(20_000_000)))

# Warm referral: how long a handover's details are kept, and the Fernet key that encrypts them.
# Without REFERRAL_ENCRYPTION_KEY the key is derived from SECRET_KEY (which production requires);
# an invalid key stops start-up (samenspel.referral.apps).
REFERRAL_RETENTION_DAYS = int(os.environ.get("REFERRAL_RETENTION_DAYS", "30"))
REFERRAL_ENCRYPTION_KEY = os.environ.get("REFERRAL_ENCRYPTION_KEY", "")

# Open data API (samenspel.opendata.api_clients): reads per minute per client (anonymous) and per API key.
OPENDATA_ANON_REQUESTS_PER_MINUTE = int(os.environ.get("OPENDATA_ANON_REQUESTS_PER_MINUTE", "120"))
OPENDATA_KEY_REQUESTS_PER_MINUTE = int(os.environ.get("OPENDATA_KEY_REQUESTS_PER_MINUTE", "1200"))
OPENDATA_IMPORT_MAX_BYTES = int(os.environ.get("OPENDATA_IMPORT_MAX_BYTES", str(50 * 2**20)))
# The export downloads, kept until the public map changes (samenspel.opendata.downloads).
OPENDATA_EXPORT_DIR = Path(os.environ.get("OPENDATA_EXPORT_DIR", VAR_DIR / "exports"))

# Public pages (search, group pages, calendars, flyers) are cached this long at most; any change of the map
# shows at once (samenspel.finder.page_cache).
PUBLIC_PAGE_CACHE_SECONDS = int(os.environ.get("PUBLIC_PAGE_CACHE_SECONDS", "300"))

REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Secure defaults; relaxed only where DEBUG runs on a local host.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY") else None
# The load balancer's health check speaks plain HTTP on the inside.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# Origins allowed to post forms when behind a proxy that rewrites Host (https://samenspel.example.nl).
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Online spaces: how often an open conversation asks whether others wrote since (only where JavaScript runs).
SPACES_POLL_SECONDS = int(os.environ.get("SPACES_POLL_SECONDS", "30"))
# Presentations, the newsletter and the key persons' contact persons: how long what a person gave is kept.
PRESENTATION_CONTACT_DAYS = int(os.environ.get("PRESENTATION_CONTACT_DAYS", "90"))
NEWSLETTER_UNCONFIRMED_DAYS = int(os.environ.get("NEWSLETTER_UNCONFIRMED_DAYS", "7"))
NEWSLETTER_RATE_LIMIT = int(os.environ.get("NEWSLETTER_RATE_LIMIT", "5"))
NETWORK_CONTACT_PERSON_RETENTION_DAYS = int(os.environ.get("NETWORK_CONTACT_PERSON_RETENTION_DAYS", "365"))
# Instruments: searches are counted per theme, area and day in each process and written at most this often.
DEMAND_FLUSH_SECONDS = int(os.environ.get("DEMAND_FLUSH_SECONDS", "60"))
# A process moves the objects it keeps for its lifetime out of the garbage collector's sight after this many
# requests (core/memory.py): a full collection then no longer holds up a request for 100 ms. 0: never.
GC_FREEZE_AFTER_REQUESTS = int(os.environ.get("GC_FREEZE_AFTER_REQUESTS", "50"))

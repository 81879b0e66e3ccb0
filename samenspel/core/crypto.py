"""Encryption at rest for what a person leaves with us to be reached by: a client's contact details in a warm
handover (referral), a citizen's address for "tell me when a group starts" (public_notes).

The key is REFERRAL_ENCRYPTION_KEY (a Fernet key) when set; the name (and the derivation salt below) stay those
of the first user, the warm handover, so stored values stay readable. Without it the key is derived from
SECRET_KEY, which production already refuses to run without; a dedicated key lets SECRET_KEY rotate without
making old values unreadable.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

DERIVATION_SALT = b"samenspel.referral.handover-details.v1"
# Stored values start with this, so an unencrypted value never passes as an encrypted one.
PREFIX = "fernet:"


def _key_from_settings(dedicated: str, secret_key: str) -> bytes:
    if dedicated:
        try:
            Fernet(dedicated.encode())
        except (ValueError, TypeError) as exc:
            raise ImproperlyConfigured(
                "REFERRAL_ENCRYPTION_KEY is not a valid Fernet key (32 url-safe base64-encoded bytes)."
            ) from exc
        return dedicated.encode()
    digest = hashlib.pbkdf2_hmac("sha256", secret_key.encode(), DERIVATION_SALT, 100_000)
    return base64.urlsafe_b64encode(digest)


@lru_cache(maxsize=4)
def _fernet(dedicated: str, secret_key: str) -> Fernet:
    return Fernet(_key_from_settings(dedicated, secret_key))


def fernet() -> Fernet:
    return _fernet(getattr(settings, "REFERRAL_ENCRYPTION_KEY", ""), settings.SECRET_KEY)


def check_key() -> None:
    """Fail at start-up, not at the first handover, when the configured key is wrong."""
    _key_from_settings(getattr(settings, "REFERRAL_ENCRYPTION_KEY", ""), settings.SECRET_KEY)


def encrypt(value: str) -> str:
    if not value:
        return ""
    return PREFIX + fernet().encrypt(value.encode()).decode()


def decrypt(stored: str) -> str:
    if not stored:
        return ""
    if not stored.startswith(PREFIX):
        raise ValueError("An encrypted field holds a value that was not encrypted.")
    try:
        return fernet().decrypt(stored[len(PREFIX) :].encode()).decode()
    except InvalidToken as exc:
        raise ValueError("An encrypted field could not be decrypted with the configured key.") from exc


class EncryptedTextField(models.TextField):
    """A person's contact detail, encrypted at rest; an empty value stays empty (that is how it is wiped).

    Any model with such a field must carry `consent` and `delete_after`
    (tests/referral/test_privacy.py walks every model to prove it).
    """

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> str:
        return decrypt(value) if value else ""

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        return encrypt(value) if value else ""

"""Encryption at rest for a handover's contact details: the platform's one helper, `core/crypto.py`.

Kept as a module so the referral migrations (and the class path they name) stay as they were.
"""

from __future__ import annotations

from samenspel.core import crypto as _core
from samenspel.core.crypto import PREFIX, check_key, decrypt, encrypt, fernet

__all__ = ["PREFIX", "EncryptedTextField", "check_key", "decrypt", "encrypt", "fernet"]


class EncryptedTextField(_core.EncryptedTextField):
    """The core field under the path the referral migrations name."""

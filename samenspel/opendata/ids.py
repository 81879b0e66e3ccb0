"""Stable HSDS identifiers for things Samenspel does not give a UUID of their own.

Groups, organisations and locations carry a UUID; themes, schedules and the
small HSDS rows we derive (address, phone, contact, language, attribute) get a
name-based UUID (version 5), so that every export of the same data yields the
same ids and a re-import can recognise them.
"""

from __future__ import annotations

import hashlib
import uuid

# Fixed namespace of Samenspel's derived HSDS ids. Never change it: ids would change with it.
NAMESPACE = uuid.UUID("7b0c5e2a-4f3d-5d1e-9a57-53616d656e73")


_NAMESPACE_BYTES = NAMESPACE.bytes
# The RFC 4122 variant bits (10xx) set on the first hex digit of the fourth group.
_VARIANT = {digit: "89ab"[int(digit, 16) & 0x3] for digit in "0123456789abcdef"}


def derived(*parts: object) -> str:
    """uuid.uuid5(NAMESPACE, "a:b:c") as text, computed directly: an export makes a million of these."""
    # SHA-1 is what uuid5 is defined with (RFC 4122); it names things here, it protects nothing.
    h = hashlib.sha1(_NAMESPACE_BYTES + ":".join(map(str, parts)).encode()).hexdigest()  # noqa: S324
    # The first 128 bits, with the version (5) and the variant written into them.
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"


def taxonomy_id() -> str:
    return derived("taxonomy", "samenspel-themes")


def theme_id(slug: str) -> str:
    return derived("theme", slug)

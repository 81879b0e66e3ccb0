"""Stable HSDS identifiers for things Samenspel does not give a UUID of their own.

Groups, organisations and locations carry a UUID; themes, schedules and the
small HSDS rows we derive (address, phone, contact, language, attribute) get a
name-based UUID (version 5), so that every export of the same data yields the
same ids and a re-import can recognise them.
"""

from __future__ import annotations

import uuid

# Fixed namespace of Samenspel's derived HSDS ids. Never change it: ids would change with it.
NAMESPACE = uuid.UUID("7b0c5e2a-4f3d-5d1e-9a57-53616d656e73")


def derived(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts)))


def taxonomy_id() -> str:
    return derived("taxonomy", "samenspel-themes")


def theme_id(slug: str) -> str:
    return derived("theme", slug)

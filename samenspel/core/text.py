"""Text that cannot be stored: NUL (PostgreSQL refuses it in text) and lone surrogates (no encoding has them;
they come from JSON escapes such as "\\ud800" and from spreadsheet escapes such as _xD800_)."""

from __future__ import annotations

import re

UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def is_storable(text: str) -> bool:
    return UNSTORABLE.search(text) is None


def storable(text: str) -> str:
    """NUL removed, a lone surrogate replaced by U+FFFD, as Django does with undecodable request bytes."""
    if is_storable(text):
        return text
    return UNSTORABLE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", text)

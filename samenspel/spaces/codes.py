"""Codes people type: the group's invitation code and a member's own key. Only keyed hashes are stored."""

from __future__ import annotations

import secrets

from samenspel.core.ratelimit import hashed

# No 0/O, 1/I/L: read aloud or copied from paper without mistakes.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_code(groups: int) -> str:
    return "-".join("".join(secrets.choice(ALPHABET) for _ in range(4)) for _ in range(groups))


def normalise(code: str) -> str:
    """What someone typed, as the code it means: case, spaces and dashes do not matter."""
    return "".join(c for c in code.upper() if c.isalnum())


def code_hash(kind: str, code: str) -> str:
    return hashed(f"spaces:{kind}:{normalise(code)}")


def invitation_code() -> str:
    return new_code(3)  # 12 characters, about 59 bits; joining is rate-limited


def member_key() -> str:
    return new_code(5)  # 20 characters, about 99 bits

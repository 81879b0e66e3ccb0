"""The small-number rule: an aggregate of 1 to 4 is shown as "<5" (DESIGN.md, privacy rules).

One statement of it for every page and report that shows counts about people, so none shows a number that could
point at a person.
"""

from __future__ import annotations

# Below this, a number could point at a person.
SMALL_COUNT = 5


def shown(count: int) -> str:
    """A count as the figures show it: small numbers could point at a person."""
    return "<5" if 0 < count < SMALL_COUNT else str(count)

"""Taboo themes (violence at home, addiction, suicide): the one rule for which pages must leave no trace.

A theme is sensitive when the reference data marks it (`"sensitive": true` in data/reference/themes.json) or a
theme above it; the list is read from the data file, so a support point changes it there, not in code. Pages about
such a theme offer a quick exit and ask browsers and search engines to keep nothing (finder/quick_exit.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from samenspel.directory.models import Theme
from samenspel.directory.reference_data import SENSITIVE_THEME_SLUGS


def is_sensitive(themes: Iterable[Theme]) -> bool:
    """True when any of `themes` is a sensitive theme or lies under one."""
    return any(theme.slug in SENSITIVE_THEME_SLUGS for theme in themes)

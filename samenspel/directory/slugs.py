"""The one way a slug is made for anything on the map: from its name, unique, with -2, -3 ... on a clash.

Every importer and the demo generator use it, so a group gets the same slug whichever way it arrives.
"""

from __future__ import annotations

from collections.abc import Container
from typing import Any

from django.db import models
from django.utils.text import slugify

# Room is left under every slug column for a "-NN" suffix.
SUFFIX_ROOM = 6
BASE_LENGTH = 120


def slug_base(text: str, *, fallback: str, wanted: str = "", max_length: int = BASE_LENGTH) -> str:
    """The slug before a clash is resolved: the wanted one, else the name's, else the fallback."""
    return (wanted or slugify(text)[:max_length] or fallback).strip("-") or fallback


def unique_slug(
    text: str, *, taken: Container[str], fallback: str, wanted: str = "", max_length: int = BASE_LENGTH
) -> str:
    """A slug for this name that is not in `taken` (the caller adds it there when it keeps the slug)."""
    base = slug_base(text, fallback=fallback, wanted=wanted, max_length=max_length)
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def new_slug(model: type[models.Model], text: str, *, fallback: str, reserved: set[str], wanted: str = "") -> str:
    """A slug no row of `model` has and no one has reserved yet in this run; it is reserved for the caller.

    Asks the database only for slugs that start like this one, so it stays cheap for one record at a time.
    """
    field: Any = model._meta.get_field("slug")
    field_length = field.max_length or BASE_LENGTH
    max_length = min(BASE_LENGTH, field_length - SUFFIX_ROOM)
    base = slug_base(text, fallback=fallback, wanted=wanted, max_length=max_length)
    manager = model._default_manager
    taken = set(manager.filter(slug__startswith=base).values_list("slug", flat=True)) | reserved
    slug = unique_slug(text, taken=taken, fallback=fallback, wanted=wanted, max_length=max_length)
    reserved.add(slug)
    return slug

from __future__ import annotations

import pytest
from django.core.cache import cache

from samenspel.directory.models import Group
from samenspel.public_notes.models import Correction, CorrectionKind


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    # Rate limits live in the cache, which outlives a test.
    cache.clear()


@pytest.fixture
def correction(group: Group) -> Correction:
    return Correction.objects.create(
        group=group, kind=CorrectionKind.STOPPED, message="Ze komen niet meer samen.", reply_email="melder@example.org"
    )

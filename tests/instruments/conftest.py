from __future__ import annotations

import pytest

from samenspel.directory.models import Theme

# As in every signed-in room: a fresh rate-limit budget per test, and a client that reads English.
from tests.rooms import _fresh_rate_limits, client

__all__ = ["_fresh_rate_limits", "client"]


@pytest.fixture
def themes(db: None) -> list[Theme]:
    return [
        Theme.objects.create(slug="depression", label_nl="Depressie", label_en="Depression", category="mental"),
        Theme.objects.create(slug="cancer", label_nl="Kanker", label_en="Cancer", category="somatic"),
    ]

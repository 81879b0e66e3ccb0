"""How a support point wants its part of the map kept (review, freshness thresholds): its settings."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from samenspel.core.services import Actor, model_update
from samenspel.directory.models import SupportPointSettings


@transaction.atomic
def support_point_settings_update(*, config: SupportPointSettings, actor: Actor, **fields: Any) -> SupportPointSettings:
    model_update(config, actor=actor, **fields)
    return config

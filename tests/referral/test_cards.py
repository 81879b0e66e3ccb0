"""The professionals' result list tells the same truth as the public cards (issue #22 point 5)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from samenspel.directory.models import Group
from samenspel.directory.search_index import index_groups
from tests.personas import client_for

pytestmark = pytest.mark.django_db


def test_a_paused_group_shows_no_date_to_a_professional(group: Group, personas: dict[str, Any]) -> None:
    Group.objects.filter(pk=group.pk).update(status="paused")
    index_groups([group.pk])
    client = client_for(personas["professional_a"])
    body = client.get(reverse("referral:search"), {"q": "depressie", "distance": "any"}).content.decode()
    assert group.name_en in body
    assert "Next meeting</dt><dd>paused for now</dd>" in body
    assert "Thursday" not in body

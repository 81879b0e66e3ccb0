"""The change review shows labels, never internal codes: choices, yes/no, theme names, times, in the reader's language."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from samenspel.directory.models import Theme
from samenspel.workspace.change_rows import change_rows
from samenspel.workspace.models import ChangeRequest, Role
from tests.personas import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def themes(db: None) -> list[Theme]:
    return [
        Theme.objects.create(slug="rouw", label_nl="Rouw", label_en="Grief", category="social"),
        Theme.objects.create(slug="angst", label_nl="Angst", label_en="Anxiety", category="mental"),
    ]


def _changes(group, themes) -> dict:
    pk = group.schedules.first().pk if group.schedules.exists() else 1
    return {
        "cost": ["voluntary", "fee"],
        "seeking_others": [False, True],
        "themes": [[themes[0].pk], [themes[0].pk, themes[1].pk]],
        f"schedule.{pk}.start_time": ["19:30:00", "20:00:00"],
        "location.disclosure": ["public", "area"],
    }


def test_every_kind_of_field_is_shown_in_words(group, themes) -> None:
    with translation.override("nl"):
        rows = {row.key: (row.old, row.new) for row in change_rows(group, _changes(group, themes))}
    assert "voluntary" not in rows["cost"] and "fee" not in rows["cost"]
    assert rows["seeking_others"] == ("nee", "ja")
    assert rows["themes"] == ("Rouw", "Rouw, Angst")
    start = next(v for k, v in rows.items() if k.endswith("start_time"))
    assert start == ("19:30", "20:00")
    assert "public" not in rows["location.disclosure"] and "area" not in rows["location.disclosure"]
    with translation.override("en"):
        rows = {row.key: (row.old, row.new) for row in change_rows(group, _changes(group, themes))}
    assert rows["cost"] == ("Voluntary contribution", "Fee")
    assert rows["seeking_others"] == ("no", "yes")
    assert rows["themes"] == ("Grief", "Grief, Anxiety")


def test_the_review_page_shows_labels_not_codes(client, group, themes, member) -> None:
    change = ChangeRequest.objects.create(group=group, changes=_changes(group, themes))
    sign_in(client, member(Role.EDITOR))
    page = client.get(reverse("workspace:change", args=[change.uuid]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<del>Voluntary contribution</del>" in page and "<ins>Fee</ins>" in page
    assert "<ins>yes</ins>" in page
    assert "<ins>Grief, Anxiety</ins>" in page
    assert ">voluntary<" not in page and ">fee<" not in page and ">True<" not in page


def test_the_review_queue_says_what_each_change_is_about(client, group, themes, member) -> None:
    ChangeRequest.objects.create(group=group, changes=_changes(group, themes))
    sign_in(client, member(Role.EDITOR))
    page = client.get(
        reverse("workspace:review_queue", args=[group.support_point.slug]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "cost" in page and "themes" in page
    assert "seeking_others" not in page and "location.disclosure" not in page

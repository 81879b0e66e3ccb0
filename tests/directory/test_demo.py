"""The demo region generator: realistic, deterministic, and all-or-nothing."""

from __future__ import annotations

import datetime
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from samenspel.directory.demo import Generator, default_content
from samenspel.directory.models import (
    Cancellation,
    Group,
    GroupStatusChange,
    Location,
    Organisation,
    Schedule,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 22)


def fingerprint() -> list[tuple[Any, ...]]:
    rows = []
    for g in (
        Group.objects.select_related("location", "support_point")
        .prefetch_related("themes", "languages", "schedules__cancellations", "status_history")
        .order_by("slug")
    ):
        rows.append(
            (
                g.slug,
                g.name_nl,
                g.status,
                g.kind,
                g.audience,
                g.gender,
                g.support_point.slug if g.support_point else None,
                (g.location.postcode, g.location.disclosure) if g.location else None,
                sorted(t.slug for t in g.themes.all()),
                sorted(lang.code for lang in g.languages.all()),
                [
                    (s.kind, s.weekdays, s.nth, str(s.start_time), [str(c.date) for c in s.cancellations.all()])
                    for s in g.schedules.all()
                ],
                [(h.status, str(h.date)) for h in g.status_history.all()],
            )
        )
    return rows


def wipe() -> None:
    for model in (Cancellation, Schedule, GroupStatusChange, Group, Location, Organisation):
        model.objects.all().delete()


def test_the_same_seed_gives_the_same_region_and_another_seed_does_not() -> None:
    Generator(groups=150, seed=7, today=TODAY).run()
    first = fingerprint()
    wipe()
    Generator(groups=150, seed=7, today=TODAY).run()
    assert fingerprint() == first
    wipe()
    Generator(groups=150, seed=8, today=TODAY).run()
    assert fingerprint() != first


def test_the_demo_region_is_spread_realistically() -> None:
    counts = Generator(groups=150, seed=2015, today=TODAY).run()
    assert counts["groups"] == 150
    assert Organisation.objects.support_points().count() == 2
    languages = Counter(Group.objects.values_list("languages__code", flat=True))
    assert languages["nl"] > 75  # mostly Dutch
    for code in ("tr", "ar", "fa", "so", "ti", "pl", "uk", "en"):
        assert languages[code] >= 1, code
    places = set(Location.objects.exclude(disclosure="online").values_list("municipality", flat=True))
    assert {"Eindhoven", "Helmond"} <= places
    assert len(places) >= 10
    disclosures = set(Location.objects.values_list("disclosure", flat=True))
    assert {"public", "on_request", "online"} <= disclosures
    assert Group.objects.filter(gender="women").exists()
    assert Group.objects.filter(audience="relatives").exists()
    assert Group.objects.public().count() > 120
    # Every group has a contact point and at least one theme.
    assert not Group.objects.filter(contact_email="", contact_phone="").exists()
    assert not Group.objects.filter(themes=None).exists()


def test_content_with_an_unknown_postcode_is_refused_and_nothing_is_saved(tmp_path: Path) -> None:
    content = default_content()
    bad = {"templates": content.templates, "places": [{"name": "Nergens", "postcode": "5699", "place": "X"}]}
    path = tmp_path / "content.json"
    path.write_text(json.dumps(bad))
    with translation.override("en"), pytest.raises(CommandError, match="unknown postcode '5699'"):
        call_command("demo_region", "--content", str(path))
    assert not Group.objects.exists()
    assert not Organisation.objects.exists()


def test_content_with_an_unknown_theme_names_the_template() -> None:
    content = default_content()
    content.templates = [{**content.templates[0], "themes": ["no-such-theme"]}]
    with translation.override("en"), pytest.raises(ValueError, match="group template 1: unknown theme 'no-such-theme'"):
        Generator(groups=5, content=content).run()
    assert not Group.objects.exists()


@pytest.mark.parametrize("groups", ["0", "-3"])
def test_a_nonsense_number_of_groups_is_refused(groups: str) -> None:
    with translation.override("en"), pytest.raises(CommandError, match="between 1 and"):
        call_command("demo_region", "--groups", groups)
    assert not Group.objects.exists()


def test_if_empty_leaves_an_existing_map_alone() -> None:
    Generator(groups=20, seed=1, today=TODAY).run()
    call_command("demo_region", "--if-empty")
    assert Group.objects.count() == 20


def test_national_scale_spreads_groups_over_the_country() -> None:
    Generator(groups=1200, seed=3, today=TODAY).run()
    assert Group.objects.count() == 1200
    provinces = {loc.postcode[:1] for loc in Location.objects.exclude(disclosure="online").only("postcode")}
    assert len(provinces) >= 7  # first postcode digits 1-9 cover the whole country

"""The shipped courses: seed 004's three courses and a group-leader training, in Dutch and English, editable."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from samenspel.learning.course_data import CourseDataError, load_course_templates, read_templates
from samenspel.learning.models import CourseTemplate
from tests.personas import client_for

pytestmark = pytest.mark.django_db


def test_the_migration_ships_the_courses_of_seed_004_and_a_group_leader_training() -> None:
    shipped = {t.slug: t for t in CourseTemplate.objects.filter(support_point__isnull=True)}
    assert shipped["basiscursus-vertrouwenspersoon"].sessions.count() == 7
    assert shipped["van-idee-naar-project"].sessions.count() == 8
    assert shipped["training-groepsbegeleider"].sessions.count() == 4
    modules = [slug for slug in shipped if slug.startswith("deskundigheid-")]
    assert len(modules) == 4


def test_every_shipped_course_and_session_has_dutch_and_english_text() -> None:
    for template in CourseTemplate.objects.filter(support_point__isnull=True):
        assert template.title_nl and template.title_en and template.description_en
        assert template.entry_conditions_nl and template.entry_conditions_en
        for session in template.sessions.all():
            assert session.title_nl and session.title_en, session
            assert session.goals_nl and session.goals_en, session


def test_the_basic_course_asks_the_five_entry_conditions_of_the_seed() -> None:
    basic = CourseTemplate.objects.get(slug="basiscursus-vertrouwenspersoon", support_point__isnull=True)
    assert len(basic.conditions()) == 5
    assert "Geheimhoudingsplicht" not in basic.entry_conditions_nl  # written out for the reader, in B1
    assert "Je houdt geheim wat je hoort (geheimhoudingsplicht)." in basic.entry_conditions_nl.splitlines()
    assert basic.sessions.get(number=1).title_en == "Listening without judging"


def test_loading_again_changes_nothing_and_keeps_what_staff_edited() -> None:
    basic = CourseTemplate.objects.get(slug="basiscursus-vertrouwenspersoon", support_point__isnull=True)
    basic.title_nl = "Basiscursus (aangepast)"
    basic.save()
    counts = load_course_templates()
    assert counts["created"] == 0
    basic.refresh_from_db()
    assert basic.title_nl == "Basiscursus (aangepast)"
    call_command("load_course_templates", "--update", verbosity=0)
    basic.refresh_from_db()
    assert basic.title_nl == "Basiscursus vertrouwenspersoon"


def test_a_broken_data_file_names_the_file_the_course_and_the_field(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text(
        json.dumps(
            {
                "slug": "zonder-engels",
                "title": {"nl": "Alleen Nederlands"},
                "description": {"nl": "x", "en": "x"},
                "entry_conditions": {"nl": [], "en": []},
                "sessions": [{"number": 1}],
            }
        )
    )
    with pytest.raises(CourseDataError, match=r"broken\.json: zonder-engels: title: missing the en text"):
        read_templates(tmp_path)


def test_a_course_without_sessions_is_refused_in_the_data(tmp_path: Path) -> None:
    (tmp_path / "empty.json").write_text(json.dumps({"slug": "leeg", "sessions": []}))
    with pytest.raises(CourseDataError, match="at least one session"):
        read_templates(tmp_path)


def test_a_support_point_changes_its_own_copy_and_never_the_shipped_course(
    support_point: Any, personas: dict[str, Any], client: Any
) -> None:
    editor = client_for(personas["editor"])
    basic = CourseTemplate.objects.get(slug="basiscursus-vertrouwenspersoon", support_point__isnull=True)
    edit_shipped = reverse("learning:template_edit", args=[support_point.slug, basic.uuid])
    assert editor.get(edit_shipped).status_code == 403

    response = editor.post(reverse("learning:template_copy", args=[support_point.slug, basic.uuid]))
    copy = CourseTemplate.objects.get(support_point=support_point)
    assert response.url == reverse("learning:template", args=[support_point.slug, copy.uuid])
    assert copy.sessions.count() == 7 and copy.copied_from == basic

    data = {
        "title_nl": "Basiscursus Eindhoven",
        "title_en": "Basic course Eindhoven",
        "description_nl": copy.description_nl,
        "description_en": copy.description_en,
        "entry_conditions_nl": copy.entry_conditions_nl,
        "entry_conditions_en": copy.entry_conditions_en,
        "min_sessions_attended": 6,
    }
    assert editor.post(reverse("learning:template_edit", args=[support_point.slug, copy.uuid]), data).status_code == 302
    session_data = {
        "title_nl": "Luisteren",
        "title_en": "Listening",
        "goals_nl": "Doel een\nDoel twee",
        "goals_en": "Goal one\nGoal two",
        "content_nl": "Inhoud",
        "content_en": "Content",
        "homework_nl": "",
        "homework_en": "",
        "minutes": 120,
    }
    url = reverse("learning:session_edit", args=[support_point.slug, copy.uuid, 1])
    assert editor.post(url, session_data).status_code == 302
    copy.refresh_from_db()
    assert copy.title_nl == "Basiscursus Eindhoven"
    assert copy.sessions.get(number=1).goals_nl == "Doel een\nDoel twee"
    basic.refresh_from_db()
    assert basic.title_nl == "Basiscursus vertrouwenspersoon"
    assert basic.sessions.get(number=1).title_nl == "Luisteren zonder oordeel"

"""The public training calendar with its iCal feed (#17 point 6), and the staff's admin for shipped texts."""

from __future__ import annotations

from typing import Any

import icalendar
import pytest
from django.test import Client
from django.urls import reverse

from samenspel.learning import services
from samenspel.learning.models import CourseRun, CourseTemplate, KnowledgePage
from tests.learning.conftest import plan_run
from tests.personas import client_for

pytestmark = pytest.mark.django_db


def test_open_trainings_are_in_the_public_calendar_and_its_feed_drafts_and_hidden_ones_are_not(
    run: CourseRun, support_point: Any
) -> None:
    vip = CourseTemplate.objects.get(slug="van-idee-naar-project", support_point__isnull=True)
    hidden = plan_run(support_point, vip)
    hidden.in_calendar = False
    hidden.save()
    draft = plan_run(support_point, CourseTemplate.objects.get(slug="training-groepsbegeleider"))
    services.run_set_status(run=draft, status="draft", actor=None)

    visitor = Client(HTTP_ACCEPT_LANGUAGE="en")
    page = visitor.get(reverse("learning:calendar")).content.decode()
    assert "Basic course for trusted persons" in page
    assert "From Idea to Project" not in page and "Training for peer group leaders" not in page
    assert reverse("learning:run", args=[run.uuid]) in page

    feed = visitor.get(reverse("learning:calendar_sp_ics", args=[support_point.slug]))
    assert feed["Content-Type"].startswith("text/calendar")
    events = list(icalendar.Calendar.from_ical(feed.content).walk("VEVENT"))
    assert len(events) == 7 and all(str(e["UID"]).startswith(str(run.uuid)) for e in events)
    assert visitor.get(reverse("learning:calendar_sp", args=["bestaat-niet"])).status_code == 404


def test_platform_staff_edit_the_shipped_courses_and_knowledge_pages_in_the_admin(personas: dict[str, Any]) -> None:
    staff = client_for(personas["staff"])
    basic = CourseTemplate.objects.get(slug="basiscursus-vertrouwenspersoon", support_point__isnull=True)
    assert staff.get(reverse("admin:learning_coursetemplate_change", args=[basic.pk])).status_code == 200
    page = KnowledgePage.objects.get(slug="voor-naasten")
    response = staff.get(reverse("admin:learning_knowledgepage_change", args=[page.pk]))
    assert response.status_code == 200 and "body_ar" in response.content.decode()

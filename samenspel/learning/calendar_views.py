"""The public training calendar at /leren/agenda/: open trainings of every support point or of one, as a page and
as an iCal feed. No account needed; only what the course's own page says (title, dates, place, language)."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from samenspel.directory.ical import finish_calendar, new_calendar
from samenspel.directory.models import Organisation
from samenspel.learning.ical import add_run_events
from samenspel.learning.models import CourseRun, CourseRunQuerySet, RunSession, RunStatus


def _open_runs(support_point: Organisation | None) -> CourseRunQuerySet:
    runs = CourseRun.objects.filter(status=RunStatus.OPEN, in_calendar=True)
    if support_point is not None:
        runs = runs.for_support_point(support_point)
    # Only trainings still to come: a run whose last session has passed is no offer any more.
    upcoming = RunSession.objects.filter(ends_at__gte=timezone.now()).values("run_id")
    return runs.filter(pk__in=upcoming).select_related("template", "support_point")


def _support_point(slug: str | None) -> Organisation | None:
    if slug is None:
        return None
    found = Organisation.objects.filter(slug=slug, kind="support_point").first()
    if found is None:
        raise Http404
    return found


def training_calendar(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    support_point = _support_point(slug)
    runs = sorted(_open_runs(support_point), key=lambda r: r.first_start())
    return render(
        request,
        "learning/calendar.html",
        {
            "support_point": support_point,
            "runs": [(run, list(run.sessions.select_related("template_session").order_by("number"))) for run in runs],
            "feed": reverse("learning:calendar_sp_ics", args=[slug]) if slug else reverse("learning:calendar_ics"),
        },
    )


def training_calendar_ics(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    support_point = _support_point(slug)
    cal = new_calendar(str(support_point.name) if support_point else "Samenspel")
    for run in _open_runs(support_point):
        add_run_events(cal, run, url=settings.SITE_URL + reverse("learning:run", kwargs={"run_uuid": run.uuid}))
    response = HttpResponse(finish_calendar(cal), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="trainings.ics"'
    return response

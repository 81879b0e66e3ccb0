"""The year's figures of presentations, for whichever room reports them (insight's year report, a dashboard).

Counts of presentations and of the people present, never of who asked; a caller that shows them to others passes
them through core.privacy (the small-number rule), as every figure is.
"""

from __future__ import annotations

from django.db.models import Sum
from django.utils import timezone

from samenspel.directory.models import Organisation
from samenspel.presentations.models import PresentationRequest, Status


def year_counts(support_point: Organisation, year: int) -> dict[str, int]:
    """Requests asked in `year`, and presentations held in `year` with what their evaluations counted.

    Keys: asked, declined, planned (held or still to come that year), held, with_group, evaluated, attendees,
    found_useful, will_refer.
    """
    rows = PresentationRequest.objects.for_support_point(support_point)
    asked = rows.filter(created_at__year=year)
    planned = rows.filter(status=Status.PLANNED, starts_at__year=year)
    held = planned.filter(starts_at__lte=timezone.now())
    evaluated = held.filter(evaluated_at__isnull=False)
    sums = evaluated.aggregate(
        attendees=Sum("attendees"), found_useful=Sum("found_useful"), will_refer=Sum("will_refer")
    )
    return {
        "asked": asked.count(),
        "declined": asked.filter(status=Status.DECLINED).count(),
        "planned": planned.count(),
        "held": held.count(),
        "with_group": held.filter(group_presents=True).count(),
        "evaluated": evaluated.count(),
        "attendees": sums["attendees"] or 0,
        "found_useful": sums["found_useful"] or 0,
        "will_refer": sums["will_refer"] or 0,
    }

"""A correction of a group's entry, its whole life: create and notify, count for freshness, handle, wipe.

The visitor says what is wrong; the support point and the group's contact person each get a notice mail through
the outbox (never the visitor's reply address in the subject) and see it in their queue. "Stopped" and "time wrong"
make the group count as "check due" (directory/freshness.py) until every such correction is handled. Handling
sets the date after which the text and the reply address are wiped (`corrections_purge`, daily job).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samenspel.core import outbox
from samenspel.core.audit import Actor, log_action
from samenspel.core.visitor_forms import store_once
from samenspel.directory.freshness import freshness_report, freshness_report_clear
from samenspel.directory.models import Group
from samenspel.public_notes.conf import correction_retention_days
from samenspel.public_notes.models import CHECK_KINDS, Correction, CorrectionStatus


def correction_recipients(group: Group) -> list[str]:
    """The group's contact point and its support point: the two queues the correction lands in."""
    addresses = [group.contact_email, group.support_point.email if group.support_point else ""]
    return list(dict.fromkeys(a for a in addresses if a))


def correction_create(*, correction: Correction, group: Group, submit_key: str = "") -> Correction:
    """Store a correction (validated by `CorrectionForm`), mark the group for a check if needed, notify both.

    The same form sent twice stores and sends one correction.
    """
    correction.group = group
    correction.submit_key = submit_key or None

    def store() -> Correction:
        correction.save()
        if correction.kind in CHECK_KINDS:
            freshness_report(group=group, at=correction.created_at)
        _notify(correction)
        return correction

    return store_once(Correction, submit_key, store)


def _notify(correction: Correction) -> None:
    group = correction.group
    link = settings.SITE_URL + reverse("public_notes:correction", kwargs={"correction_uuid": correction.uuid})
    with translation.override("nl"):
        subject = _("Someone says something is not right about %(group)s") % {"group": group.name}
        lines = [
            _("A visitor of Samenspel says something is not right on the page of %(group)s.") % {"group": group.name},
            "",
            _("What is wrong: %(kind)s") % {"kind": correction.get_kind_display()},
            "",
            _("Read it, and say what you did with it, in your workspace: %(url)s") % {"url": link},
        ]
    outbox.send_mail(
        kind="correction",
        to=correction_recipients(group),
        subject=subject,
        # The text and the reply address stay in the workspace, behind sign-in: a mail is kept for years.
        body="\n".join(lines),
        key=f"correction:{correction.pk}",
        support_point_id=group.support_point_id,
    )


@transaction.atomic
def correction_set_status(*, correction: Correction, status: str, note: str, actor: Actor) -> Correction:
    """Handle (or reject, or reopen) a correction; handling starts the countdown to wiping its text."""
    old = correction.status
    correction.status = status
    correction.note = note
    if status == CorrectionStatus.OPEN:
        correction.handled_at = None
        correction.wipe_after = None
    else:
        correction.handled_at = timezone.now()
        correction.wipe_after = timezone.localdate() + datetime.timedelta(days=correction_retention_days())
    correction.save(update_fields=["status", "note", "handled_at", "wipe_after"])
    group = correction.group
    if status == CorrectionStatus.OPEN and correction.kind in CHECK_KINDS:
        freshness_report(group=group)
    elif not Correction.objects.filter(group=group, kind__in=CHECK_KINDS).open().exists():
        freshness_report_clear(group=group)
    log_action(obj=correction, action="status", actor=actor, changes={"status": [old, status]})
    return correction


def corrections_purge(*, today: datetime.date | None = None) -> int:
    """Wipe the text and reply address of corrections handled long enough ago; returns how many."""
    return Correction.objects.to_wipe(today).update(message="", reply_email="")

"""Every write to presentation requests: keyword-only, typed, in a transaction, each change in the audit log."""

from __future__ import annotations

import datetime
from typing import Any

import icalendar
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.accounts.links import send_notice
from samenspel.core.audit import Actor, log_action
from samenspel.directory.ical import finish_calendar, new_calendar
from samenspel.directory.models import Group, Organisation, Theme
from samenspel.presentations import conf
from samenspel.presentations.models import GroupAnswer, PresentationRequest, Status
from samenspel.workspace.models import GroupContact


class PresentationError(Exception):
    """A refusal the page shows as it is; nothing was changed."""


def _user(actor: Actor) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _page(request: PresentationRequest) -> str:
    return reverse("presentations:request", kwargs={"request_uuid": request.uuid})


def _group_contacts(group: Group) -> list[Any]:
    return [c.user for c in GroupContact.objects.filter(group=group).select_related("user")]


@transaction.atomic
def request_create(
    *,
    support_point: Organisation,
    team: str,
    organisation: str,
    contact_name: str,
    contact_email: str,
    contact_phone: str,
    wished_dates: str,
    audience_size: int,
    themes: list[Theme],
    group: Group | None,
    message: str,
    actor: Actor,
) -> PresentationRequest:
    """A team asks; the support point gets a notice, the named group's contact persons a question."""
    if group is not None and group.support_point_id != support_point.pk:
        raise PresentationError(_("Choose one of this support point's groups."))
    request = PresentationRequest.objects.create(
        support_point=support_point,
        requested_by=_user(actor),
        team=team.strip(),
        organisation=organisation.strip(),
        contact_name=contact_name.strip(),
        contact_email=contact_email.strip(),
        contact_phone=contact_phone.strip(),
        wished_dates=wished_dates.strip(),
        audience_size=audience_size,
        message=message.strip(),
        group=group,
    )
    request.themes.set(themes)
    log_action(obj=request, action="presentation.ask", actor=actor)
    if support_point.email:
        send_notice(
            email=support_point.email,
            kind="presentation_new",
            key=f"presentation_new:{request.uuid}",
            subject=lambda: _("A team asks for a presentation"),
            lines=lambda: [
                _("%(team)s of %(organisation)s asks for a presentation at a team meeting.")
                % {"team": request.team, "organisation": request.organisation}
            ],
            next_url=_page(request),
            support_point_id=support_point.pk,
        )
    if group is not None:
        for user in _group_contacts(group):
            send_notice(
                user=user,
                kind="presentation_group_ask",
                key=f"presentation_group_ask:{request.uuid}",
                subject=lambda: _("Would your group tell its story to a team?"),
                lines=lambda: [
                    _(
                        "%(team)s of %(organisation)s would like to hear from %(group)s at a team meeting, so that "
                        "they know where to send people. Do you want to? Answer yes or no on this page; "
                        "%(support_point)s plans it with you."
                    )
                    % {
                        "team": request.team,
                        "organisation": request.organisation,
                        "group": group.name,
                        "support_point": support_point.name,
                    }
                ],
                next_url=_page(request),
                support_point_id=support_point.pk,
            )
    return request


@transaction.atomic
def group_answer(*, request: PresentationRequest, agrees: bool, actor: Actor) -> None:
    request = PresentationRequest.objects.select_for_update().get(pk=request.pk)
    if request.group is None:
        raise PresentationError(_("This request does not ask for a group."))
    if request.status != Status.ASKED:
        raise PresentationError(_("This request was answered already; ask the support point to change it."))
    before = request.group_answer
    request.group_answer = GroupAnswer.AGREED if agrees else GroupAnswer.REFUSED
    request.save(update_fields=["group_answer"])
    log_action(
        obj=request,
        action="presentation.group_answer",
        actor=actor,
        changes={"group_answer": [before, request.group_answer]},
    )


def calendar_attachment(request: PresentationRequest) -> tuple[str, str, str]:
    cal = new_calendar(_("Presentation about peer support"))
    event = icalendar.Event()
    event.add("uid", f"{request.uuid}@samenspel")
    event.add("dtstamp", timezone.now())
    event.add(
        "summary",
        _("Presentation about peer support: %(support_point)s") % {"support_point": request.support_point.name},
    )
    event.add("dtstart", timezone.localtime(request.starts_at))
    event.add("dtend", timezone.localtime(request.ends_at))
    if request.place:
        event.add("location", request.place)
    cal.add_component(event)
    return ("presentation.ics", "text/calendar", finish_calendar(cal).decode())


@transaction.atomic
def request_plan(
    *,
    request: PresentationRequest,
    starts_at: datetime.datetime,
    minutes: int,
    place: str,
    presenters: str,
    group_presents: bool,
    actor: Actor,
) -> None:
    """Plan it (again: a new date is a new confirmation); the asker and, when it comes, the group get the .ics."""
    request = PresentationRequest.objects.select_for_update().get(pk=request.pk)
    if request.status == Status.DECLINED:
        raise PresentationError(_("This request was declined; it cannot be planned."))
    if group_presents and (request.group is None or request.group_answer != GroupAnswer.AGREED):
        raise PresentationError(_("The group's contact person has not agreed yet: plan it without the group, or wait."))
    if not presenters.strip() and not group_presents:
        raise PresentationError(_("Say who presents."))
    before = {"status": request.status, "starts_at": str(request.starts_at)}
    request.status = Status.PLANNED
    request.starts_at = starts_at
    request.minutes = minutes
    request.place = place.strip()
    request.presenters = presenters.strip()
    request.group_presents = group_presents
    request.decided_at = timezone.now()
    request.save()
    log_action(
        obj=request,
        action="presentation.plan",
        actor=actor,
        changes={"status": [before["status"], Status.PLANNED], "starts_at": [before["starts_at"], str(starts_at)]},
    )
    sp = request.support_point
    attachment = calendar_attachment(request)
    key = f"presentation_planned:{request.uuid}:{starts_at.isoformat()}"

    def lines() -> list[str]:
        when = timezone.localtime(request.starts_at).strftime("%d-%m-%Y %H:%M")
        result = [
            _("The presentation for %(team)s is planned: %(when)s, %(minutes)s minutes.")
            % {"team": request.team, "when": when, "minutes": request.minutes},
        ]
        if request.place:
            result.append(_("Place: %(place)s") % {"place": request.place})
        who = [request.presenters] if request.presenters else []
        if request.group_presents and request.group:
            who.append(request.group.name)
        result.append(_("Who presents: %(who)s") % {"who": ", ".join(who)})
        result += ["", _("The calendar file is attached. Afterwards, please tell us on this page how it went.")]
        return result

    subject = lambda: _("Presentation planned: %(support_point)s") % {"support_point": sp.name}  # noqa: E731
    asker = request.requested_by
    send_notice(
        user=asker if asker is not None and asker.email == request.contact_email else None,
        email=request.contact_email,
        kind="presentation_planned",
        key=key,
        subject=subject,
        lines=lines,
        next_url=_page(request),
        support_point_id=sp.pk,
        reply_to=[sp.email] if sp.email else [],
        attachments=[attachment],
    )
    if request.group_presents and request.group is not None:
        for user in _group_contacts(request.group):
            send_notice(
                user=user,
                kind="presentation_planned",
                key=key,
                subject=subject,
                lines=lines,
                next_url=_page(request),
                support_point_id=sp.pk,
                reply_to=[sp.email] if sp.email else [],
                attachments=[attachment],
            )


@transaction.atomic
def request_decline(*, request: PresentationRequest, reason: str, actor: Actor) -> None:
    request = PresentationRequest.objects.select_for_update().select_related("support_point").get(pk=request.pk)
    if request.status != Status.ASKED:
        raise PresentationError(_("Only a request that waits for an answer can be declined."))
    request.status = Status.DECLINED
    request.decline_reason = reason.strip()
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decline_reason", "decided_at"])
    log_action(
        obj=request, action="presentation.decline", actor=actor, changes={"status": [Status.ASKED, Status.DECLINED]}
    )
    sp = request.support_point
    send_notice(
        email=request.contact_email,
        kind="presentation_declined",
        key=f"presentation_declined:{request.uuid}",
        subject=lambda: _("About your request for a presentation: %(support_point)s") % {"support_point": sp.name},
        lines=lambda: [
            _("%(support_point)s cannot give the presentation for %(team)s.")
            % {"support_point": sp.name, "team": request.team},
            request.decline_reason,
        ],
        support_point_id=sp.pk,
        reply_to=[sp.email] if sp.email else [],
    )


@transaction.atomic
def request_evaluate(
    *, request: PresentationRequest, attendees: int, found_useful: int, will_refer: int, actor: Actor
) -> None:
    """The short evaluation afterwards: three counts. Asked again, the newer counts replace the older."""
    request = PresentationRequest.objects.select_for_update().get(pk=request.pk)
    if not request.is_over:
        raise PresentationError(_("A presentation can be evaluated once it has taken place."))
    if found_useful > attendees or will_refer > attendees:
        raise PresentationError(_("No count can be larger than the number of people present."))
    request.attendees, request.found_useful, request.will_refer = attendees, found_useful, will_refer
    request.evaluated_at = timezone.now()
    request.save(update_fields=["attendees", "found_useful", "will_refer", "evaluated_at"])
    log_action(
        obj=request,
        action="presentation.evaluate",
        actor=actor,
        changes={
            "attendees": [None, attendees],
            "found_useful": [None, found_useful],
            "will_refer": [None, will_refer],
        },
    )


def requests_purge(*, now: datetime.datetime | None = None) -> int:
    """Clear the asker's contact details `conf.contact_days()` after the presentation, the decline, or half a year
    without an answer; the request stays for the year's counts. Returns how many were cleared."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=conf.contact_days())
    unanswered = cutoff - datetime.timedelta(days=conf.UNANSWERED_DAYS)
    due = PresentationRequest.objects.filter(contact_cleared_at__isnull=True).filter(
        Q(status=Status.PLANNED, starts_at__lt=cutoff)
        | Q(status=Status.DECLINED, decided_at__lt=cutoff)
        | Q(status=Status.ASKED, created_at__lt=unanswered)
    )
    return due.update(
        contact_name="",
        contact_email="",
        contact_phone="",
        message="",
        decline_reason="",
        requested_by=None,
        contact_cleared_at=now,
    )

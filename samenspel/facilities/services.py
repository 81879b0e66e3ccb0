"""Every write to rooms and room requests: keyword-only, typed, in a transaction, in the audit log."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samenspel.core import outbox
from samenspel.core.audit import Actor, acting_user, log_action
from samenspel.directory.models import Disclosure, Group, Language, Theme
from samenspel.directory.services import group_place_set
from samenspel.facilities.models import RequestStatus, Room, RoomBooking, RoomRequest, Speaker, SpeakerRequest
from samenspel.workspace.models import FacilitationKind, FacilitationRequest
from samenspel.workspace.services.support import facilitation_request_create

# Requests are kept a year after their last date (the year figures), declined ones three months.
KEEP_AFTER_LAST_DATE = datetime.timedelta(days=365)
KEEP_DECLINED = datetime.timedelta(days=90)


class Clash(Exception):
    """The room is booked already at one or more of the dates asked for."""

    def __init__(self, clashes: list[RoomBooking]) -> None:
        super().__init__(f"{len(clashes)} clash(es)")
        self.clashes = clashes


class NotAsked(Exception):
    """The request was decided already."""


@dataclass(frozen=True)
class ClashRow:
    date: datetime.date
    booking: RoomBooking


@transaction.atomic
def room_save(*, room: Room, actor: Actor) -> Room:
    created = room.pk is None
    room.save()
    log_action(obj=room, action="room.create" if created else "room.update", actor=actor)
    return room


def _requests_link(room: Room) -> str:
    return settings.SITE_URL + reverse("facilities:requests", kwargs={"slug": room.support_point.slug})


@transaction.atomic
def room_request_create(
    *,
    group: Group,
    room: Room,
    first_date: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time,
    weeks: int,
    every_weeks: int,
    message: str,
    actor: Actor,
) -> RoomRequest:
    """A group asks for a room on a schedule; the support point gets a notice (the group's name and a link)."""
    if room.support_point_id != group.support_point_id:
        raise ValueError("a group asks for a room of its own support point")
    request = RoomRequest.objects.create(
        group=group,
        room=room,
        first_date=first_date,
        start_time=start_time,
        end_time=end_time,
        weeks=weeks,
        every_weeks=every_weeks,
        message=message.strip(),
        asked_by=acting_user(actor),
    )
    log_action(obj=request, action="room_request.create", actor=actor)
    sp = room.support_point
    if sp.email:
        with translation.override("nl"):
            subject = _("%(group)s asks for a room") % {"group": group.name}
            body = "\n".join(
                [_("A group asks for %(room)s. Book it or answer here:") % {"room": room}, _requests_link(room)]
            )
        outbox.send_mail(
            kind="room_request",
            to=[sp.email],
            subject=subject,
            body=body,
            key=f"room_request:{request.pk}",
            support_point_id=sp.pk,
        )
    return request


def clashes(request: RoomRequest) -> list[RoomBooking]:
    """Bookings of the same room that overlap one of the request's dates and times (its own excluded)."""
    found: list[RoomBooking] = []
    for date in request.dates():
        found.extend(
            RoomBooking.objects.overlapping(request.room, date, request.start_time, request.end_time)
            .exclude(request=request)
            .select_related("request__group")
        )
    return found


def _when(request: RoomRequest) -> str:
    dates = ", ".join(f"{d:%d-%m-%Y}" for d in request.dates())
    return f"{request.start_time:%H:%M}-{request.end_time:%H:%M}: {dates}"


@transaction.atomic
def room_request_book(*, request: RoomRequest, actor: Actor, make_meeting_place: bool = False) -> list[RoomBooking]:
    """Book every date, or nothing when one clashes (`Clash`); mail the group; optionally move its meeting place."""
    # The room's row is the lock: two bookings of one room are decided one after the other.
    Room.objects.select_for_update().get(pk=request.room_id)
    request = RoomRequest.objects.select_related("room", "group__location").get(pk=request.pk)
    if request.status != RequestStatus.ASKED:
        raise NotAsked
    found = clashes(request)
    if found:
        raise Clash(found)
    bookings = RoomBooking.objects.bulk_create(
        RoomBooking(
            room=request.room, request=request, date=d, start_time=request.start_time, end_time=request.end_time
        )
        for d in request.dates()
    )
    request.status = RequestStatus.BOOKED
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_at"])
    log_action(obj=request, action="room_request.book", actor=actor, changes={"dates": len(bookings)})
    if make_meeting_place:
        room = request.room
        current = request.group.location
        # How much of the place the public sees stays the group's choice: its place keeps its disclosure.
        disclosure = (
            current.disclosure if current is not None and current.disclosure != Disclosure.ONLINE else Disclosure.AREA
        )
        group_place_set(
            group=request.group,
            actor=actor,
            fields={
                "name": room.owner or room.name,
                "street": room.street,
                "postcode": room.postcode,
                "municipality": room.town,
                "wheelchair_accessible": room.wheelchair_accessible,
                "hearing_loop": room.hearing_loop,
                "disclosure": disclosure,
            },
        )
    _mail_group(request, booked=True)
    return bookings


@transaction.atomic
def room_request_decline(*, request: RoomRequest, reason: str, actor: Actor) -> None:
    if request.status != RequestStatus.ASKED:
        raise NotAsked
    request.status = RequestStatus.DECLINED
    request.reason = reason
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "reason", "decided_at"])
    log_action(obj=request, action="room_request.decline", actor=actor)
    _mail_group(request, booked=False)


def _mail_group(request: RoomRequest, *, booked: bool) -> None:
    group = request.group
    if not group.contact_email:
        return
    sp = request.room.support_point
    with translation.override("nl"):
        if booked:
            subject = _("Room booked: %(room)s") % {"room": request.room}
            lines = [
                _("%(support_point)s booked %(room)s for %(group)s.")
                % {"support_point": sp.name, "room": request.room, "group": group.name},
                _when(request),
                "",
                f"{request.room.street}, {request.room.postcode} {request.room.town}",
                _("Who to ask there: %(ask)s") % {"ask": request.room.ask} if request.room.ask else "",
                _("Costs: %(cost)s") % {"cost": request.room.cost} if request.room.cost else "",
            ]
        else:
            subject = _("No room this time: %(room)s") % {"room": request.room}
            lines = [
                _("%(support_point)s cannot book %(room)s for %(group)s. This is their reason:")
                % {"support_point": sp.name, "room": request.room, "group": group.name},
                "",
                request.reason,
                "",
                _("Reply to this e-mail to look for another room together."),
            ]
    outbox.send_mail(
        kind="room_booked" if booked else "room_declined",
        to=[group.contact_email],
        subject=subject,
        body="\n".join(line for line in lines if line is not None),
        reply_to=[sp.email] if sp.email else [],
        key=f"room_{'booked' if booked else 'declined'}:{request.pk}",
    )


def room_requests_purge(*, today: datetime.date | None = None) -> int:
    """Delete requests (and their bookings) a year after their last date, declined ones after three months."""
    today = today or timezone.localdate()
    doomed = []
    for request in RoomRequest.objects.only("pk", "first_date", "weeks", "every_weeks", "status", "decided_at"):
        last = request.dates()[-1]
        if last + KEEP_AFTER_LAST_DATE < today:
            doomed.append(request.pk)
        elif (
            request.status == RequestStatus.DECLINED
            and request.decided_at
            and (timezone.localdate(request.decided_at) + KEEP_DECLINED < today)
        ):
            doomed.append(request.pk)
    RoomRequest.objects.filter(pk__in=doomed).delete()
    return len(doomed)


# --- speakers ----------------------------------------------------------------------------------------------

SPEAKER_UNCHECKED = datetime.timedelta(days=730)


@transaction.atomic
def speaker_save(*, speaker: Speaker, themes: list[Theme], languages: list[Language], actor: Actor) -> Speaker:
    created = speaker.pk is None
    speaker.save()
    speaker.themes.set(themes)
    speaker.languages.set(languages)
    log_action(obj=speaker, action="speaker.create" if created else "speaker.update", actor=actor)
    return speaker


@transaction.atomic
def speaker_delete(*, speaker: Speaker, actor: Actor) -> None:
    """Off the list and gone: the requests that named the speaker keep their text, without the link."""
    log_action(obj=speaker, action="speaker.delete", actor=actor)
    speaker.delete()


@transaction.atomic
def speaker_ask(
    *, group: Group, speaker: Speaker, description: str, wished_date: datetime.date | None, actor: Actor
) -> SpeakerRequest:
    """A group asks for a speaker: a facilitation request ("a guest speaker") that links to the speaker."""
    if speaker.support_point_id != group.support_point_id:
        raise ValueError("a group asks for a speaker of its own support point")
    request = facilitation_request_create(
        group=group, kind=FacilitationKind.SPEAKER, description=description.strip(), actor=actor
    )
    link = SpeakerRequest.objects.create(facilitation_request=request, speaker=speaker, wished_date=wished_date)
    log_action(obj=request, action="speaker.asked", actor=actor, changes={"speaker": [None, str(speaker.uuid)]})
    sp = speaker.support_point
    if sp.email:
        with translation.override("nl"):
            subject = _("%(group)s asks for a speaker") % {"group": group.name}
            body = "\n".join(
                [
                    _("%(group)s would like %(speaker)s to come and talk.") % {"group": group.name, "speaker": speaker},
                    settings.SITE_URL + reverse("workspace:facilitation_list", kwargs={"slug": sp.slug}),
                ]
            )
        outbox.send_mail(
            kind="speaker_request",
            to=[sp.email],
            subject=subject,
            body=body,
            key=f"speaker_request:{request.pk}",
            support_point_id=sp.pk,
        )
    return link


@transaction.atomic
def speaker_link(*, request: FacilitationRequest, speaker: Speaker | None, actor: Actor) -> SpeakerRequest:
    """The support point links (or unlinks) a speaker to a group's facilitation request."""
    if speaker is not None and speaker.support_point_id != request.group.support_point_id:
        raise ValueError("a speaker of another support point")
    link, _created = SpeakerRequest.objects.update_or_create(
        facilitation_request=request, defaults={"speaker": speaker}
    )
    log_action(
        obj=request, action="speaker.linked", actor=actor, changes={"speaker": str(speaker.uuid) if speaker else None}
    )
    return link


def speakers_purge(*, today: datetime.date | None = None) -> int:
    """Delete speakers who have not confirmed their entry for two years."""
    today = today or timezone.localdate()
    old = Speaker.objects.filter(checked_on__lt=today - SPEAKER_UNCHECKED)
    count = old.count()
    old.delete()
    return count

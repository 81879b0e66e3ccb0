"""Rooms in the workspace: the support point's rooms and their calendars, the queue of requests with their clashes,
and a group asking for a room."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from samenspel.facilities import services
from samenspel.facilities.access import (
    facilitation_request_for_user,
    group_for_user,
    room_for_user,
    room_request_for_user,
    speaker_for_user,
    support_point_for_user,
)
from samenspel.facilities.forms import (
    BookForm,
    DeclineForm,
    RoomForm,
    RoomRequestForm,
    SpeakerAskForm,
    SpeakerForm,
    SpeakerLinkForm,
)
from samenspel.facilities.models import RequestStatus, Room, RoomBooking, RoomRequest, Speaker, SpeakerRequest
from samenspel.workspace.decorators import signed_in
from samenspel.workspace.models import FacilitationKind, FacilitationRequest

CALENDAR_WEEKS = 12


@signed_in
@never_cache
def rooms(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug, write=request.method == "POST")
    sp = access.support_point
    form = RoomForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        room = form.save(commit=False)
        room.support_point = sp
        services.room_save(room=room, actor=request.user)
        messages.success(request, _("The room is saved."))
        return redirect("facilities:rooms", slug=sp.slug)
    context = {"sp": sp, "access": access, "rows": Room.objects.for_support_point(sp), "form": form}
    return render(request, "facilities/rooms.html", context, status=400 if form.errors else 200)


@signed_in
@never_cache
def room(request: HttpRequest, slug: str, room_uuid: str) -> HttpResponse:
    """A room, its details and its calendar: every booking of the coming weeks, by date."""
    found, access = room_for_user(request.user, slug, room_uuid, write=request.method == "POST")
    form = RoomForm(request.POST or None, instance=found)
    if request.method == "POST" and form.is_valid():
        services.room_save(room=form.save(commit=False), actor=request.user)
        messages.success(request, _("The room is saved."))
        return redirect("facilities:room", slug=slug, room_uuid=found.uuid)
    today = timezone.localdate()
    bookings = RoomBooking.objects.filter(
        room=found, date__gte=today, date__lt=today + datetime.timedelta(weeks=CALENDAR_WEEKS)
    ).select_related("request__group")
    context = {
        "sp": access.support_point,
        "access": access,
        "room": found,
        "form": form,
        "bookings": bookings,
        "weeks": CALENDAR_WEEKS,
    }
    return render(request, "facilities/room.html", context, status=400 if form.errors else 200)


@signed_in
@never_cache
def requests(request: HttpRequest, slug: str) -> HttpResponse:
    """Requests to answer, each with its number of clashes, then the latest decided ones."""
    access = support_point_for_user(request.user, slug)
    rows = RoomRequest.objects.for_support_point(access.support_point).select_related("room", "group")
    open_rows = [(r, len(services.clashes(r))) for r in rows.filter(status=RequestStatus.ASKED).order_by("created_at")]
    context = {
        "sp": access.support_point,
        "open_rows": open_rows,
        "decided": rows.exclude(status=RequestStatus.ASKED)[:50],
    }
    return render(request, "facilities/requests.html", context)


@signed_in
@never_cache
def request_detail(request: HttpRequest, request_uuid: str) -> HttpResponse:
    found, access = room_request_for_user(request.user, request_uuid, review=request.method == "POST")
    book_form = BookForm(request.POST if request.POST.get("action") == "book" else None)
    decline_form = DeclineForm(request.POST if request.POST.get("action") == "decline" else None)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "book" and book_form.is_valid():
                services.room_request_book(
                    request=found,
                    actor=request.user,
                    make_meeting_place=book_form.cleaned_data["make_meeting_place"],
                )
                messages.success(request, _("Booked. The group gets an e-mail."))
                return redirect("facilities:request", request_uuid=found.uuid)
            if action == "decline" and decline_form.is_valid():
                services.room_request_decline(
                    request=found, reason=decline_form.cleaned_data["reason"], actor=request.user
                )
                messages.success(request, _("Declined. The group gets an e-mail with your reason."))
                return redirect("facilities:request", request_uuid=found.uuid)
            if action not in ("book", "decline"):
                raise PermissionDenied
        except services.Clash as clash:
            messages.error(
                request,
                _("Not booked: the room is taken on %(count)s of the dates. Nothing was changed.")
                % {"count": len(clash.clashes)},
            )
            status = 409
        except services.NotAsked:
            messages.error(request, _("This request was answered already. Nothing was changed."))
            status = 409
        else:
            status = 400
    context = {
        "sp": found.room.support_point if access.role else None,
        "access": access,
        "req": found,
        "dates": found.dates(),
        "clashes": services.clashes(found) if found.status == RequestStatus.ASKED else [],
        "book_form": book_form,
        "decline_form": decline_form,
    }
    return render(request, "facilities/request_detail.html", context, status=status)


@signed_in
@never_cache
def ask(request: HttpRequest, group_uuid: str) -> HttpResponse:
    """A group asks its support point for a room on a schedule."""
    access = group_for_user(request.user, group_uuid, write=request.method == "POST")
    group = access.group
    available = Room.objects.filter(support_point_id=group.support_point_id, is_active=True)
    form = RoomRequestForm(request.POST or None, rooms=available, initial={"weeks": 1, "every_weeks": 1})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = services.room_request_create(
            group=group,
            room=data["room"],
            first_date=data["first_date"],
            start_time=data["start_time"],
            end_time=data["end_time"],
            weeks=data["weeks"],
            every_weeks=data["every_weeks"],
            message=data["message"],
            actor=request.user,
        )
        messages.success(request, _("Your request is sent to the support point."))
        return redirect("facilities:request", request_uuid=made.uuid)
    context = {
        "sp": group.support_point if access.role else None,
        "group": group,
        "form": form,
        "has_rooms": available.exists(),
        "mine": RoomRequest.objects.filter(group=group).select_related("room")[:20],
    }
    return render(request, "facilities/ask.html", context, status=400 if form.errors else 200)


@signed_in
@never_cache
def speakers(request: HttpRequest, slug: str) -> HttpResponse:
    """The support point's list of speakers and experts, and who asked for them."""
    access = support_point_for_user(request.user, slug, write=request.method == "POST")
    sp = access.support_point
    form = SpeakerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        speaker = form.save(commit=False)
        speaker.support_point = sp
        services.speaker_save(
            speaker=speaker,
            themes=list(form.cleaned_data["themes"]),
            languages=list(form.cleaned_data["languages"]),
            actor=request.user,
        )
        messages.success(request, _("The speaker is saved."))
        return redirect("facilities:speakers", slug=sp.slug)
    rows = Speaker.objects.for_support_point(sp).prefetch_related("themes", "languages")
    asked = (
        FacilitationRequest.objects.for_support_point(sp).filter(kind=FacilitationKind.SPEAKER).select_related("group")
    )
    linked = {
        link.facilitation_request_id: link.speaker
        for link in SpeakerRequest.objects.filter(facilitation_request__in=asked).select_related("speaker")
    }
    requests_ = [(r, linked.get(r.pk)) for r in asked[:50]]
    context = {"sp": sp, "access": access, "rows": rows, "form": form, "asked": requests_}
    return render(request, "facilities/speakers.html", context, status=400 if form.errors else 200)


@signed_in
@never_cache
def speaker(request: HttpRequest, slug: str, speaker_uuid: str) -> HttpResponse:
    found, access = speaker_for_user(request.user, slug, speaker_uuid, write=request.method == "POST")
    if request.method == "POST" and request.POST.get("action") == "delete":
        services.speaker_delete(speaker=found, actor=request.user)
        messages.success(request, _("The speaker is deleted."))
        return redirect("facilities:speakers", slug=slug)
    form = SpeakerForm(request.POST or None, instance=found)
    if request.method == "POST" and form.is_valid():
        services.speaker_save(
            speaker=form.save(commit=False),
            themes=list(form.cleaned_data["themes"]),
            languages=list(form.cleaned_data["languages"]),
            actor=request.user,
        )
        messages.success(request, _("The speaker is saved."))
        return redirect("facilities:speaker", slug=slug, speaker_uuid=found.uuid)
    links = SpeakerRequest.objects.filter(speaker=found).select_related("facilitation_request__group")
    context = {"sp": access.support_point, "access": access, "speaker": found, "form": form, "links": links}
    return render(request, "facilities/speaker.html", context, status=400 if form.errors else 200)


@signed_in
@never_cache
def speaker_ask(request: HttpRequest, group_uuid: str) -> HttpResponse:
    """A group asks for a speaker from its support point's list: a request for support that names the speaker."""
    access = group_for_user(request.user, group_uuid, write=request.method == "POST")
    group = access.group
    available = Speaker.objects.filter(support_point_id=group.support_point_id, is_active=True)
    form = SpeakerAskForm(request.POST or None, speakers=available)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.speaker_ask(
            group=group,
            speaker=data["speaker"],
            description=data["description"],
            wished_date=data["wished_date"],
            actor=request.user,
        )
        messages.success(request, _("Your request is sent to the support point."))
        return redirect("facilities:speaker_ask", group_uuid=group.uuid)
    asked = SpeakerRequest.objects.filter(facilitation_request__group=group).select_related(
        "speaker", "facilitation_request"
    )
    context = {
        "sp": group.support_point if access.role else None,
        "group": group,
        "form": form,
        "has_speakers": available.exists(),
        "asked": asked,
    }
    return render(request, "facilities/speaker_ask.html", context, status=400 if form.errors else 200)


@signed_in
@never_cache
def speaker_link(request: HttpRequest, request_uuid: str) -> HttpResponse:
    """The support point links a speaker to a group's request for support (or sees which one it names)."""
    found, access = facilitation_request_for_user(request.user, request_uuid, review=request.method == "POST")
    if access.role is None:
        raise PermissionDenied  # the group's contact sees its requests on the speaker page of the group
    speakers_of_sp = Speaker.objects.filter(support_point_id=found.group.support_point_id)
    link = SpeakerRequest.objects.filter(facilitation_request=found).select_related("speaker").first()
    initial = {"speaker": link.speaker.uuid} if link and link.speaker else {}
    form = SpeakerLinkForm(request.POST or None, speakers=speakers_of_sp, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.speaker_link(request=found, speaker=form.cleaned_data["speaker"], actor=request.user)
        messages.success(request, _("Saved."))
        return redirect("facilities:speaker_link", request_uuid=found.uuid)
    context = {"sp": found.group.support_point, "access": access, "req": found, "link": link, "form": form}
    return render(request, "facilities/speaker_link.html", context, status=400 if form.errors else 200)

"""A new group, or an idea for one, registered by its initiator without an account: its whole life.

- `registration_create` stores it unconfirmed and mails a confirmation link to the role address given: it counts
  only once that link is followed (`registration_confirm`), so nobody registers a group in someone else's name.
  The same form sent twice is one registration (its once-only key); the same address and name at the same
  support point while one is still open raises `Duplicate`, which the form shows as a clear message.
- The support point reviews it in the workspace: `registration_approve` makes the group through the directory's
  one write path (status "initiative", shown on the map as "looking for others", for an idea; "looking" or
  "active" for a group that meets already), makes the initiator its contact person and mails the one-time
  sign-in link (workspace/notices.py: contact_added); `registration_ask` mails a question (replies go to the
  support point); `registration_decline` mails a kind message with the reason.
- `registrations_purge` (daily job) deletes registrations some days after the decision, those never confirmed
  after a week, and those the support point left undecided for half a year: the group itself holds what stays.
"""

from __future__ import annotations

import datetime
import math
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samenspel.accounts.services import language_set, user_for_email
from samenspel.core import outbox, ratelimit
from samenspel.core.audit import Actor
from samenspel.directory import postcodes
from samenspel.directory.models import (
    Disclosure,
    Group,
    GroupStatus,
    Language,
    Organisation,
    OrganisationKind,
    SearchDocument,
    Theme,
)
from samenspel.directory.services import group_create, group_verify, location_create
from samenspel.directory.slugs import new_slug
from samenspel.public_notes.conf import open_registration_days, registration_retention_days, unconfirmed_wish_days
from samenspel.public_notes.models import OPEN_REGISTRATION, Registration, RegistrationStatus
from samenspel.workspace import notices
from samenspel.workspace.models import GroupContact

CONFIRM_SALT = "samenspel.public_notes.registration-confirm"
# The statuses a support point may give a new group; an idea starts as an initiative that looks for others.
APPROVE_STATUSES = (GroupStatus.INITIATIVE, GroupStatus.LOOKING, GroupStatus.ACTIVE)


class Duplicate(Exception):
    """The same address already registered a group by this name at this support point, still open."""


def fingerprint(email: str, name: str, support_point: Organisation) -> str:
    return ratelimit.hashed(
        f"registration\n{email.strip().lower()}\n{' '.join(name.casefold().split())}\n{support_point.pk}"
    )


def support_points_near(place: str) -> list[Organisation]:
    """Every support point, the nearest to this PC4 or town first (by the groups it supports)."""
    points = list(Organisation.objects.filter(kind=OrganisationKind.SUPPORT_POINT).order_by("name"))
    area = postcodes.resolve(place) if place else None
    if area is None:
        return points
    nearest: dict[int, float] = {}
    docs = SearchDocument.objects.exclude(support_point=None).exclude(latitude=None)
    for sp_id, lat, lon in docs.values_list("support_point_id", "latitude", "longitude"):
        if lat is None or lon is None:
            continue
        km = postcodes.distance_km(area.latitude, area.longitude, lat, lon)
        if km < nearest.get(sp_id, math.inf):
            nearest[sp_id] = km
    return sorted(points, key=lambda sp: nearest.get(sp.pk, math.inf))


def confirm_link(registration: Registration) -> str:
    token = signing.dumps(str(registration.uuid), salt=CONFIRM_SALT)
    return settings.SITE_URL + reverse("public_notes:registration_confirm", kwargs={"token": token})


def registration_from_token(token: str) -> Registration | None:
    """The registration a mailed link names, or None for a wrong or expired link, or one already gone."""
    try:
        value = signing.loads(token, salt=CONFIRM_SALT, max_age=datetime.timedelta(days=unconfirmed_wish_days()))
    except signing.BadSignature:
        return None
    return Registration.objects.select_related("support_point").filter(uuid=value).first()


def registration_create(
    *,
    kind: str,
    name: str,
    description: str,
    themes: list[Theme],
    audience: str,
    languages: list[Language],
    pc4: str,
    online: bool,
    frequency: str,
    support_point: Organisation,
    email: str,
    mail_language: str,
    submit_key: str = "",
) -> Registration:
    """Store an unconfirmed registration and mail its confirmation link; the same form again stores nothing new."""
    if submit_key:
        earlier = Registration.objects.filter(submit_key=submit_key).first()
        if earlier is not None:
            return earlier
    key = fingerprint(email, name, support_point)
    if Registration.objects.filter(fingerprint=key, status__in=OPEN_REGISTRATION).exists():
        raise Duplicate
    registration = Registration(
        kind=kind,
        name=name.strip(),
        description=description.strip(),
        audience=audience,
        pc4=pc4,
        online=online,
        frequency=frequency.strip(),
        support_point=support_point,
        email=email.strip(),
        fingerprint=key,
        mail_language=mail_language,
        submit_key=submit_key or None,
    )
    try:
        with transaction.atomic():
            registration.save()
            registration.themes.set(themes)
            registration.languages.set(languages)
            _send_confirmation(registration)
    except IntegrityError as exc:
        # Sent twice at the same moment: the other request stored it.
        earlier = Registration.objects.filter(submit_key=submit_key).first() if submit_key else None
        if earlier is not None:
            return earlier
        raise Duplicate from exc
    return registration


def _send_confirmation(registration: Registration) -> None:
    with translation.override(registration.mail_language):
        subject = _("Please confirm: your group on Samenspel")
        body = "\n".join(
            [
                _(
                    "Someone registered the group %(group)s on Samenspel with this e-mail address, for %(support_point)s "
                    "to review. Was that you? Then confirm with this link:"
                )
                % {"group": registration.name, "support_point": registration.support_point.name},
                confirm_link(registration),
                "",
                _(
                    "Without your confirmation we delete the registration within %(days)s days. Was it not you? Then do nothing."
                )
                % {"days": unconfirmed_wish_days()},
            ]
        )
    outbox.send_mail(
        kind="registration_confirm",
        to=[registration.email],
        subject=subject,
        body=body,
        key=f"registration_confirm:{registration.pk}",
    )


def registration_confirm(registration: Registration) -> Registration:
    """The initiator confirmed: the support point gets it to review (and a notice mail, once)."""
    if registration.status != RegistrationStatus.UNCONFIRMED:
        return registration
    registration.status = RegistrationStatus.PENDING
    registration.confirmed_at = timezone.now()
    registration.consent = True
    registration.save(update_fields=["status", "confirmed_at", "consent"])
    sp = registration.support_point
    if sp.email:
        link = settings.SITE_URL + reverse("public_notes:registrations", kwargs={"slug": sp.slug})
        with translation.override("nl"):
            subject = _("A new group to review: %(group)s") % {"group": registration.name}
            body = "\n".join([_("An initiator registered a new group at your support point. Review it here:"), link])
        outbox.send_mail(
            kind="registration_waiting",
            to=[sp.email],
            subject=subject,
            body=body,
            key=f"registration_waiting:{registration.pk}",
            support_point_id=sp.pk,
        )
    return registration


def _decided(registration: Registration, status: str, reason: str = "") -> None:
    registration.status = status
    registration.reason = reason
    registration.decided_at = timezone.now()
    registration.delete_after = timezone.localdate() + datetime.timedelta(days=registration_retention_days())
    registration.save(update_fields=["status", "reason", "decided_at", "delete_after", "group"])


@transaction.atomic
def registration_approve(*, registration: Registration, status: str, actor: Actor) -> Any:
    """Make the group, make the initiator its contact person, and mail them the one-time link."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status not in (RegistrationStatus.PENDING, RegistrationStatus.ASKED):
        return registration.group
    location = None
    if not registration.online:
        location = location_create(
            actor=actor,
            disclosure=Disclosure.AREA,
            postcode=registration.pc4,
            municipality=postcodes.place_of(registration.pc4),
        )
    group = group_create(
        actor=actor,
        themes=list(registration.themes.all()),
        languages=list(registration.languages.all()),
        status=status,
        status_reason=str(_("Registered by its initiator")),
        slug=new_slug(Group, registration.name, fallback="groep", reserved=set()),
        name_nl=registration.name,
        description_nl=_description(registration),
        audience=registration.audience,
        seeking_others=status == GroupStatus.INITIATIVE,
        support_point=registration.support_point,
        location=location,
        contact_email=registration.email,
    )
    # The support point has just checked it: the entry starts fresh (directory/freshness.py).
    group_verify(group=group, actor=actor)
    registration.group = group
    _decided(registration, RegistrationStatus.APPROVED)
    user = user_for_email(registration.email)
    if not GroupContact.objects.filter(user=user).exists() and not user.has_usable_password():
        language_set(user=user, language=registration.mail_language)
    contact, _created = GroupContact.objects.get_or_create(user=user, group=group)
    notices.contact_added(contact)
    return group


def _description(registration: Registration) -> str:
    if not registration.frequency:
        return registration.description
    with translation.override("nl"):
        return registration.description + "\n\n" + _("How often: %(frequency)s") % {"frequency": registration.frequency}


def registration_ask(*, registration: Registration, question: str) -> None:
    """Mail the initiator a question; the answer comes back by mail to the support point."""
    registration.status = RegistrationStatus.ASKED
    registration.reason = question
    registration.save(update_fields=["status", "reason"])
    sp = registration.support_point
    with translation.override(registration.mail_language):
        subject = _("A question about your group %(group)s") % {"group": registration.name}
        lines = [
            _("%(support_point)s has a question about the group you registered on Samenspel:")
            % {"support_point": sp.name},
            "",
            question,
            "",
            _("Answer by replying to this e-mail."),
        ]
    outbox.send_mail(
        kind="registration_question",
        to=[registration.email],
        subject=subject,
        body="\n".join(lines),
        reply_to=[sp.email] if sp.email else [],
        key=f"registration_question:{registration.pk}:{ratelimit.hashed(question)[:16]}",
    )


def registration_decline(*, registration: Registration, reason: str) -> None:
    """A kind mail with the reason; the registration is deleted some days later."""
    if registration.status not in (RegistrationStatus.PENDING, RegistrationStatus.ASKED):
        return
    _decided(registration, RegistrationStatus.DECLINED, reason)
    sp = registration.support_point
    with translation.override(registration.mail_language):
        subject = _("About your group %(group)s") % {"group": registration.name}
        lines = [
            _("Thank you for registering %(group)s on Samenspel.") % {"group": registration.name},
            _("%(support_point)s cannot put it on the map now. This is their reason:") % {"support_point": sp.name},
            "",
            reason,
            "",
            _("You are welcome to reply to this e-mail: they would like to help you find another way."),
            _("We delete your registration within %(days)s days.") % {"days": registration_retention_days()},
        ]
    outbox.send_mail(
        kind="registration_declined",
        to=[registration.email],
        subject=subject,
        body="\n".join(lines),
        reply_to=[sp.email] if sp.email else [],
        key=f"registration_declined:{registration.pk}",
    )


def registrations_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete decided registrations past their date, those never confirmed within a week and those left undecided
    for half a year; returns how many."""
    now = now or timezone.now()
    unconfirmed_since = now - datetime.timedelta(days=unconfirmed_wish_days())
    undecided_since = now - datetime.timedelta(days=open_registration_days())
    expired = Registration.objects.expired(
        timezone.localdate(now), unconfirmed_since=unconfirmed_since, undecided_since=undecided_since
    )
    count = expired.count()
    expired.delete()
    return count

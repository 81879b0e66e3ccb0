"""Every write to volunteers: keyword-only, typed, each in a transaction, each state change in the audit log."""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samenspel.core import outbox, ratelimit
from samenspel.core.audit import Actor, log_action
from samenspel.core.visitor_forms import store_once
from samenspel.directory.models import Language, Organisation
from samenspel.volunteering import conf
from samenspel.volunteering.models import Volunteer, VolunteerHours, VolunteerRole, VolunteerStatus

LINK_SALT = "samenspel.volunteering.own-data"


# --- roles -------------------------------------------------------------------------------------------------


@transaction.atomic
def role_save(*, role: VolunteerRole, languages: list[Language], actor: Actor) -> VolunteerRole:
    """Create or change a role (the form filled it in); the audit log says which."""
    created = role.pk is None
    role.save()
    role.languages.set(languages)
    log_action(obj=role, action="volunteer_role.create" if created else "volunteer_role.update", actor=actor)
    return role


# --- sign-up -----------------------------------------------------------------------------------------------


def own_link(volunteer: Volunteer) -> str:
    """The volunteer's own page (see, download, delete their data), signed; it works for `conf.link_days()`."""
    token = signing.dumps(str(volunteer.uuid), salt=LINK_SALT)
    return settings.SITE_URL + reverse("volunteering:own_data", kwargs={"token": token})


def volunteer_from_token(token: str) -> Volunteer | None:
    try:
        value = signing.loads(token, salt=LINK_SALT, max_age=datetime.timedelta(days=conf.link_days()))
    except signing.BadSignature:
        return None
    return Volunteer.objects.select_related("support_point").filter(uuid=value).first()


def volunteer_sign_up(
    *,
    support_point: Organisation,
    interested_in: VolunteerRole | None,
    name: str,
    email: str,
    phone: str,
    give: str,
    wants: list[str],
    times: list[str],
    pc4: str,
    languages: list[Language],
    consent: bool,
    mail_language: str,
    submit_key: str = "",
) -> Volunteer:
    """Store a sign-up, mail the volunteer a receipt with their own link and the support point a notice; once per form."""
    if not consent:
        # The form refuses it first; a caller that forgets gets an error, never a row without consent.
        raise ValueError("a volunteer signs up only with consent")
    if interested_in is not None and interested_in.support_point_id != support_point.pk:
        raise ValueError("the role belongs to another support point")

    def store() -> Volunteer:
        volunteer = Volunteer.objects.create(
            support_point=support_point,
            interested_in=interested_in,
            name=name.strip(),
            email=email.strip(),
            phone=phone.strip(),
            give=give.strip(),
            wants=wants,
            times=times,
            pc4=pc4,
            consent_at=timezone.now(),
            mail_language=mail_language,
            submit_key=submit_key or None,
        )
        volunteer.languages.set(languages)
        log_action(obj=volunteer, action="volunteer.sign_up", actor_label="visitor")
        _mail_receipt(volunteer)
        _mail_support_point(volunteer)
        return volunteer

    return store_once(Volunteer, submit_key, store)


def _mail_receipt(volunteer: Volunteer) -> None:
    sp = volunteer.support_point
    with translation.override(volunteer.mail_language):
        subject = _("Thank you for signing up as a volunteer at %(support_point)s") % {"support_point": sp.name}
        lines = [
            _("Hello %(name)s,") % {"name": volunteer.name},
            "",
            _(
                "Thank you! %(support_point)s has your message and will contact you within %(days)s working days, "
                "to talk about what you would like to do."
            )
            % {"support_point": sp.name, "days": conf.intake_working_days()},
            "",
            _("Here you can see what we keep about you, download it or delete it at any time:"),
            own_link(volunteer),
            "",
            _("Did you not sign up? Then open the link and delete it."),
        ]
    outbox.send_mail(
        kind="volunteer_receipt",
        to=[volunteer.email],
        subject=subject,
        body="\n".join(lines),
        reply_to=[sp.email] if sp.email else [],
        key=f"volunteer_receipt:{volunteer.pk}",
    )


def _queue_link(support_point: Organisation) -> str:
    return settings.SITE_URL + reverse("volunteering:queue", kwargs={"slug": support_point.slug})


def _mail_support_point(volunteer: Volunteer) -> None:
    """A notice without the person's details: those are behind sign-in."""
    sp = volunteer.support_point
    if not sp.email:
        return
    with translation.override("nl"):
        subject = _("A new volunteer signed up")
        body = "\n".join(
            [
                _("Someone signed up as a volunteer. Answer them soon: volunteers expect a call within a day or two."),
                _queue_link(sp),
            ]
        )
    outbox.send_mail(
        kind="volunteer_new",
        to=[sp.email],
        subject=subject,
        body=body,
        key=f"volunteer_new:{volunteer.pk}",
        support_point_id=sp.pk,
    )


# --- intake, trial, role, stop -------------------------------------------------------------------------------


def _set_status(volunteer: Volunteer, status: str, actor: Actor, **fields: Any) -> None:
    before = {"status": volunteer.status, **{k: str(getattr(volunteer, k)) for k in fields}}
    volunteer.status = status
    for key, value in fields.items():
        setattr(volunteer, key, value)
    volunteer.save(update_fields=["status", *fields])
    after = {"status": status, **{k: str(v) for k, v in fields.items()}}
    changes = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    log_action(obj=volunteer, action=f"volunteer.{status}", actor=actor, changes=changes)


@transaction.atomic
def volunteer_answer(*, volunteer: Volunteer, message: str, actor: Actor) -> None:
    """The support point answers: a mail to the volunteer (replies go to the support point); the reminder stops."""
    volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
    sp = volunteer.support_point
    fields: dict[str, Any] = {}
    if volunteer.answered_at is None:
        fields["answered_at"] = timezone.now()
    if volunteer.status in (VolunteerStatus.NEW, VolunteerStatus.ANSWERED):
        # Still talking: the 3 months of a sign-up that leads nowhere count from the last answer.
        fields["delete_after"] = timezone.localdate() + datetime.timedelta(days=conf.unplaced_retention_days())
    status = VolunteerStatus.ANSWERED if volunteer.status == VolunteerStatus.NEW else volunteer.status
    _set_status(volunteer, status, actor, **fields)
    with translation.override(volunteer.mail_language):
        subject = _("%(support_point)s: about volunteering") % {"support_point": sp.name}
        lines = [
            _("Hello %(name)s,") % {"name": volunteer.name},
            "",
            message,
            "",
            _("You can answer by replying to this e-mail."),
            "",
            _("What we keep about you, to see, download or delete:"),
            own_link(volunteer),
        ]
    outbox.send_mail(
        kind="volunteer_answer",
        to=[volunteer.email],
        subject=subject,
        body="\n".join(lines),
        reply_to=[sp.email] if sp.email else [],
        key=f"volunteer_answer:{volunteer.pk}:{ratelimit.hashed(message)[:16]}",
    )


def _own_role(volunteer: Volunteer, role: VolunteerRole) -> None:
    if role.support_point_id != volunteer.support_point_id:
        raise ValueError("the role belongs to another support point")


@transaction.atomic
def volunteer_start_trial(*, volunteer: Volunteer, role: VolunteerRole, since: datetime.date, actor: Actor) -> None:
    """Try a role first ('op proef', 001:2122): no fixed commitment yet, and no deletion date while it lasts."""
    _own_role(volunteer, role)
    _set_status(
        volunteer,
        VolunteerStatus.TRIAL,
        actor,
        role=role,
        trial_since=since,
        stopped_on=None,
        delete_after=None,
        answered_at=volunteer.answered_at or timezone.now(),
    )


@transaction.atomic
def volunteer_fix_role(*, volunteer: Volunteer, role: VolunteerRole, since: datetime.date, actor: Actor) -> None:
    """After the trial (or straight away, if both want): the role from `since`, the date of the anniversaries."""
    _own_role(volunteer, role)
    _set_status(
        volunteer,
        VolunteerStatus.ACTIVE,
        actor,
        role=role,
        role_since=since,
        stopped_on=None,
        delete_after=None,
        answered_at=volunteer.answered_at or timezone.now(),
    )


@transaction.atomic
def volunteer_stop(*, volunteer: Volunteer, on: datetime.date, actor: Actor) -> None:
    """They stopped (or there was no match): everything about them is deleted 12 months later (3 if never placed)."""
    placed = volunteer.trial_since is not None or volunteer.role_since is not None
    days = conf.stopped_retention_days() if placed else conf.unplaced_retention_days()
    status = VolunteerStatus.STOPPED if placed else VolunteerStatus.DECLINED
    _set_status(volunteer, status, actor, stopped_on=on, delete_after=on + datetime.timedelta(days=days))


@transaction.atomic
def volunteer_note(*, volunteer: Volunteer, note: str, actor: Actor) -> None:
    volunteer.note = note
    volunteer.save(update_fields=["note"])
    log_action(obj=volunteer, action="volunteer.note", actor=actor)


@transaction.atomic
def hours_record(*, volunteer: Volunteer, year: int, hours: int, actor: Actor, actor_label: str = "") -> VolunteerHours:
    """The hours of a year, recorded by the volunteer on their own page or by the support point on their word (only
    if they want them counted); a second entry for the year replaces the first."""
    row, _created = VolunteerHours.objects.update_or_create(volunteer=volunteer, year=year, defaults={"hours": hours})
    log_action(
        obj=volunteer,
        action="volunteer.hours",
        actor=actor,
        actor_label=actor_label,
        changes={"year": year, "hours": hours},
    )
    return row


# --- export and deletion -------------------------------------------------------------------------------------


def volunteer_export(volunteer: Volunteer) -> dict[str, Any]:
    """Everything stored about a volunteer, as JSON-ready data (the right of access: the volunteer's own link and
    the support point's download give the same)."""
    return {
        "support_point": volunteer.support_point.name,
        "name": volunteer.name,
        "email": volunteer.email,
        "phone": volunteer.phone,
        "give": volunteer.give,
        "wants": volunteer.wants_display(),
        "times": volunteer.times_display(),
        "postcode": volunteer.pc4,
        "languages": [language.name for language in volunteer.languages.all()],
        "role_you_were_interested_in": volunteer.interested_in.title if volunteer.interested_in else None,
        "status": str(volunteer.get_status_display()),
        "note_of_the_support_point": volunteer.note,
        "role": volunteer.role.title if volunteer.role else None,
        "trial_since": volunteer.trial_since.isoformat() if volunteer.trial_since else None,
        "role_since": volunteer.role_since.isoformat() if volunteer.role_since else None,
        "stopped_on": volunteer.stopped_on.isoformat() if volunteer.stopped_on else None,
        "hours": {str(row.year): row.hours for row in volunteer.hours.order_by("year")},
        "signed_up": volunteer.created_at.isoformat(),
        "consent_given": volunteer.consent_at.isoformat(),
        "deleted_after": volunteer.delete_after.isoformat() if volunteer.delete_after else None,
    }


def volunteer_export_json(volunteer: Volunteer) -> bytes:
    return json.dumps(volunteer_export(volunteer), ensure_ascii=False, indent=2).encode()


@transaction.atomic
def volunteer_delete(*, volunteer: Volunteer, actor: Actor, actor_label: str = "") -> None:
    """Delete everything about a volunteer now (on their request); the audit log keeps only that it happened."""
    log_action(obj=volunteer, action="volunteer.delete", actor=actor, actor_label=actor_label)
    volunteer.delete()


def volunteers_purge(*, today: datetime.date | None = None) -> int:
    """Delete volunteers past their date: 12 months after they stopped, 3 months after a sign-up that led nowhere."""
    expired = Volunteer.objects.expired(today or timezone.localdate())
    count = expired.count()
    expired.delete()
    return count


# --- reminders ---------------------------------------------------------------------------------------------


def intake_reminders(*, today: datetime.date | None = None) -> int:
    """Mail each support point once per waiting sign-up that nobody answered in 2 working days (the count only)."""
    today = today or timezone.localdate()
    days = conf.intake_working_days()
    late: dict[int, list[Volunteer]] = {}
    for volunteer in Volunteer.objects.waiting().filter(reminded_at=None).select_related("support_point"):
        if conf.working_days_between(timezone.localdate(volunteer.created_at), today) >= days:
            late.setdefault(volunteer.support_point_id, []).append(volunteer)
    sent = 0
    for rows in late.values():
        sp = rows[0].support_point
        with transaction.atomic():
            if sp.email:
                with translation.override("nl"):
                    subject = _("Volunteers are waiting for an answer")
                    body = "\n".join(
                        [
                            _(
                                "%(count)s people signed up as a volunteer more than %(days)s working days ago and "
                                "nobody has answered them yet. Call or write them today:"
                            )
                            % {"count": len(rows), "days": days},
                            _queue_link(sp),
                        ]
                    )
                outbox.send_mail(
                    kind="volunteer_reminder",
                    to=[sp.email],
                    subject=subject,
                    body=body,
                    key=f"volunteer_reminder:{sp.pk}:{today.isoformat()}:{max(v.pk for v in rows)}",
                    support_point_id=sp.pk,
                )
                sent += 1
            Volunteer.objects.filter(pk__in=[v.pk for v in rows]).update(reminded_at=timezone.now())
    return sent

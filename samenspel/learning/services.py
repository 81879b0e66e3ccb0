"""Every write of the learning room: keyword-only, typed, in a transaction, audited.

Enrolment locks the run's row, so two people signing up at once never take the same last place; withdrawing
moves the first on the waiting list up, with an e-mail. Mails go through the outbox in the receiver's language.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max, Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from samenspel.accounts.links import send_notice
from samenspel.accounts.services import language_of, user_for_email
from samenspel.core.audit import Actor, acting_user, log_action
from samenspel.core.privacy import protect
from samenspel.core.services import model_update
from samenspel.directory.models import Organisation
from samenspel.learning.ical import run_calendar_attachment
from samenspel.learning.models import (
    Attendance,
    Certificate,
    CourseRun,
    CourseTemplate,
    Enrolment,
    EnrolmentStatus,
    EvaluationCount,
    EvaluationReceipt,
    Material,
    RunSession,
    RunStatus,
    SessionTemplate,
)

TEMPLATE_TEXT_FIELDS = ("title", "description", "entry_conditions")
SESSION_TEXT_FIELDS = ("title", "goals", "content", "homework")
LANGS = ("nl", "en")


def _translated(names: Iterable[str]) -> list[str]:
    return [f"{name}_{lang}" for name in names for lang in LANGS]


# Templates ---------------------------------------------------------------------------------------------------


@transaction.atomic
def template_copy(*, template: CourseTemplate, support_point: Organisation, actor: Actor) -> CourseTemplate:
    """The support point's own copy of a template (sessions and materials too), to edit as it likes."""
    slug = template.slug
    n = 1
    while CourseTemplate.objects.filter(support_point=support_point, slug=slug).exists():
        n += 1
        slug = f"{template.slug}-{n}"[:80]
    fields = {name: getattr(template, name) for name in _translated(TEMPLATE_TEXT_FIELDS)}
    copy = CourseTemplate.objects.create(
        slug=slug,
        support_point=support_point,
        copied_from=template,
        audiences=list(template.audiences),
        min_sessions_attended=template.min_sessions_attended,
        **fields,
    )
    for session in template.sessions.all():
        materials = list(session.materials.all())
        session_copy = SessionTemplate.objects.create(
            template=copy,
            number=session.number,
            minutes=session.minutes,
            **{name: getattr(session, name) for name in _translated(SESSION_TEXT_FIELDS)},
        )
        for material in materials:
            Material.objects.create(
                session=session_copy,
                title=material.title,
                filename=material.filename,
                content_type=material.content_type,
                size=material.size,
                data=material.data,
            )
    log_action(obj=copy, action="copied", actor=actor, changes={"from": str(template.uuid)})
    return copy


def template_update(*, template: CourseTemplate, actor: Actor, **fields: Any) -> dict[str, list[Any]]:
    with transaction.atomic():
        return model_update(template, actor=actor, **fields)


def session_update(*, session: SessionTemplate, actor: Actor, **fields: Any) -> dict[str, list[Any]]:
    with transaction.atomic():
        return model_update(session, actor=actor, **fields)


def material_add(*, session: SessionTemplate, title: str, upload: Any, actor: Actor) -> Material:
    """A file for a session, at most LEARNING_MATERIAL_MAX_BYTES; a bigger one is refused and nothing is kept."""
    limit = settings.LEARNING_MATERIAL_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)d MB; at most %(limit)d MB is allowed.")
            % {"size": upload.size // 1_000_000, "limit": limit // 1_000_000}
        )
    with transaction.atomic():
        material = Material.objects.create(
            session=session,
            title=title or upload.name,
            filename=upload.name[:200],
            content_type=(upload.content_type or "application/octet-stream")[:100],
            size=upload.size,
            data=b"".join(upload.chunks()),
        )
        log_action(obj=material, action="uploaded", actor=actor, changes={"session": session.pk, "size": upload.size})
    return material


# Runs --------------------------------------------------------------------------------------------------------


@transaction.atomic
def run_create(
    *,
    support_point: Organisation,
    template: CourseTemplate,
    title: str,
    language: str,
    online: bool,
    place: str,
    capacity: int,
    trainer_emails: Sequence[str],
    session_starts: Sequence[datetime.datetime],
    actor: Actor,
    in_calendar: bool = True,
) -> CourseRun:
    """A run of a template with one date per session; every check before the first row, so nothing is half-written."""
    sessions = list(template.sessions.order_by("number"))
    if not sessions:
        raise ValidationError(_("This course has no sessions yet. Add sessions to the template first."))
    if len(session_starts) != len(sessions):
        raise ValidationError(_("Give a date and time for each of the %(count)d sessions.") % {"count": len(sessions)})
    if capacity < 1:
        raise ValidationError(_("A course needs at least one place."))
    if not online and not place.strip():
        raise ValidationError(_("Say where the course is, or that it is online."))
    if any(b <= a for a, b in itertools.pairwise(session_starts)):
        raise ValidationError(_("The sessions must be in order: each after the one before."))
    run = CourseRun(
        template=template,
        support_point=support_point,
        title=title.strip(),
        language=language,
        online=online,
        place=place.strip(),
        capacity=capacity,
        in_calendar=in_calendar,
    )
    run.full_clean()
    run.save()
    for session, start in zip(sessions, session_starts, strict=True):
        RunSession.objects.create(
            run=run,
            number=session.number,
            template_session=session,
            starts_at=start,
            ends_at=start + datetime.timedelta(minutes=session.minutes or 150),
        )
    trainers = [
        user_for_email(email) for email in dict.fromkeys(e.strip().lower() for e in trainer_emails if e.strip())
    ]
    run.trainers.set(trainers)
    log_action(
        obj=run,
        action="created",
        actor=actor,
        changes={"template": str(template.uuid), "sessions": len(sessions), "trainers": len(trainers)},
    )
    for trainer in trainers:
        _notice_trainer(run, trainer)
    return run


def _notice_trainer(run: CourseRun, trainer: Any) -> None:
    send_notice(
        user=trainer,
        kind="learning_trainer",
        key=f"learning-trainer:{run.pk}:{trainer.pk}",
        subject=lambda: _("You are a trainer of %(course)s") % {"course": run.heading()},
        lines=lambda: [
            _("%(support_point)s made you a trainer of the course %(course)s.")
            % {"support_point": run.support_point.name, "course": run.heading()},
            _("You keep the attendance of the participants per session."),
        ],
        next_url=reverse("learning:attendance", kwargs={"run_uuid": run.uuid}),
        support_point_id=run.support_point_id,
    )


def run_set_status(*, run: CourseRun, status: str, actor: Actor) -> None:
    """A run's status. Cancelled: who has a place or waits gets a mail with a calendar file that removes the dates."""
    with transaction.atomic():
        was = CourseRun.objects.select_for_update().values_list("status", flat=True).get(pk=run.pk)
        model_update(run, actor=actor, action="status", status=status)
        if status == RunStatus.CANCELLED and was != RunStatus.CANCELLED:
            RunSession.objects.filter(run=run).update(sequence=F("sequence") + 1)
            for enrolment in _still_signed_up(run):
                _mail_change(enrolment, change="run_cancelled")


def _still_signed_up(run: CourseRun, *, waiting_too: bool = True) -> list[Enrolment]:
    statuses = [EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITING] if waiting_too else [EnrolmentStatus.ENROLLED]
    return list(run.enrolments.filter(status__in=statuses).select_related("user", "run"))


def session_move(*, session: RunSession, starts_at: datetime.datetime, actor: Actor) -> RunSession:
    """Move one session to another date and time (it keeps its length). Who has a place gets a mail with the
    updated calendar file. The sessions stay in order: a move past the one before or after is refused."""
    with transaction.atomic():
        run = CourseRun.objects.select_for_update().get(pk=session.run_id)
        session = RunSession.objects.select_for_update().get(pk=session.pk)
        if run.status == RunStatus.CANCELLED:
            raise ValidationError(_("This course is cancelled; its sessions cannot be moved."))
        if session.cancelled:
            raise ValidationError(_("This session is cancelled; it cannot be moved."))
        others = run.sessions.exclude(pk=session.pk).filter(cancelled=False)
        before = others.filter(number__lt=session.number).order_by("-number").first()
        after = others.filter(number__gt=session.number).order_by("number").first()
        if (before is not None and starts_at <= before.starts_at) or (
            after is not None and starts_at >= after.starts_at
        ):
            raise ValidationError(_("The sessions must be in order: each after the one before."))
        if starts_at == session.starts_at:
            return session
        length = session.ends_at - session.starts_at
        old = session.starts_at
        session.starts_at = starts_at
        session.ends_at = starts_at + length
        session.sequence += 1
        session.save()
        log_action(
            obj=session,
            action="moved",
            actor=actor,
            changes={"starts_at": [old.isoformat(), starts_at.isoformat()]},
        )
        for enrolment in _still_signed_up(run, waiting_too=False):
            _mail_change(enrolment, change="session_moved", session=session, old_start=old)
    return session


def session_cancel(*, session: RunSession, actor: Actor) -> RunSession:
    """Cancel one session. Who has a place gets a mail with a calendar file that removes it."""
    with transaction.atomic():
        run = CourseRun.objects.select_for_update().get(pk=session.run_id)
        session = RunSession.objects.select_for_update().get(pk=session.pk)
        if session.cancelled or run.status == RunStatus.CANCELLED:
            raise ValidationError(_("This session is already cancelled."))
        session.cancelled = True
        session.sequence += 1
        session.save()
        log_action(obj=session, action="cancelled", actor=actor)
        for enrolment in _still_signed_up(run, waiting_too=False):
            _mail_change(enrolment, change="session_cancelled", session=session)
    return session


def _mail_change(
    enrolment: Enrolment,
    *,
    change: str,
    session: RunSession | None = None,
    old_start: datetime.datetime | None = None,
) -> None:
    """A cancelled course, or a moved or cancelled session: a mail in the participant's language, with a calendar
    file whose events keep their UID and have a higher SEQUENCE (METHOD:CANCEL to remove, REQUEST to update)."""
    run = enrolment.run
    url = reverse("learning:run", kwargs={"run_uuid": run.uuid})

    def when(moment: datetime.datetime) -> str:
        return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")

    def subject() -> str:
        if change == "run_cancelled":
            return _("Cancelled: %(course)s") % {"course": run.heading()}
        assert session is not None
        if change == "session_cancelled":
            return _("Session %(number)d of %(course)s is cancelled") % {
                "number": session.number,
                "course": run.heading(),
            }
        return _("Session %(number)d of %(course)s has a new date") % {
            "number": session.number,
            "course": run.heading(),
        }

    def lines() -> list[str]:
        if change == "run_cancelled":
            out = [
                _("%(support_point)s cancelled the course %(course)s. It does not take place.")
                % {"support_point": run.support_point.name, "course": run.heading()},
                _("The attached calendar file (course.ics) removes the dates from your calendar."),
            ]
        elif change == "session_cancelled":
            assert session is not None
            out = [
                _("Session %(number)d (%(title)s) on %(when)s is cancelled. The other sessions stay as they were.")
                % {"number": session.number, "title": session.heading(), "when": when(session.starts_at)},
                _("The attached calendar file (course.ics) removes this session from your calendar."),
            ]
        else:
            assert session is not None and old_start is not None
            out = [
                _("Session %(number)d (%(title)s) moves from %(old)s to %(new)s.")
                % {
                    "number": session.number,
                    "title": session.heading(),
                    "old": when(old_start),
                    "new": when(session.starts_at),
                },
                _("The attached calendar file (course.ics) updates the dates in your calendar."),
            ]
        if change != "run_cancelled":
            out += ["", *_course_lines(run)]
        return out

    method = "REQUEST" if change == "session_moved" else "CANCEL"
    only = session if change == "session_cancelled" else None
    stamp = f"{session.pk}:{session.sequence}" if session is not None else "run"
    send_notice(
        user=enrolment.user,
        kind=f"learning_{change}",
        key=f"learning-{change}:{enrolment.pk}:{stamp}",
        subject=subject,
        lines=lines,
        next_url=url,
        support_point_id=run.support_point_id,
        attachments=[run_calendar_attachment(run, url=settings.SITE_URL + url, method=method, only=only)],
    )


# Enrolment ---------------------------------------------------------------------------------------------------


def _when(run: CourseRun) -> str:
    start = run.first_start()
    return formats.date_format(timezone.localtime(start), "DATETIME_FORMAT") if start else ""


def _course_lines(run: CourseRun) -> list[str]:
    lines = [_("Course: %(course)s") % {"course": run.heading()}]
    lines.append(_("Where: %(place)s") % {"place": run.where()})
    for session in run.sessions.order_by("number"):
        start = timezone.localtime(session.starts_at)
        line = f"  {session.number}. {formats.date_format(start, 'DATETIME_FORMAT')} · {session.heading()}"
        if session.cancelled:
            line += " · " + _("cancelled")
        lines.append(line)
    return lines


def _mail_enrolled(enrolment: Enrolment, *, moved_up: bool) -> None:
    run = enrolment.run
    url = reverse("learning:run", kwargs={"run_uuid": run.uuid})

    def subject() -> str:
        if moved_up:
            return _("A place came free: you are enrolled in %(course)s") % {"course": run.heading()}
        return _("You are enrolled in %(course)s") % {"course": run.heading()}

    def lines() -> list[str]:
        intro = (
            _("Someone withdrew, so you moved up from the waiting list. You are now enrolled.")
            if moved_up
            else _("Thank you for enrolling. You have a place.")
        )
        return [
            intro,
            "",
            *_course_lines(run),
            "",
            _("The dates are attached as a calendar file (course.ics)."),
            _(
                "Can you not come after all? Withdraw on the course page, so someone on the waiting list gets your place."
            ),
        ]

    send_notice(
        user=enrolment.user,
        kind="learning_enrolled",
        key=f"learning-enrolled:{enrolment.pk}:{enrolment.created_at.isoformat()}:{moved_up}",
        subject=subject,
        lines=lines,
        next_url=url,
        support_point_id=run.support_point_id,
        attachments=[run_calendar_attachment(run, url=settings.SITE_URL + url)],
    )


def _mail_waiting(enrolment: Enrolment, position: int) -> None:
    run = enrolment.run
    send_notice(
        user=enrolment.user,
        kind="learning_waiting",
        key=f"learning-waiting:{enrolment.pk}:{enrolment.created_at.isoformat()}",
        subject=lambda: _("You are on the waiting list for %(course)s") % {"course": run.heading()},
        lines=lambda: [
            _("The course is full. You are number %(position)d on the waiting list.") % {"position": position},
            _("When someone withdraws, you move up and get an e-mail."),
            "",
            *_course_lines(run),
        ],
        next_url=reverse("learning:run", kwargs={"run_uuid": run.uuid}),
        support_point_id=run.support_point_id,
    )


def enrolled_count(run: CourseRun) -> int:
    return run.enrolments.filter(status=EnrolmentStatus.ENROLLED).count()


def waiting_position(enrolment: Enrolment) -> int:
    return (
        enrolment.run.enrolments.filter(status=EnrolmentStatus.WAITING)
        .filter(Q(created_at__lt=enrolment.created_at) | Q(created_at=enrolment.created_at, pk__lte=enrolment.pk))
        .count()
    )


def enrolment_create(*, run: CourseRun, user: Any, actor: Actor) -> Enrolment:
    """Sign up: a place while there is one, else the waiting list. Again after withdrawing: at the back."""
    with transaction.atomic():
        # The run's row is locked, so two sign-ups never both take the last place.
        run = CourseRun.objects.select_for_update().get(pk=run.pk)
        if run.status != RunStatus.OPEN:
            raise ValidationError(_("This course is not open for enrolment."))
        enrolment = Enrolment.objects.filter(run=run, user=user).first()
        if enrolment is not None and enrolment.status != EnrolmentStatus.WITHDRAWN:
            raise ValidationError(_("You are already signed up for this course."))
        status = EnrolmentStatus.ENROLLED if enrolled_count(run) < run.capacity else EnrolmentStatus.WAITING
        if enrolment is None:
            enrolment = Enrolment(run=run, user=user)
        enrolment.status = status
        enrolment.created_at = timezone.now()
        enrolment.withdrawn_at = None
        enrolment.save()
        log_action(obj=enrolment, action="enrolled", actor=actor, changes={"status": status})
        if status == EnrolmentStatus.ENROLLED:
            _mail_enrolled(enrolment, moved_up=False)
        else:
            _mail_waiting(enrolment, waiting_position(enrolment))
    return enrolment


def enrolment_withdraw(*, enrolment: Enrolment, actor: Actor) -> Enrolment | None:
    """Withdraw; a freed place goes to the first on the waiting list, who gets an e-mail. Returns who moved up."""
    with transaction.atomic():
        run = CourseRun.objects.select_for_update().get(pk=enrolment.run_id)
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if enrolment.status == EnrolmentStatus.WITHDRAWN:
            return None
        had_place = enrolment.status == EnrolmentStatus.ENROLLED
        enrolment.status = EnrolmentStatus.WITHDRAWN
        enrolment.withdrawn_at = timezone.now()
        enrolment.save()
        log_action(obj=enrolment, action="withdrew", actor=actor)
        if not had_place or run.status == RunStatus.CANCELLED:
            return None
        return _move_up(run)


def _move_up(run: CourseRun) -> Enrolment | None:
    if enrolled_count(run) >= run.capacity:
        return None
    first = run.enrolments.filter(status=EnrolmentStatus.WAITING).order_by("created_at", "pk").first()
    if first is None:
        return None
    first.status = EnrolmentStatus.ENROLLED
    first.save()
    log_action(obj=first, action="moved_up", actor=None)
    _mail_enrolled(first, moved_up=True)
    return first


# Attendance --------------------------------------------------------------------------------------------------


def attendance_mark(*, session: RunSession, present: set[int], actor: Actor) -> int:
    """Mark every enrolled participant of the run present or absent at a session; returns how many marks changed.

    Only enrolments of this run with a place can be marked: an id from elsewhere is refused, and nothing is written.
    """
    with transaction.atomic():
        enrolments = {e.pk: e for e in session.run.enrolments.filter(status=EnrolmentStatus.ENROLLED)}
        unknown = present - set(enrolments)
        if unknown:
            raise ValidationError(_("Only participants of this course can be marked."))
        changed = 0
        existing = {a.enrolment_id: a for a in Attendance.objects.filter(session=session)}
        for pk, enrolment in enrolments.items():
            is_present = pk in present
            mark = existing.get(pk)
            if mark is None:
                Attendance.objects.create(
                    enrolment=enrolment, session=session, present=is_present, marked_by=acting_user(actor)
                )
                changed += 1
            elif mark.present != is_present:
                mark.present = is_present
                mark.marked_by = acting_user(actor)
                mark.marked_at = timezone.now()
                mark.save()
                changed += 1
        if changed:
            log_action(
                obj=session,
                action="attendance",
                actor=actor,
                changes={"present": len(present), "absent": len(enrolments) - len(present)},
            )
    return changed


# Reminders and retention -------------------------------------------------------------------------------------


def _remind(session: RunSession, enrolment: Enrolment) -> None:
    run = session.run
    url = reverse("learning:run", kwargs={"run_uuid": run.uuid})

    def lines() -> list[str]:
        start = formats.date_format(timezone.localtime(session.starts_at), "DATETIME_FORMAT")
        return [
            _("A reminder: session %(number)d of %(course)s is on %(when)s.")
            % {"number": session.number, "course": run.heading(), "when": start},
            _("Where: %(place)s") % {"place": run.where()},
            _("Topic: %(title)s") % {"title": session.heading()},
        ]

    send_notice(
        user=enrolment.user,
        kind="learning_reminder",
        key=f"learning-reminder:{session.pk}:{enrolment.pk}",
        subject=lambda: (
            _("Reminder: %(course)s, session %(number)d") % {"course": run.heading(), "number": session.number}
        ),
        lines=lines,
        next_url=url,
        support_point_id=run.support_point_id,
        attachments=[run_calendar_attachment(run, url=settings.SITE_URL + url)],
    )


def reminders_send(*, now: datetime.datetime | None = None) -> int:
    """One reminder per participant for each session that starts in the coming LEARNING_REMINDER_HOURS (once:
    the outbox key holds the session and the participant, so a second run queues nothing new)."""
    now = now or timezone.now()
    soon = now + datetime.timedelta(hours=settings.LEARNING_REMINDER_HOURS)
    queued = 0
    sessions = RunSession.objects.filter(
        starts_at__gt=now, starts_at__lte=soon, cancelled=False, run__status__in=[RunStatus.OPEN, RunStatus.CLOSED]
    ).select_related("run", "run__support_point")
    for session in sessions:
        for enrolment in session.run.enrolments.filter(status=EnrolmentStatus.ENROLLED).select_related("user"):
            _remind(session, enrolment)
            queued += 1
    return queued


def learning_purge(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Delete who took part (enrolments, attendance, evaluation receipts) once a run ended LEARNING_RETENTION_DAYS
    ago; withdrawn sign-ups after LEARNING_WITHDRAWN_DAYS; certificates after LEARNING_CERTIFICATE_RETENTION_DAYS
    (until then their QR code can be checked). The run, its dates, its anonymous evaluation and the template stay."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.LEARNING_RETENTION_DAYS)
    ended = CourseRun.objects.annotate(last=Max("sessions__ends_at")).filter(last__lt=cutoff).values("pk")
    old, _by_model = Enrolment.objects.filter(run__in=ended).delete()
    withdrawn_cutoff = now - datetime.timedelta(days=settings.LEARNING_WITHDRAWN_DAYS)
    gone, _by_model = Enrolment.objects.filter(
        status=EnrolmentStatus.WITHDRAWN, withdrawn_at__lt=withdrawn_cutoff
    ).delete()
    certificate_cutoff = now - datetime.timedelta(days=settings.LEARNING_CERTIFICATE_RETENTION_DAYS)
    certificates, _by_model = Certificate.objects.filter(issued_at__lt=certificate_cutoff).delete()
    from samenspel.learning.intervision import case_notes_purge
    from samenspel.learning.projects import plans_purge

    return {
        "ended_runs": old,
        "withdrawn": gone,
        "certificates": certificates,
        "plans": plans_purge(now=now),
        "case_notes": case_notes_purge(today=timezone.localdate(now)),
    }


# Certificates and evaluation ---------------------------------------------------------------------------------


def certificate_issue(*, enrolment: Enrolment, printed_name: str, actor: Actor, language: str = "") -> Certificate:
    """The certificate with the name the participant chooses to print, in the language they choose (else their
    own); again: the same certificate, with the new name and language."""
    from samenspel.learning.certificates import may_have_certificate, sessions_attended

    name = " ".join(printed_name.split())
    if not name:
        raise ValidationError(_("Type the name to print on the certificate."))
    if len(name) > 120:
        raise ValidationError(_("The name is too long: at most 120 characters."))
    language = language or language_of(enrolment.user)
    if language not in {code for code, _name in settings.LANGUAGES}:
        raise ValidationError(_("Choose one of the languages of the site."))
    with transaction.atomic():
        if not may_have_certificate(enrolment):
            raise ValidationError(_("A certificate comes when you attended enough sessions."))
        run = enrolment.run
        sessions = list(run.sessions.filter(cancelled=False).order_by("number"))
        with translation.override(language):
            course = run.heading()  # the course's title in the certificate's language, where the course has one
        certificate, created = Certificate.objects.update_or_create(
            user=enrolment.user,
            run=run,
            defaults={
                "printed_name": name,
                "language": language,
                "course": course,
                "support_point_name": run.support_point.name,
                "first_day": timezone.localtime(sessions[0].starts_at).date(),
                "last_day": timezone.localtime(sessions[-1].starts_at).date(),
                "sessions_attended": sessions_attended(enrolment),
                "sessions_total": len(sessions),
            },
        )
        log_action(obj=certificate, action="issued" if created else "renamed", actor=actor)
    return certificate


EVALUATION_QUESTIONS = ("content", "trainers", "useful")


def may_evaluate(enrolment: Enrolment | None) -> bool:
    """Who was there at least once, and has not answered yet."""
    if enrolment is None or enrolment.status != EnrolmentStatus.ENROLLED:
        return False
    if EvaluationReceipt.objects.filter(enrolment=enrolment).exists():
        return False
    return enrolment.attendance.filter(present=True).exists()


def evaluation_submit(*, enrolment: Enrolment, answers: dict[str, int], actor: Actor) -> None:
    """Add the answers to the run's counts (no answer is stored as such), and apart from it that they answered."""
    if set(answers) != set(EVALUATION_QUESTIONS) or any(a not in range(1, 6) for a in answers.values()):
        raise ValidationError(_("Answer every question with a number from 1 to 5."))
    with transaction.atomic():
        Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if not may_evaluate(enrolment):
            raise ValidationError(_("You cannot give this evaluation (again)."))
        for question, score in answers.items():
            counted, _created = EvaluationCount.objects.get_or_create(
                run_id=enrolment.run_id, question=question, score=score
            )
            EvaluationCount.objects.filter(pk=counted.pk).update(count=F("count") + 1)
        receipt = EvaluationReceipt.objects.create(enrolment=enrolment)
        # The log names the receipt, never the answer.
        log_action(obj=receipt, action="evaluated", actor=actor)


def evaluation_figures(run: CourseRun) -> dict[str, Any]:
    """Per question the count of each score 1-5 and the total, with the small-number rule ("<5")."""
    rows = []
    for question in EVALUATION_QUESTIONS:
        counts = dict(EvaluationCount.objects.filter(run=run, question=question).values_list("score", "count"))
        rows.append([counts.get(score, 0) for score in range(1, 6)])
    table = protect(rows, column_totals=False, row_totals=True)
    # From the counts, not the receipts: those go with the enrolments when the retention ends, the counts stay.
    answered = sum(sum(row) for row in rows[:1])
    return {"rows": list(zip(EVALUATION_QUESTIONS, table.cells, table.row_totals, strict=True)), "answered": answered}

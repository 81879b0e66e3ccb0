"""Every write of support points working together: forward a question or a registration, answer a forwarded
question, suggest and decide national offers, and the daily purge.

Refusals are `ValidationError`s in plain words; a refused forward changes nothing (one transaction).
"""

from __future__ import annotations

import datetime
import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samenspel.cooperation.models import (
    Forward,
    ForwardedQuestion,
    ForwardedStatus,
    ForwardKind,
    NationalOffer,
    OfferSuggestion,
    SuggestionStatus,
)
from samenspel.core import dates, outbox
from samenspel.core.audit import Actor, acting_user, log_action
from samenspel.core.services import model_update
from samenspel.directory.models import Organisation, OrganisationKind
from samenspel.finder.models import Question, ReplyBy
from samenspel.finder.questions import question_handed_over
from samenspel.public_notes.models import Registration
from samenspel.public_notes.registrations import fingerprint


def question_key(question_pk: int) -> str:
    return f"question:{question_pk}"


def registration_key(registration: Registration, from_support_point: Organisation) -> str:
    # With the sender: the support point that received a registration may pass it on once more.
    return f"registration:{registration.uuid}:{from_support_point.pk}"


def _check_target(frm: Organisation | None, to: Organisation) -> None:
    if to.kind != OrganisationKind.SUPPORT_POINT:
        raise ValidationError(_("Choose a support point from the list."))
    if frm is not None and frm.pk == to.pk:
        raise ValidationError(_("You cannot forward to your own support point."))


def _earlier(key: str, to: Organisation) -> Forward | None:
    """The forward made before with this key: the same again is that one (nothing doubles); another is refused."""
    earlier = Forward.objects.select_related("to_support_point").filter(source_key=key).first()
    if earlier is not None and earlier.to_support_point_id != to.pk:
        raise ValidationError(
            _("This was already forwarded to %(support_point)s.") % {"support_point": earlier.to_support_point.name}
        )
    return earlier


def forward_question(*, question: Question, to: Organisation, actor: Actor) -> Forward:
    """Hand a citizen's question to another support point: the message and the reply channel move, nothing else;
    the sending support point keeps a closed question without text and the note "forwarded to"."""
    key = question_key(question.pk)
    with transaction.atomic():
        current = (
            Question.objects.select_for_update(of=("self",))
            .select_related("group__support_point")
            .filter(pk=question.pk)
        )
        found = current.first()
        if found is None:
            raise ValidationError(_("This question was already deleted. Nothing was forwarded."))
        frm = found.group.support_point
        _check_target(frm, to)
        earlier = _earlier(key, to)
        if earlier is not None:
            return earlier
        if frm is None or not found.message:
            raise ValidationError(_("This question has no text any more. Nothing was forwarded."))
        forward = Forward.objects.create(
            kind=ForwardKind.QUESTION,
            source_key=key,
            from_support_point=frm,
            to_support_point=to,
            about=found.group.name[:200],
            forwarded_by=acting_user(actor),
        )
        ForwardedQuestion.objects.create(
            forward=forward,
            support_point=to,
            message=found.message,
            reply_by=found.reply_by,
            reply_email=found.reply_email if found.reply_by == ReplyBy.EMAIL else "",
            reply_phone=found.reply_phone if found.reply_by == ReplyBy.PHONE else "",
            preferred_language=found.preferred_language,
            asked_at=found.created_at,
            # The citizen was told when their question is deleted: forwarding does not make it live longer.
            delete_after=found.delete_after,
        )
        question_handed_over(question=found, to=to.slug, actor=actor)
        log_action(obj=forward, action="forward", actor=actor, changes={"kind": forward.kind, "to": to.slug})
        _notify_receiver(forward, delete_after=found.delete_after)
    return forward


def forward_registration(*, registration: Registration, to: Organisation, actor: Actor) -> Forward:
    """Move a group registration (confirmed, not yet decided) to another support point's queue."""
    with transaction.atomic():
        found = (
            Registration.objects.select_for_update(of=("self",))
            .select_related("support_point")
            .filter(pk=registration.pk)
        )
        reg = found.first()
        if reg is None:
            raise ValidationError(_("This registration was already deleted. Nothing was forwarded."))
        frm = reg.support_point
        _check_target(frm, to)
        key = registration_key(reg, frm)
        earlier = _earlier(key, to)
        if earlier is not None:
            return earlier
        if not reg.is_open:
            raise ValidationError(_("Only a registration that still waits for a decision can be forwarded."))
        reg.support_point = to
        reg.fingerprint = fingerprint(reg.email, reg.name, to)
        try:
            with transaction.atomic():
                reg.save(update_fields=["support_point", "fingerprint"])
        except IntegrityError:
            raise ValidationError(
                _("%(support_point)s already has this registration.") % {"support_point": to.name}
            ) from None
        forward = Forward.objects.create(
            kind=ForwardKind.REGISTRATION,
            source_key=key,
            from_support_point=frm,
            to_support_point=to,
            forwarded_by=acting_user(actor),
        )
        log_action(obj=reg, action="forwarded", actor=actor, changes={"support_point": [frm.slug, to.slug]})
        log_action(obj=forward, action="forward", actor=actor, changes={"kind": forward.kind, "to": to.slug})
        _notify_receiver(forward, delete_after=None, registration_uuid=str(reg.uuid))
        _tell_initiator(reg, frm, to)
    return forward


def _notify_receiver(forward: Forward, *, delete_after: datetime.date | None, registration_uuid: str = "") -> None:
    """A notice to the receiving support point: who sent what and where to read it, never the citizen's words."""
    to = forward.to_support_point
    if not to.email:
        return
    if forward.kind == ForwardKind.QUESTION:
        link = reverse("cooperation:forwarded_question", kwargs={"question_uuid": forward.question.uuid})
    else:
        link = reverse("public_notes:registration", kwargs={"registration_uuid": registration_uuid})
    with translation.override("nl"):
        if forward.kind == ForwardKind.QUESTION:
            subject = _("%(support_point)s forwarded a question to you") % {
                "support_point": forward.from_support_point.name
            }
            lines = [
                _(
                    "%(support_point)s forwarded a visitor's question to you on Samenspel, because it fits your "
                    "region better. Read and answer it here:"
                )
                % {"support_point": forward.from_support_point.name},
                settings.SITE_URL + link,
            ]
            if delete_after is not None:
                lines += [
                    "",
                    _("Samenspel deletes this question on %(date)s.") % {"date": dates.long_date(delete_after)},
                ]
        else:
            subject = _("%(support_point)s forwarded a group registration to you") % {
                "support_point": forward.from_support_point.name
            }
            lines = [
                _(
                    "%(support_point)s forwarded a new group's registration to you on Samenspel, because it fits "
                    "your region better. Review it here:"
                )
                % {"support_point": forward.from_support_point.name},
                settings.SITE_URL + link,
            ]
    outbox.send_mail(
        kind="cooperation_forward",
        to=[to.email],
        subject=subject,
        body="\n".join(lines),
        key=f"cooperation_forward:{forward.pk}",
        support_point_id=to.pk,
    )


def _tell_initiator(registration: Registration, frm: Organisation, to: Organisation) -> None:
    """The initiator gave their address to one support point: they hear that another one now has it."""
    with translation.override(registration.mail_language):
        subject = _("About your group %(group)s") % {"group": registration.name}
        body = "\n".join(
            [
                _(
                    "%(from)s passed your registration of %(group)s on to %(to)s, the support point for your region. "
                    "They will review it and answer you."
                )
                % {"from": frm.name, "group": registration.name, "to": to.name},
                "",
                _("Answer by replying to this e-mail."),
            ]
        )
    outbox.send_mail(
        kind="registration_forwarded",
        to=[registration.email],
        subject=subject,
        body=body,
        reply_to=[to.email] if to.email else [],
        key=f"registration_forwarded:{registration.pk}:{to.pk}",
    )


@transaction.atomic
def forwarded_set_status(*, question: ForwardedQuestion, status: str, actor: Actor) -> ForwardedQuestion:
    model_update(question, actor=actor, action="status", validate=None, status=status)
    return question


@transaction.atomic
def forwarded_reply(*, question: ForwardedQuestion, body: str, actor: Actor) -> ForwardedQuestion:
    """Answer by e-mail from the platform's address; replies go to the receiving support point."""
    if question.reply_by != ReplyBy.EMAIL or not question.reply_email:
        raise ValidationError(_("This person did not ask for an answer by e-mail."))
    sp = question.support_point
    with translation.override(question.preferred_language or settings.LANGUAGE_CODE):
        subject = _("Your question about %(group)s") % {"group": question.forward.about}
        footer = _("This answer comes through Samenspel. If you reply, your message goes to the support point.")
    text = f"{body}\n\n--\n{footer}"
    outbox.send_mail(
        kind="question_reply",
        to=[question.reply_email],
        subject=subject,
        body=text,
        reply_to=[sp.email] if sp.email else [],
        key=f"forwarded_reply:{question.pk}:{hashlib.sha256(text.encode()).hexdigest()}",
        support_point_id=sp.pk,
    )
    return forwarded_set_status(question=question, status=ForwardedStatus.ANSWERED, actor=actor)


@transaction.atomic
def offer_suggest(
    *, support_point: Organisation, actor: Actor, kind: str, name: str, website: str, note: str
) -> OfferSuggestion:
    suggestion = OfferSuggestion.objects.create(
        support_point=support_point,
        suggested_by=acting_user(actor),
        kind=kind,
        name=name.strip(),
        website=website.strip(),
        note=note.strip(),
    )
    log_action(obj=suggestion, action="suggest", actor=actor, changes={"support_point": support_point.slug})
    return suggestion


@transaction.atomic
def suggestion_decide(*, suggestion: OfferSuggestion, accept: bool, actor: Actor) -> OfferSuggestion:
    """Staff add a suggestion to the national list (then complete it in the admin) or leave it out."""
    suggestion = OfferSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.status != SuggestionStatus.NEW:
        return suggestion
    if accept:
        suggestion.offer = NationalOffer.objects.create(
            kind=suggestion.kind, name=suggestion.name, website=suggestion.website, description=suggestion.note
        )
        log_action(
            obj=suggestion.offer, action="create", actor=actor, changes={"from_suggestion": str(suggestion.uuid)}
        )
    suggestion.status = SuggestionStatus.ACCEPTED if accept else SuggestionStatus.DECLINED
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["status", "decided_at", "offer"])
    log_action(obj=suggestion, action="decide", actor=actor, changes={"status": suggestion.status})
    return suggestion


def cooperation_purge(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Delete forwarded questions past the original's date, "forwarded to" notes after a year and suggestions
    after their time; returns how many of each. Safe to run as often as cron likes."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    questions, _by_model = ForwardedQuestion.objects.expired(today).delete()
    # A note whose forwarded question is still there waits for it (the question's page reads the note).
    notes, _by_model = Forward.objects.expired(today).filter(question__isnull=True).delete()
    suggestions, _by_model = OfferSuggestion.objects.expired(now).delete()
    return {"questions": questions, "notes": notes, "suggestions": suggestions}

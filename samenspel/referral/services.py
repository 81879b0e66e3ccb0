"""Writes of the referral app: sign-up, approval, counts, handovers and the purge.

Each function is keyword-only, runs in one transaction and logs its state
change with its actor (never the client's details: the audit log keeps only
the object's __str__, which names the group and a time).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samenspel.accounts.services import user_for_email
from samenspel.core import outbox
from samenspel.core.audit import acting_user, log_action
from samenspel.core.services import Actor
from samenspel.directory.models import PUBLIC_STATUSES, Group, Organisation
from samenspel.referral.models import (
    PERSONAL_FIELDS,
    STATUS_ORDER,
    AllowedDomain,
    CountKind,
    GroupCode,
    Handover,
    HandoverKind,
    HandoverStatus,
    Professional,
    ProfessionalRole,
    ProfessionalStatus,
    ReferralContact,
    ReferralCount,
    month_of,
    new_code,
)
from samenspel.workspace.models import WRITE_ROLES, GroupContact, Membership


def email_domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].strip().lower()


def domain_allowed(*, support_point: Organisation, email: str) -> bool:
    return AllowedDomain.objects.filter(support_point=support_point, domain=email_domain(email)).exists()


@transaction.atomic
def professional_sign_up(
    *,
    email: str,
    organisation: str,
    role: ProfessionalRole,
    support_point: Organisation,
    absolute_url: Callable[[str], str] | None = None,
) -> Professional:
    """A professional asks for access. Approved at once when the support point allows the e-mail domain.

    Someone who already has a profile keeps it as it is (so no one can change
    another person's organisation or reopen a withdrawn access by signing up
    with their address); they only get a new sign-in link.
    """
    user = user_for_email(email)
    existing = Professional.objects.filter(user=user).first()
    if existing is not None:
        return existing
    allowed = domain_allowed(support_point=support_point, email=email)
    professional = Professional.objects.create(
        user=user,
        organisation=organisation,
        role=role,
        support_point=support_point,
        status=ProfessionalStatus.APPROVED if allowed else ProfessionalStatus.PENDING,
        decided_at=timezone.now() if allowed else None,
    )
    log_action(
        obj=professional,
        action="professional.approved_by_domain" if allowed else "professional.signed_up",
        actor=user,
        changes={"support_point": support_point.slug},
    )
    if not allowed and absolute_url is not None:
        _send_access_asked(professional, absolute_url(reverse("referral:professionals", args=[support_point.slug])))
    return professional


def _send_access_asked(professional: Professional, url: str) -> None:
    """Tell the support point that someone waits for access: its address and the people who may decide."""
    support_point = professional.support_point
    deciders = Membership.objects.for_support_point(support_point).filter(role__in=WRITE_ROLES)
    addresses = [support_point.email] + [m.user.email for m in deciders.select_related("user")]
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("A professional asks for access to refer to your groups")
        body = "\n".join(
            [
                _("%(email)s (%(organisation)s, %(role)s) asks for access to refer clients to your peer groups.")
                % {
                    "email": professional.user.email,
                    "organisation": professional.organisation,
                    "role": professional.get_role_display(),
                },
                _("Give or refuse access here:"),
                url,
            ]
        )
    outbox.send_mail(
        kind="professional_access_asked",
        to=[a for a in addresses if a],
        subject=subject,
        body=body,
        key=f"professional_access_asked:{professional.pk}",
        support_point_id=support_point.pk,
    )


@transaction.atomic
def professional_decide(
    *, professional: Professional, approve: bool, actor: Actor, absolute_url: Callable[[str], str] | None = None
) -> Professional:
    """Give or withdraw access. Someone who gets access hears it by e-mail, so they need not keep checking."""
    newly_approved = approve and professional.status != ProfessionalStatus.APPROVED
    professional.status = ProfessionalStatus.APPROVED if approve else ProfessionalStatus.REVOKED
    professional.decided_by = acting_user(actor)
    professional.decided_at = timezone.now()
    professional.save(update_fields=["status", "decided_by", "decided_at"])
    log_action(obj=professional, action=f"professional.{professional.status}", actor=actor)
    if newly_approved and professional.user.email and absolute_url is not None:
        url = absolute_url(reverse("referral:home"))
        address, support_point = professional.user.email, professional.support_point.name
        _send_access_given(address, support_point, url, professional)
    return professional


def _send_access_given(address: str, support_point: str, url: str, professional: Professional) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("You can now refer to peer support groups")
        body = "\n".join(
            [
                _("%(support_point)s has given you access to refer clients to peer support groups.")
                % {"support_point": support_point},
                _("Sign in here to search for groups and make referral slips:"),
                url,
            ]
        )
    outbox.send_mail(
        kind="professional_access",
        to=[address],
        subject=subject,
        body=body,
        key=f"professional_access:{professional.pk}:{professional.decided_at.isoformat() if professional.decided_at else ''}",
        support_point_id=professional.support_point_id,
    )


@transaction.atomic
def allowed_domain_add(*, support_point: Organisation, domain: str, actor: Actor) -> AllowedDomain:
    found, _created = AllowedDomain.objects.get_or_create(support_point=support_point, domain=domain.lower())
    log_action(obj=found, action="referral_domain.added", actor=actor)
    return found


@transaction.atomic
def allowed_domain_remove(*, allowed: AllowedDomain, actor: Actor) -> None:
    log_action(obj=allowed, action="referral_domain.removed", actor=actor)
    allowed.delete()


@transaction.atomic
def referral_contact_save(*, contact: ReferralContact, actor: Actor) -> ReferralContact:
    contact.save()
    log_action(obj=contact, action="referral_contact.saved", actor=actor)
    return contact


def group_code(group: Group) -> GroupCode:
    """The group's short code, made the first time a slip needs it."""
    found = GroupCode.objects.filter(group=group).first()
    while found is None:
        try:
            with transaction.atomic():
                found = GroupCode.objects.create(group=group, code=new_code())
        except IntegrityError:
            # Either another request made the group's code just now, or the random code was taken: look again.
            found = GroupCode.objects.filter(group=group).first()
    return found


def count_increment(*, kind: CountKind, group: Group, role: str, day: datetime.date | None = None) -> None:
    """Add one to the month's counter, atomically: an UPDATE ... SET count = count + 1, or the first row."""
    key = {"kind": kind, "group": group, "role": role, "month": month_of(day)}
    with transaction.atomic():
        if ReferralCount.objects.filter(**key).update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                ReferralCount.objects.create(**key, count=1)
        except IntegrityError:
            # Another request created the row between our UPDATE and INSERT.
            ReferralCount.objects.filter(**key).update(count=F("count") + 1)


def group_accepts_referrals(group: Group) -> bool:
    """On the public map: not stopped, not an initiative, not hidden for being unchecked too long."""
    return Group.objects.public().filter(pk=group.pk).exists() and group.status in PUBLIC_STATUSES


def slip_made(*, group: Group, professional: Professional) -> GroupCode:
    """A professional made a slip: count it (group, role, month) and return the group's code. Nothing else."""
    if not group_accepts_referrals(group):
        raise ValidationError(_("This group has stopped or is not on the map now. Choose another group."))
    code = group_code(group)
    count_increment(kind=CountKind.SLIP, group=group, role=professional.role)
    return code


def handover_create(
    *,
    group: Group,
    professional: Professional,
    consent: bool,
    kind: HandoverKind,
    contact_name: str = "",
    contact_phone: str = "",
    contact_email: str = "",
    preferred_language: str = "",
    note: str = "",
    absolute_url: Callable[[str], str],
) -> Handover:
    """Store a warm handover and tell the group's contact point that there is one (without any details).

    The form has validated the input; these checks hold for any caller, and
    raise before anything is written.
    """
    if not consent:
        raise ValidationError(_("Without the client's consent nothing is sent. Give the client the slip instead."))
    if not group_accepts_referrals(group):
        raise ValidationError(_("This group has stopped or is not on the map now. Choose another group."))
    details = {"contact_name": contact_name, "contact_phone": contact_phone, "contact_email": contact_email}
    if kind == HandoverKind.MAY_CONTACT_YOU and any(details.values()):
        raise ValidationError(_("Contact details are only for 'please contact this person'."))
    if kind == HandoverKind.PLEASE_CONTACT and not (contact_name and (contact_phone or contact_email)):
        raise ValidationError(_("To be called back, give a name and a phone number or e-mail address."))
    with transaction.atomic():
        handover = Handover.objects.create(
            group=group,
            professional=professional,
            role=professional.role,
            consent=True,
            kind=kind,
            preferred_language=preferred_language if kind == HandoverKind.PLEASE_CONTACT else "",
            note=note,
            **details,
        )
        count_increment(kind=CountKind.HANDOVER, group=group, role=professional.role)
        log_action(obj=handover, action="handover.sent", actor=professional.user, changes={"kind": kind})
        recipients = handover_recipients(group)
        url = absolute_url(reverse("referral:handover", kwargs={"handover_uuid": handover.uuid}))
        _send_notice(recipients, url, handover)
    return handover


def handover_recipients(group: Group) -> list[str]:
    """The group's contact point: its role address and its contact persons; the support point if there is none."""
    addresses = [group.contact_email] if group.contact_email else []
    addresses += [c.user.email for c in GroupContact.objects.filter(group=group).select_related("user") if c.user.email]
    if not addresses and group.support_point and group.support_point.email:
        addresses.append(group.support_point.email)
    return list(dict.fromkeys(a.lower() for a in addresses))


def _send_notice(recipients: list[str], url: str, handover: Handover) -> None:
    if not recipients:
        return
    # The notice says only that there is a handover: the details stay behind the sign-in.
    with translation.override(settings.LANGUAGE_CODE):
        body = "\n".join(
            [
                _("A professional has sent your group a warm handover with the client's consent."),
                _("Sign in to read it and to say when you have been in touch:"),
                url,
                "",
                _("For privacy, this e-mail does not contain any details."),
            ]
        )
        subject = _("New warm handover for your group")
    outbox.send_mail(
        kind="handover_notice",
        to=recipients,
        subject=subject,
        body=body,
        key=f"handover_notice:{handover.pk}",
        support_point_id=handover.group.support_point_id,
    )


def _wipe(handover: Handover) -> list[str]:
    for name in PERSONAL_FIELDS:
        setattr(handover, name, "")
    handover.wiped_at = timezone.now()
    return [*PERSONAL_FIELDS, "wiped_at"]


@transaction.atomic
def handover_set_status(*, handover: Handover, status: HandoverStatus, actor: Actor) -> Handover:
    """Move the handover on. Closing it deletes the client's details at once; the row (no details) stays
    for the professional to see until its retention ends."""
    if STATUS_ORDER.index(status) < STATUS_ORDER.index(HandoverStatus(handover.status)):
        raise ValidationError(_("A handover cannot go back to an earlier status."))
    if handover.status == HandoverStatus.CLOSED:
        raise ValidationError(_("This handover is closed."))
    before = handover.status
    handover.status = status
    fields = ["status", "updated_at"]
    if status == HandoverStatus.CLOSED:
        fields += _wipe(handover)
    handover.save(update_fields=fields)
    log_action(obj=handover, action="handover.status", actor=actor, changes={"status": [before, status]})
    return handover


def handovers_purge(*, today: datetime.date | None = None) -> int:
    """Delete every handover whose retention has ended (delete_after before today). The counts stay."""
    with transaction.atomic():
        due = Handover.objects.due_for_deletion(today)
        deleted, _by_model = due.delete()
    return deleted

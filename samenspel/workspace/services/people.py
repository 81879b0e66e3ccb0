"""Who works where: members of a support point with their role, and the contact persons of a group."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samenspel.accounts.services import user_for_email
from samenspel.core.audit import log_action
from samenspel.core.services import Actor
from samenspel.directory.models import Group, Organisation
from samenspel.workspace import notices
from samenspel.workspace.models import GroupContact, Membership, Role


@transaction.atomic
def membership_set(*, support_point: Organisation, email: str, role: Role, actor: Actor) -> Membership:
    user = user_for_email(email)
    membership, created = Membership.objects.update_or_create(
        user=user, support_point=support_point, defaults={"role": role}
    )
    log_action(obj=membership, action="created" if created else "changed", actor=actor, changes={"role": [None, role]})
    if created:
        notices.member_added(membership)
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, actor: Actor) -> None:
    if membership.role == Role.MANAGER and not (
        Membership.objects.for_support_point(membership.support_point)
        .filter(role=Role.MANAGER)
        .exclude(pk=membership.pk)
        .exists()
    ):
        raise ValidationError(_("A support point keeps at least one manager."))
    log_action(obj=membership, action="removed", actor=actor)
    membership.delete()


@transaction.atomic
def group_contact_add(*, group: Group, email: str, actor: Actor) -> GroupContact:
    contact, created = GroupContact.objects.get_or_create(user=user_for_email(email), group=group)
    if created:
        log_action(obj=group, action="contact_added", actor=actor, changes={"contact": [None, contact.user_id]})
        notices.contact_added(contact)
    return contact


@transaction.atomic
def group_contact_remove(*, contact: GroupContact, actor: Actor) -> None:
    log_action(obj=contact.group, action="contact_removed", actor=actor, changes={"contact": [contact.user_id, None]})
    contact.delete()

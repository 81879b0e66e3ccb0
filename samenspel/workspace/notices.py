"""Who is told what in the workspace: invitations and notices, each in the receiver's language, via the outbox.

Every notice has its own idempotency key (the event that caused it), so a double submit or a command run twice
sends one mail. Links start with settings.SITE_URL (accounts/links.py: send_notice). Nothing about a citizen is
ever in these mails: the question reminder says how many wait, never who asked or what.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenspel.accounts.links import send_notice, site_url
from samenspel.directory.models import Organisation
from samenspel.workspace.models import WRITE_ROLES, ChangeRequest, ChangeStatus, GroupContact, Membership


def member_added(membership: Membership, *, by: str = "") -> None:
    """A person was given a role at a support point."""
    sp = membership.support_point
    send_notice(
        user=membership.user,
        kind="member_invited",
        key=f"member_invited:{membership.pk}",
        subject=lambda: (
            _("You can now work in the Samenspel workspace of %(support_point)s") % {"support_point": sp.name}
        ),
        lines=lambda: (
            [
                _("You have been added to the workspace of %(support_point)s as %(role)s.")
                % {"support_point": sp.name, "role": membership.get_role_display().lower()},
                _("There you keep the support point's groups on the social map current."),
            ]
            + ([_("Added by %(person)s.") % {"person": by}] if by else [])
        ),
        next_url=reverse("workspace:dashboard", kwargs={"slug": sp.slug}),
        support_point_id=sp.pk,
        reply_to=[sp.email] if sp.email else [],
    )


def contact_added(contact: GroupContact) -> None:
    """A person became a group's contact person."""
    group = contact.group
    sp = group.support_point
    send_notice(
        user=contact.user,
        kind="contact_invited",
        key=f"contact_invited:{contact.pk}",
        subject=lambda: _("You are now the contact person of %(group)s on Samenspel") % {"group": group.name},
        lines=lambda: [
            _("You have been made a contact person of %(group)s.") % {"group": group.name},
            _("You can keep the group's meeting times and description current yourself."),
        ],
        next_url=reverse("workspace:group", kwargs={"group_uuid": group.uuid}),
        support_point_id=sp.pk if sp else None,
        reply_to=[sp.email] if sp and sp.email else [],
    )


def change_waiting(change: ChangeRequest) -> None:
    """A contact's change waits for review: tell everyone at the support point who may decide on it."""
    group = change.group
    sp = group.support_point
    if sp is None:
        return
    deciders = Membership.objects.for_support_point(sp).filter(role__in=WRITE_ROLES).select_related("user")
    for membership in deciders:
        send_notice(
            user=membership.user,
            kind="change_waiting",
            key=f"change_waiting:{change.pk}",
            subject=lambda: _("A change to %(group)s waits for your review") % {"group": group.name},
            lines=lambda: [
                _("The contact person of %(group)s changed its entry. The change goes live when it is approved.")
                % {"group": group.name},
            ],
            next_url=reverse("workspace:change", kwargs={"change_uuid": change.uuid}),
            support_point_id=sp.pk,
        )


def change_decided(change: ChangeRequest) -> None:
    """Tell whoever proposed a change whether it was approved or rejected."""
    group = change.group
    sp = group.support_point
    user = change.submitted_by
    if user is None and change.submitted_email:
        user = get_user_model().objects.filter(email__iexact=change.submitted_email).order_by("id").first()
    approved = change.status == ChangeStatus.APPROVED

    def lines() -> list[str]:
        if approved:
            return [
                _("%(support_point)s approved your change to %(group)s. It is live now:")
                % {"support_point": sp.name if sp else "Samenspel", "group": group.name},
                site_url(reverse("finder:group", kwargs={"slug": group.slug})),
            ]
        found = [
            _("%(support_point)s did not take over your change to %(group)s. Nothing was changed.")
            % {"support_point": sp.name if sp else "Samenspel", "group": group.name}
        ]
        if change.decision_note:
            found.append(_("Their note: %(note)s") % {"note": change.decision_note})
        found.append(_("Questions? Reply to this e-mail."))
        return found

    send_notice(
        user=user,
        email=change.submitted_email,
        kind="change_decided",
        key=f"change_decided:{change.pk}",
        subject=lambda: (
            (
                _("Your change to %(group)s is approved")
                if approved
                else _("Your change to %(group)s was not taken over")
            )
            % {"group": group.name}
        ),
        lines=lines,
        support_point_id=sp.pk if sp else None,
        reply_to=[sp.email] if sp and sp.email else [],
    )


def questions_waiting(support_point: Organisation, count: int, *, today: datetime.date, days: int) -> int:
    """Remind the support point (its own address, and its staff who may answer) that questions wait.

    Returns how many addresses were told."""
    told = 0
    people = Membership.objects.for_support_point(support_point).filter(role__in=WRITE_ROLES).select_related("user")
    receivers: list[tuple[Any, str]] = [(m.user, "") for m in people]
    if support_point.email:
        receivers.append((None, support_point.email))
    for user, email in receivers:
        send_notice(
            user=user,
            email=email,
            kind="questions_waiting",
            key=f"questions_waiting:{support_point.pk}:{today.isoformat()}",
            subject=lambda: (
                ngettext("%(count)d question waits for an answer", "%(count)d questions wait for an answer", count)
                % {"count": count}
            ),
            lines=lambda: [
                ngettext(
                    "%(count)d question to a group of %(support_point)s has had no answer for %(days)d days or more.",
                    "%(count)d questions to groups of %(support_point)s have had no answer for %(days)d days or more.",
                    count,
                )
                % {"count": count, "support_point": support_point.name, "days": days},
            ],
            next_url=reverse("workspace:inbox", kwargs={"slug": support_point.slug}),
            support_point_id=support_point.pk,
        )
        told += 1
    return told

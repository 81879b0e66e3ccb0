"""Ask contact points whether their entry is still right; flag, note and hide what stays unchecked.

Safe to run as often as cron likes: one e-mail per group per verification
cycle, and flags are only written when they change.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samenspel.accounts.services import language_of_address
from samenspel.core import outbox
from samenspel.directory.freshness import FreshnessState, freshness_of, freshness_sync, verified_since
from samenspel.directory.models import Group, GroupFreshness, GroupStatus, SupportPointSettings
from samenspel.workspace.models import GroupContact
from samenspel.workspace.tokens import CHECK_LINK_MAX_AGE, check_token_for


class Command(BaseCommand):
    help = "Send 'is this still right?' e-mails for groups that are due, and flag or hide overdue groups."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--base-url",
            default=settings.SITE_URL,
            help="Start of the links in the e-mails, for example https://samenspel.nl",
        )

    def handle(self, *args: Any, base_url: str, **options: Any) -> None:
        now = timezone.now()
        configs: dict[int | None, SupportPointSettings] = {}
        sent = flagged = hidden = 0
        groups = Group.objects.exclude(status=GroupStatus.STOPPED).select_related("support_point").order_by("pk")
        for group in groups.iterator(chunk_size=500):
            if group.support_point_id not in configs:
                configs[group.support_point_id] = SupportPointSettings.for_support_point(group.support_point)
            config = configs[group.support_point_id]
            with transaction.atomic():
                state = freshness_sync(group=group, now=now, config=config)
                flagged += state.flagged_at is not None
                hidden += state.hidden_at is not None
                if freshness_of(group, config=config, now=now).state != FreshnessState.FRESH and _send_check(
                    group, state, base_url.rstrip("/"), now
                ):
                    sent += 1
        self.stdout.write(f"sent={sent} flagged={flagged} hidden={hidden}")


def _recipients(group: Group) -> list[str]:
    if group.contact_email:
        return [group.contact_email]
    return sorted(
        {c.user.email for c in GroupContact.objects.filter(group=group).select_related("user") if c.user.email}
    )


def _send_check(group: Group, state: GroupFreshness, base_url: str, now: Any) -> bool:
    since = verified_since(group)
    # One e-mail per cycle: a new verification starts a new cycle.
    if state.check_sent_for == since:
        return False
    recipients = _recipients(group)
    if not recipients:
        return False
    reply_to = group.support_point_reply_to()
    for address in recipients:
        # Each address gets its own link: the page it opens lets that address (and no other) change the entry.
        url = base_url + reverse("workspace:check", kwargs={"token": check_token_for(group, address)})
        with translation.override(language_of_address(address)):
            subject = _("Is the entry of %(group)s still right?") % {"group": group.name}
            body = "\n".join(
                [
                    _("Please check whether what Samenspel shows about %(group)s is still right.")
                    % {"group": group.name},
                    _("One click is enough if nothing changed; you can also change the entry there:"),
                    url,
                    "",
                    _("The link works for %(days)d days. You do not need to sign in.")
                    % {"days": CHECK_LINK_MAX_AGE.days},
                ]
            )
        outbox.send_mail(
            kind="freshness_check",
            to=[address],
            subject=subject,
            body=body,
            reply_to=reply_to,
            key=f"freshness_check:{group.pk}:{since.isoformat()}",
            support_point_id=group.support_point_id,
        )
    state.check_sent_at = now
    state.check_sent_for = since
    state.save(update_fields=["check_sent_at", "check_sent_for"])
    return True

"""Every write to a space, its members, messages and moderation. Keyword-only, `<thing>_<action>`, in a transaction.

Joining and leaving are not in the audit log: a member who leaves leaves nothing, not even "member #12 joined".

A member acts under their pseudonym only. Moderator actions are written twice: to the space's own moderation log
(which its moderators read, by pseudonym) and to the audit log (never a pseudonym or a text: "member #12").
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samenspel.accounts.links import site_url
from samenspel.core import outbox
from samenspel.core.audit import log_action
from samenspel.core.services import model_update
from samenspel.spaces import codes
from samenspel.spaces.models import (
    AccessLevel,
    Invitation,
    Member,
    MemberContact,
    MemberStatus,
    ModerationEntry,
    ModerationKind,
    Post,
    PostStatus,
    Report,
    Space,
    Thread,
)


class Refused(Exception):
    """A write the rules of the space do not allow; the message is for the member, in their language."""


@dataclass(frozen=True)
class Moderator:
    """Who moderates: a member the group chose (by pseudonym), or support-point staff in a theme space."""

    member: Member | None = None
    user: Any = None

    @property
    def label(self) -> str:
        return self.member.pseudonym if self.member is not None else _("Support point")

    def audit(self) -> dict[str, Any]:
        if self.member is not None:
            return {"actor": None, "actor_label": f"moderator {self.member}"}
        return {"actor": self.user}


def months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    """The same moment `months` calendar months earlier (the 31st becomes the month's last day)."""
    years, month0 = divmod(moment.month - 1 - months, 12)
    year, month = moment.year + years, month0 + 1
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))


def _contact_keep_until(space: Space) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=31 * space.retention_months)


# ---- spaces -------------------------------------------------------------------------------------------------


@transaction.atomic
def space_open(
    *,
    actor: Any,
    support_point: Any,
    name: str,
    access_level: str,
    house_rules: str,
    retention_months: int = 12,
    posts_per_day: int = 10,
    group: Any = None,
    theme: Any = None,
) -> Space:
    space = Space(support_point=support_point, group=group, theme=theme)
    model_update(
        space,
        actor=actor,
        action="space_opened",
        name=name,
        access_level=access_level,
        house_rules=house_rules,
        retention_months=retention_months,
        posts_per_day=posts_per_day,
    )
    return space


@transaction.atomic
def space_update(*, actor: Any, space: Space, **fields: Any) -> dict[str, list[Any]]:
    return model_update(space, actor=actor, action="space_changed", **fields)


@transaction.atomic
def invitation_create(*, actor: Any, space: Space, single_use: bool, as_moderator: bool = False) -> str:
    """A new code; returns it (shown once). A new shared code replaces the previous shared code."""
    now = timezone.now()
    if not single_use:
        space.invitations.filter(single_use=False, revoked_at__isnull=True).update(revoked_at=now)
    code = codes.invitation_code()
    invitation = Invitation.objects.create(
        space=space, code_hash=codes.code_hash("invite", code), single_use=single_use, as_moderator=as_moderator
    )
    log_action(
        obj=invitation,
        action="space_invitation",
        actor=actor,
        changes={"single_use": single_use, "as_moderator": as_moderator},
    )
    return code


def invitation_find(code: str) -> Invitation | None:
    """The open invitation this code belongs to, in a space that is open."""
    if not codes.normalise(code):
        return None
    return (
        Invitation.objects.select_related("space")
        .filter(code_hash=codes.code_hash("invite", code), revoked_at__isnull=True, used_at__isnull=True)
        .filter(space__is_closed=False)
        .first()
    )


# ---- members ------------------------------------------------------------------------------------------------


def pseudonym_taken(space: Space, pseudonym: str) -> bool:
    return space.members.filter(pseudonym__iexact=pseudonym.strip()).exists()


@transaction.atomic
def member_join(
    *, space: Space, pseudonym: str, invitation: Invitation | None = None, email: str = "", language: str = "nl"
) -> tuple[Member, str]:
    """A new member under a pseudonym, having accepted the house rules; returns the member and their key."""
    if space.is_closed:
        raise Refused(_("This space is closed."))
    if invitation is None and not space.is_public:
        raise Refused(_("You need an invitation code for this space."))
    if invitation is not None:
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.space_id != space.pk or invitation.used_at or invitation.revoked_at:
            raise Refused(_("This code does not work (any more). Ask the group for a new one."))
        if invitation.single_use:
            invitation.used_at = timezone.now()
            invitation.save(update_fields=["used_at"])
    if pseudonym_taken(space, pseudonym):
        raise Refused(_("Someone in this space already uses this name. Choose another."))
    key = codes.member_key()
    now = timezone.now()
    as_moderator = invitation is not None and invitation.as_moderator
    member = Member.objects.create(
        space=space,
        pseudonym=pseudonym.strip(),
        key_hash=codes.code_hash("member", key),
        is_moderator=as_moderator,
        trusted=as_moderator,
        status=(
            MemberStatus.INTRODUCING
            if space.access_level == AccessLevel.CONDITIONAL and not as_moderator
            else MemberStatus.ACTIVE
        ),
        rules_accepted_at=now,
    )
    if email:
        member_set_email(member=member, email=email, digest=True, language=language)
    return member, key


def member_by_key(key: str) -> Member | None:
    if not codes.normalise(key):
        return None
    return (
        Member.objects.select_related("space")
        .filter(key_hash=codes.code_hash("member", key), space__is_closed=False)
        .first()
    )


@transaction.atomic
def member_link_used(*, member: Member) -> None:
    """A mailed sign-in link works once: using it moves the member's link counter on."""
    Member.objects.filter(pk=member.pk).update(link_nonce=models.F("link_nonce") + 1)


def member_seen(*, member: Member) -> None:
    now = timezone.now()
    if now - member.last_seen_at > datetime.timedelta(hours=1):
        Member.objects.filter(pk=member.pk).update(last_seen_at=now)
        MemberContact.objects.filter(member=member).update(delete_after=_contact_keep_until(member.space))


@transaction.atomic
def member_set_email(*, member: Member, email: str, digest: bool, language: str) -> None:
    """Give, change or (empty) remove the address; it is only for sign-in links and the digest."""
    email = email.strip()
    if not email:
        MemberContact.objects.filter(member=member).delete()
        return
    MemberContact.objects.update_or_create(
        member=member,
        defaults={
            "email": email,
            "email_hash": codes.code_hash("email", email.lower()),
            "digest": digest,
            "language": language,
            "consent": True,
            "delete_after": _contact_keep_until(member.space),
        },
    )


@transaction.atomic
def member_set_digest(*, member: Member, digest: bool) -> None:
    MemberContact.objects.filter(member=member).update(digest=digest)


def member_export(*, member: Member) -> dict[str, Any]:
    """Everything the space keeps of this member, for them to take along."""
    contact = MemberContact.objects.filter(member=member).first()
    return {
        "space": member.space.name,
        "pseudonym": member.pseudonym,
        "joined": member.joined_at.isoformat(),
        "house_rules_accepted": member.rules_accepted_at.isoformat(),
        "moderator": member.is_moderator,
        "warnings": member.warnings,
        "email": contact.email if contact else None,
        "daily_digest": contact.digest if contact else None,
        "messages": [
            {
                "conversation": post.thread.title,
                "written": post.created_at.isoformat(),
                "status": post.status,
                "text": post.body,
                "moderator_note": post.moderator_note,
            }
            for post in member.posts.select_related("thread").order_by("created_at", "id")
        ],
    }


def _remove_posts(posts: Any) -> None:
    """Delete posts; a conversation whose opening message goes keeps others' replies but loses its subject."""
    thread_ids = set(posts.values_list("thread_id", flat=True))
    posts.delete()
    for thread in Thread.objects.filter(pk__in=thread_ids).annotate(n=Count("posts")):
        if thread.n == 0:
            thread.delete()


@transaction.atomic
def member_delete(*, member: Member) -> None:
    """The member leaves: their messages, reports, address and pseudonym are deleted; nothing stays."""
    Thread.objects.filter(author=member).update(title="", author=None)
    _remove_posts(Post.objects.filter(author=member))
    member.delete()


# ---- messages -----------------------------------------------------------------------------------------------


def _check_may_post(member: Member, *, introduction: bool = False) -> None:
    if member.space.is_closed:
        raise Refused(_("This space is closed."))
    if member.is_paused():
        raise Refused(_("A moderator has paused your membership for a while. You can still read."))
    if member.status == MemberStatus.INTRODUCING and not introduction:
        raise Refused(_("Introduce yourself first; a moderator then lets you in."))
    since = timezone.now() - datetime.timedelta(days=1)
    if member.posts.filter(created_at__gte=since).count() >= member.space.posts_per_day:
        raise Refused(
            _("You have written %(count)d messages in the last 24 hours, the most this space allows. Take a break.")
            % {"count": member.space.posts_per_day}
        )


def _post(*, member: Member, thread: Thread, body: str, now: datetime.datetime) -> Post:
    """A trusted member's message is visible at once; a new member's first one waits for a moderator."""
    visible = member.trusted
    return Post.objects.create(
        thread=thread,
        author=member,
        body=body,
        status=PostStatus.VISIBLE if visible else PostStatus.WAITING,
        created_at=now,
        visible_since=now if visible else None,
    )


@transaction.atomic
def thread_create(*, member: Member, title: str, body: str) -> Thread:
    introduction = member.status == MemberStatus.INTRODUCING
    _check_may_post(member, introduction=introduction)
    if introduction and member.posts.exists():
        raise Refused(_("Your introduction is waiting for a moderator."))
    now = timezone.now()
    thread = Thread.objects.create(
        space=member.space, title=title.strip(), author=member, created_at=now, last_post_at=now
    )
    _post(member=member, thread=thread, body=body, now=now)
    member_seen(member=member)
    return thread


@transaction.atomic
def post_create(*, member: Member, thread: Thread, body: str) -> Post:
    _check_may_post(member)
    now = timezone.now()
    post = _post(member=member, thread=thread, body=body, now=now)
    if post.status == PostStatus.VISIBLE:
        Thread.objects.filter(pk=thread.pk).update(last_post_at=now)
    member_seen(member=member)
    return post


@transaction.atomic
def post_report(*, member: Member, post: Post, reason: str) -> Report:
    report, _created = Report.objects.get_or_create(post=post, reporter=member, defaults={"reason": reason})
    return report


# ---- moderation ---------------------------------------------------------------------------------------------


def _log(
    *,
    moderator: Moderator,
    space: Space,
    kind: str,
    member: Member | None = None,
    post: Post | None = None,
    note: str = "",
) -> None:
    entry = ModerationEntry.objects.create(
        space=space,
        kind=kind,
        moderator=moderator.member,
        by_support_point=moderator.member is None,
        member=member,
        post=post,
        note=note,
    )
    target = post or member or space
    log_action(obj=target, action=f"space_{kind}", changes={"moderation": entry.pk}, **moderator.audit())


def _close_reports(post: Post) -> None:
    post.reports.filter(handled_at__isnull=True).update(handled_at=timezone.now())


@transaction.atomic
def post_approve(*, moderator: Moderator, post: Post) -> None:
    """A waiting message goes up; its writer is trusted from now on (an introduction also lets them in)."""
    post.status = PostStatus.VISIBLE
    post.visible_since = timezone.now()
    post.save(update_fields=["status", "visible_since"])
    Thread.objects.filter(pk=post.thread_id).update(last_post_at=timezone.now())
    author = post.author
    admitted = author.status == MemberStatus.INTRODUCING
    author.trusted = True
    if admitted:
        author.status = MemberStatus.ACTIVE
    author.save(update_fields=["trusted", "status"])
    _log(moderator=moderator, space=post.thread.space, kind=ModerationKind.APPROVE, member=author, post=post)
    if admitted:
        _log(moderator=moderator, space=post.thread.space, kind=ModerationKind.ADMIT, member=author)


@transaction.atomic
def post_hide(*, moderator: Moderator, post: Post, note: str) -> None:
    post.status = PostStatus.HIDDEN
    post.moderator_note = note
    post.save(update_fields=["status", "moderator_note"])
    _close_reports(post)
    _log(
        moderator=moderator, space=post.thread.space, kind=ModerationKind.HIDE, member=post.author, post=post, note=note
    )


@transaction.atomic
def post_edit(*, moderator: Moderator, post: Post, body: str, note: str) -> None:
    """A moderator changes a message; the note ("removed a phone number") is shown with it."""
    post.body = body
    post.moderator_note = note
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "moderator_note", "edited_at"])
    _close_reports(post)
    _log(
        moderator=moderator, space=post.thread.space, kind=ModerationKind.EDIT, member=post.author, post=post, note=note
    )


@transaction.atomic
def report_dismiss(*, moderator: Moderator, post: Post) -> None:
    _close_reports(post)
    _log(moderator=moderator, space=post.thread.space, kind=ModerationKind.DISMISS, member=post.author, post=post)


@transaction.atomic
def member_warn(*, moderator: Moderator, member: Member, note: str) -> None:
    member.warnings += 1
    member.save(update_fields=["warnings"])
    _log(moderator=moderator, space=member.space, kind=ModerationKind.WARN, member=member, note=note)


@transaction.atomic
def member_pause(*, moderator: Moderator, member: Member, days: int, note: str) -> None:
    member.status = MemberStatus.PAUSED
    member.paused_until = timezone.localdate() + datetime.timedelta(days=days)
    member.save(update_fields=["status", "paused_until"])
    _log(moderator=moderator, space=member.space, kind=ModerationKind.PAUSE, member=member, note=note)


@transaction.atomic
def member_unpause(*, moderator: Moderator, member: Member) -> None:
    member.status = MemberStatus.ACTIVE
    member.paused_until = None
    member.save(update_fields=["status", "paused_until"])
    _log(moderator=moderator, space=member.space, kind=ModerationKind.UNPAUSE, member=member)


def queue(space: Space) -> dict[str, Any]:
    """What waits for a moderator: first messages of new members, and reported messages."""
    waiting = Post.objects.filter(thread__space=space, status=PostStatus.WAITING).select_related("author", "thread")
    reported = (
        Post.objects.filter(thread__space=space, reports__handled_at__isnull=True)
        .exclude(status=PostStatus.HIDDEN)
        .select_related("author", "thread")
        .distinct()
    )
    return {"waiting": list(waiting), "reported": list(reported)}


# ---- the daily jobs -----------------------------------------------------------------------------------------


@transaction.atomic
def spaces_purge(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Delete what each space's retention period has passed; safe to run as often as wanted."""
    now = now or timezone.now()
    counts = {"posts": 0, "members": 0, "contacts": 0, "log": 0}
    for space in Space.objects.all():
        cutoff = months_before(now, space.retention_months)
        old = Post.objects.filter(thread__space=space, created_at__lt=cutoff)
        counts["posts"] += old.count()
        _remove_posts(old)
        Thread.objects.filter(space=space, created_at__lt=cutoff).annotate(n=Count("posts")).filter(n=0).delete()
        # Members unseen for the whole period, with nothing left: they leave nothing behind.
        gone = space.members.filter(last_seen_at__lt=cutoff).annotate(n=Count("posts")).filter(n=0)
        for member in gone:
            member_delete(member=member)
            counts["members"] += 1
        counts["log"] += space.moderation_log.filter(created_at__lt=cutoff).delete()[0]
        Report.objects.filter(post__thread__space=space, handled_at__lt=cutoff).delete()
        space.invitations.filter(Q(used_at__lt=cutoff) | Q(revoked_at__lt=cutoff)).delete()
    counts["contacts"] = MemberContact.objects.filter(delete_after__lt=now.date()).delete()[0]
    return counts


def digests_send(*, now: datetime.datetime | None = None) -> int:
    """One e-mail per member who asked for it and has new messages to read: how many, and the link. Never the
    text, the subject of a conversation or the name of the space (a mailbox is not always private)."""
    now = now or timezone.now()
    sent = 0
    contacts = MemberContact.objects.filter(
        digest=True, member__space__is_closed=False, member__status=MemberStatus.ACTIVE
    ).select_related("member__space")
    for contact in contacts:
        member = contact.member
        new = (
            Post.objects.filter(
                thread__space=member.space, status=PostStatus.VISIBLE, visible_since__gt=contact.last_digest_at
            )
            .exclude(author=member)
            .count()
        )
        if new:
            with translation.override(contact.language):
                outbox.send_mail(
                    kind="space_digest",
                    to=[contact.email],
                    subject=_("New messages in your online group"),
                    body="\n".join(
                        [
                            _("There are %(count)d new messages in your online group since the last e-mail.")
                            % {"count": new},
                            "",
                            site_url(reverse("spaces:come_back")),
                            "",
                            _("You get this e-mail at most once a day. Stop it on your page in the group."),
                        ]
                    ),
                    key=f"space-digest:{contact.pk}:{now.date().isoformat()}",
                )
            sent += 1
        MemberContact.objects.filter(pk=contact.pk).update(last_digest_at=now)
    return sent


def send_sign_in_links(*, email: str, link_for: Any) -> None:
    """A sign-in link to this address for every space where it belongs to a member (the page says the same
    whether it belongs to any or not). `link_for(member)` makes the link."""
    for contact in MemberContact.objects.filter(
        email_hash=codes.code_hash("email", email.strip().lower())
    ).select_related("member__space"):
        if contact.member.space.is_closed:
            continue
        with translation.override(contact.language):
            outbox.send_mail(
                kind="space_sign_in",
                to=[contact.email],
                subject=_("Your link to your online group"),
                body="\n".join(
                    [
                        _("Open this link to go to your online group. It works once, for 15 minutes:"),
                        link_for(contact.member),
                        "",
                        _("Did you not ask for it? Then you can ignore this message."),
                    ]
                ),
            )

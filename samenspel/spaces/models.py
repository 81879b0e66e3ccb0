"""Moderated online group spaces: a place to meet between meetings, that keeps its members anonymous.

A member of a space is not an account of Samenspel (no Django user): a pseudonym in one space, with a secret
key to come back, and only if they want an e-mail address, kept apart (MemberContact, encrypted) for sign-in
links and the daily digest. Two spaces never share a member, so nothing links one person's spaces together,
and nothing a member does appears in the workspace, the admin's user list or the audit log's actors.

Access levels follow NAKOS' typology of online self-help, from open to closed (Movisie 2014, 002:3111).
"""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.core.crypto import EncryptedTextField
from samenspel.directory.models import Group, Organisation, Theme


class AccessLevel(models.TextChoices):
    # NAKOS (2009), as cited in 002:3111: from open to closed.
    OPEN = "open", _("Open: everyone reads and anyone can join to write")
    READ_OPEN = "read_open", _("Everyone reads; writing after joining")
    REGISTERED = "registered", _("Reading and writing after joining with the group's code")
    CONDITIONAL = "conditional", _("Joining with the code, then introducing yourself first")
    INVITED = "invited", _("Only people the group invites personally")


# Levels whose messages anyone may read, and whose join page anyone may find.
PUBLIC_LEVELS = {AccessLevel.OPEN, AccessLevel.READ_OPEN}
# Levels that a code opens (the group's shared code); INVITED takes a personal, single-use code.
CODE_LEVELS = {AccessLevel.REGISTERED, AccessLevel.CONDITIONAL}

DEFAULT_HOUSE_RULES = _(
    "What is said here stays here.\n"
    "Write about yourself, not about others; use no names.\n"
    "Respect each other; no advice you were not asked for.\n"
    "No advertising, no links to sell something.\n"
    "This space is no help in a crisis: call one of the numbers at the top of the page."
)


class Space(models.Model):
    """One group's space, or one support point's space on a theme."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name of the space"), max_length=120)
    # A group's space, chosen and run by the group; or a theme space of a support point.
    group = models.OneToOneField(
        Group, null=True, blank=True, on_delete=models.CASCADE, related_name="space", verbose_name=_("group")
    )
    support_point = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="spaces", verbose_name=_("support point")
    )
    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("theme")
    )
    access_level = models.CharField(
        _("who may read and write"), max_length=16, choices=AccessLevel.choices, default=AccessLevel.REGISTERED
    )
    house_rules = models.TextField(_("house rules"), max_length=3000)
    retention_months = models.PositiveSmallIntegerField(_("keep messages for (months)"), default=12)
    posts_per_day = models.PositiveSmallIntegerField(_("messages per member per day"), default=10)
    is_closed = models.BooleanField(_("closed"), default=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("online space")
        verbose_name_plural = _("online spaces")
        constraints = [
            models.CheckConstraint(
                condition=Q(group__isnull=False) | Q(theme__isnull=False), name="space_is_for_a_group_or_a_theme"
            ),
            models.CheckConstraint(
                condition=Q(retention_months__gte=1, retention_months__lte=60), name="space_retention_1_to_60_months"
            ),
        ]

    def __str__(self) -> str:
        return f"space #{self.pk}"

    @property
    def is_public(self) -> bool:
        return self.access_level in PUBLIC_LEVELS

    @property
    def is_theme_space(self) -> bool:
        return self.group_id is None


class Invitation(models.Model):
    """A code that lets someone join: the group's shared code, or a personal one used once.

    Only a keyed hash of the code is kept; the code itself is shown once to whoever made it.
    """

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="invitations")
    code_hash = models.CharField(max_length=64, unique=True)
    single_use = models.BooleanField(default=False)
    as_moderator = models.BooleanField(_("as moderator"), default=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"invitation #{self.pk}"


class MemberStatus(models.TextChoices):
    INTRODUCING = "introducing", _("Introducing themselves")
    ACTIVE = "active", _("Member")
    PAUSED = "paused", _("Paused")


class Member(models.Model):
    """A pseudonym in one space. No name, no account; the key to come back is kept only as a keyed hash."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="members")
    pseudonym = models.CharField(_("pseudonym"), max_length=40)
    key_hash = models.CharField(max_length=64, unique=True)
    is_moderator = models.BooleanField(_("moderator"), default=False)
    status = models.CharField(max_length=16, choices=MemberStatus.choices, default=MemberStatus.ACTIVE)
    paused_until = models.DateField(null=True, blank=True)
    # A member's first message waits for a moderator; after one approved message they post directly.
    trusted = models.BooleanField(default=False)
    warnings = models.PositiveSmallIntegerField(default=0)
    rules_accepted_at = models.DateTimeField()
    joined_at = models.DateTimeField(default=timezone.now, editable=False)
    last_seen_at = models.DateTimeField(default=timezone.now)
    # Bumped at every sign-in link use, so a link works once.
    link_nonce = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        constraints = [
            models.UniqueConstraint(fields=["space", "pseudonym"], name="pseudonym_unique_per_space"),
        ]

    def __str__(self) -> str:
        # Never the pseudonym: this string lands in the audit log, which outlives the member.
        return f"member #{self.pk}"

    def is_paused(self, today: datetime.date | None = None) -> bool:
        return self.status == MemberStatus.PAUSED and (
            self.paused_until is None or self.paused_until >= (today or timezone.localdate())
        )


class MemberContact(models.Model):
    """A member's e-mail address, only for sign-in links and the digest: apart from the pseudonym, encrypted,
    never shown to moderators or staff. Given by the member (consent) and deleted with them, or when unused."""

    member = models.OneToOneField(Member, on_delete=models.CASCADE, related_name="contact")
    email = EncryptedTextField(_("e-mail address"))
    # A keyed hash of the address, to find the member when they ask for a sign-in link.
    email_hash = models.CharField(max_length=64, db_index=True)
    consent = models.BooleanField(default=True)
    digest = models.BooleanField(_("daily digest"), default=True)
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE)
    last_digest_at = models.DateTimeField(default=timezone.now)
    delete_after = models.DateField()

    class Meta:
        verbose_name = _("member's e-mail address")
        verbose_name_plural = _("members' e-mail addresses")
        constraints = [models.CheckConstraint(condition=Q(consent=True), name="member_contact_needs_consent")]

    def __str__(self) -> str:
        return f"contact #{self.pk}"


class Thread(models.Model):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="threads")
    title = models.CharField(_("subject"), max_length=120, blank=True)
    # Null once the member who started it left: the subject is wiped with them.
    author = models.ForeignKey(Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    last_post_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-last_post_at", "-id"]

    def __str__(self) -> str:
        return f"thread #{self.pk}"


class PostStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting for a moderator")
    VISIBLE = "visible", _("Visible")
    HIDDEN = "hidden", _("Hidden by a moderator")


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="posts")
    body = models.TextField(_("message"), max_length=5000)
    status = models.CharField(max_length=16, choices=PostStatus.choices, default=PostStatus.VISIBLE)
    moderator_note = models.CharField(_("note from the moderator"), max_length=300, blank=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # When others could first read it (at once, or when a moderator approved it): what the digest counts.
    visible_since = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["author", "created_at"])]

    def __str__(self) -> str:
        return f"post #{self.pk}"


class Report(models.Model):
    """A member tells the moderators a message breaks the rules."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("what is wrong"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "reporter"], name="one_report_per_member_per_post")]

    def __str__(self) -> str:
        return f"report #{self.pk}"


class ModerationKind(models.TextChoices):
    APPROVE = "approve", _("Approved a message")
    HIDE = "hide", _("Hid a message")
    EDIT = "edit", _("Edited a message")
    DISMISS = "dismiss", _("Kept a reported message")
    WARN = "warn", _("Warned a member")
    PAUSE = "pause", _("Paused a member")
    UNPAUSE = "unpause", _("Ended a pause")
    ADMIT = "admit", _("Admitted a member after the introduction")


class ModerationEntry(models.Model):
    """Every moderator action, for the space's moderators to read back: by pseudonym or "support point"."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="moderation_log")
    kind = models.CharField(max_length=16, choices=ModerationKind.choices)
    # A moderator member (by pseudonym, gone when they leave), or support-point staff (never their name here;
    # the audit log names the account).
    moderator = models.ForeignKey(Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    by_support_point = models.BooleanField(default=False)
    member = models.ForeignKey(Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"moderation #{self.pk}"

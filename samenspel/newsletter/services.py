"""Every write to the newsletter: keyword-only, typed, in a transaction, each change in the audit log.

Subscribers are logged without their address (`Subscriber.__str__` is a number): the audit trail must not become a
second list of addresses.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samenspel.core import outbox
from samenspel.core.audit import Actor, log_action
from samenspel.core.printing import RTL_LANGUAGES, render_pdf, stylesheet_path
from samenspel.directory.models import Group, GroupStatus, Organisation
from samenspel.learning.models import CourseRun, RunStatus
from samenspel.newsletter import conf
from samenspel.newsletter.models import Issue, Subscriber

CONFIRM_SALT = "samenspel.newsletter.confirm"
UNSUBSCRIBE_SALT = "samenspel.newsletter.unsubscribe"


class NewsletterError(Exception):
    """A refusal the page shows as it is; nothing was changed."""


# --- subscribers ------------------------------------------------------------------------------------------


def confirm_link(subscriber: Subscriber) -> str:
    token = signing.dumps(str(subscriber.uuid), salt=CONFIRM_SALT)
    return settings.SITE_URL + reverse("newsletter:confirm", kwargs={"token": token})


def unsubscribe_link(subscriber: Subscriber) -> str:
    # No expiry: an old issue's link must still let someone leave.
    token = signing.dumps(str(subscriber.uuid), salt=UNSUBSCRIBE_SALT)
    return settings.SITE_URL + reverse("newsletter:unsubscribe", kwargs={"token": token})


def token_value(token: str, *, salt: str, max_age: datetime.timedelta | None = None) -> str | None:
    """The uuid a link was signed for, or None when the link was changed or is too old."""
    try:
        return str(signing.loads(token, salt=salt, max_age=max_age))
    except signing.BadSignature:
        return None


def subscribe(*, support_point: Organisation, email: str, language: str, submit_key: str = "") -> Subscriber:
    """Store a sign-up (unconfirmed) and mail the confirmation link. The same address again changes nothing and
    mails nothing new, so the page never tells whether an address was on the list."""
    email = email.strip().lower()
    existing = Subscriber.objects.filter(support_point=support_point, email=email).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            subscriber = Subscriber.objects.create(
                support_point=support_point, email=email, language=language, submit_key=submit_key or None
            )
            log_action(obj=subscriber, action="newsletter.subscribe", actor_label="visitor")
            _mail_confirmation(subscriber)
    except IntegrityError:
        # The same form twice at once, or the same address at once: the first one stands.
        return Subscriber.objects.get(support_point=support_point, email=email)
    return subscriber


def _mail_confirmation(subscriber: Subscriber) -> None:
    sp = subscriber.support_point
    with translation.override(subscriber.language):
        subject = _("Please confirm: the newsletter of %(support_point)s") % {"support_point": sp.name}
        body = "\n".join(
            [
                _("Hello,"),
                "",
                _("Someone, probably you, asked for the newsletter of %(support_point)s at this address.")
                % {"support_point": sp.name},
                _("Open this link and press the button to confirm:"),
                confirm_link(subscriber),
                "",
                _("Did you not ask for it? Then do nothing: we delete the address after %(days)s days.")
                % {"days": conf.unconfirmed_days()},
            ]
        )
    outbox.send_mail(
        kind="newsletter_confirm",
        to=[subscriber.email],
        subject=subject,
        body=body,
        reply_to=[sp.email] if sp.email else [],
        key=f"newsletter_confirm:{subscriber.uuid}",
    )


def subscriber_for_confirmation(token: str) -> Subscriber | None:
    value = token_value(token, salt=CONFIRM_SALT, max_age=datetime.timedelta(days=conf.unconfirmed_days()))
    if value is None:
        return None
    return Subscriber.objects.select_related("support_point").filter(uuid=value).first()


@transaction.atomic
def confirm(*, subscriber: Subscriber) -> None:
    """Confirm a sign-up once; a second confirmation is refused and changes nothing."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.confirmed_at is not None:
        raise NewsletterError(_("This address was confirmed already. You receive the newsletter."))
    subscriber.confirmed_at = timezone.now()
    subscriber.save(update_fields=["confirmed_at"])
    log_action(obj=subscriber, action="newsletter.confirm", actor_label="subscriber (own link)")


def subscriber_for_unsubscribe(token: str) -> tuple[bool, Subscriber | None]:
    """(whether the link is genuine, the subscriber it names if still on the list)."""
    value = token_value(token, salt=UNSUBSCRIBE_SALT)
    if value is None:
        return False, None
    return True, Subscriber.objects.select_related("support_point").filter(uuid=value).first()


@transaction.atomic
def unsubscribe(*, subscriber: Subscriber) -> None:
    """Leave with one click: the address is deleted at once (nothing of it is kept)."""
    log_action(obj=subscriber, action="newsletter.unsubscribe", actor_label="subscriber (own link)")
    Subscriber.objects.filter(pk=subscriber.pk).delete()


def subscribers_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete sign-ups never confirmed within `conf.unconfirmed_days()`; returns how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=conf.unconfirmed_days())
    deleted, _by_model = Subscriber.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()
    return deleted


# --- composing ----------------------------------------------------------------------------------------------


def candidate_new_groups(support_point: Organisation) -> QuerySet[Group]:
    since = timezone.now() - datetime.timedelta(days=conf.NEW_GROUP_DAYS)
    return Group.objects.public().for_support_point(support_point).filter(created_at__gte=since).order_by("name")


def candidate_looking_groups(support_point: Organisation) -> QuerySet[Group]:
    return Group.objects.public().for_support_point(support_point).filter(status=GroupStatus.LOOKING).order_by("name")


def candidate_runs(support_point: Organisation) -> QuerySet[CourseRun]:
    return (
        CourseRun.objects.for_support_point(support_point)
        .filter(status=RunStatus.OPEN, in_calendar=True, sessions__starts_at__gte=timezone.now())
        .distinct()
        .select_related("template")
    )


@transaction.atomic
def issue_create(
    *,
    support_point: Organisation,
    title: str,
    intro: str,
    new_groups: list[Group],
    looking_groups: list[Group],
    runs: list[CourseRun],
    actor: Actor,
) -> Issue:
    """An issue with something in it: an issue without own words and without any item is refused."""
    if not intro.strip() and not (new_groups or looking_groups or runs):
        raise NewsletterError(_("An issue needs a few words of your own or at least one group or training."))
    for group in [*new_groups, *looking_groups]:
        if group.support_point_id != support_point.pk:
            raise NewsletterError(_("A group of another support point cannot be in your newsletter."))
    for run in runs:
        if run.support_point_id != support_point.pk:
            raise NewsletterError(_("A training of another support point cannot be in your newsletter."))
    issue = Issue.objects.create(
        support_point=support_point, title=title.strip(), intro=intro.strip(), created_by=_user(actor)
    )
    issue.new_groups.set(new_groups)
    issue.looking_groups.set(looking_groups)
    issue.runs.set(runs)
    log_action(obj=issue, action="newsletter_issue.create", actor=actor)
    return issue


def _user(actor: Actor) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


# --- rendering ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    title: str
    text: str
    when: str
    url: str


def _group_item(group: Group) -> Item:
    description = " ".join((group.description or "").split())
    if len(description) > 240:
        description = description[:237].rsplit(" ", 1)[0] + "…"
    url = settings.SITE_URL + reverse("finder:group", kwargs={"slug": group.slug})
    return Item(title=group.name, text=description, when="", url=url)


def _run_item(run: CourseRun) -> Item:
    start = run.first_start()
    when = timezone.localtime(start).strftime("%d-%m-%Y %H:%M") if start else ""
    where = run.where()
    url = settings.SITE_URL + reverse("learning:calendar_sp", kwargs={"slug": run.support_point.slug})
    return Item(title=run.heading(), text=where, when=when, url=url)


def issue_context(issue: Issue, *, unsubscribe_url: str = "") -> dict[str, Any]:
    sp = issue.support_point
    return {
        "issue": issue,
        "sp": sp,
        "intro_paragraphs": [p.strip() for p in issue.intro.split("\n\n") if p.strip()],
        "new_groups": [_group_item(g) for g in issue.new_groups.order_by("name")],
        "looking_groups": [_group_item(g) for g in issue.looking_groups.order_by("name")],
        "runs": [_run_item(r) for r in issue.runs.select_related("template", "support_point")],
        "subscribe_url": settings.SITE_URL + reverse("newsletter:subscribe", kwargs={"slug": sp.slug}),
        "unsubscribe_url": unsubscribe_url,
    }


def issue_pdf(issue: Issue) -> bytes:
    language = translation.get_language() or "nl"
    context = {**issue_context(issue), "rtl": language in RTL_LANGUAGES, "language": language}
    html = render_to_string("newsletter/issue_print.html", context)
    return render_pdf(html, stylesheet_path("newsletter/print.css"))


# --- sending ------------------------------------------------------------------------------------------------


@transaction.atomic
def issue_send(*, issue: Issue, actor: Actor) -> int:
    """Mail the issue to every confirmed subscriber who has not had it; returns how many were queued.

    Idempotent twice over: a second send looks only at subscribers confirmed since the last one, and the outbox
    key (issue × address) keeps anyone from getting it twice even when two sends run at once.
    """
    issue = Issue.objects.select_for_update().select_related("support_point").get(pk=issue.pk)
    now = timezone.now()
    subscribers = Subscriber.objects.for_support_point(issue.support_point).confirmed()
    if issue.last_sent_at is not None:
        subscribers = subscribers.filter(confirmed_at__gt=issue.last_sent_at)
    queued = 0
    # The items once per language (a group's name and text have a column per language); each mail adds its own
    # unsubscribe link.
    contexts: dict[str, dict[str, Any]] = {}
    for subscriber in subscribers.order_by("pk"):
        if subscriber.language not in contexts:
            with translation.override(subscriber.language):
                contexts[subscriber.language] = issue_context(issue)
        queued += _mail_issue(issue, subscriber, contexts[subscriber.language])
    issue.first_sent_at = issue.first_sent_at or now
    issue.last_sent_at = now
    issue.sent_count += queued
    issue.save(update_fields=["first_sent_at", "last_sent_at", "sent_count"])
    log_action(obj=issue, action="newsletter_issue.send", actor=actor, changes={"queued": [None, queued]})
    return queued


def _mail_issue(issue: Issue, subscriber: Subscriber, context: dict[str, Any]) -> int:
    link = unsubscribe_link(subscriber)
    with translation.override(subscriber.language):
        own = {**context, "unsubscribe_url": link}
        html = render_to_string("newsletter/issue_mail.html", own)
        text = render_to_string("newsletter/issue_mail.txt", own)
    sp = issue.support_point
    return len(
        outbox.send_mail(
            kind="newsletter_issue",
            to=[subscriber.email],
            subject=f"{sp.name}: {issue.title}",
            body=text,
            html=html,
            headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
            reply_to=[sp.email] if sp.email else [],
            key=f"newsletter_issue:{issue.uuid}",
            support_point_id=sp.pk,
        )
    )

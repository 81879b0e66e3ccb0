"""A wish to be told when a group starts ("Blaue Adressen"), its whole life: make, confirm, count, write, withdraw.

- `wish_create` stores the wish unconfirmed and mails a confirmation link to the address given: the wish counts
  only once that link is followed (`wish_confirm`), so nobody can sign up someone else. The same wish twice (same
  address, theme, area and language) is one wish; the visitor sees the same page either way.
- `wish_counts` is all a support point sees: confirmed wishes per theme and PC4 area near its groups, small
  numbers as "<5" (core/privacy.py); `wishes_for_group` finds the wishes a starting group answers, and
  `wish_broadcast` writes to them through the outbox, one mail each with its own withdraw link. The support point
  never sees an address, not even in its mail lists (the mails carry no support point id).
- `wish_withdraw` deletes at once; `wishes_purge` (daily job) deletes wishes past their date and unconfirmed ones
  after a week.

Only an e-mail address: a phone number would have to be shown to someone to be called, and could not be
confirmed without a text-message service.
"""

from __future__ import annotations

import datetime
import hashlib
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samenspel.core import outbox, ratelimit
from samenspel.core.privacy import shown
from samenspel.directory import postcodes
from samenspel.directory.models import Disclosure, Group, Language, Organisation, Theme
from samenspel.public_notes.conf import unconfirmed_wish_days
from samenspel.public_notes.models import Wish

CONFIRM_SALT = "samenspel.public_notes.wish-confirm"
WITHDRAW_SALT = "samenspel.public_notes.wish-withdraw"
# A group this close to the area of a wish answers it (the search's default distance).
REACH_KM = 25


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - every month has 28 days


def fingerprint(email: str, theme: Theme, pc4: str, language: Language) -> str:
    return ratelimit.hashed(f"wish\n{email.strip().lower()}\n{theme.pk}\n{pc4}\n{language.pk}")


def _link(name: str, salt: str, wish: Wish) -> str:
    token = signing.dumps(str(wish.uuid), salt=salt)
    return settings.SITE_URL + reverse(name, kwargs={"token": token})


def withdraw_link(wish: Wish) -> str:
    return _link("public_notes:wish_withdraw", WITHDRAW_SALT, wish)


def wish_from_token(token: str, *, confirm: bool) -> Wish | None:
    """The wish a mailed link names, or None for a wrong, expired or used-up link."""
    salt = CONFIRM_SALT if confirm else WITHDRAW_SALT
    max_age = datetime.timedelta(days=unconfirmed_wish_days()) if confirm else None
    try:
        value = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    return Wish.objects.select_related("theme", "language").filter(uuid=value).first()


def wish_create(*, email: str, theme: Theme, pc4: str, language: Language, months: int, mail_language: str) -> Wish:
    """Store an unconfirmed wish and mail its confirmation link; the same wish again sends nothing new."""
    key = fingerprint(email, theme, pc4, language)
    earlier = Wish.objects.filter(fingerprint=key).first()
    if earlier is not None:
        return earlier
    today = timezone.localdate()
    wish = Wish(
        email=email.strip(),
        theme=theme,
        pc4=pc4,
        language=language,
        fingerprint=key,
        mail_language=mail_language,
        delete_after=add_months(today, months),
    )
    try:
        with transaction.atomic():
            wish.save()
            _send_confirmation(wish)
    except IntegrityError:
        # The same wish, sent twice at the same moment: the other request stored it.
        return Wish.objects.get(fingerprint=key)
    return wish


def _send_confirmation(wish: Wish) -> None:
    with translation.override(wish.mail_language):
        confirm = _link("public_notes:wish_confirm", CONFIRM_SALT, wish)
        subject = _("Please confirm: tell me when a group starts")
        body = "\n".join(
            [
                _(
                    "Someone asked Samenspel to tell this e-mail address when a peer group on %(theme)s starts near "
                    "%(pc4)s. Was that you? Then confirm with this link:"
                )
                % {"theme": wish.theme.label, "pc4": wish.pc4},
                confirm,
                "",
                _(
                    "Without your confirmation we delete the request within %(days)s days. Was it not you? Then do nothing."
                )
                % {"days": unconfirmed_wish_days()},
                _("Changed your mind later? Withdraw your request with this link: %(url)s")
                % {"url": withdraw_link(wish)},
            ]
        )
    outbox.send_mail(kind="wish_confirm", to=[wish.email], subject=subject, body=body, key=f"wish_confirm:{wish.pk}")


def wish_confirm(wish: Wish) -> Wish:
    if not wish.consent:
        wish.consent = True
        wish.confirmed_at = timezone.now()
        wish.save(update_fields=["consent", "confirmed_at"])
    return wish


def wish_withdraw(wish: Wish) -> None:
    wish.delete()


def wishes_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete wishes past their date, and those not confirmed within a week; returns how many."""
    now = now or timezone.now()
    unconfirmed_since = now - datetime.timedelta(days=unconfirmed_wish_days())
    deleted, _by_model = Wish.objects.expired(timezone.localdate(now), unconfirmed_since=unconfirmed_since).delete()
    return deleted


def _centres(support_point: Organisation) -> list[tuple[float, float]]:
    """Where the support point's groups meet (and its own postcode): its area, for counting wishes."""
    centres: list[tuple[float, float]] = []
    postcodes_seen: set[str] = set()
    for postcode in Group.objects.filter(support_point=support_point).values_list("location__postcode", flat=True):
        if postcode and postcode[:4] not in postcodes_seen:
            postcodes_seen.add(postcode[:4])
            area = postcodes.lookup(postcode)
            if area is not None:
                centres.append((area.latitude, area.longitude))
    return centres


def _near(pc4: str, centres: list[tuple[float, float]]) -> bool:
    area = postcodes.lookup(pc4)
    if area is None:
        return False
    return any(postcodes.distance_km(area.latitude, area.longitude, lat, lon) <= REACH_KM for lat, lon in centres)


@dataclass(frozen=True)
class WishCount:
    theme: Theme
    pc4: str
    place: str
    count: int


def wish_counts(support_point: Organisation) -> list[WishCount]:
    """Confirmed wishes near the support point's groups, per theme and area: numbers only."""
    centres = _centres(support_point)
    counts: Counter[tuple[int, str]] = Counter()
    themes: dict[int, Theme] = {}
    for wish in Wish.objects.confirmed().select_related("theme").only("theme", "pc4"):
        if _near(wish.pc4, centres):
            counts[(wish.theme_id, wish.pc4)] += 1
            themes[wish.theme_id] = wish.theme
    return sorted(
        (
            WishCount(theme=themes[theme_id], pc4=pc4, place=postcodes.place_of(pc4), count=n)
            for (theme_id, pc4), n in counts.items()
        ),
        key=lambda row: (row.theme.label, row.pc4),
    )


def wishes_for_group(group: Group) -> list[Wish]:
    """The confirmed wishes this group answers: its theme (or one below it), near it (or anywhere when online),
    in one of its languages (or any, when it names none)."""
    themes = {theme.pk for theme in group.themes.all()}
    # A wish for "addiction" is answered by an alcohol group: a group's theme and the themes above it.
    for theme in group.themes.all():
        themes.update(t.pk for t in theme.ancestors())
    languages = {language.pk for language in group.languages.all()}
    location = group.location
    online = location is None or location.disclosure == Disclosure.ONLINE
    area = None if online or location is None else postcodes.lookup(location.postcode)
    found = []
    for wish in Wish.objects.confirmed().filter(theme_id__in=themes):
        if languages and wish.language_id not in languages:
            continue
        if not online and (area is None or not _near(wish.pc4, [(area.latitude, area.longitude)])):
            continue
        found.append(wish)
    return found


def wish_broadcast(*, group: Group, message: str, group_url: str) -> int:
    """Write the support point's message to everyone whose wish the group answers; returns how many were queued.

    Each mail goes to one address, with its own withdraw link; the same message for the same group goes out once.
    """
    digest = hashlib.sha256(message.encode()).hexdigest()[:16]
    sent = 0
    for wish in wishes_for_group(group):
        with translation.override(wish.mail_language):
            subject = _("A group has started: %(group)s") % {"group": group.name}
            body = "\n".join(
                [
                    message,
                    "",
                    _("The group: %(url)s") % {"url": group_url},
                    "",
                    "--",
                    _(
                        "You get this e-mail because you asked Samenspel to tell you when a group on %(theme)s starts "
                        "near %(pc4)s. We delete your request on %(date)s."
                    )
                    % {"theme": wish.theme.label, "pc4": wish.pc4, "date": date_format(wish.delete_after, "j F Y")},
                    _("No more e-mails? Withdraw your request: %(url)s") % {"url": withdraw_link(wish)},
                ]
            )
        sent += len(
            outbox.send_mail(
                kind="wish_notice",
                to=[wish.email],
                subject=subject,
                body=body,
                reply_to=group.support_point_reply_to(),
                key=f"wish_notice:{group.pk}:{wish.pk}:{digest}",
            )
        )
    return sent


STARTED = ("active", "looking", "initiative")


def wish_matches_announce(*, since: datetime.datetime | None = None) -> int:
    """Tell each support point which of its groups that started since `since` (default: a day ago) answer
    waiting wishes: how many people ("<5" for few), never who, and where to write to them. Returns mails queued.

    A group starts when it is created or its status becomes active, looking or initiative (its dated history).
    Run daily (deploy/daily); a second run the same day queues nothing new.
    """
    since = since or timezone.now() - datetime.timedelta(days=1)
    started = (
        Group.objects.public()
        .filter(status_history__created_at__gte=since, status_history__status__in=STARTED)
        .exclude(support_point=None)
        .select_related("support_point", "location")
        .distinct()
    )
    queued = 0
    for group in started:
        waiting = len(wishes_for_group(group))
        sp = group.support_point
        if not waiting or sp is None or not sp.email:
            continue
        link = settings.SITE_URL + reverse("public_notes:wishes", kwargs={"slug": sp.slug})
        with translation.override("nl"):
            subject = _("People are waiting for a group like %(group)s") % {"group": group.name}
            body = "\n".join(
                [
                    _(
                        "%(count)s people asked Samenspel to tell them when a group like %(group)s starts near them. "
                        "You can write to them all at once through Samenspel; you do not see who they are."
                    )
                    % {"count": shown(waiting), "group": group.name},
                    "",
                    link,
                ]
            )
        queued += len(
            outbox.send_mail(
                kind="wish_match",
                to=[sp.email],
                subject=subject,
                body=body,
                key=f"wish_match:{group.pk}:{timezone.localdate()}",
                support_point_id=sp.pk,
            )
        )
    return queued

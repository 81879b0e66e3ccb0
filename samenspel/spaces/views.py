"""The pages of a space: joining, reading, writing, the member's own page, and moderation.

Plain server-rendered pages: every action is a form, nothing needs JavaScript, no image is ever shown. Every
response is private (never stored by a cache or a browser's history) and asks search engines to stay away.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core import signing
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from samenspel.core import ratelimit
from samenspel.core.visitor_forms import visitor_language
from samenspel.spaces import access, services
from samenspel.spaces.forms import (
    CodeForm,
    EditForm,
    EmailForm,
    EmailLinkForm,
    HideForm,
    IntroductionForm,
    JoinForm,
    KeyForm,
    PauseForm,
    ReplyForm,
    ReportForm,
    ThreadForm,
    WarnForm,
)
from samenspel.spaces.models import Invitation, MemberContact, MemberStatus, Post, PostStatus, Space

# Codes and keys typed per network address (hashed) per quarter of an hour: enough for typos, too few to guess.
TRIES_LIMIT = 20
TRIES_WINDOW = 15 * 60
LINK_SALT = "samenspel.spaces.sign-in-link"
LINK_MAX_AGE = 15 * 60
JOIN_SESSION_KEY = "spaces_invitation"
NEW_KEY_SESSION_KEY = "spaces_new_key"


def _posted(request: HttpRequest) -> Any:
    """The posted form data, also when empty (an empty POST is a form sent empty, not no form)."""
    return request.POST if request.method == "POST" else None


def private(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Never cached, never indexed."""

    @never_cache
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response.headers["X-Robots-Tag"] = "noindex, nofollow, noarchive"
        return response

    return wrapper


def _tries_left(request: HttpRequest) -> bool:
    return ratelimit.hit(f"spaces:tries:{ratelimit.client_key(request)}", TRIES_LIMIT, TRIES_WINDOW)


def _page(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    return render(request, template, context, status=status)


# ---- joining --------------------------------------------------------------------------------------------------


@private
def join_code(request: HttpRequest) -> HttpResponse:
    """Type the code from the group (or follow its link, which fills it in)."""
    form = CodeForm(_posted(request))
    status = 200
    if request.method == "POST" and form.is_valid():
        if not _tries_left(request):
            return _page(request, "spaces/join_code.html", {"form": form, "too_many": True}, status=429)
        invitation = services.invitation_find(form.cleaned_data["code"])
        if invitation is not None:
            request.session[JOIN_SESSION_KEY] = invitation.pk
            return redirect("spaces:join", space_uuid=invitation.space.uuid)
        form.add_error("code", _("This code does not work. Check it, or ask the group for a new one."))
        status = 400
    return _page(request, "spaces/join_code.html", {"form": form}, status=status)


@private
def join_link(request: HttpRequest, code: str) -> HttpResponse:
    """The link a group shares: it holds the code, so the person only chooses a name."""
    if not _tries_left(request):
        return _page(request, "spaces/join_code.html", {"form": CodeForm(), "too_many": True}, status=429)
    invitation = services.invitation_find(code)
    if invitation is None:
        form = CodeForm(initial={"code": code})
        return _page(request, "spaces/join_code.html", {"form": form, "bad_link": True}, status=404)
    request.session[JOIN_SESSION_KEY] = invitation.pk
    return redirect("spaces:join", space_uuid=invitation.space.uuid)


def _invitation_in_session(request: HttpRequest, space: Space) -> Invitation | None:
    pk = request.session.get(JOIN_SESSION_KEY)
    if pk is None:
        return None
    return Invitation.objects.filter(pk=pk, space=space, used_at__isnull=True, revoked_at__isnull=True).first()


@private
def join(request: HttpRequest, space_uuid: Any) -> HttpResponse:
    """Choose a pseudonym and accept the house rules. Open levels need no code; the others the group's code."""
    space = Space.objects.filter(uuid=space_uuid, is_closed=False).first()
    if space is not None and access.member_in(request, space) is not None:
        return redirect("spaces:space", space_uuid=space.uuid)
    invitation = _invitation_in_session(request, space) if space is not None else None
    if space is None or (invitation is None and not space.is_public):
        return _page(request, "spaces/not_found.html", {}, status=404)
    form = JoinForm(_posted(request))
    status = 200
    if request.method == "POST" and not _tries_left(request):
        return _page(request, "spaces/join.html", {"space": space, "form": form, "too_many": True}, status=429)
    if request.method == "POST" and form.is_valid():
        try:
            member, key = services.member_join(
                space=space,
                invitation=invitation,
                pseudonym=form.cleaned_data["pseudonym"],
                email=form.cleaned_data["email"],
                language=visitor_language(),
            )
        except services.Refused as refusal:
            form.add_error("pseudonym", str(refusal))
            status = 400
        else:
            request.session.pop(JOIN_SESSION_KEY, None)
            access.remember(request, member)
            request.session[NEW_KEY_SESSION_KEY] = key
            return redirect("spaces:welcome", space_uuid=space.uuid)
    elif request.method == "POST":
        status = 400
    return _page(request, "spaces/join.html", {"space": space, "form": form}, status=status)


@private
def welcome(request: HttpRequest, space_uuid: Any) -> HttpResponse:
    """The member's key, shown once: with it they come back on another device (no e-mail needed)."""
    found = access.member_for(request, space_uuid)
    key = request.session.pop(NEW_KEY_SESSION_KEY, "")
    if not key:
        return redirect("spaces:space", space_uuid=found.space.uuid)
    return _page(request, "spaces/welcome.html", {"space": found.space, "member": found.member, "key": key})


@private
def come_back(request: HttpRequest) -> HttpResponse:
    """Back in a space: with the personal key, or with a link by e-mail for who gave an address."""
    key_form = KeyForm(request.POST if "key" in request.POST else None)
    link_form = EmailLinkForm(request.POST if "email" in request.POST else None)
    status = 200
    if request.method == "POST":
        if not _tries_left(request):
            return _page(
                request, "spaces/come_back.html", {"key_form": key_form, "link_form": link_form, "too_many": True}, 429
            )
        if key_form.is_bound and key_form.is_valid():
            member = services.member_by_key(key_form.cleaned_data["key"])
            if member is not None:
                access.remember(request, member)
                return redirect("spaces:space", space_uuid=member.space.uuid)
            key_form.add_error("key", _("This key does not work. Check it and try again."))
            status = 400
        elif link_form.is_bound and link_form.is_valid():
            services.send_sign_in_links(
                email=link_form.cleaned_data["email"], link_for=lambda member: _sign_in_link(request, member)
            )
            return _page(request, "spaces/link_sent.html", {})
        else:
            status = 400
    return _page(request, "spaces/come_back.html", {"key_form": key_form, "link_form": link_form}, status)


def _sign_in_link(request: HttpRequest, member: Any) -> str:
    token = signing.dumps({"m": member.pk, "n": member.link_nonce}, salt=LINK_SALT, compress=True)
    return request.build_absolute_uri(reverse("spaces:link", kwargs={"token": token}))


@private
def sign_in_link(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners open links); POST signs in, once."""
    try:
        data = signing.loads(token, salt=LINK_SALT, max_age=LINK_MAX_AGE)
    except signing.BadSignature:
        data = None
    contact = None
    if isinstance(data, dict) and isinstance(data.get("m"), int) and isinstance(data.get("n"), int):
        contact = (
            MemberContact.objects.filter(member_id=data["m"], member__link_nonce=data["n"])
            .select_related("member__space")
            .first()
        )
    if contact is None or contact.member.space.is_closed:
        return _page(request, "spaces/link_invalid.html", {}, status=404)
    member = contact.member
    if request.method == "POST":
        services.member_link_used(member=member)
        access.remember(request, member)
        return redirect("spaces:space", space_uuid=member.space.uuid)
    return _page(request, "spaces/link_confirm.html", {})


# ---- reading and writing ------------------------------------------------------------------------------------------


def _visible_posts(found: access.SpaceAccess) -> Any:
    """Visible messages for everyone; a member also sees their own waiting ones; moderators see all."""
    posts = Post.objects.select_related("author")
    if found.moderator is not None:
        return posts
    if found.member is not None:
        return posts.filter(Q(status__in=[PostStatus.VISIBLE, PostStatus.HIDDEN]) | Q(author=found.member))
    return posts.filter(status__in=[PostStatus.VISIBLE, PostStatus.HIDDEN])


@private
def space(request: HttpRequest, space_uuid: Any) -> HttpResponse:
    found = access.space_for(request, space_uuid, read=False)
    member = found.member
    if member is not None:
        services.member_seen(member=member)
    if member is not None and member.status == MemberStatus.INTRODUCING and found.moderator is None:
        return _introduce(request, found)
    if not found.can_read:
        return _page(request, "spaces/not_found.html", {}, status=404)
    form = ThreadForm(_posted(request))
    refusal = ""
    status = 200
    if request.method == "POST":
        found = access.member_for(request, space_uuid)
        if form.is_valid():
            try:
                thread = services.thread_create(member=found.member, **form.cleaned_data)  # type: ignore[arg-type]
            except services.Refused as error:
                refusal = str(error)
                status = 400
            else:
                return redirect("spaces:thread", space_uuid=found.space.uuid, thread_id=thread.pk)
        else:
            status = 400
    threads = found.space.threads.filter(posts__in=_visible_posts(found)).distinct()
    context = {"found": found, "space": found.space, "threads": threads, "form": form, "refusal": refusal}
    return _page(request, "spaces/space.html", context, status=status)


def _introduce(request: HttpRequest, found: access.SpaceAccess) -> HttpResponse:
    form = IntroductionForm(_posted(request))
    refusal = ""
    status = 200
    member = found.member
    assert member is not None
    if request.method == "POST" and form.is_valid():
        try:
            services.thread_create(member=member, title=_("Introduction"), body=form.cleaned_data["body"])
        except services.Refused as error:
            refusal = str(error)
            status = 400
        else:
            return redirect("spaces:space", space_uuid=found.space.uuid)
    waiting = member.posts.exists()
    context = {"found": found, "space": found.space, "form": form, "refusal": refusal, "waiting": waiting}
    return _page(request, "spaces/introduce.html", context, status=status)


@private
def thread(request: HttpRequest, space_uuid: Any, thread_id: int) -> HttpResponse:
    found = access.space_for(request, space_uuid)
    conversation = access.thread_for(found, thread_id)
    posts = list(_visible_posts(found).filter(thread=conversation))
    if not posts:
        return _page(request, "spaces/not_found.html", {}, status=404)
    form = ReplyForm(_posted(request))
    refusal = ""
    status = 200
    if request.method == "POST":
        found = access.member_for(request, space_uuid)
        if form.is_valid():
            try:
                post = services.post_create(member=found.member, thread=conversation, body=form.cleaned_data["body"])  # type: ignore[arg-type]
            except services.Refused as error:
                refusal = str(error)
                status = 400
            else:
                url = reverse("spaces:thread", kwargs={"space_uuid": found.space.uuid, "thread_id": conversation.pk})
                return redirect(f"{url}#post-{post.pk}")
        else:
            status = 400
    context = {
        "found": found,
        "space": found.space,
        "thread": conversation,
        "posts": posts,
        "form": form,
        "refusal": refusal,
        "poll_seconds": settings.SPACES_POLL_SECONDS,
    }
    return _page(request, "spaces/thread.html", context, status=status)


@private
def report(request: HttpRequest, space_uuid: Any, post_id: int) -> HttpResponse:
    found = access.member_for(request, space_uuid)
    if not found.can_read:
        return _page(request, "spaces/not_found.html", {}, status=404)
    post = access.post_for(found, post_id)
    if post.status != PostStatus.VISIBLE:
        return _page(request, "spaces/not_found.html", {}, status=404)
    form = ReportForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        services.post_report(member=found.member, post=post, reason=form.cleaned_data["reason"])  # type: ignore[arg-type]
        return _page(request, "spaces/reported.html", {"space": found.space, "found": found, "post": post})
    return _page(request, "spaces/report.html", {"space": found.space, "found": found, "post": post, "form": form})


# ---- the member's own page ------------------------------------------------------------------------------------------


@private
def me(request: HttpRequest, space_uuid: Any) -> HttpResponse:
    found = access.member_for(request, space_uuid)
    member = found.member
    assert member is not None
    contact = MemberContact.objects.filter(member=member).first()
    form = EmailForm(
        _posted(request),
        initial={"email": contact.email if contact else "", "digest": contact.digest if contact else True},
    )
    saved = False
    if request.method == "POST" and form.is_valid():
        services.member_set_email(
            member=member,
            email=form.cleaned_data["email"],
            digest=form.cleaned_data["digest"],
            language=visitor_language(),
        )
        saved = True
    context = {"found": found, "space": found.space, "member": member, "form": form, "saved": saved}
    return _page(request, "spaces/me.html", context, status=400 if form.errors else 200)


@private
def export(request: HttpRequest, space_uuid: Any) -> HttpResponse:
    found = access.member_for(request, space_uuid)
    data = services.member_export(member=found.member)  # type: ignore[arg-type]
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json")
    response.headers["Content-Disposition"] = 'attachment; filename="samenspel-my-messages.json"'
    return response


@private
def thread_state(request: HttpRequest, space_uuid: Any, thread_id: int) -> HttpResponse:
    """How many messages of this conversation the reader may see: the thread page asks it now and then where
    JavaScript runs (static/spaces/updates.js) and offers "new messages" when the number grows. Without
    JavaScript the page is simply reloaded."""
    found = access.space_for(request, space_uuid)
    conversation = access.thread_for(found, thread_id)
    return JsonResponse({"posts": _visible_posts(found).filter(thread=conversation).count()})


@private
@require_POST
def leave(request: HttpRequest, space_uuid: Any) -> HttpResponse:
    """One click: the member and everything they wrote are deleted."""
    found = access.member_for(request, space_uuid)
    services.member_delete(member=found.member)  # type: ignore[arg-type]
    access.forget(request, found.space)
    return _page(request, "spaces/left.html", {})


@private
@require_POST
def sign_out(request: HttpRequest, space_uuid: Any) -> HttpResponse:
    found = access.member_for(request, space_uuid)
    access.forget(request, found.space)
    return redirect("spaces:come_back")


# ---- moderation ------------------------------------------------------------------------------------------------


@private
def moderation(request: HttpRequest, space_uuid: Any) -> HttpResponse:
    found = access.moderation_for(request, space_uuid)
    context = {
        "found": found,
        "space": found.space,
        **services.queue(found.space),
        "members": found.space.members.order_by("pseudonym"),
        "log": found.space.moderation_log.select_related("moderator", "member")[:100],
    }
    return _page(request, "spaces/moderation.html", context)


@private
def moderate_post(request: HttpRequest, space_uuid: Any, post_id: int) -> HttpResponse:
    found = access.moderation_for(request, space_uuid)
    post = access.post_for(found, post_id)
    moderator = found.moderator
    assert moderator is not None
    hide_form = HideForm(request.POST if request.POST.get("action") == "hide" else None)
    edit_form = EditForm(request.POST if request.POST.get("action") == "edit" else None, initial={"body": post.body})
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "approve" and post.status == PostStatus.WAITING:
            services.post_approve(moderator=moderator, post=post)
        elif action == "dismiss":
            services.report_dismiss(moderator=moderator, post=post)
        elif action == "hide" and hide_form.is_valid():
            services.post_hide(moderator=moderator, post=post, **hide_form.cleaned_data)
        elif action == "edit" and edit_form.is_valid():
            services.post_edit(moderator=moderator, post=post, **edit_form.cleaned_data)
        else:
            context = {
                "found": found,
                "space": found.space,
                "post": post,
                "hide_form": hide_form,
                "edit_form": edit_form,
            }
            return _page(request, "spaces/moderate_post.html", context, status=400)
        return redirect("spaces:moderation", space_uuid=found.space.uuid)
    context = {"found": found, "space": found.space, "post": post, "hide_form": hide_form, "edit_form": edit_form}
    return _page(request, "spaces/moderate_post.html", context)


@private
def moderate_member(request: HttpRequest, space_uuid: Any, member_id: int) -> HttpResponse:
    found = access.moderation_for(request, space_uuid)
    target = access.moderated_member(found, member_id)
    moderator = found.moderator
    assert moderator is not None
    warn_form = WarnForm(request.POST if request.POST.get("action") == "warn" else None)
    pause_form = PauseForm(request.POST if request.POST.get("action") == "pause" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "warn" and warn_form.is_valid():
            services.member_warn(moderator=moderator, member=target, **warn_form.cleaned_data)
        elif action == "pause" and pause_form.is_valid():
            services.member_pause(moderator=moderator, member=target, **pause_form.cleaned_data)
        elif action == "unpause":
            services.member_unpause(moderator=moderator, member=target)
        else:
            context = {
                "found": found,
                "space": found.space,
                "target": target,
                "warn_form": warn_form,
                "pause_form": pause_form,
            }
            return _page(request, "spaces/moderate_member.html", context, status=400)
        return redirect("spaces:moderation", space_uuid=found.space.uuid)
    context = {"found": found, "space": found.space, "target": target, "warn_form": warn_form, "pause_form": pause_form}
    return _page(request, "spaces/moderate_member.html", context)

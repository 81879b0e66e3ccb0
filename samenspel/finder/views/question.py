"""Ask a group a question: no account, no name, one way to reply (or none)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from samenspel.core import ratelimit
from samenspel.directory.models import Group
from samenspel.finder.conf import QUESTION_RATE_LIMIT, QUESTION_RATE_WINDOW_SECONDS, question_retention_days
from samenspel.finder.forms import QuestionForm
from samenspel.finder.models import Question, ReplyBy, retention_date

logger = logging.getLogger(__name__)


def _public_group(slug: str) -> Group:
    return get_object_or_404(Group.objects.public().select_related("support_point"), slug=slug)


def _visitor_language() -> str:
    code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def question_recipients(group: Group) -> list[str]:
    """The group's contact point and its support point: the only ones who may read the question."""
    addresses = [group.contact_email, group.support_point.email if group.support_point else ""]
    return list(dict.fromkeys(a for a in addresses if a))


def question_email_text(question: Question, group_url: str) -> tuple[str, str]:
    """Subject and body in Dutch (the language of the people who answer).

    The subject never holds the visitor's details: it shows up in mail lists and notifications.
    """
    group = question.group
    with translation.override("nl"):
        subject = _("New question about %(group)s") % {"group": group.name}
        if question.reply_by == ReplyBy.EMAIL:
            reply = _("Please answer by e-mail to: %(email)s") % {"email": question.reply_email}
        elif question.reply_by == ReplyBy.PHONE:
            reply = _("Please answer by phone: %(phone)s") % {"phone": question.reply_phone}
        else:
            reply = _("The person will contact you themselves. You cannot answer this message.")
        language = str(dict(settings.LANGUAGES).get(question.preferred_language, question.preferred_language))
        lines = [
            _("Someone asked a question about %(group)s on Samenspel. They did not give their name.")
            % {"group": group.name},
            "",
            _("Question:"),
            question.message,
            "",
            reply,
            _("Answer in this language if you can: %(language)s") % {"language": language},
            "",
            _(
                "Samenspel deletes this question on %(date)s. Please do not keep the contact details "
                "longer than you need them to answer."
            )
            % {"date": date_format(question.delete_after, "j F Y")},
            "",
            _("Group page: %(url)s") % {"url": group_url},
        ]
    return subject, "\n".join(lines)


def send_question(question: Question, group_url: str) -> int:
    """E-mail the question to each recipient separately; returns how many were sent."""
    recipients = question_recipients(question.group)
    if not recipients:
        logger.warning("Question %s for group %s has no one to send it to.", question.pk, question.group.pk)
        return 0
    subject, body = question_email_text(question, group_url)
    reply_to = [question.reply_email] if question.reply_by == ReplyBy.EMAIL and question.reply_email else None
    messages = [EmailMessage(subject, body, to=[address], reply_to=reply_to) for address in recipients]
    try:
        return get_connection().send_messages(messages) or 0
    except Exception:
        # The question is stored; a mail server hiccup is for the operators, not the visitor.
        logger.exception("Could not e-mail question %s.", question.pk)
        return 0


def ask(request: HttpRequest, slug: str) -> HttpResponse:
    group = _public_group(slug)
    if request.method == "POST":
        form = QuestionForm(request.POST)
        if form.is_valid():
            allowed = ratelimit.hit(
                f"question:{ratelimit.client_key(request)}", QUESTION_RATE_LIMIT, QUESTION_RATE_WINDOW_SECONDS
            )
            if not allowed:
                return _form_page(request, group, form, status=429, rate_limited=True)
            # A filled-in honeypot is a bot: it sees the same success, nothing is kept or sent.
            if not form.is_spam:
                question = form.save(commit=False)
                question.group = group
                question.save()
                group_url = request.build_absolute_uri(reverse("finder:group", kwargs={"slug": group.slug}))
                send_question(question, group_url)
            return redirect("finder:question_sent", slug=group.slug)
    else:
        form = QuestionForm(initial={"reply_by": ReplyBy.EMAIL, "preferred_language": _visitor_language()})
    return _form_page(request, group, form)


def _form_page(
    request: HttpRequest, group: Group, form: QuestionForm, *, status: int = 200, rate_limited: bool = False
) -> HttpResponse:
    context = {
        "group": group,
        "form": form,
        "rate_limited": rate_limited,
        "retention_days": question_retention_days(),
    }
    return render(request, "finder/question.html", context, status=status)


def sent(request: HttpRequest, slug: str) -> HttpResponse:
    group = _public_group(slug)
    # The same for every question (and for a bot), so the page needs nothing from the one just sent.
    return render(request, "finder/question_sent.html", {"group": group, "delete_after": retention_date()})

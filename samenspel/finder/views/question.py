"""Ask a group a question: no account, no name, one way to reply (or none)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from samenspel.core import ratelimit
from samenspel.core.visitor_forms import visitor_language
from samenspel.directory.models import Group
from samenspel.directory.sensitive import is_sensitive
from samenspel.finder import questions
from samenspel.finder.conf import QUESTION_RATE_LIMIT, QUESTION_RATE_WINDOW_SECONDS
from samenspel.finder.forms import QuestionForm
from samenspel.finder.models import ReplyBy, retention_date
from samenspel.finder.quick_exit import keep_nothing


def _public_group(slug: str) -> Group:
    return get_object_or_404(Group.objects.public().select_related("support_point"), slug=slug)


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
                group_url = request.build_absolute_uri(reverse("finder:group", kwargs={"slug": group.slug}))
                questions.question_create(
                    question=form.save(commit=False),
                    group=group,
                    group_url=group_url,
                    submit_key=form.cleaned_data["submit_key"],
                )
            return redirect("finder:question_sent", slug=group.slug)
    else:
        form = QuestionForm(initial={"reply_by": ReplyBy.EMAIL, "preferred_language": visitor_language()})
    return _form_page(request, group, form)


def _form_page(
    request: HttpRequest, group: Group, form: QuestionForm, *, status: int = 200, rate_limited: bool = False
) -> HttpResponse:
    context = {
        "group": group,
        "form": form,
        "rate_limited": rate_limited,
        # A date, not a number of days: a stranger should not have to count.
        "delete_after": retention_date(),
        "sensitive": is_sensitive(group.themes.all()),
    }
    response = render(request, "finder/question.html", context, status=status)
    return keep_nothing(response) if context["sensitive"] else response


def sent(request: HttpRequest, slug: str) -> HttpResponse:
    group = _public_group(slug)
    # The same for every question (and for a bot), so the page needs nothing from the one just sent.
    sensitive = is_sensitive(group.themes.all())
    context = {"group": group, "delete_after": retention_date(), "sensitive": sensitive}
    response = render(request, "finder/question_sent.html", context)
    return keep_nothing(response) if sensitive else response

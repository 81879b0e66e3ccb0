"""Citizens' questions: a support point's inbox, and one question: read it, answer by e-mail, set its status."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.finder.models import Question, QuestionStatus, ReplyBy
from samenspel.finder.questions import question_reply, question_set_status
from samenspel.workspace.access import question_for_user, question_ref, support_point_for_user
from samenspel.workspace.decorators import signed_in
from samenspel.workspace.forms import QuestionStatusForm, ReplyForm

PAGE_SIZE = 50


@signed_in
def inbox(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug)
    status = request.GET.get("status", QuestionStatus.NEW)
    questions = Question.objects.filter(group__support_point=access.support_point).select_related("group")
    if status in QuestionStatus.values:
        questions = questions.filter(status=status)
    page = Paginator(questions, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(question, question_ref(question)) for question in page]
    context = {
        "access": access,
        "sp": access.support_point,
        "rows": rows,
        "page": page,
        "status": status,
        "statuses": QuestionStatus.choices,
    }
    return render(request, "workspace/inbox.html", context)


@signed_in
def question_detail(request: HttpRequest, ref: str) -> HttpResponse:
    question, access = question_for_user(request.user, ref)
    context = {
        "access": access,
        "question": question,
        "ref": ref,
        "group": access.group,
        "can_reply_by_email": question.reply_by == ReplyBy.EMAIL and bool(question.reply_email),
        "reply_form": ReplyForm(),
        "status_form": QuestionStatusForm(initial={"status": question.status}),
    }
    return render(request, "workspace/question.html", context)


@signed_in
@require_POST
def question_answer(request: HttpRequest, ref: str) -> HttpResponse:
    question, _access = question_for_user(request.user, ref, write=True)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            question_reply(question=question, body=form.cleaned_data["body"], actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(str(m) for m in exc.messages))
        else:
            messages.success(request, _("Your answer was sent."))
    else:
        messages.error(request, _("Write an answer first."))
    return redirect("workspace:question", ref=ref)


@signed_in
@require_POST
def question_status(request: HttpRequest, ref: str) -> HttpResponse:
    question, _access = question_for_user(request.user, ref, write=True)
    form = QuestionStatusForm(request.POST)
    if form.is_valid():
        question_set_status(question=question, status=QuestionStatus(form.cleaned_data["status"]), actor=request.user)
        messages.success(request, _("Status changed."))
    return redirect("workspace:question", ref=ref)

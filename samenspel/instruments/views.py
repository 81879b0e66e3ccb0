"""The matrix conversation (public, no account, nothing kept between steps) and its counts in the workspace."""

from __future__ import annotations

from typing import Any

from django.db.models import Sum
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from samenspel.core import ratelimit
from samenspel.core.printing import RTL_LANGUAGES, render_pdf, stylesheet_path
from samenspel.core.privacy import keep_nothing, protect_breakdown, shown
from samenspel.core.visitor_forms import body_too_big, visitor_language
from samenspel.directory.models import Organisation, Theme
from samenspel.instruments import conf, services
from samenspel.instruments.conversation import (
    RESULT_STEP,
    TRY_STEP,
    ContributionForm,
    ConversationForm,
    answer_field_name,
    result_for,
    step_dimension,
)
from samenspel.instruments.matrix import matrix
from samenspel.instruments.models import Answer, ConversationCount, FactorCount
from samenspel.workspace.access import support_point_for_user
from samenspel.workspace.decorators import signed_in

RESULT_CSS = "instruments/matrix.css"


def _support_point(slug: str | None) -> Organisation | None:
    if slug is None:
        return None
    return get_object_or_404(Organisation.objects.support_points(), slug=slug)


def _page(request: HttpRequest, template: str, context: dict[str, Any], *, status: int = 200) -> HttpResponse:
    """Every page of the conversation: kept by no browser, proxy or search engine (what helps a person is theirs)."""
    return keep_nothing(render(request, template, context, status=status))


# The conversation's forms carry no CSRF token, so the visitor's browser keeps no cookie of it at all. A forged post
# could do no more than anyone can do directly: see a result page, or add one rate-limited anonymous count.
@csrf_exempt
def conversation(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    support_point = _support_point(slug)
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if request.method == "GET":
        form = ConversationForm(initial={"step": 0})
        return _page(request, "instruments/conversation.html", _context(form, 0, support_point))
    if body_too_big(request):
        raise Http404  # no honest conversation is this large
    form = ConversationForm(request.POST)
    if not form.is_valid():
        step = 0 if form.has_error("step") else int(form.cleaned_data.get("step") or 0)
        return _page(request, "instruments/conversation.html", _context(form, step, support_point), status=400)
    step = form.cleaned_data["step"]
    step = max(0, step - 1) if request.POST.get("go") == "back" else min(RESULT_STEP, step + 1)
    if step == RESULT_STEP:
        result = result_for(form.answers(), form.cleaned_data["plan"], form.cleaned_data["theme"])
        return _result_page(request, result, support_point)
    return _page(request, "instruments/conversation.html", _context(form, step, support_point))


def _context(form: ConversationForm, step: int, support_point: Organisation | None) -> dict[str, Any]:
    dimension = step_dimension(step)
    answers = form.answers() if form.is_bound and form.is_valid() else {}
    shown_here = {f.key for c in dimension.conversation_categories() for f in c.factors} if dimension else set()
    categories = []
    if dimension:
        for category in dimension.conversation_categories():
            rows = [(factor, answer_field_name(factor), answers.get(factor.key, "")) for factor in category.factors]
            categories.append((category, rows))
    carried = [
        (answer_field_name(matrix().factors[key]), value) for key, value in answers.items() if key not in shown_here
    ]
    theme = form.cleaned_data.get("theme") if form.is_bound and form.is_valid() else None
    plan = form.cleaned_data.get("plan", "") if form.is_bound and form.is_valid() else ""
    return {
        "form": form,
        "step": step,
        "steps": len(matrix().dimensions),
        "dimension": dimension,
        "dimension_number": step,
        "categories": categories,
        "carried": carried,
        "theme": theme,
        "plan": plan,
        "try_step": step == TRY_STEP,
        "summary": result_for(answers, plan, theme) if step == TRY_STEP else None,
        "choices": [("", _("Not now")), (Answer.HELPS.value, _("Helps")), (Answer.IN_THE_WAY.value, _("In the way"))],
        "support_point": support_point,
    }


def _result_page(
    request: HttpRequest, result: Any, support_point: Organisation | None, *, counted: bool = False, status: int = 200
) -> HttpResponse:
    context = {
        "result": result,
        "support_point": support_point,
        "stylesheet": static(RESULT_CSS),
        "counted": counted,
        "form": ContributionForm(),
        "pdf": False,
        "language": visitor_language(),
        "rtl": visitor_language() in RTL_LANGUAGES,
    }
    return _page(request, "instruments/result.html", context, status=status)


def _posted_result(request: HttpRequest) -> tuple[ContributionForm, Any]:
    if body_too_big(request):
        raise Http404
    form = ContributionForm(request.POST)
    if not form.is_valid():
        raise Http404  # only our own hidden fields are posted here; anything else is not a result
    return form, result_for(form.answers(), form.cleaned_data["plan"], form.cleaned_data["theme"])


@csrf_exempt
def result_pdf(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """The result page as a PDF to take home, made from the posted answers (nothing was kept)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    support_point = _support_point(slug)
    _form, result = _posted_result(request)
    path = stylesheet_path(RESULT_CSS)
    language = visitor_language()
    context = {
        "result": result,
        "support_point": support_point,
        "stylesheet": path.as_uri(),
        "pdf": True,
        "language": language,
        "rtl": language in RTL_LANGUAGES,
    }
    html = render_to_string("instruments/result.html", context, request=request)
    response = HttpResponse(render_pdf(html, path), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="samenspel-gesprek.pdf"'
    return keep_nothing(response)


@csrf_exempt
def contribute(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """With the person's agreement: add the answers (never the plan) to the anonymous counts."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    support_point = _support_point(slug)
    form, result = _posted_result(request)
    if not ratelimit.hit(f"instruments:{ratelimit.client_key(request)}", conf.contributions_per_hour(), 3600):
        return _result_page(request, result, support_point, status=429)
    counted = form.is_spam or services.matrix_contribute(  # a bot is told the same as a person, and nothing is kept
        answers=form.answers(),
        theme=form.cleaned_data["theme"],
        language=visitor_language(),
        support_point=support_point,
        submit_key=form.cleaned_data["submit_key"],
    )
    return _result_page(request, result, support_point, counted=counted)


FIGURE_ROWS = 20


@signed_in
def figures(request: HttpRequest, slug: str) -> HttpResponse:
    """Which factors stand in the way most (and which help), from the conversations counted via this support point."""
    access = support_point_for_user(request.user, slug)
    sp = access.support_point
    conversations = ConversationCount.objects.filter(support_point=sp)
    factor_counts = FactorCount.objects.filter(support_point=sp)
    theme = Theme.objects.filter(slug=request.GET.get("theme", "")).first()
    language = request.GET.get("language", "")
    if theme is not None:
        conversations = conversations.filter(theme=theme)
        factor_counts = factor_counts.filter(theme=theme)
    if language:
        conversations = conversations.filter(language=language)
        factor_counts = factor_counts.filter(language=language)
    total = conversations.aggregate(n=Sum("count"))["n"] or 0
    by_factor: dict[str, dict[str, int]] = {}
    for row in factor_counts.values("factor", "answer").annotate(n=Sum("count")):
        by_factor.setdefault(row["factor"], {})[row["answer"]] = row["n"]
    known = matrix().factors
    rows = [
        (known[key], shown(counts.get(Answer.IN_THE_WAY, 0)), shown(counts.get(Answer.HELPS, 0)), counts)
        for key, counts in by_factor.items()
        if key in known
    ]
    hinder = sorted(
        (r for r in rows if r[3].get(Answer.IN_THE_WAY)), key=lambda r: (-r[3][Answer.IN_THE_WAY], r[0].key)
    )
    helps = sorted((r for r in rows if r[3].get(Answer.HELPS)), key=lambda r: (-r[3][Answer.HELPS], r[0].key))
    languages = list(
        ConversationCount.objects.filter(support_point=sp)
        .values("language")
        .annotate(n=Sum("count"))
        .order_by("language")
    )
    language_figures, language_total = protect_breakdown([row["n"] for row in languages])
    themes_used = Theme.objects.filter(
        pk__in=ConversationCount.objects.filter(support_point=sp).values("theme")
    ).order_by("label")
    context = {
        "sp": sp,
        "access": access,
        "total": shown(total),
        "hinder": hinder[:FIGURE_ROWS],
        "helps": helps[:FIGURE_ROWS],
        "languages": list(zip([row["language"] for row in languages], language_figures, strict=True)),
        "language_total": language_total,
        "themes": themes_used,
        "theme": theme,
        "language": language,
    }
    return render(request, "instruments/figures.html", context)

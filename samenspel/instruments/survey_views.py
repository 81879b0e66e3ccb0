"""The anonymous participant survey: slips printed by a group leader, answered by code without an account, results
for the group (only that group) and its support point, with "<5"."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from samenspel.core import ratelimit
from samenspel.core.printing import qr_svg
from samenspel.core.privacy import keep_nothing, protect_breakdown
from samenspel.core.visitor_forms import body_too_big, visitor_language
from samenspel.directory.models import Group
from samenspel.directory.postcodes import in_municipality
from samenspel.insight.access import municipality_for_user
from samenspel.instruments import conf, services, surveys
from samenspel.instruments.models import (
    AgeBand,
    Brings,
    CodeKind,
    Condition,
    Route,
    SurveyAnswer,
    SurveyCode,
    SurveyGender,
)
from samenspel.workspace.access import group_for_user, support_point_for_user
from samenspel.workspace.decorators import signed_in

TRIES_PER_HOUR = 30
RATING_CHOICES = [(str(v), surveys.rating_label(v)) for v in surveys.RATINGS]


def _rating(label: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=RATING_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


class SurveyForm(forms.Form):
    routes = forms.MultipleChoiceField(
        label=_("How did you find this group? (more than one answer is possible)"),
        choices=Route.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    self_help = _rating(_("What do you think of this self-help group? From -3 (very bad) to +3 (very good)."))
    formal_help = _rating(
        _("What do you think of the professional help you had? From -3 to +3. Skip this if it does not apply.")
    )
    brings = forms.MultipleChoiceField(
        label=_("What does the group bring you? (more than one answer is possible)"),
        choices=Brings.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    conditions = forms.MultipleChoiceField(
        label=_("What is true of this group for you? (more than one answer is possible)"),
        choices=Condition.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    age_band = forms.ChoiceField(
        label=_("How old are you?"), choices=AgeBand.choices, required=False, widget=forms.RadioSelect
    )
    gender = forms.ChoiceField(
        label=_("Are you a woman or a man? (you may skip this)"),
        choices=SurveyGender.choices,
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def _public(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    return keep_nothing(render(request, template, context, status=status))


@csrf_exempt  # the one-time code protects the form; no CSRF cookie, so nothing is kept in the browser either
def survey(request: HttpRequest, code: str) -> HttpResponse:
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if not ratelimit.hit(f"survey:{ratelimit.client_key(request)}", TRIES_PER_HOUR, 3600):
        return _public(request, "instruments/survey_invalid.html", {}, status=429)
    slip = SurveyCode.objects.select_related("group").filter(code=services.normalise_code(code)).first()
    if slip is None:
        return _public(request, "instruments/survey_invalid.html", {}, status=404)
    if request.method == "POST" and not body_too_big(request):
        form = SurveyForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            services.survey_answer(
                code=slip.code,
                routes=data["routes"],
                self_help=data["self_help"],
                formal_help=data["formal_help"],
                brings=data["brings"],
                conditions=data["conditions"],
                age_band=data["age_band"],
                gender=data["gender"],
                language=visitor_language(),
            )
            return _public(request, "instruments/survey_thanks.html", {})
        status = 400
    else:
        form, status = SurveyForm(), 200
    return _public(request, "instruments/survey.html", {"form": form, "group": slip.group}, status=status)


def survey_start(request: HttpRequest) -> HttpResponse:
    """Type the code from a slip."""
    code = services.normalise_code(request.GET.get("code", ""))
    if code:
        return redirect("instruments:survey", code=code)
    return _public(request, "instruments/survey_start.html", {})


@signed_in
def group_survey(request: HttpRequest, group_uuid: Any) -> HttpResponse:
    access = group_for_user(request.user, group_uuid, write=request.method == "POST")
    group = access.group
    if request.method == "POST":
        try:
            count = int(request.POST.get("count", "12"))
        except ValueError:
            count = 12
        if request.POST.get("kind") == CodeKind.LINK:
            codes = services.survey_codes_create(group=group, count=count, actor=request.user, kind=CodeKind.LINK)
            return _links(request, group, codes)
        codes = services.survey_codes_create(group=group, count=count, actor=request.user)
        return _slips(request, group, codes)
    answers = SurveyAnswer.objects.filter(group=group)
    context = {
        "group": group,
        "sp": group.support_point,
        "can_print": access.can_edit,
        "tables": surveys.report(answers),
        "max_slips": services.MAX_SLIPS,
    }
    return render(request, "instruments/survey_results.html", context)


def _slips(request: HttpRequest, group: Group, codes: list[SurveyCode]) -> HttpResponse:
    slips = []
    for code in codes:
        url = request.build_absolute_uri(reverse("instruments:survey", kwargs={"code": code.code}))
        slips.append({"code": code.code, "url": url, "qr": qr_svg(url)})
    start = request.build_absolute_uri(reverse("instruments:survey_start"))
    # The slips carry the codes: kept by no browser cache.
    return keep_nothing(
        render(request, "instruments/survey_slips.html", {"group": group, "slips": slips, "start": start})
    )


def _links(request: HttpRequest, group: Group, codes: list[SurveyCode]) -> HttpResponse:
    links = [request.build_absolute_uri(reverse("instruments:survey", kwargs={"code": c.code})) for c in codes]
    # The links are the answers' only key: kept by no browser cache.
    return keep_nothing(
        render(
            request,
            "instruments/survey_links.html",
            {"group": group, "links": links, "days": conf.survey_link_days()},
        )
    )


@signed_in
def support_point_survey(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug)
    sp = access.support_point
    answers = SurveyAnswer.objects.filter(group__support_point=sp)
    per_group, total = _per_group_figures(answers, Group.objects.for_support_point(sp))
    context = {"sp": sp, "tables": surveys.report(answers), "groups": per_group, "total": total}
    return render(request, "instruments/survey_overview.html", context)


def _per_group_figures(answers: QuerySet[SurveyAnswer], groups: QuerySet[Group]) -> tuple[list[Any], Any]:
    per_group = list(groups.filter(pk__in=answers.values("group")).order_by("name"))
    counted = dict(answers.values_list("group").annotate(n=Count("id")))
    figures, total = protect_breakdown([counted.get(g.pk, 0) for g in per_group])
    return list(zip(per_group, figures, strict=True)), total


@signed_in
def municipality_survey(request: HttpRequest, slug: str) -> HttpResponse:
    """The survey of the groups that meet in a municipality, for its officers: no group's own results, only the
    number of answers per group (with "<5") and the tables of all groups together."""
    place = municipality_for_user(request.user, slug)
    groups = in_municipality(Group.objects.all(), place.name, postcode_field="location__postcode")
    answers = SurveyAnswer.objects.filter(group__in=groups.values("pk"))
    per_group, total = _per_group_figures(answers, groups)
    context = {"municipality": place, "tables": surveys.report(answers), "groups": per_group, "total": total}
    return render(request, "instruments/survey_municipality.html", context)

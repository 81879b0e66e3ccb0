"""A support point's dashboard, its review queue, inbox and settings."""

from __future__ import annotations

from typing import Any

from django.conf import settings as django_settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.core.models import OutboxMessage, OutboxStatus
from samenspel.directory.freshness import filter_by_freshness, freshness_counts, freshness_of
from samenspel.directory.models import Group, GroupStatus, Organisation, SupportPointSettings
from samenspel.finder.models import Question, QuestionStatus
from samenspel.workspace.access import support_point_for_user
from samenspel.workspace.change_rows import change_rows
from samenspel.workspace.decorators import signed_in
from samenspel.workspace.forms import FilterForm, SettingsForm
from samenspel.workspace.models import ChangeRequest, ChangeStatus
from samenspel.workspace.services.support_point import support_point_settings_update

PAGE_SIZE = 50


@signed_in
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug)
    sp = access.support_point
    config = SupportPointSettings.for_support_point(sp)
    now = timezone.now()

    form = FilterForm(request.GET or None)
    groups = Group.objects.for_support_point(sp)
    if form.is_valid():
        if form.cleaned_data["q"]:
            groups = groups.filter(
                Q(name_nl__icontains=form.cleaned_data["q"]) | Q(name_en__icontains=form.cleaned_data["q"])
            )
        if form.cleaned_data["status"]:
            groups = groups.filter(status=form.cleaned_data["status"])
        if form.cleaned_data["freshness"]:
            groups = filter_by_freshness(groups, form.cleaned_data["freshness"], config=config, now=now)
    groups = groups.select_related("organisation", "freshness").annotate(
        open_questions=Count("questions", filter=Q(questions__status=QuestionStatus.NEW), distinct=True),
        open_changes=Count("change_requests", filter=Q(change_requests__status=ChangeStatus.PENDING), distinct=True),
    )
    page = Paginator(groups.order_by("name"), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(group, freshness_of(group, config=config, now=now)) for group in page]

    all_groups = Group.objects.for_support_point(sp)
    # order_by() first: Group's default ordering (name) would join the GROUP BY and count one per name.
    stage_counts = dict(all_groups.order_by().values("status").annotate(n=Count("id")).values_list("status", "n"))
    organisations = (
        Organisation.objects.filter(groups__support_point=sp)
        .annotate(group_count=Count("groups", filter=Q(groups__support_point=sp), distinct=True))
        .order_by("name")
        .distinct()
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "access": access,
        "sp": sp,
        "form": form,
        "page": page,
        "rows": rows,
        "query": query.urlencode(),
        "stages": [(value, label, stage_counts.get(value, 0)) for value, label in GroupStatus.choices],
        "freshness_counts": freshness_counts(all_groups, config=config, now=now),
        "organisations": organisations,
        "open_questions": Question.objects.filter(group__support_point=sp, status=QuestionStatus.NEW).count(),
        "open_changes": ChangeRequest.objects.for_support_point(sp).pending().count(),
        # E-mails the worker gave up on (a wrong address, a mail server that keeps refusing).
        "undelivered": OutboxMessage.objects.filter(support_point_id=sp.pk, status=OutboxStatus.FAILED).count(),
    }
    return render(request, "workspace/dashboard.html", context)


@signed_in
def review_queue(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug)
    changes = (
        ChangeRequest.objects.for_support_point(access.support_point).pending().select_related("group", "submitted_by")
    )
    # What each change is about, in the reviewer's words (the labels of its fields, never their keys).
    waiting = [(change, [row.label for row in change_rows(change.group, change.changes)]) for change in changes]
    return render(
        request, "workspace/review_queue.html", {"access": access, "sp": access.support_point, "changes": waiting}
    )


@signed_in
def translation_wanted(request: HttpRequest, slug: str) -> HttpResponse:
    """Groups that meet in a language they have no text in yet: where a translator (or the group) can help."""
    access = support_point_for_user(request.user, slug, translators=True)
    names = dict(django_settings.LANGUAGES)
    wanted = []
    groups = (
        Group.objects.for_support_point(access.support_point)
        .exclude(status=GroupStatus.STOPPED)
        .prefetch_related("languages")
        .order_by("name_nl", "pk")
    )
    for group in groups:
        for language in group.languages.all():
            if language.code in names and not getattr(group, f"description_{language.code}", ""):
                wanted.append((group, language.code, names[language.code]))
    context = {"access": access, "sp": access.support_point, "wanted": wanted}
    return render(request, "workspace/translation_wanted.html", context)


@signed_in
def settings_page(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug, manage=request.method == "POST")
    config = SupportPointSettings.for_support_point(access.support_point)
    # The form gets its own copy: validating writes into the instance, and the service diffs against `config`.
    form: Any = SettingsForm(
        request.POST or None, instance=SupportPointSettings.for_support_point(access.support_point)
    )
    if request.method == "POST" and form.is_valid():
        support_point_settings_update(
            config=config, actor=request.user, **{name: form.cleaned_data[name] for name in form.Meta.fields}
        )
        messages.success(request, _("Settings saved."))
        return redirect("workspace:settings", slug=access.support_point.slug)
    return render(request, "workspace/settings.html", {"access": access, "sp": access.support_point, "form": form})

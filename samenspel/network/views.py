"""Pages of the key persons' room at /netwerk/.

Key persons: their home, profile, the contact log, referral journeys and the circle of their support point's key
persons. Support points (/netwerk/beheer/<slug>/): inviting key persons, the figures, self-organisations on the
binding ladder. Public: a support point's key persons who chose a public profile. Every signed-in page is
`no-store`: it may show what is for the network only.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.core.figures import download, download_links
from samenspel.directory.models import Group, Organisation, OrganisationKind
from samenspel.network import services
from samenspel.network.access import journey_for_key_person, key_person_required, meeting_for_user, tie_for_user
from samenspel.network.figures import contact_tables, journey_table
from samenspel.network.forms import (
    ContactForm,
    HelpSearchForm,
    HelpServiceForm,
    HelpSuggestForm,
    InviteForm,
    JourneyStartForm,
    JourneyStepForm,
    MeetingCaseForm,
    MeetingForm,
    ProfileForm,
    SignalForm,
    SisterContactForm,
    TieForm,
    TieUpdateForm,
    TourAnswerForm,
    TourReportForm,
    TrustNoteForm,
)
from samenspel.network.models import (
    ContactEntry,
    Depth,
    HelpService,
    HelpSuggestion,
    JourneyStep,
    KeyPerson,
    KeyPersonStatus,
    Meeting,
    Resource,
    Shortage,
    Signal,
    SisterContact,
    SuggestionStatus,
    Tie,
    TrustNote,
    Visibility,
)
from samenspel.referral.models import ShortlistEntry
from samenspel.workspace.access import support_point_for_user
from samenspel.workspace.decorators import signed_in
from samenspel.workspace.theme_picker import filter_requested, filtered_again

View = Callable[..., HttpResponse]


def private(view: View) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        return response

    return wrapper


# The key person's own pages.


@private
@key_person_required
def home(request: HttpRequest, key_person: KeyPerson) -> HttpResponse:
    today = timezone.localdate()
    context = {
        "kp": key_person,
        "contacts_this_month": ContactEntry.objects.filter(
            key_person=key_person, day__year=today.year, day__month=today.month
        ).count(),
        "open_journeys": key_person.journeys.filter(closed_at__isnull=True).prefetch_related("steps")[:20],
    }
    return render(request, "network/home.html", context)


@private
@key_person_required
def profile(request: HttpRequest, key_person: KeyPerson) -> HttpResponse:
    status = 200
    if request.method == "POST" and filter_requested(request.POST):
        form = filtered_again(ProfileForm, request.POST)
    elif request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            first_time = key_person.status == KeyPersonStatus.INVITED
            services.key_person_profile_save(
                key_person=key_person,
                public_name=data["public_name"],
                languages=data["languages"],
                themes=data["themes"],
                availability=data["availability"],
                visibility=Visibility(data["visibility"]),
                reach=form.reach(),
            )
            messages.success(request, _("Your profile is saved.") if not first_time else _("Welcome to the network."))
            return redirect("network:home")
        status = 400
    else:
        form = ProfileForm(initial=ProfileForm.initial_for(key_person))
    return render(request, "network/profile.html", {"kp": key_person, "form": form}, status=status)


@private
@key_person_required
def contact_new(request: HttpRequest, key_person: KeyPerson) -> HttpResponse:
    first_language = key_person.languages.first()
    form = ContactForm(request.POST or None, key_person=key_person, initial={"language": first_language})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.contact_record(
                    key_person=key_person,
                    met_via=data["met_via"],
                    functions=data["functions"],
                    themes=data["themes"],
                    language=data["language"],
                    day=data["day"],
                    case_note=data["case_note"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Contact noted. Thank you."))
                return redirect("network:contact_new")
        status = 400
    recent = ContactEntry.objects.filter(key_person=key_person).prefetch_related("themes")[:10]
    return render(
        request, "network/contact_new.html", {"kp": key_person, "form": form, "recent": recent}, status=status
    )


@private
@key_person_required
def journeys(request: HttpRequest, key_person: KeyPerson) -> HttpResponse:
    form = JourneyStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        journey = services.journey_start(
            key_person=key_person, theme=form.cleaned_data["theme"], language=form.cleaned_data["language"]
        )
        return redirect("network:journey", journey_uuid=journey.uuid)
    found = key_person.journeys.select_related("theme", "language", "group").prefetch_related("steps")
    status = 400 if request.method == "POST" else 200
    return render(request, "network/journeys.html", {"kp": key_person, "form": form, "journeys": found}, status=status)


def _step_form(request: HttpRequest, key_person: KeyPerson) -> JourneyStepForm:
    handovers = list(services.own_handovers(key_person)[:50])
    listed = ShortlistEntry.objects.filter(professional__user=key_person.user).values("group")
    groups = Group.objects.filter(Q(pk__in=listed) | Q(pk__in=[h.group_id for h in handovers])).order_by("name")
    return JourneyStepForm(request.POST or None, groups=groups, handovers=handovers)


@private
@key_person_required
def journey(request: HttpRequest, key_person: KeyPerson, journey_uuid: Any) -> HttpResponse:
    found = journey_for_key_person(key_person, journey_uuid)
    form = _step_form(request, key_person)
    status = 200
    if request.method == "POST":
        if "close" in request.POST:
            services.journey_close(journey=found, actor=request.user)
            messages.success(request, _("Journey closed."))
            return redirect("network:journeys")
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.journey_step_add(
                    journey=found,
                    step=JourneyStep(data["step"]),
                    day=data["day"],
                    group=data["group"],
                    handover=data["handover"],
                    actor=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Step noted."))
                return redirect("network:journey", journey_uuid=found.uuid)
        status = 400
    context = {"kp": key_person, "journey": found, "form": form, "steps": found.steps.all()}
    return render(request, "network/journey.html", context, status=status)


@private
@key_person_required
def circle(request: HttpRequest, key_person: KeyPerson) -> HttpResponse:
    """The network of trusted persons of the support point: who can be asked for what (languages, themes)."""
    others = (
        KeyPerson.objects.for_support_point(key_person.support_point)
        .in_network()
        .exclude(pk=key_person.pk)
        .prefetch_related("languages", "themes", "reach__language")
    )
    meetings = Meeting.objects.for_support_point(key_person.support_point).filter(
        held_on__gte=timezone.localdate() - datetime.timedelta(days=90)
    )
    return render(request, "network/circle.html", {"kp": key_person, "others": others, "meetings": meetings})


@private
@signed_in
def meeting(request: HttpRequest, meeting_uuid: Any) -> HttpResponse:
    found, may_add = meeting_for_user(request.user, meeting_uuid)
    if request.method == "POST" and not may_add:
        raise PermissionDenied
    form = MeetingCaseForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.meeting_case_add(meeting=found, text=form.cleaned_data["text"], actor=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Case added."))
                return redirect("network:meeting", meeting_uuid=found.uuid)
        status = 400
    context = {
        "meeting": found,
        "cases": found.cases.all(),
        "form": form,
        "may_add": may_add,
        "professionals": found.professionals.filter(status=SuggestionStatus.ACCEPTED),
    }
    return render(request, "network/meeting.html", context, status=status)


@private
@key_person_required
def signals(request: HttpRequest, key_person: KeyPerson) -> HttpResponse:
    form = SignalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.signal_add(
            key_person=key_person, need=data["need"], theme=data["theme"], language=data["language"], area=data["area"]
        )
        messages.success(request, _("Signal sent to your support point."))
        return redirect("network:signals")
    own = key_person.signals.select_related("theme", "language")[:20]
    status = 400 if request.method == "POST" else 200
    return render(request, "network/signals.html", {"kp": key_person, "form": form, "own": own}, status=status)


@private
@key_person_required
def help_map(request: HttpRequest, key_person: KeyPerson) -> HttpResponse:
    """The key person's social map of all help around a question, with the first contact person and the way in."""
    form = HelpSearchForm(request.GET or None)
    results = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        results = services.help_search(
            key_person.support_point, query=data["q"], topic=data["topic"], language=data["language"]
        )
    context = {"kp": key_person, "form": form, "results": results, "q": form.data.get("q", "")}
    return render(request, "network/help_map.html", context)


@private
@key_person_required
def help_suggest(request: HttpRequest, key_person: KeyPerson) -> HttpResponse:
    initial = {}
    wanted = HelpService.objects.for_support_point(key_person.support_point).filter(
        uuid=_uuid_or_none(request.GET.get("dienst", ""))
    )
    if wanted.exists():
        initial["service"] = wanted.first()
    form = HelpSuggestForm(request.POST or None, support_point=key_person.support_point, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.help_suggest(
            key_person=key_person,
            text=data["text"],
            service=data["service"],
            topic=data["topic"],
            service_name=data["service_name"],
            provider_name=data["provider_name"],
        )
        messages.success(request, _("Thank you. Your support point will look at it."))
        return redirect("network:help_map")
    status = 400 if request.method == "POST" else 200
    own = key_person.suggestions.select_related("service")[:10]
    return render(request, "network/help_suggest.html", {"kp": key_person, "form": form, "own": own}, status=status)


def _uuid_or_none(value: str) -> Any:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


@private
@key_person_required
def sister_contacts(request: HttpRequest, key_person: KeyPerson) -> HttpResponse:
    """Who at sister organisations can be asked for what; a key person proposes, the support point approves."""
    sp = key_person.support_point
    form = SisterContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.sister_contact_add(support_point=sp, actor=request.user, approved=False, **form.cleaned_data)
        messages.success(request, _("Thank you. The contact is on the list once your support point approves it."))
        return redirect("network:sister_contacts")
    status = 400 if request.method == "POST" else 200
    found = SisterContact.objects.for_support_point(sp).approved().prefetch_related("languages", "themes")
    context = {"kp": key_person, "form": form, "contacts": found}
    return render(request, "network/sister_contacts.html", context, status=status)


# The support point's pages.


@private
@signed_in
def help_services(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug, write=request.method == "POST")
    sp = access.support_point
    form = HelpServiceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        languages = data.pop("languages")
        services.help_service_save(support_point=sp, actor=request.user, languages=languages, **data)
        messages.success(request, _("Saved."))
        return redirect("network:help_services", slug=slug)
    status = 400 if request.method == "POST" else 200
    context = {
        "sp": sp,
        "access": access,
        "form": form,
        "services": HelpService.objects.for_support_point(sp).select_related("provider"),
        "suggestions": HelpSuggestion.objects.for_support_point(sp)
        .filter(status=SuggestionStatus.OPEN)
        .select_related("service", "key_person"),
    }
    return render(request, "network/help_services.html", context, status=status)


@private
@signed_in
def help_service(request: HttpRequest, slug: str, service_uuid: Any) -> HttpResponse:
    access = support_point_for_user(request.user, slug, write=request.method == "POST")
    found = get_object_or_404(HelpService.objects.for_support_point(access.support_point), uuid=service_uuid)
    form = HelpServiceForm(request.POST or None, instance=found)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        languages = data.pop("languages")
        services.help_service_save(
            support_point=access.support_point, actor=request.user, service=found, languages=languages, **data
        )
        messages.success(request, _("Saved."))
        return redirect("network:help_services", slug=slug)
    status = 400 if request.method == "POST" else 200
    context = {"sp": access.support_point, "access": access, "form": form, "service": found}
    return render(request, "network/help_service.html", context, status=status)


@private
@signed_in
@require_POST
def help_suggestion_decide(request: HttpRequest, slug: str, suggestion_uuid: Any) -> HttpResponse:
    access = support_point_for_user(request.user, slug, write=True)
    found = get_object_or_404(HelpSuggestion.objects.for_support_point(access.support_point), uuid=suggestion_uuid)
    try:
        services.help_suggestion_decide(suggestion=found, accept="accept" in request.POST, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Suggestion dealt with."))
    if "accept" in request.POST and found.service is not None:
        return redirect("network:help_service", slug=slug, service_uuid=found.service.uuid)
    return redirect("network:help_services", slug=slug)


@private
@signed_in
def sister_contacts_manage(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug, write=request.method == "POST")
    sp = access.support_point
    form = SisterContactForm(request.POST if "add" in request.POST else None)
    status = 200
    if request.method == "POST":
        if "add" in request.POST:
            if form.is_valid():
                services.sister_contact_add(support_point=sp, actor=request.user, approved=True, **form.cleaned_data)
                messages.success(request, _("Saved."))
                return redirect("network:sister_contacts_manage", slug=slug)
            status = 400
        else:
            chosen = get_object_or_404(
                SisterContact.objects.for_support_point(sp), uuid=_uuid_or_none(request.POST.get("contact", ""))
            )
            services.sister_contact_decide(contact=chosen, action=request.POST.get("action", ""), actor=request.user)
            messages.success(request, _("Saved."))
            return redirect("network:sister_contacts_manage", slug=slug)
    found = SisterContact.objects.for_support_point(sp).prefetch_related("languages", "themes")
    context = {"sp": sp, "access": access, "form": form, "contacts": found}
    return render(request, "network/sister_contacts_manage.html", context, status=status)


@private
@signed_in
@require_POST
def signal_initiative(request: HttpRequest, slug: str, signal_uuid: Any) -> HttpResponse:
    """One click: a signal becomes an initiative "looking for others" on the map."""
    access = support_point_for_user(request.user, slug, write=True)
    found = get_object_or_404(Signal.objects.for_support_point(access.support_point), uuid=signal_uuid)
    try:
        group = services.signal_to_initiative(signal=found, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("%(name)s is on the map as an initiative looking for others.") % {"name": group.name}
        )
    return redirect(reverse("network:figures", args=[slug]) + "#signals")


def _colleagues(support_point: Organisation) -> Any:
    """Who may be named on a trust note: the people who can open the support point's ties, its members."""
    return get_user_model().objects.filter(memberships__support_point=support_point).distinct().order_by("email")


@private
@signed_in
def key_persons(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug, write=request.method == "POST")
    sp = access.support_point
    form = InviteForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.key_person_invite(support_point=sp, email=form.cleaned_data["email"], actor=request.user)
            except ValidationError as error:
                form.add_error("email", error)
            else:
                messages.success(request, _("Invitation sent."))
                return redirect("network:key_persons", slug=slug)
        status = 400
    found = (
        KeyPerson.objects.for_support_point(sp).select_related("user").prefetch_related("languages", "reach__language")
    )
    context = {"sp": sp, "access": access, "form": form, "key_persons": found}
    return render(request, "network/key_persons.html", context, status=status)


@private
@signed_in
@require_POST
def key_person_end(request: HttpRequest, slug: str, key_person_uuid: Any) -> HttpResponse:
    access = support_point_for_user(request.user, slug, manage=True)
    found = get_object_or_404(KeyPerson.objects.for_support_point(access.support_point).current(), uuid=key_person_uuid)
    services.key_person_end(key_person=found, actor=request.user)
    messages.success(request, _("The role as key person has ended."))
    return redirect("network:key_persons", slug=slug)


@private
@signed_in
def figures(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug)
    sp = access.support_point
    today = timezone.localdate()
    try:
        year = int(request.GET.get("jaar", today.year))
    except ValueError:
        year = today.year
    if not 2000 <= year <= today.year:
        raise Http404
    tables = [*contact_tables(sp, year), journey_table(sp, year)]
    heading = _("Work of the key persons of %(support_point)s in %(year)s") % {"support_point": sp.name, "year": year}
    intro = [_("Only counts: the contact log keeps no names.")]
    found = download(request, heading, intro, tables, f"key-persons-{sp.slug}-{year}")
    if found is not None:
        return found
    context = {
        "sp": sp,
        "tables": tables,
        "heading": heading,
        "year": year,
        "downloads": download_links(request),
        "signal_groups": services.signal_groups(sp),
        "access": access,
    }
    return render(request, "network/figures.html", context)


@private
@signed_in
def meetings(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug, write=request.method == "POST")
    sp = access.support_point
    form = MeetingForm(request.POST or None, support_point=sp)
    if request.method == "POST" and form.is_valid():
        found = services.meeting_create(
            support_point=sp,
            held_on=form.cleaned_data["held_on"],
            agenda=form.cleaned_data["agenda"],
            actor=request.user,
            professionals=form.cleaned_data.get("professionals") or (),
        )
        return redirect("network:meeting", meeting_uuid=found.uuid)
    status = 400 if request.method == "POST" else 200
    context = {"sp": sp, "access": access, "form": form, "meetings": Meeting.objects.for_support_point(sp)}
    return render(request, "network/meetings.html", context, status=status)


@private
@signed_in
def ties(request: HttpRequest, slug: str) -> HttpResponse:
    access = support_point_for_user(request.user, slug, write=request.method == "POST")
    sp = access.support_point
    form = TieForm(request.POST or None, support_point=sp)
    if request.method == "POST" and form.is_valid():
        tie = services.tie_create(support_point=sp, organisation=form.cleaned_data["organisation"], actor=request.user)
        return redirect("network:tie", slug=slug, tie_uuid=tie.uuid)
    found = Tie.objects.for_support_point(sp).select_related("organisation")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "network/ties.html",
        {
            "sp": sp,
            "access": access,
            "form": form,
            "ties": found,
            "synthesis": services.tour_synthesis(sp),
            "matches": services.tour_matches(sp),
        },
        status=status,
    )


@private
@signed_in
def tie(request: HttpRequest, slug: str, tie_uuid: Any) -> HttpResponse:
    found, access = tie_for_user(request.user, slug, tie_uuid, write=request.method == "POST")
    sp = access.support_point
    colleagues = _colleagues(sp).exclude(pk=request.user.pk)
    update_form = TieUpdateForm(
        request.POST if "update" in request.POST else None,
        initial={
            "step": found.step,
            "depth": found.depth,
            "next_action": found.next_action,
            "next_action_on": found.next_action_on,
        },
        prefix="tie",
    )
    note_form = TrustNoteForm(
        request.POST if "note" in request.POST else None,
        colleagues=colleagues,
        initial={"depth": Depth.SHOP_WINDOW},
        prefix="note",
    )
    status = 200
    if request.method == "POST":
        if "update" in request.POST and update_form.is_valid():
            data = update_form.cleaned_data
            services.tie_update(
                tie=found,
                step=data["step"],
                depth=Depth(data["depth"]),
                next_action=data["next_action"],
                next_action_on=data["next_action_on"],
                actor=request.user,
            )
            messages.success(request, _("Saved."))
            return redirect("network:tie", slug=slug, tie_uuid=found.uuid)
        if "note" in request.POST and note_form.is_valid():
            data = note_form.cleaned_data
            services.trust_note_add(
                tie=found, author=request.user, depth=Depth(data["depth"]), text=data["text"], readers=data["readers"]
            )
            messages.success(request, _("Note saved."))
            return redirect("network:tie", slug=slug, tie_uuid=found.uuid)
        status = 400
    notes = TrustNote.objects.filter(tie=found).readable_by(request.user).select_related("author")
    context = {
        "sp": sp,
        "access": access,
        "tie": found,
        "history": found.history.select_related("changed_by"),
        "reports": found.reports.all(),
        "notes": notes.prefetch_related("readers"),
        "update_form": update_form,
        "note_form": note_form,
    }
    return render(request, "network/tie.html", context, status=status)


@private
@signed_in
def tour_report_new(request: HttpRequest, slug: str, tie_uuid: Any) -> HttpResponse:
    found, access = tie_for_user(request.user, slug, tie_uuid, write=True)
    form = TourReportForm(request.POST or None, initial={"visited_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        report = services.tour_report_create(
            tie=found,
            author=request.user,
            visited_on=data["visited_on"],
            target_group=data["target_group"],
            activities=data["activities"],
            shortages=data["shortages"],
            shortage_notes=data["shortage_notes"],
            wishes=data["wishes"],
            offers=data["offers"],
            needs=[Resource(r) for r in data["needs"]],
            offers_kinds=[Resource(r) for r in data["offers_kinds"]],
            need_language=data["need_language"],
            offer_language=data["offer_language"],
            send_to_organisation=data["send_to_organisation"],
        )
        if report.confirmation_sent_at:
            messages.success(request, _("Report saved and sent to the organisation to confirm."))
        else:
            messages.success(request, _("Report saved. The organisation has no e-mail address, so it was not sent."))
        return redirect("network:tie", slug=slug, tie_uuid=found.uuid)
    status = 400 if request.method == "POST" else 200
    context = {"sp": access.support_point, "tie": found, "form": form}
    return render(request, "network/tour_report_new.html", context, status=status)


# Public.


@private
def tour_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The organisation reads the report of the visit and confirms it, or says what should be different. Once."""
    report = services.tour_report_for_token(token)
    if report is None:
        return render(request, "network/tour_link_invalid.html", status=404)
    if report.confirmed_at is not None:
        return render(request, "network/tour_answered.html", {"report": report})
    form = TourAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.tour_report_answer(report=report, correction=form.cleaned_data["correction"])
        return render(request, "network/tour_answered.html", {"report": report, "just_now": True})
    status = 400 if request.method == "POST" else 200
    shortages = dict(Shortage.choices)
    context = {"report": report, "form": form, "shortages": [shortages[s] for s in report.shortages if s in shortages]}
    return render(request, "network/tour_confirm.html", context, status=status)


def public(request: HttpRequest, slug: str) -> HttpResponse:
    """The key persons of a support point who chose a public profile; they are reached through the support point."""
    sp = get_object_or_404(Organisation, slug=slug, kind=OrganisationKind.SUPPORT_POINT)
    found = KeyPerson.objects.for_support_point(sp).public().prefetch_related("languages", "themes", "reach__language")
    return render(request, "network/public.html", {"sp": sp, "key_persons": found})

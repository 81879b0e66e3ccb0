"""Writes of the key persons' room. Keyword-only, one transaction each, every state change in the audit log.

The audit log keeps each object's __str__ and the fields changed, never a note's text.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samenspel.accounts.links import send_notice
from samenspel.accounts.services import user_for_email
from samenspel.core.audit import LinkActor, acting_user, log_action
from samenspel.core.services import Actor
from samenspel.directory.models import Group, GroupStatus, Language, Organisation, OrganisationKind, Theme
from samenspel.directory.services import group_create
from samenspel.directory.slugs import new_slug
from samenspel.network.conf import (
    TOUR_LINK_DAYS,
    case_note_delete_after,
    signal_delete_after,
    tour_report_delete_after,
    trust_note_delete_after,
)
from samenspel.network.guard import identity_hints
from samenspel.network.models import (
    MAX_CASES_PER_MEETING,
    TOPIC_WORDS,
    ContactEntry,
    ContactFunction,
    Depth,
    HelpService,
    HelpSuggestion,
    HelpTopic,
    Journey,
    JourneyStep,
    JourneyStepDone,
    KeyPerson,
    KeyPersonStatus,
    LadderChange,
    LadderStep,
    Meeting,
    MeetingCase,
    MetVia,
    Reach,
    Resource,
    Shortage,
    Signal,
    SisterContact,
    SuggestionStatus,
    Tie,
    TourReport,
    TrustNote,
    Visibility,
)
from samenspel.referral.models import (
    ENCRYPTED_FIELDS,
    Handover,
    HandoverStatus,
    Professional,
    ProfessionalRole,
    ProfessionalStatus,
)


def _refuse_identity(text: str) -> None:
    hints = identity_hints(text)
    if hints:
        raise ValidationError(
            _("Leave out anything that says who someone is. This looks like %(what)s.") % {"what": ", ".join(hints)}
        )


@transaction.atomic
def key_person_invite(*, support_point: Organisation, email: str, actor: Actor) -> KeyPerson:
    """Invite someone as a key person of this support point: an account by their address and a mail with a link.

    Inviting the same address again sends the invitation again (and reopens an ended role here); someone who is a
    key person of another support point stays theirs.
    """
    user = user_for_email(email)
    key_person = KeyPerson.objects.filter(user=user).first()
    if key_person is not None and key_person.support_point_id != support_point.pk:
        if key_person.status != KeyPersonStatus.ENDED:
            raise ValidationError(_("This person is already a key person of another support point."))
        key_person.support_point = support_point
    if key_person is None:
        key_person = KeyPerson.objects.create(
            user=user, support_point=support_point, invited_by=acting_user(actor), status=KeyPersonStatus.INVITED
        )
        log_action(obj=key_person, action="key_person.invited", actor=actor)
    elif key_person.status == KeyPersonStatus.ENDED:
        key_person.status = KeyPersonStatus.INVITED
        key_person.ended_at = None
        key_person.invited_by = acting_user(actor)
        key_person.save()
        log_action(obj=key_person, action="key_person.invited", actor=actor)
    sp_name = support_point.name
    send_notice(
        user=user,
        kind="key_person_invitation",
        key=f"key_person_invitation:{key_person.pk}:{timezone.now():%Y-%m-%d}",
        subject=lambda: _("%(support_point)s invites you as a key person") % {"support_point": sp_name},
        lines=lambda: [
            _("%(support_point)s invites you to Samenspel as a key person (trusted person).")
            % {"support_point": sp_name},
            _(
                "You get the social map as professionals see it, referral slips in many languages and warm "
                "handovers, and a contact log that keeps no names."
            ),
            _("First fill in your profile: your languages, whom you reach and who may see it."),
        ],
        next_url=reverse("network:profile"),
        support_point_id=support_point.pk,
    )
    return key_person


def _ensure_professional(key_person: KeyPerson) -> None:
    """The map with the professional view, slips and handovers: the referral room's own path, as a key person.

    Someone who already refers as a professional keeps their profile and role.
    """
    professional = Professional.objects.filter(user=key_person.user).first()
    if professional is None:
        Professional.objects.create(
            user=key_person.user,
            organisation=key_person.support_point.name,
            role=ProfessionalRole.KEY_PERSON,
            support_point=key_person.support_point,
            status=ProfessionalStatus.APPROVED,
            decided_at=timezone.now(),
        )
    elif professional.role == ProfessionalRole.KEY_PERSON and professional.status != ProfessionalStatus.APPROVED:
        professional.status = ProfessionalStatus.APPROVED
        professional.support_point = key_person.support_point
        professional.decided_at = timezone.now()
        professional.save(update_fields=["status", "support_point", "decided_at"])


@transaction.atomic
def key_person_profile_save(
    *,
    key_person: KeyPerson,
    public_name: str,
    languages: Iterable[Language],
    themes: Iterable[Theme],
    availability: str,
    visibility: Visibility,
    reach: Sequence[tuple[Language | None, str]],
) -> KeyPerson:
    """The key person's own profile. Saving it the first time makes an invited key person active."""
    before = {"visibility": key_person.visibility, "status": key_person.status}
    key_person.public_name = public_name.strip()
    key_person.availability = availability.strip()
    key_person.visibility = visibility
    if key_person.status == KeyPersonStatus.INVITED:
        key_person.status = KeyPersonStatus.ACTIVE
        key_person.activated_at = timezone.now()
    key_person.save()
    key_person.languages.set(list(languages))
    key_person.themes.set(list(themes))
    key_person.reach.all().delete()
    seen: set[tuple[int | None, str]] = set()
    for language, neighbourhood in reach:
        neighbourhood = neighbourhood.strip()
        key = (language.pk if language else None, neighbourhood.lower())
        if (language is None and not neighbourhood) or key in seen:
            continue
        seen.add(key)
        Reach.objects.create(key_person=key_person, language=language, neighbourhood=neighbourhood)
    _ensure_professional(key_person)
    after = {"visibility": key_person.visibility, "status": key_person.status}
    changes = {name: [before[name], after[name]] for name in before if before[name] != after[name]}
    log_action(obj=key_person, action="key_person.profile_saved", actor=key_person.user, changes=changes)
    return key_person


@transaction.atomic
def key_person_end(*, key_person: KeyPerson, actor: Actor) -> KeyPerson:
    """The support point ends the role: the profile leaves the network, referral access as a key person ends.

    Their contacts and journeys stay as counts of the support point.
    """
    key_person.status = KeyPersonStatus.ENDED
    key_person.ended_at = timezone.now()
    key_person.save(update_fields=["status", "ended_at"])
    Professional.objects.filter(user=key_person.user, role=ProfessionalRole.KEY_PERSON).update(
        status=ProfessionalStatus.REVOKED, decided_at=timezone.now()
    )
    log_action(obj=key_person, action="key_person.ended", actor=actor)
    return key_person


@transaction.atomic
def contact_record(
    *,
    key_person: KeyPerson,
    met_via: MetVia,
    functions: Sequence[ContactFunction],
    themes: Iterable[Theme] = (),
    language: Language | None = None,
    day: datetime.date | None = None,
    case_note: str = "",
) -> ContactEntry:
    """One contact in the log: counts for the support point's figures, and at most an anonymous case note."""
    case_note = case_note.strip()
    _refuse_identity(case_note)
    today = timezone.localdate()
    day = day or today
    if day > today:
        raise ValidationError(_("A contact cannot be in the future."))
    entry = ContactEntry.objects.create(
        support_point=key_person.support_point,
        key_person=key_person,
        day=day,
        language=language,
        met_via=met_via,
        functions=sorted({str(f) for f in functions}),
        case_note=case_note,
        note_delete_after=case_note_delete_after(today) if case_note else None,
    )
    entry.themes.set(list(themes))
    log_action(obj=entry, action="contact.recorded", actor=key_person.user)
    return entry


def contact_notes_purge(*, today: datetime.date | None = None) -> int:
    """Wipe the case notes whose retention ended; the contact stays as a count."""
    with transaction.atomic():
        due = list(ContactEntry.objects.notes_due(today).values_list("pk", flat=True))
        ContactEntry.objects.filter(pk__in=due).update(case_note="", note_delete_after=None)
    return len(due)


@transaction.atomic
def journey_start(*, key_person: KeyPerson, theme: Theme | None = None, language: Language | None = None) -> Journey:
    journey = Journey.objects.create(
        support_point=key_person.support_point, key_person=key_person, theme=theme, language=language
    )
    log_action(obj=journey, action="journey.started", actor=key_person.user)
    return journey


def own_handovers(key_person: KeyPerson) -> Any:
    """The warm handovers this key person made (through the referral room): only their group and time show here."""
    return Handover.objects.filter(professional__user=key_person.user).select_related("group")


@transaction.atomic
def journey_step_add(
    *,
    journey: Journey,
    step: JourneyStep,
    day: datetime.date | None = None,
    group: Group | None = None,
    handover: Handover | None = None,
    actor: Actor,
) -> JourneyStepDone:
    """A step taken, dated. A step may name the group found or the handover made (the key person's own only)."""
    day = day or timezone.localdate()
    if day > timezone.localdate():
        raise ValidationError(_("A step cannot be in the future."))
    if journey.closed_at is not None:
        raise ValidationError(_("This journey is closed."))
    changed = []
    if group is not None and journey.group_id != group.pk:
        journey.group = group
        changed.append("group")
    if handover is not None and journey.key_person is not None:
        if not own_handovers(journey.key_person).filter(pk=handover.pk).exists():
            raise ValidationError(_("Choose one of your own handovers."))
        journey.handover = handover
        changed.append("handover")
    if changed:
        journey.save(update_fields=changed)
    done = JourneyStepDone.objects.create(journey=journey, step=step, day=day)
    log_action(obj=journey, action="journey.step", actor=actor, changes={"step": [None, str(step)]})
    return done


@transaction.atomic
def journey_close(*, journey: Journey, actor: Actor) -> Journey:
    journey.closed_at = timezone.now()
    journey.save(update_fields=["closed_at"])
    log_action(obj=journey, action="journey.closed", actor=actor)
    return journey


@transaction.atomic
def tie_create(*, support_point: Organisation, organisation: Organisation, actor: Actor) -> Tie:
    if organisation.kind != OrganisationKind.SELF_ORGANISATION:
        raise ValidationError(_("Only a self-organisation goes on the binding ladder."))
    tie, created = Tie.objects.get_or_create(support_point=support_point, organisation=organisation)
    if created:
        log_action(obj=tie, action="tie.created", actor=actor)
    return tie


@transaction.atomic
def tie_update(
    *,
    tie: Tie,
    step: LadderStep,
    depth: Depth,
    next_action: str,
    next_action_on: datetime.date | None,
    actor: Actor,
    day: datetime.date | None = None,
) -> Tie:
    """Move a self-organisation on the ladder (a dated step in its history) and set the next action."""
    before = {"step": tie.step, "depth": tie.depth}
    if int(step) != tie.step:
        LadderChange.objects.create(
            tie=tie,
            step_from=tie.step,
            step_to=int(step),
            day=day or timezone.localdate(),
            changed_by=acting_user(actor),
        )
    tie.step = int(step)
    tie.depth = depth
    tie.next_action = next_action.strip()
    tie.next_action_on = next_action_on
    tie.save()
    after = {"step": tie.step, "depth": tie.depth}
    log_action(
        obj=tie,
        action="tie.updated",
        actor=actor,
        changes={k: [before[k], after[k]] for k in before if before[k] != after[k]},
    )
    return tie


@transaction.atomic
def trust_note_add(*, tie: Tie, author: Any, depth: Depth, text: str, readers: Iterable[Any] = ()) -> TrustNote:
    """A note about the organisation. Deeper than the shop window, only its author and the people named read it."""
    text = text.strip()
    if not text:
        raise ValidationError(_("Write the note first."))
    note = TrustNote.objects.create(
        tie=tie, author=author, depth=depth, text=text, delete_after=trust_note_delete_after()
    )
    if depth != Depth.SHOP_WINDOW:
        note.readers.set([r for r in readers if r.pk != author.pk])
    log_action(obj=note, action="trust_note.added", actor=author, changes={"depth": [None, str(depth)]})
    return note


def trust_notes_purge(*, today: datetime.date | None = None) -> int:
    with transaction.atomic():
        _deleted, by_model = TrustNote.objects.due_for_deletion(today).delete()
    return int(by_model.get("network.TrustNote", 0))


TOUR_SALT = "samenspel.network.tour"


def tour_token(report: TourReport) -> str:
    return signing.dumps(str(report.uuid), salt=TOUR_SALT)


def tour_report_for_token(token: str) -> TourReport | None:
    """The report a confirmation link points at, while the link is valid; None otherwise."""
    try:
        report_uuid = signing.loads(token, salt=TOUR_SALT, max_age=datetime.timedelta(days=TOUR_LINK_DAYS))
    except signing.BadSignature:
        return None
    return TourReport.objects.select_related("tie__organisation", "tie__support_point").filter(uuid=report_uuid).first()


@transaction.atomic
def tour_report_create(
    *,
    tie: Tie,
    author: Any,
    visited_on: datetime.date,
    target_group: str,
    activities: str,
    shortages: Sequence[Shortage],
    shortage_notes: str = "",
    wishes: str = "",
    offers: str = "",
    needs: Sequence[Resource] = (),
    offers_kinds: Sequence[Resource] = (),
    need_language: Language | None = None,
    offer_language: Language | None = None,
    send_to_organisation: bool = True,
) -> TourReport:
    """A visit on the tour. Sent to the organisation's public address to confirm or correct, when it has one."""
    report = TourReport.objects.create(
        tie=tie,
        written_by=author,
        visited_on=visited_on,
        target_group=target_group.strip(),
        activities=activities.strip(),
        shortages=sorted({str(s) for s in shortages}),
        shortage_notes=shortage_notes.strip(),
        wishes=wishes.strip(),
        offers=offers.strip(),
        needs=sorted({str(r) for r in needs}),
        offers_kinds=sorted({str(r) for r in offers_kinds}),
        need_language=need_language if Resource.LANGUAGE in needs else None,
        offer_language=offer_language if Resource.LANGUAGE in offers_kinds else None,
        delete_after=tour_report_delete_after(),
    )
    log_action(obj=report, action="tour_report.written", actor=author)
    if send_to_organisation and tie.organisation.email:
        _send_tour_report(report)
    return report


def _send_tour_report(report: TourReport) -> None:
    organisation, support_point = report.tie.organisation, report.tie.support_point
    path = reverse("network:tour_confirm", kwargs={"token": tour_token(report)})
    send_notice(
        email=organisation.email,
        kind="tour_report",
        key=f"tour_report:{report.pk}",
        subject=lambda: _("Did we understand you well? Our visit to %(organisation)s") % {"organisation": organisation},
        lines=lambda: [
            _("%(support_point)s visited %(organisation)s and wrote down what we heard.")
            % {"support_point": support_point.name, "organisation": organisation.name},
            _("Did we understand you well? Please correct us where we did not. The link works for %(days)d days.")
            % {"days": TOUR_LINK_DAYS},
        ],
        next_url=path,
        support_point_id=support_point.pk,
    )
    report.confirmation_sent_at = timezone.now()
    report.save(update_fields=["confirmation_sent_at"])


@transaction.atomic
def tour_report_answer(*, report: TourReport, correction: str) -> TourReport:
    """The organisation's answer by its link: confirmed as it is, or with a correction. Once."""
    if report.confirmed_at is not None:
        raise ValidationError(_("This report has already been answered. Thank you."))
    report.confirmed_at = timezone.now()
    report.correction = correction.strip()
    report.save(update_fields=["confirmed_at", "correction"])
    log_action(
        obj=report,
        action="tour_report.corrected" if report.correction else "tour_report.confirmed",
        actor=LinkActor(str(report.tie.organisation)),
    )
    return report


def tour_reports_purge(*, today: datetime.date | None = None) -> int:
    with transaction.atomic():
        _deleted, by_model = TourReport.objects.due_for_deletion(today).delete()
    return int(by_model.get("network.TourReport", 0))


def tour_synthesis(support_point: Organisation) -> list[tuple[str, list[Organisation]]]:
    """Across the tour: per bottleneck, the self-organisations that named it in their latest report.

    Where several name the same one, there is a shared interest that can make a cooperation (step 4).
    """
    latest: dict[int, TourReport] = {}
    for report in TourReport.objects.filter(tie__support_point=support_point).select_related("tie__organisation"):
        if report.tie_id not in latest:  # ordered newest first
            latest[report.tie_id] = report
    names = dict(Shortage.choices)
    rows = []
    for value, label in names.items():
        organisations = sorted(
            (r.tie.organisation for r in latest.values() if value in r.shortages), key=lambda o: o.name
        )
        if organisations:
            rows.append((str(label), organisations))
    return sorted(rows, key=lambda row: -len(row[1]))


HANDOVER_WAIT_DAYS = 7


def _waiting_lines(group: str, day: datetime.date) -> Callable[[], list[str]]:
    # Called inside the receiver's language by send_notice.
    def lines() -> list[str]:
        return [
            _("Your warm handover to %(group)s of %(day)s has not been answered for a week.")
            % {"group": group, "day": date_format(day, "DATE_FORMAT")},
            _(
                "Perhaps call the group together with the person, keep them going while they wait, or look for "
                "other help on the map. Note it as a step on the journey."
            ),
        ]

    return lines


def waiting_handovers_remind(*, now: datetime.datetime | None = None) -> int:
    """Tell each key person once about a warm handover of theirs still "sent" after a week: time to motivate.

    The mail names the group and the day, never the person (the key person knows who it was).
    """
    now = now or timezone.now()
    waiting = (
        Handover.objects.filter(
            role=ProfessionalRole.KEY_PERSON,
            status=HandoverStatus.SENT,
            created_at__lte=now - datetime.timedelta(days=HANDOVER_WAIT_DAYS),
            professional__user__key_person__status=KeyPersonStatus.ACTIVE,
        )
        .select_related("group", "professional__user")
        .defer(*ENCRYPTED_FIELDS)
    )
    sent = 0
    for handover in waiting:
        assert handover.professional is not None  # the filter follows it
        user, group = handover.professional.user, handover.group
        day = timezone.localtime(handover.created_at).date()
        send_notice(
            user=user,
            kind="key_person_handover_waiting",
            key=f"key_person_handover_waiting:{handover.pk}",
            subject=lambda: _("A warm handover is still waiting for an answer"),
            lines=_waiting_lines(group.name, day),
            next_url=reverse("network:journeys"),
        )
        sent += 1
    return sent


@transaction.atomic
def signal_add(
    *, key_person: KeyPerson, need: str, theme: Theme | None = None, language: Language | None = None, area: str = ""
) -> Signal:
    """A need the key person sees in a community, for the support point to count and act on."""
    need, area = need.strip(), area.strip()
    _refuse_identity(need)
    _refuse_identity(area)
    signal = Signal.objects.create(
        support_point=key_person.support_point,
        key_person=key_person,
        theme=theme,
        language=language,
        area=area,
        need=need,
        delete_after=signal_delete_after(),
    )
    log_action(obj=signal, action="signal.added", actor=key_person.user)
    return signal


def signals_purge(*, today: datetime.date | None = None) -> int:
    with transaction.atomic():
        _deleted, by_model = Signal.objects.due_for_deletion(today).delete()
    return int(by_model.get("network.Signal", 0))


def signal_groups(support_point: Organisation) -> list[tuple[str, str, str, int, list[Signal]]]:
    """The signals grouped by theme, language and place, most first: (theme, language, place, count, signals)."""
    groups: dict[tuple[str, str, str], list[Signal]] = {}
    for signal in Signal.objects.for_support_point(support_point).select_related("theme", "language", "initiative"):
        key = (
            str(signal.theme.label) if signal.theme else "",
            str(signal.language.name) if signal.language else "",
            signal.area.strip().title(),
        )
        groups.setdefault(key, []).append(signal)
    return sorted(
        ((theme, language, area, len(found), found) for (theme, language, area), found in groups.items()),
        key=lambda row: (-row[3], row[0], row[1], row[2]),
    )


@transaction.atomic
def meeting_create(
    *,
    support_point: Organisation,
    held_on: datetime.date,
    agenda: str,
    actor: Actor,
    professionals: Iterable[SisterContact] = (),
) -> Meeting:
    meeting = Meeting.objects.create(
        support_point=support_point, held_on=held_on, agenda=agenda.strip(), created_by=acting_user(actor)
    )
    meeting.professionals.set([p for p in professionals if p.support_point_id == support_point.pk])
    log_action(obj=meeting, action="meeting.created", actor=actor)
    return meeting


@transaction.atomic
def meeting_case_add(*, meeting: Meeting, text: str, actor: Any) -> MeetingCase:
    """An anonymous case for the discussion; at most three a meeting, so there is time for each."""
    text = text.strip()
    if not text:
        raise ValidationError(_("Describe the case first."))
    _refuse_identity(text)
    # Lock the meeting, so two people adding the third case at once cannot make it four.
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    if meeting.cases.count() >= MAX_CASES_PER_MEETING:
        raise ValidationError(
            _("This meeting already has %(number)d cases. Bring yours to the next one.")
            % {"number": MAX_CASES_PER_MEETING}
        )
    case = MeetingCase.objects.create(
        meeting=meeting, brought_by=actor, text=text, delete_after=case_note_delete_after(meeting.held_on)
    )
    log_action(obj=case, action="meeting.case_added", actor=actor)
    return case


def meeting_cases_purge(*, today: datetime.date | None = None) -> int:
    with transaction.atomic():
        _deleted, by_model = MeetingCase.objects.due_for_deletion(today).delete()
    return int(by_model.get("network.MeetingCase", 0))


# The social map of all help: services around a question, kept by the support point, shared with its key persons.

SUGGESTION_DAYS = 365


def _topics_for(query: str) -> set[str]:
    """The questions a search word points at: "schuldhulp" -> debt help, in any interface language."""
    query = query.strip().lower()
    if len(query) < 3:
        return set()
    found = set()
    for topic in HelpTopic:
        words = {*TOPIC_WORDS.get(topic, ()), str(topic.label).lower()}
        for code in ("nl", "en"):
            with translation.override(code):
                words.add(str(topic.label).lower())
        if any(word in query or query in word for word in words if len(word) >= 3):
            found.add(str(topic))
    return found


def help_search(
    support_point: Organisation, *, query: str = "", topic: str = "", language: Language | None = None
) -> Any:
    """The support point's help services for a person's question: by the words people use, the question or a
    language the service speaks."""
    found = HelpService.objects.for_support_point(support_point).select_related("provider")
    if topic:
        found = found.filter(topic=topic)
    if language is not None:
        found = found.filter(languages=language)
    query = query.strip()
    if query:
        found = found.filter(
            Q(topic__in=_topics_for(query))
            | Q(name__icontains=query)
            | Q(description__icontains=query)
            | Q(conditions__icontains=query)
            | Q(provider__name__icontains=query)
            | Q(area__icontains=query)
        )
    return found.prefetch_related("languages").distinct()


HELP_SERVICE_FIELDS = (
    "provider",
    "name",
    "topic",
    "description",
    "conditions",
    "procedure",
    "area",
    "website",
    "role_email",
    "role_phone",
    "open_data",
    "contact_name",
    "contact_role",
    "contact_phone",
    "contact_email",
    "network_note",
)
CONTACT_FIELDS = ("contact_name", "contact_phone", "contact_email")


@transaction.atomic
def help_service_save(
    *,
    support_point: Organisation,
    actor: Actor,
    service: HelpService | None = None,
    languages: Iterable[Language] = (),
    **fields: Any,
) -> HelpService:
    """Add or change a service on the support point's social map. Naming a contact person dates the check."""
    unknown = set(fields) - set(HELP_SERVICE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    if service is None:
        service = HelpService(support_point=support_point)
    before = {name: getattr(service, name, None) for name in HELP_SERVICE_FIELDS if name != "provider"}
    for name, value in fields.items():
        setattr(service, name, value.strip() if isinstance(value, str) else value)
    if any(fields.get(name) for name in CONTACT_FIELDS):
        service.contact_checked_on = timezone.localdate()
    service.full_clean(exclude=["support_point", "provider"])
    created = service.pk is None
    service.save()
    service.languages.set(list(languages))
    # The audit says what changed, never the contact person's details themselves.
    changed = sorted(
        name for name in before if before[name] != getattr(service, name) and not created and name in fields
    )
    log_action(
        obj=service,
        action="help_service.created" if created else "help_service.changed",
        actor=actor,
        changes={"fields": [None, changed]} if changed else None,
    )
    return service


def help_contacts_purge(*, today: datetime.date | None = None) -> int:
    """Remove a named first contact person's details nobody checked within the retention (a year by default)."""
    with transaction.atomic():
        due = list(HelpService.objects.contact_due(today).values_list("pk", flat=True))
        HelpService.objects.filter(pk__in=due).update(
            contact_name="", contact_phone="", contact_email="", contact_checked_on=None
        )
    return len(due)


@transaction.atomic
def help_suggest(
    *,
    key_person: KeyPerson,
    text: str,
    service: HelpService | None = None,
    topic: str = "",
    service_name: str = "",
    provider_name: str = "",
) -> HelpSuggestion:
    """A key person suggests a service or a correction; it waits for the support point."""
    text = text.strip()
    if not text:
        raise ValidationError(_("Say what to add or correct."))
    if service is not None and service.support_point_id != key_person.support_point_id:
        raise ValidationError(_("Choose a service of your own support point."))
    suggestion = HelpSuggestion.objects.create(
        support_point=key_person.support_point,
        key_person=key_person,
        service=service,
        topic=topic,
        service_name=service_name.strip(),
        provider_name=provider_name.strip(),
        text=text,
        delete_after=timezone.localdate() + datetime.timedelta(days=SUGGESTION_DAYS),
    )
    log_action(obj=suggestion, action="help_suggestion.made", actor=key_person.user)
    return suggestion


@transaction.atomic
def help_suggestion_decide(*, suggestion: HelpSuggestion, accept: bool, actor: Actor) -> HelpSuggestion:
    """The support point takes a suggestion over (and then changes the map itself) or does not. Once."""
    if suggestion.status != SuggestionStatus.OPEN:
        raise ValidationError(_("This suggestion has already been dealt with."))
    suggestion.status = SuggestionStatus.ACCEPTED if accept else SuggestionStatus.DECLINED
    suggestion.decided_by = acting_user(actor)
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["status", "decided_by", "decided_at"])
    log_action(obj=suggestion, action=f"help_suggestion.{suggestion.status}", actor=actor)
    return suggestion


def help_suggestions_purge(*, today: datetime.date | None = None) -> int:
    with transaction.atomic():
        _deleted, by_model = HelpSuggestion.objects.due_for_deletion(today).delete()
    return int(by_model.get("network.HelpSuggestion", 0))


# Contacts at sister organisations: a shared list the support point moderates.


@transaction.atomic
def sister_contact_add(
    *,
    support_point: Organisation,
    actor: Any,
    approved: bool,
    organisation_name: str,
    name: str,
    ask_for: str,
    role: str = "",
    email: str = "",
    phone: str = "",
    languages: Iterable[Language] = (),
    themes: Iterable[Theme] = (),
    joins_meetings: bool = False,
) -> SisterContact:
    """A contact in their work role. From a key person it waits for the support point; from its members it is on."""
    if not email.strip() and not phone.strip():
        raise ValidationError(_("Give a work e-mail address or phone number."))
    contact = SisterContact.objects.create(
        support_point=support_point,
        organisation_name=organisation_name.strip(),
        name=name.strip(),
        role=role.strip(),
        email=email.strip(),
        phone=phone.strip(),
        ask_for=ask_for.strip(),
        joins_meetings=joins_meetings,
        status=SuggestionStatus.ACCEPTED if approved else SuggestionStatus.OPEN,
        proposed_by=acting_user(actor),
    )
    contact.languages.set(list(languages))
    contact.themes.set(list(themes))
    log_action(obj=contact, action="sister_contact.added", actor=actor, changes={"status": [None, contact.status]})
    return contact


@transaction.atomic
def sister_contact_decide(*, contact: SisterContact, action: str, actor: Actor) -> SisterContact | None:
    """approve (on the list), check (still right: the year starts again) or remove (gone, also when declined)."""
    if action == "remove":
        log_action(obj=contact, action="sister_contact.removed", actor=actor)
        contact.delete()
        return None
    if action == "approve":
        contact.status = SuggestionStatus.ACCEPTED
    elif action != "check":
        raise ValidationError(_("Unknown action."))
    contact.checked_on = timezone.localdate()
    contact.save(update_fields=["status", "checked_on"])
    log_action(obj=contact, action=f"sister_contact.{action}", actor=actor)
    return contact


def sister_contacts_purge(*, today: datetime.date | None = None) -> int:
    """A contact person nobody confirmed within the retention leaves the list."""
    with transaction.atomic():
        _deleted, by_model = SisterContact.objects.due_for_deletion(today).delete()
    return int(by_model.get("network.SisterContact", 0))


# Signals to initiatives.


@transaction.atomic
def signal_to_initiative(*, signal: Signal, actor: Actor) -> Group:
    """One click: the signal becomes an initiative "looking for others" on the map, through the directory's own
    write path, with the support point as its contact point (it knows who signalled; the map does not)."""
    if signal.initiative_id is not None:
        assert signal.initiative is not None
        return signal.initiative
    support_point = signal.support_point
    if signal.theme is None:
        raise ValidationError(_("Give the signal a theme first: an initiative on the map needs one."))
    if not support_point.email and not support_point.phone:
        raise ValidationError(_("The support point needs a public e-mail address or phone number to be the contact."))
    with translation.override("nl"):
        name = _("Looking for others: %(need)s") % {"need": signal.need}
        description = "\n\n".join(
            part
            for part in (
                signal.need,
                _("Around %(area)s.") % {"area": signal.area} if signal.area else "",
                _("Do you recognise this and want to start something together? Contact %(support_point)s.")
                % {"support_point": support_point.name},
            )
            if part
        )
    group = group_create(
        actor=actor,
        themes=[signal.theme],
        languages=[signal.language] if signal.language else [],
        status=GroupStatus.INITIATIVE,
        status_reason=str(_("From a signal of a key person")),
        slug=new_slug(Group, name, fallback="initiatief", reserved=set()),
        name_nl=name[:200],
        description_nl=description,
        seeking_others=True,
        support_point=support_point,
        contact_email=support_point.email,
        contact_phone=support_point.phone if not support_point.email else "",
    )
    signal.initiative = group
    signal.save(update_fields=["initiative"])
    log_action(obj=signal, action="signal.initiative", actor=actor)
    return group


# Synthesis across the tour: needs and offers matched.


def tour_matches(support_point: Organisation) -> list[tuple[str, list[Organisation], list[Organisation]]]:
    """Per kind (a room, volunteers, board members, expertise, a language): who needs it and who offers it,
    from each self-organisation's latest visit report. A language only matches the same language."""
    latest: dict[int, TourReport] = {}
    reports = TourReport.objects.filter(tie__support_point=support_point).select_related(
        "tie__organisation", "need_language", "offer_language"
    )
    for report in reports:
        if report.tie_id not in latest:  # newest first
            latest[report.tie_id] = report
    rows = []
    for kind in Resource:
        needing = [r for r in latest.values() if kind in r.needs]
        offering = [r for r in latest.values() if kind in r.offers_kinds]
        if kind == Resource.LANGUAGE:
            languages = {r.need_language_id for r in needing} & {r.offer_language_id for r in offering}
            for language_id in sorted(x for x in languages if x is not None):
                need = [r.tie.organisation for r in needing if r.need_language_id == language_id]
                offer = [r.tie.organisation for r in offering if r.offer_language_id == language_id]
                if {o.pk for o in need} != {o.pk for o in offer} or len(need) > 1:
                    label = next(
                        str(r.need_language.name)
                        for r in needing
                        if r.need_language is not None and r.need_language_id == language_id
                    )
                    rows.append((f"{kind.label}: {label}", need, offer))
            continue
        need_orgs = [r.tie.organisation for r in needing]
        offer_orgs = [r.tie.organisation for r in offering]
        if need_orgs and offer_orgs and {o.pk for o in need_orgs} | {o.pk for o in offer_orgs} != {need_orgs[0].pk}:
            rows.append((str(kind.label), need_orgs, offer_orgs))
    return rows

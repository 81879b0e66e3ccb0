"""Which roles fit a volunteer: what they want to give and get, when, where and in which languages (001:2180-2200).

Not a verdict, a conversation starter for the intake: every reason is shown in words, and the coordinator decides
("Wie ben jij en wat heb jij in te brengen?"). No score is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from samenspel.directory import postcodes
from samenspel.volunteering.models import RoleKind, Volunteer, VolunteerRole, Want

# What a role gives a volunteer, by kind: the seed's 'halen' side of the match.
ROLE_GIVES: dict[str, set[str]] = {
    RoleKind.GROUP_LEADER: {Want.USE_EXPERIENCE, Want.LEARN, Want.MEET_PEOPLE},
    RoleKind.TRANSLATOR: {Want.GIVE_BACK, Want.WORK_EXPERIENCE},
    RoleKind.KEY_PERSON: {Want.USE_EXPERIENCE, Want.MEET_PEOPLE, Want.GIVE_BACK},
    RoleKind.DRIVER: {Want.GIVE_BACK, Want.MEET_PEOPLE},
    RoleKind.HOST: {Want.MEET_PEOPLE, Want.GIVE_BACK},
    RoleKind.PUBLICITY: {Want.LEARN, Want.WORK_EXPERIENCE},
    RoleKind.OTHER: set(),
}


@dataclass
class Match:
    role: VolunteerRole
    points: int = 0
    reasons: list[str] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)


def _place_words(volunteer: Volunteer) -> str:
    if not volunteer.pc4:
        return ""
    return postcodes.place_of(volunteer.pc4).casefold()


def match_roles(volunteer: Volunteer, roles: list[VolunteerRole]) -> list[Match]:
    """The roles, best fit first, each with its reasons and its doubts."""
    languages = {language.pk for language in volunteer.languages.all()}
    place = _place_words(volunteer)
    results = []
    for role in roles:
        match = Match(role)
        if volunteer.interested_in_id == role.pk:
            match.points += 3
            match.reasons.append(_("They chose this role themselves."))
        if volunteer.give:
            words = {w for w in volunteer.give.casefold().split() if len(w) > 3}
            if words & set(f"{role.title} {role.description}".casefold().split()):
                match.points += 2
                match.reasons.append(_("What they want to give appears in the role."))
        gets = ROLE_GIVES.get(role.kind, set()) & set(volunteer.wants)
        if gets:
            match.points += len(gets)
            match.reasons.append(
                _("The role gives what they look for: %(wants)s")
                % {"wants": ", ".join(str(Want(w).label).lower() for w in sorted(gets))}
            )
        if role.times:
            common = set(role.times) & set(volunteer.times)
            if common:
                match.points += 2
                match.reasons.append(_("They can at the time the role needs."))
            elif volunteer.times:
                match.doubts.append(_("They cannot at the time the role needs."))
        role_languages = {language.pk for language in role.languages.all()}
        if role_languages:
            if role_languages & languages:
                match.points += 2
                match.reasons.append(_("They speak a language the role needs."))
            else:
                match.doubts.append(_("They do not speak a language the role needs."))
        if place and role.place and place in role.place.casefold():
            match.points += 1
            match.reasons.append(_("They live in the place of the role."))
        results.append(match)
    return sorted(results, key=lambda m: (-m.points, len(m.doubts), m.role.title))

"""The referral slip: one A4 page about one group in the client's language, as HTML and as PDF.

Built from the flyer's pieces (finder.printing): the same block of facts
rendered under the chosen language, the same QR code and the same
WeasyPrint renderer, so a slip and a flyer never disagree about a group.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from samenspel.directory.models import Group, Intake
from samenspel.directory.public import get_public_group, shown_language, upcoming_meetings
from samenspel.finder import printing
from samenspel.finder.printing import FLYER_DATES, RTL_LANGUAGES, flyer_block, qr_svg
from samenspel.referral.models import GroupCode, normalise_code

SLIP_CSS = "referral/slip.css"
LANGUAGE_CODES = frozenset(code for code, _name in settings.LANGUAGES)


def group_for_code(raw: str) -> Group | None:
    """The public group behind a typed code, or None (unknown code, or the group left the map)."""
    found = GroupCode.objects.select_related("group").filter(code=normalise_code(raw)).first()
    if found is None:
        return None
    try:
        return get_public_group(found.group.slug)
    except Http404:
        return None


def default_language(group: Group, *, searched: str = "", interface: str = "") -> str:
    """The slip's language before the professional chooses: the language she searched for (or works in, when not
    Dutch), else the group's meeting language when it is not Dutch, else Dutch."""
    for code in (searched, interface):
        if code in LANGUAGE_CODES and code != "nl":
            return code
    for language in group.languages.all():
        if language.code in LANGUAGE_CODES and language.code != "nl":
            return str(language.code)
    return "nl"


def first_contact_text(group: Group) -> str:
    """How to make first contact, in the active language."""
    if group.intake == Intake.JUST_COME:
        return _("You can just come along. You may also contact the group first with your questions.")
    if group.intake == Intake.TRIAL:
        return _("Contact the group first. You can come to a trial meeting.")
    if group.intake == Intake.SET_MOMENTS:
        return _("Contact the group first. New members join at set moments.")
    return _("Contact the group first. They will tell you when you can come.")


def slip_context(request: HttpRequest, group: Group, code: GroupCode, language: str, stylesheet: str) -> dict[str, Any]:
    if language not in LANGUAGE_CODES:
        raise Http404
    url = request.build_absolute_uri(reverse("finder:group", kwargs={"slug": group.slug}))
    dates = [meeting.start for meeting in upcoming_meetings(group, FLYER_DATES) if not meeting.cancelled]
    block = flyer_block(group, language, dates)
    with translation.override(language):
        return {
            "group": group,
            "block": block,
            "language": language,
            "rtl": language in RTL_LANGUAGES,
            "description": group.description,
            "first_visit": group.first_visit,
            "text_lang": {f: shown_language(group, f) for f in ("name", "description", "first_visit")},
            "first_contact": first_contact_text(group),
            "url": url,
            "qr_svg": qr_svg(url),
            "code": code,
            "code_url": request.build_absolute_uri(reverse("referral:code")),
            "support_point": group.support_point,
            "stylesheet": stylesheet,
        }


def screen_stylesheet() -> str:
    return static(SLIP_CSS)


def stylesheet_path() -> Path:
    return printing.stylesheet_path(SLIP_CSS)

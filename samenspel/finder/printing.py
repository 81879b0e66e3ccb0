"""Printing a group: the flyer's and the referral slip's shared pieces (the block of facts in one language, the QR
code) and the PDF renderer.

Both the flyer (finder.views.flyer) and the slip (referral.slip) are built from these, so a slip and a flyer never
disagree about a group. One HTML source for screen, print and PDF: WeasyPrint renders the very same template with the
same stylesheet. The renderer and the QR code themselves are in samenspel.core.printing, for every room that prints.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from samenspel.core.printing import RTL_LANGUAGES, qr_svg, render_pdf, stylesheet_path
from samenspel.directory.disclosure import public_place
from samenspel.directory.models import Gender, Group
from samenspel.directory.public import cost_text, shown_language
from samenspel.directory.schedule_text import describe_schedule

FLYER_CSS = "samenspel/flyer.css"
# More blocks than this do not fit one A4 page in a readable size.
MAX_LANGUAGES = 6
FLYER_DATES = 3
__all__ = ["RTL_LANGUAGES", "FlyerBlock", "flyer_block", "flyer_languages", "qr_svg", "render_pdf", "stylesheet_path"]


@dataclasses.dataclass(frozen=True)
class FlyerBlock:
    """The text of the flyer in one language, rendered while that language was active."""

    code: str
    rtl: bool
    name: str
    name_lang: str  # the language the name is shown in (the Dutch name inside an Arabic block is Dutch)
    themes: list[str]
    theme_langs: list[tuple[str, str]]  # (label, the language it is shown in)
    audience: str
    rhythms: list[str]
    dates: list[Any]
    place: str
    address: str
    where_note: str
    join: str
    cost: str


def flyer_languages(group: Group) -> list[str]:
    """Dutch, then each meeting language the site speaks and the group has its own text in."""
    interface = {code for code, _name in settings.LANGUAGES}
    codes = ["nl"]
    for language in group.languages.all():
        code = language.code
        if code in codes or code not in interface:
            continue
        if getattr(group, f"name_{code}", "") or getattr(group, f"description_{code}", ""):
            codes.append(code)
    return codes[:MAX_LANGUAGES]


def flyer_block(group: Group, code: str, dates: list[Any]) -> FlyerBlock:
    with translation.override(code):
        place = public_place(group.location)
        if place.online:
            where_note = _("This group meets online. The contact point sends you the link.")
            address = ""
        elif place.street:
            where_note = ""
            address = f"{place.street}, {place.postcode} {place.municipality}"
        else:
            where_note = _("The contact point gives you the address.")
            address = ""
        audience = str(group.get_audience_display())
        if group.gender in (Gender.WOMEN, Gender.MEN):
            audience = f"{audience} · {group.get_gender_display()}"
        return FlyerBlock(
            code=code,
            rtl=code in RTL_LANGUAGES,
            name=group.name,
            name_lang=shown_language(group, "name"),
            themes=[theme.label for theme in group.themes.all()],
            theme_langs=[(theme.label, shown_language(theme, "label")) for theme in group.themes.all()],
            audience=audience,
            rhythms=[describe_schedule(schedule) for schedule in group.schedules.all()],
            dates=dates,
            place=place.label if not place.online else "",
            address=address,
            where_note=where_note,
            join=str(group.get_intake_display()),
            cost=cost_text(group),
        )

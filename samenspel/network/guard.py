"""The guard on every free text a key person writes: it refuses what looks like someone's identity.

A case note is about a situation, never a person ("a mother of three, alone since the summer, afraid of the
letters"). This is a guard, not a proof: it catches the usual slips (a name after "mevrouw", a first and last name,
a date, a phone number, an e-mail address, a postcode or a street with a number, a word of origin or birth),
and the form says what to leave out. A name it does not recognise can still get through; the note is then still
sealed at rest and wiped after its retention.
"""

from __future__ import annotations

import re

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

_EMAIL = re.compile(r"\S+@\S+\.\w+")
# Six or more digits, with spaces, dashes, dots or a plus between them: a phone, BSN or account number.
_NUMBER = re.compile(r"\+?\d[\d\s\-./]{4,}\d")
_DATE = re.compile(
    r"\b\d{1,2}\s*[-/.]\s*\d{1,2}(\s*[-/.]\s*\d{2,4})?\b"
    r"|\b\d{1,2}\s+(jan|feb|mrt|maart|apr|april|mei|may|jun|juni|june|jul|juli|july|aug|sep|sept|okt|oct|nov|dec)\w*"
    r"(\s+\d{2,4})?\b"
    r"|\b(19|20)\d{2}\b",
    re.IGNORECASE,
)
_POSTCODE = re.compile(r"\b\d{4}\s?[A-Za-z]{2}\b")
_STREET = re.compile(
    r"\b\w+(straat|laan|weg|plein|gracht|kade|singel|dreef|hof|street|road|avenue)\s+\d+", re.IGNORECASE
)
# A title or "called" before a capitalised word: "mevrouw Yilmaz", "meneer Ali", "she is called Sara".
_TITLED = re.compile(
    r"\b(mevrouw|mevr|meneer|mijnheer|dhr|mw|mr|mrs|ms|miss|heet|genaamd|naam is|called|named|name is)\.?\s+[^\W\d_]",
    re.IGNORECASE,
)
# Two capitalised words in a row: a first and a last name (unless the first one starts a sentence).
_FULL_NAME = re.compile(r"\b[A-Z][a-zà-ÿ]+\s+[A-Z][a-zà-ÿ]+")
_ORIGIN = re.compile(
    r"\b(afkomst|herkomst|afkomstig|etnisch\w*|ethnic\w*|origin|nationaliteit|nationality|geboren|born|geboortedatum"
    r"|birth\w*|bsn|marokkaan\w*|turkse|surinam\w*|antilliaan\w*|syri[eë]r\w*|eritree\w*|somali[eë]r\w*"
    r"|afghaan\w*|moroccan|irakees\w*|iraan\w*|pool\b|poolse|allochto\w*)\b",
    re.IGNORECASE,
)

_CHECKS: list[tuple[re.Pattern[str], Promise]] = [
    (_EMAIL, _("an e-mail address")),
    (_DATE, _("a date or a year")),
    (_NUMBER, _("a phone number or another number")),
    (_POSTCODE, _("a postcode")),
    (_STREET, _("a street and house number")),
    (_TITLED, _("a name")),
    (_ORIGIN, _("someone's origin or birth")),
]


def _has_full_name(text: str) -> bool:
    for match in _FULL_NAME.finditer(text):
        before = text[: match.start()].rstrip()
        if before and before[-1] not in ".!?:;\n":
            return True
    return False


def identity_hints(text: str) -> list[str]:
    """What in `text` looks like someone's identity, as words for the form's message; empty when nothing does."""
    found: list[str] = []
    for pattern, label in _CHECKS:
        if pattern.search(text) and str(label) not in found:
            found.append(str(label))
    if _has_full_name(text) and str(_("a name")) not in found:
        found.append(str(_("a name")))
    return found

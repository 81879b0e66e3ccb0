"""List the msgids that public pages use, for translators and for the translation test.

A msgid is public when one of its references is in a public module or template, or it is a
label of a TextChoices class in directory/models.py (shown on group pages and in filters).
Usage: python scripts/public_msgids.py locale/tr/LC_MESSAGES/django.po  -> prints missing public msgids
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PUBLIC_PREFIXES = (
    "samenspel/finder/",
    "samenspel/templates/",
    "samenspel/directory/search.py",
    "samenspel/directory/recurrence.py",
    # The public face of a group, shown on the group page, flyers, slips and feeds.
    "samenspel/directory/disclosure.py",
    "samenspel/directory/schedule_text.py",
    "samenspel/directory/public.py",
    "samenspel/settings.py",
    "samenspel/core/ratelimit.py",
    # Referral: the page per support point, the code box and the slip a client takes home, in the client's language.
    "samenspel/referral/views/public.py",
    "samenspel/referral/slip.py",
    "samenspel/referral/templates/referral/index.html",
    "samenspel/referral/templates/referral/for_professionals.html",
    "samenspel/referral/templates/referral/code.html",
    "samenspel/referral/templates/referral/_code_form.html",
    "samenspel/referral/templates/referral/slip.html",
    # Public notes: the correction form and "tell me when" (its form, mailed links and the mails to the citizen).
    "samenspel/core/visitor_forms.py",
    "samenspel/public_notes/views/public.py",
    "samenspel/public_notes/forms.py",
    "samenspel/public_notes/models.py",
    "samenspel/public_notes/wishes.py",
    "samenspel/public_notes/templates/public_notes/_",
    "samenspel/public_notes/templates/public_notes/correction.html",
    "samenspel/public_notes/templates/public_notes/correction_sent.html",
    "samenspel/public_notes/templates/public_notes/wish.html",
    "samenspel/public_notes/templates/public_notes/wish_sent.html",
    "samenspel/public_notes/templates/public_notes/wish_link",
    # Registering a group (the initiator's pages and mails), the fallback sentence and every public date.
    "samenspel/public_notes/registrations.py",
    "samenspel/public_notes/templates/public_notes/register",
    "samenspel/public_notes/templates/public_notes/registration_confirm.html",
    "samenspel/public_notes/templates/public_notes/registration_link_invalid.html",
    "samenspel/directory/fallback.py",
    "samenspel/directory/sensitive.py",
    "samenspel/core/dates.py",
    # Key persons: the public list per support point, and the tour report a self-organisation confirms by link.
    "samenspel/network/templates/network/public.html",
    "samenspel/network/templates/network/_profile_card.html",
    "samenspel/network/templates/network/tour_",
    "samenspel/network/templates/network/_tour_report.html",
    # Volunteers: the public page per support point, the sign-up, its mails and the volunteer's own page.
    "samenspel/volunteering/views/public.py",
    "samenspel/volunteering/forms.py",
    "samenspel/volunteering/models.py",
    "samenspel/volunteering/services.py",
    "samenspel/volunteering/templates/volunteering/volunteer.html",
    "samenspel/volunteering/templates/volunteering/sent.html",
    "samenspel/volunteering/templates/volunteering/own_data",
    # Online spaces: every page a member (or a moderator, who is a member too) sees, in any language; only the
    # contact's and the support point's set-up pages (manage*, _space_form, _home) are in Dutch and English.
    "samenspel/spaces/views.py",
    "samenspel/spaces/forms.py",
    "samenspel/spaces/models.py",
    "samenspel/spaces/services.py",
    "samenspel/spaces/codes.py",
    "samenspel/spaces/templates/spaces/_crisis.html",
    "samenspel/spaces/templates/spaces/_errors.html",
    "samenspel/spaces/templates/spaces/_post.html",
    "samenspel/spaces/templates/spaces/base.html",
    "samenspel/spaces/templates/spaces/come_back.html",
    "samenspel/spaces/templates/spaces/introduce.html",
    "samenspel/spaces/templates/spaces/join",
    "samenspel/spaces/templates/spaces/left.html",
    "samenspel/spaces/templates/spaces/link_",
    "samenspel/spaces/templates/spaces/me.html",
    "samenspel/spaces/templates/spaces/moderat",
    "samenspel/spaces/templates/spaces/not_found.html",
    "samenspel/spaces/templates/spaces/report",
    "samenspel/spaces/templates/spaces/space.html",
    "samenspel/spaces/templates/spaces/thread.html",
    "samenspel/spaces/templates/spaces/welcome.html",
    # Learning: the public course calendar, the certificate check and the knowledge pages.
    "samenspel/learning/knowledge_views.py",
    "samenspel/learning/templates/learning/certificate_check.html",
    "samenspel/learning/templates/learning/knowledge_",
    "samenspel/learning/templates/learning/calendar.html",
    "samenspel/learning/templates/learning/certificate_pdf.html",
    # Newsletter: the sign-up, confirm and unsubscribe pages, and the issue as mailed and printed.
    "samenspel/newsletter/templates/newsletter/subscribe.html",
    "samenspel/newsletter/templates/newsletter/subscribed.html",
    "samenspel/newsletter/templates/newsletter/bad_link.html",
    "samenspel/newsletter/templates/newsletter/confirm",
    "samenspel/newsletter/templates/newsletter/unsubscribe",
    "samenspel/newsletter/templates/newsletter/issue_mail",
    "samenspel/newsletter/templates/newsletter/_issue_content.html",
    "samenspel/newsletter/templates/newsletter/issue_print.html",
    "samenspel/newsletter/services.py",
    "samenspel/newsletter/forms.py",
    # Instruments: the participation conversation a person does in their own language, and the survey.
    "samenspel/instruments/conversation.py",
    "samenspel/instruments/surveys.py",
    "samenspel/instruments/survey_views.py",
    "samenspel/instruments/survey_choices.py",
    "samenspel/instruments/templates/instruments/conversation.html",
    "samenspel/instruments/templates/instruments/result.html",
    "samenspel/instruments/templates/instruments/_answers.html",
    "samenspel/instruments/templates/instruments/_factor_list.html",
    "samenspel/instruments/templates/instruments/survey.html",
    "samenspel/instruments/templates/instruments/survey_invalid.html",
    "samenspel/instruments/templates/instruments/survey_start.html",
    "samenspel/instruments/templates/instruments/survey_thanks.html",
)
_CHOICE_LINE = re.compile(r'^\s+[A-Z_]+ = "[a-z_]+", _\(')


def _choice_lines() -> set[int]:
    lines = (ROOT / "samenspel/directory/models.py").read_text(encoding="utf-8").splitlines()
    return {i for i, line in enumerate(lines, start=1) if _CHOICE_LINE.match(line)}


def _knowledge_audience_lines() -> set[int]:
    """The labels of learning's KnowledgeAudience, shown on the public knowledge pages."""
    lines = (ROOT / "samenspel/learning/models.py").read_text(encoding="utf-8").splitlines()
    start = next((i for i, line in enumerate(lines, start=1) if line.startswith("class KnowledgeAudience")), 0)
    return {i for i in range(start + 1, start + 8) if start and _CHOICE_LINE.match(lines[i - 1])}


def is_public(references: list[str]) -> bool:
    choices = _choice_lines()
    for ref in references:
        path, _, line = ref.partition(":")
        if path.startswith(PUBLIC_PREFIXES):
            return True
        if path == "samenspel/directory/models.py" and line.isdigit() and int(line) in choices:
            return True
        if path == "samenspel/learning/models.py" and line.isdigit() and int(line) in _knowledge_audience_lines():
            return True
    return False


def _msgid(block: str) -> str:
    """The msgid of a .po block (continuation lines joined), without msgid_plural."""
    parts: list[str] = []
    inside = False
    for line in block.splitlines():
        if line.startswith("msgid "):
            inside = True
            line = line[len("msgid ") :]
        elif line.startswith(("msgid_plural", "msgstr", "#")):
            inside = False
            continue
        if inside and line.startswith('"'):
            parts.append(line[1:-1])
    return "".join(parts)


def entries(po_path: Path) -> list[tuple[list[str], str, bool]]:
    """(references, msgid, translated) for every entry of a .po file, header excluded."""
    out: list[tuple[list[str], str, bool]] = []
    for block in po_path.read_text(encoding="utf-8").split("\n\n"):
        refs = [r for line in block.splitlines() if line.startswith("#: ") for r in line[3:].split()]
        msgid = _msgid(block)
        if not msgid:
            continue
        values = re.findall(r'^msgstr(?:\[\d\])? "(.*)"((?:\n".*")*)', block, re.M)
        translated = all(first or rest for first, rest in values) and "#, fuzzy" not in block
        out.append((refs, msgid, translated))
    return out


if __name__ == "__main__":
    for path in sys.argv[1:]:
        missing = [m for refs, m, ok in entries(Path(path)) if is_public(refs) and not ok]
        total = sum(1 for refs, _m, _ok in entries(Path(path)) if is_public(refs))
        print(f"{path}: {total} public msgids, {len(missing)} untranslated")
        for m in missing:
            print("   ", m[:100])

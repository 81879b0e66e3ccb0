"""Hand untranslated strings to a translator as JSON and merge the answers back.

    python scripts/po_todo.py export nl [--public] > nl.json   # {msgid: "" or [singular, plural]} still to translate
    python scripts/po_todo.py merge nl nl.json                 # writes the answers into locale/nl/.../django.po

With --public only the msgids that public pages use (see scripts/public_msgids.py) are exported: the
languages other than Dutch and English cover the public pages. Run compilemessages afterwards.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).resolve().parent))
from public_msgids import is_public

ROOT = Path(__file__).resolve().parent.parent


def _po(lang: str) -> polib.POFile:
    return polib.pofile(str(ROOT / "locale" / lang / "LC_MESSAGES" / "django.po"), wrapwidth=0)


def _untranslated(entry: polib.POEntry) -> bool:
    if entry.obsolete:
        return False
    if "fuzzy" in entry.flags:
        return True
    if entry.msgid_plural:
        return not all(entry.msgstr_plural.values())
    return not entry.msgstr


def export(lang: str, public_only: bool) -> dict[str, object]:
    todo: dict[str, object] = {}
    for entry in _po(lang):
        refs = [f"{path}:{line}" for path, line in entry.occurrences]
        if _untranslated(entry) and (not public_only or is_public(refs)):
            todo[entry.msgid] = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else ""
    return todo


def merge(lang: str, answers: dict[str, object]) -> int:
    po = _po(lang)
    done = 0
    for entry in po:
        answer = answers.get(entry.msgid)
        if not answer:
            continue
        if entry.msgid_plural:
            forms = answer if isinstance(answer, list) else [answer]
            for index in entry.msgstr_plural:
                entry.msgstr_plural[index] = str(forms[min(index, len(forms) - 1)])
        else:
            entry.msgstr = str(answer)
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        done += 1
    po.save()
    return done


if __name__ == "__main__":
    command, language, *rest = sys.argv[1:]
    if command == "export":
        json.dump(export(language, "--public" in rest), sys.stdout, ensure_ascii=False, indent=1)
    elif command == "merge":
        count = merge(language, json.loads(Path(rest[0]).read_text(encoding="utf-8")))
        print(f"{language}: {count} strings merged")
    else:
        raise SystemExit(__doc__)

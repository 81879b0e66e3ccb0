"""The words people write in their lists, read as the directory's values: pure, no writes.

Themes and languages by name as people write them (any label, any synonym, a code; case, accents and a
plural ending do not matter), and the small vocabularies of status, audience and disclosure. An unknown
theme gets a suggestion (rapidfuzz over the labels and synonyms) that the volunteer must accept: nothing
is guessed silently.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import phonenumbers
from rapidfuzz import fuzz, process

from samenspel.directory.models import Audience, Disclosure, GroupStatus, Language, Theme, ThemeSynonym
from samenspel.directory.translation import LanguageTranslation, ThemeTranslation

# Between the names in one cell: "Nederlands, Engels", "NL/EN", "rouw; verlies".
SEPARATORS = re.compile(r"\s*(?:[,;/|+&\n]|\s+en\s+|\s+and\s+)\s*")
# Themes are split on the marks only first: "Rouw en verlies" is one theme's label.
THEME_SEPARATORS = re.compile(r"\s*[,;/|+\n]\s*")
SUGGEST_CUTOFF = 80


def fold(text: str) -> str:
    """Lower case, without accents and punctuation, single spaces: 'Oekraïens ' → 'oekraiens'."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def stem(word: str) -> str:
    """A folded word without its plural ending: 'verslavingen' → 'verslaving', "thema's" → 'thema'."""
    if word.endswith(" s"):  # "thema's" folds to "thema s"
        return word[:-2]
    if len(word) > 5 and word.endswith("en"):
        return word[:-2]
    if len(word) > 4 and word.endswith("s"):
        return word[:-1]
    return word


def _keys(text: str) -> set[str]:
    folded = fold(text)
    return {folded, stem(folded)} if folded else set()


@dataclass
class Vocabulary:
    """Folded word → theme id and → language id, read once per check."""

    themes: dict[str, int] = field(default_factory=dict)
    theme_labels: dict[int, str] = field(default_factory=dict)
    languages: dict[str, int] = field(default_factory=dict)
    language_labels: dict[int, str] = field(default_factory=dict)

    @classmethod
    def load(cls, extra_theme_words: dict[str, int] | None = None) -> Vocabulary:
        vocab = cls()
        label_columns = [f"label_{code}" for code in _languages_of(ThemeTranslation)]
        for theme in Theme.objects.only("pk", "slug", "label", *label_columns):
            vocab.theme_labels[theme.pk] = theme.label
            for text in [theme.slug, *(getattr(theme, c) or "" for c in label_columns)]:
                for key in _keys(text):
                    vocab.themes.setdefault(key, theme.pk)
        for theme_id, term in ThemeSynonym.objects.values_list("theme_id", "term"):
            for key in _keys(term):
                vocab.themes.setdefault(key, theme_id)
        for word, theme_id in (extra_theme_words or {}).items():
            for key in _keys(word):
                vocab.themes[key] = theme_id
        name_columns = [f"name_{code}" for code in _languages_of(LanguageTranslation)]
        for language in Language.objects.only("pk", "code", "name", "name_local", *name_columns):
            vocab.language_labels[language.pk] = language.name
            for text in [language.code, language.name_local, *(getattr(language, c) or "" for c in name_columns)]:
                for key in _keys(text):
                    vocab.languages.setdefault(key, language.pk)
        for word, code in LANGUAGE_WORDS.items():
            pk = vocab.languages.get(code)
            if pk is not None:
                vocab.languages.setdefault(fold(word), pk)
        return vocab

    def theme(self, text: str) -> int | None:
        folded = fold(text)
        return self.themes.get(folded) or self.themes.get(stem(folded))

    def language(self, text: str) -> int | None:
        folded = fold(text)
        return self.languages.get(folded) or self.languages.get(stem(folded))

    def suggest_theme(self, text: str) -> int | None:
        """The theme an unknown word most likely means ("Rouwverwerking" → grief), or None."""
        folded = fold(text)
        if not folded:
            return None
        # A known word inside a compound ("rouwverwerkingsgroep" holds "rouw").
        best = process.extractOne(folded, list(self.themes), scorer=fuzz.WRatio, score_cutoff=SUGGEST_CUTOFF)
        return self.themes[best[0]] if best else None


def _languages_of(options: type) -> list[str]:
    """The language suffixes of a model's translated columns."""
    from django.conf import settings

    del options
    return [code.replace("-", "_") for code, _name in settings.LANGUAGES]


# Short forms and names the reference list does not hold.
LANGUAGE_WORDS = {
    "perzisch": "fa",
    "dari": "fa",
    "farsi": "fa",
    "tigrinya": "ti",
    "tigrinia": "ti",
    "oekraiens": "uk",
    "oekraiensch": "uk",
    "somali": "so",
    "nederlandstalig": "nl",
    "engelstalig": "en",
}


def split_names(cell: str, *, themes: bool = False) -> list[str]:
    parts = (THEME_SEPARATORS if themes else SEPARATORS).split(cell)
    return [p.strip() for p in parts if p.strip()]


# --- Small vocabularies: folded word → value -----------------------------------------------------

STATUS_WORDS: dict[str, str] = {
    "actief": GroupStatus.ACTIVE,
    "active": GroupStatus.ACTIVE,
    "loopt": GroupStatus.ACTIVE,
    "ja": GroupStatus.ACTIVE,
    "tijdelijk gestopt": GroupStatus.PAUSED,
    "tijdelijk stil": GroupStatus.PAUSED,
    "gepauzeerd": GroupStatus.PAUSED,
    "pauze": GroupStatus.PAUSED,
    "zomerstop": GroupStatus.PAUSED,
    "paused": GroupStatus.PAUSED,
    "gestopt": GroupStatus.STOPPED,
    "opgeheven": GroupStatus.STOPPED,
    "beeindigd": GroupStatus.STOPPED,
    "stopped": GroupStatus.STOPPED,
    "in oprichting": GroupStatus.INITIATIVE,
    "initiatief": GroupStatus.INITIATIVE,
    "initiative": GroupStatus.INITIATIVE,
    "zoekt leden": GroupStatus.LOOKING,
    "zoekt deelnemers": GroupStatus.LOOKING,
    "nieuwe leden welkom": GroupStatus.LOOKING,
    "looking": GroupStatus.LOOKING,
    "looking for members": GroupStatus.LOOKING,
}

AUDIENCE_WORDS: dict[str, str] = {
    "zelf": Audience.AFFECTED,
    "betrokkenen": Audience.AFFECTED,
    "betrokkene": Audience.AFFECTED,
    "ervaringsdeskundigen": Audience.AFFECTED,
    "mensen zelf": Audience.AFFECTED,
    "lotgenoten": Audience.AFFECTED,
    "affected": Audience.AFFECTED,
    "self": Audience.AFFECTED,
    "naasten": Audience.RELATIVES,
    "naaste": Audience.RELATIVES,
    "familie": Audience.RELATIVES,
    "familieleden": Audience.RELATIVES,
    "mantelzorgers": Audience.RELATIVES,
    "partners": Audience.RELATIVES,
    "ouders": Audience.RELATIVES,
    "nabestaanden": Audience.RELATIVES,
    "partners van": Audience.RELATIVES,
    "vrienden en familie": Audience.RELATIVES,
    # Who the people it concerns are: the group is for them themselves.
    "volwassenen": Audience.AFFECTED,
    "jongeren": Audience.AFFECTED,
    "jongvolwassenen": Audience.AFFECTED,
    "ouderen": Audience.AFFECTED,
    "senioren": Audience.AFFECTED,
    "vrouwen": Audience.AFFECTED,
    "mannen": Audience.AFFECTED,
    "werkenden": Audience.AFFECTED,
    "patienten": Audience.AFFECTED,
    "clienten": Audience.AFFECTED,
    "relatives": Audience.RELATIVES,
    "beide": Audience.BOTH,
    "allebei": Audience.BOTH,
    "iedereen": Audience.BOTH,
    "zelf en naasten": Audience.BOTH,
    "betrokkenen en naasten": Audience.BOTH,
    "both": Audience.BOTH,
}

DISCLOSURE_WORDS: dict[str, str] = {
    "adres op aanvraag": Disclosure.ON_REQUEST,
    "op aanvraag": Disclosure.ON_REQUEST,
    "adres na aanmelding": Disclosure.ON_REQUEST,
    "na aanmelding": Disclosure.ON_REQUEST,
    "niet openbaar": Disclosure.ON_REQUEST,
    "on request": Disclosure.ON_REQUEST,
    "online": Disclosure.ONLINE,
    "digitaal": Disclosure.ONLINE,
    "via zoom": Disclosure.ONLINE,
    "via teams": Disclosure.ONLINE,
    "videobellen": Disclosure.ONLINE,
    "openbaar": Disclosure.PUBLIC,
    "publiek": Disclosure.PUBLIC,
    "public": Disclosure.PUBLIC,
    "alleen plaats": Disclosure.AREA,
    "alleen de plaats": Disclosure.AREA,
    "alleen wijk": Disclosure.AREA,
    "alleen de wijk": Disclosure.AREA,
    "area": Disclosure.AREA,
}


def _word(cell: str, words: dict[str, str], choices: type) -> str | None:
    folded = fold(re.sub(r"\(.*?\)", " ", cell))  # "Jongvolwassenen (18-27)": the word, not the ages
    if not folded:
        return None
    if folded in words:
        return words[folded]
    if stem(folded) in words:
        return words[stem(folded)]
    for value, label in choices.choices:  # type: ignore[attr-defined]
        if folded in (fold(str(value)), fold(str(label))):
            return str(value)
    return None


def status_of(cell: str) -> str | None:
    return _word(cell, STATUS_WORDS, GroupStatus)


def audience_of(cell: str) -> str | None:
    return _word(cell, AUDIENCE_WORDS, Audience)


def disclosure_of(cell: str) -> str | None:
    """The disclosure a cell names, also inside an address cell: "Adres op aanvraag", "Online (Zoom)"."""
    found = _word(cell, DISCLOSURE_WORDS, Disclosure)
    if found:
        return found
    folded = fold(cell)
    for phrase in ("adres op aanvraag", "op aanvraag", "na aanmelding"):
        if phrase in folded:
            return Disclosure.ON_REQUEST
    if re.search(r"\b(online|zoom|teams|digitaal)\b", folded):
        return Disclosure.ONLINE
    return None


def phone_e164(cell: str) -> str | None:
    """A phone number as written ('040 - 123 45 67', '06-12345678') in E.164 (+31401234567), or None."""
    try:
        number = phonenumbers.parse(cell, "NL")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


POSTCODE = re.compile(r"^\s*(\d{4})\s?([A-Za-z]{2})\s*$")


def postcode_of(cell: str) -> str | None:
    """'5611 ab' → '5611AB' (as a place stores it); None when it is not a full Dutch postcode."""
    match = POSTCODE.match(cell)
    if not match or match.group(1).startswith("0"):
        return None
    return f"{match.group(1)}{match.group(2).upper()}"

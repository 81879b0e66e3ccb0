"""The search form and the glue around it, for the public search and the professionals' search alike.

Every parameter is optional, and nothing a visitor types can break the page. run_search turns a form built from the
query string into results; nothing_found says what to offer when there are none.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.functional import lazy
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from samenspel.directory import fallback
from samenspel.directory import search as search_service
from samenspel.directory.models import Organisation, SearchDocument
from samenspel.directory.schedule_text import describe_rhythm, join_words
from samenspel.directory.search import DEFAULT_DISTANCE, DISTANCES, Filters, Hit, meeting_languages


def _within(km: int) -> str:
    return _("within %(km)s km") % {"km": km}


# A lazy string with % applied is translated on the spot, at import, in whatever language is active then; a lazy
# call translates each time the option is shown, in the language of the request that shows it.
_within_lazy = lazy(_within, str)

WEEKDAYS = [
    ("0", gettext_lazy("Monday")),
    ("1", gettext_lazy("Tuesday")),
    ("2", gettext_lazy("Wednesday")),
    ("3", gettext_lazy("Thursday")),
    ("4", gettext_lazy("Friday")),
    ("5", gettext_lazy("Saturday")),
    ("6", gettext_lazy("Sunday")),
]


class SearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("What is it about?"), required=False, strip=True)
    place = forms.CharField(label=gettext_lazy("Postcode or place"), required=False, strip=True)
    distance = forms.ChoiceField(
        label=gettext_lazy("Distance"),
        required=False,
        choices=[(str(d), _within_lazy(d)) for d in DISTANCES] + [("any", gettext_lazy("anywhere"))],
    )
    language = forms.ChoiceField(label=gettext_lazy("Language of the meetings"), required=False)
    day = forms.ChoiceField(
        label=gettext_lazy("Day"), required=False, choices=[("", gettext_lazy("any day")), *WEEKDAYS]
    )
    part = forms.ChoiceField(
        label=gettext_lazy("Time of day"),
        required=False,
        choices=[
            ("", gettext_lazy("any time")),
            ("morning", gettext_lazy("morning")),
            ("afternoon", gettext_lazy("afternoon")),
            ("evening", gettext_lazy("evening")),
        ],
    )
    audience = forms.ChoiceField(
        label=gettext_lazy("For whom"),
        required=False,
        widget=forms.RadioSelect,
        choices=[
            ("", gettext_lazy("does not matter")),
            ("self", gettext_lazy("for myself")),
            ("relative", gettext_lazy("as a relative or loved one")),
        ],
    )
    gender = forms.ChoiceField(
        label=gettext_lazy("Who takes part"),
        required=False,
        widget=forms.RadioSelect,
        choices=[
            ("", gettext_lazy("everyone")),
            ("women", gettext_lazy("women only")),
            ("men", gettext_lazy("men only")),
        ],
    )
    mode = forms.ChoiceField(
        label=gettext_lazy("How you meet"),
        required=False,
        widget=forms.RadioSelect,
        choices=[
            ("", gettext_lazy("in person or online")),
            ("in_person", gettext_lazy("in person")),
            ("online", gettext_lazy("online")),
        ],
    )
    free = forms.BooleanField(label=gettext_lazy("Free (or a voluntary contribution)"), required=False)
    new = forms.BooleanField(label=gettext_lazy("New members welcome now"), required=False)
    feature = forms.MultipleChoiceField(
        label=gettext_lazy("What the group offers"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[
            ("wheelchair", gettext_lazy("wheelchair accessible")),
            ("hearingloop", gettext_lazy("hearing loop")),
            ("quietroom", gettext_lazy("quiet room")),
            ("childcare", gettext_lazy("childcare")),
            ("young", gettext_lazy("for young people")),
            ("older", gettext_lazy("for older people")),
            ("women", gettext_lazy("women's group")),
            ("activity", gettext_lazy("doing things together")),
            ("walking", gettext_lazy("walking")),
            ("cooking", gettext_lazy("cooking")),
            ("creative", gettext_lazy("creative")),
            ("onetoone", gettext_lazy("one-to-one contact with a peer")),
            ("phone", gettext_lazy("contact by phone")),
            ("hybrid", gettext_lazy("in a room and online at once")),
        ],
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("any language")), *meeting_languages()]  # type: ignore[attr-defined]

    @property
    def choice_fields(self) -> list[forms.BoundField]:
        """The choices shown as radio buttons, each in its own fieldset."""
        return [self["audience"], self["gender"], self["mode"]]

    def filters(self) -> tuple[Filters, int, list[str]]:
        """The filters to search with, the page, and messages about what was ignored."""
        messages: list[str] = []
        data: dict[str, Any] = {}
        if not self.is_bound:
            return Filters(), 1, messages
        self.is_valid()
        for name in self.errors:
            raw = str(self.data.get(name, ""))[:40]
            if name == "language":
                messages.append(
                    _("We do not know the language '%(code)s'. We show groups in every language.") % {"code": raw}
                )
            elif name == "page":
                messages.append(_("That page number is not right. We show the first page."))
            else:
                messages.append(_("We ignored '%(value)s': that is not one of the choices.") % {"value": raw})
        data = {k: v for k, v in self.cleaned_data.items() if k not in self.errors}
        distance_raw = data.get("distance") or ""
        filters = Filters(
            place=(data.get("place") or "")[:80],
            distance=None if distance_raw == "any" else int(distance_raw or DEFAULT_DISTANCE),
            language=data.get("language") or "",
            day=int(data["day"]) if data.get("day") else None,
            part=data.get("part") or "",
            audience=data.get("audience") or "",
            gender=data.get("gender") or "",
            mode=data.get("mode") or "",
            free=bool(data.get("free")),
            new=bool(data.get("new")),
            features=tuple(data.get("feature") or ()),
        )
        return filters, data.get("page") or 1, messages


def run_search(form: SearchForm, *, page_size: int = search_service.PAGE_SIZE) -> search_service.Results:
    """The results for a search form; what was ignored of the input comes first among the results' messages."""
    filters, page, messages = form.filters()
    raw = form.cleaned_data.get("q", "") if form.is_bound and hasattr(form, "cleaned_data") else ""
    results = search_service.search(
        raw or "", filters, page=page, interface_language=get_language() or "nl", page_size=page_size
    )
    results.messages[:0] = messages
    tell_namesakes_apart(results.hits)
    return results


def tell_namesakes_apart(hits: Iterable[Hit]) -> None:
    """Mark the cards whose name another card on the same page carries, and say when each of them meets.

    Two "Afasiecafé Eindhoven" cards differ in their place, day or language; the card shows those for namesakes.
    The groups come with their schedules prefetched, so this costs no queries.
    """
    hits = list(hits)
    # The same group in two lists of one page (nearby and online) is not its own namesake.
    counts = Counter(name for _pk, name in {(hit.group.pk, str(hit.group.name).casefold()) for hit in hits})
    for hit in hits:
        if counts[str(hit.group.name).casefold()] > 1:
            hit.namesake = True
            hit.rhythm = join_words([describe_rhythm(schedule) for schedule in hit.group.schedules.all()])


def nothing_found(results: search_service.Results) -> dict[str, Any]:
    """When nothing matches: groups with the same theme under relaxed choices (directory/fallback.py, the one
    fallback rule), other subjects to search for, and who can help.

    Groups on other subjects are offered as subjects to search, never as groups: someone looking for a grief group
    is not helped by a list of groups for single parents.
    """
    query = results.query
    related = search_service.related_themes(query.themes)
    suggestions = [t for t in search_service.suggest_themes(query.raw) if t not in query.themes][:5]
    relaxed = fallback.relax(results)
    online: list[search_service.Hit] = []
    if not query.themes:
        # Nothing understood to keep: online groups for the words typed, which anyone can join from home.
        online, _total, _page = search_service.run(
            query, search_service.Filters(mode="online"), page_size=5, origin=None
        )
    tell_namesakes_apart([*(relaxed.hits if relaxed else []), *online])
    return {
        "suggested_themes": list(dict.fromkeys(suggestions + related))[:8],
        "fallback": relaxed,
        "online_hits": online,
        "support_points": _support_points_near(results),
    }


def _support_points_near(results: search_service.Results) -> list[Organisation]:
    docs = SearchDocument.objects.exclude(support_point=None)
    if results.origin is not None:
        # The support points behind the groups nearest to the place asked for.
        lat, lon = results.origin.latitude, results.origin.longitude
        box = search_service.postcodes.bounding_box(lat, lon, 25)
        docs = docs.filter(latitude__range=box[:2], longitude__range=box[2:])
    ids = list(docs.values_list("support_point_id", flat=True).distinct()[:3])
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))


@dataclasses.dataclass(frozen=True)
class SummaryPart:
    text: str
    lang: str = ""  # the language of a name that is not the interface's (a place, a language named in itself)
    typed: bool = False  # the visitor's own words, in whatever language and direction


def search_summary(form: SearchForm, results: search_service.Results) -> list[SummaryPart]:
    """The search in a few words, for the line that replaces the form after a search: 'grief · Helmond · 25 km'.

    The themes understood stand for the words typed (they are in the reader's language); the place as found.
    """
    if not form.is_bound or not hasattr(form, "cleaned_data"):
        return []
    data, filters = form.cleaned_data, results.filters
    parts = [SummaryPart(str(t.label)) for t in results.query.themes]
    if not parts and data.get("q"):
        parts.append(SummaryPart(data["q"][:60], typed=True))
    if results.origin is not None:
        parts.append(SummaryPart(results.origin.place, lang="nl"))
        parts.append(SummaryPart(_within(filters.distance) if filters.distance else _("anywhere")))
    choices: dict[str, dict[str, str]] = {
        name: {str(value): str(label) for value, label in form.fields[name].choices}  # type: ignore[attr-defined]
        for name in ("language", "day", "part", "audience", "gender", "mode")
    }
    for name in ("language", "day", "part", "audience", "gender", "mode"):
        value = str(data.get(name) or "")
        if value and name not in form.errors:
            parts.append(SummaryPart(choices[name].get(value, value), lang=value if name == "language" else ""))
    if data.get("free"):
        parts.append(SummaryPart(_("free")))
    if data.get("new"):
        parts.append(SummaryPart(_("new members welcome")))
    features = dict(form.fields["feature"].choices)  # type: ignore[attr-defined]
    asked = [*(data.get("feature") or ()), *results.query.features]
    for feature in dict.fromkeys(asked):
        if "feature" not in form.errors and feature in features:
            parts.append(SummaryPart(str(features[feature])))
    return parts

"""Workspace forms. They only validate; services write."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from samenspel.core.audit import plain
from samenspel.directory import postcodes
from samenspel.directory.freshness import FreshnessState
from samenspel.directory.models import (
    Activity,
    Audience,
    Cancellation,
    Cost,
    Disclosure,
    Gender,
    GroupKind,
    GroupStatus,
    Intake,
    Language,
    LedBy,
    Location,
    Schedule,
    SupportPointSettings,
    Theme,
    WorkingMethod,
)
from samenspel.directory.schedule_text import describe_schedule
from samenspel.finder.models import QuestionStatus
from samenspel.workspace.models import (
    EventKind,
    FacilitationKind,
    FacilitationStatus,
    InformationSession,
    Role,
)
from samenspel.workspace.services.self_service import (
    CANCELLATION_KEY,
    GROUP_FIELDS,
    M2M_FIELDS,
    NULLABLE_FIELDS,
    PLACE_ADD_KEY,
    RHYTHM_PARTS,
    SCHEDULE_ADD_KEY,
    TEXT_FIELDS,
    TEXT_LANGUAGES,
    TRANSLATED_FIELDS,
)
from samenspel.workspace.theme_picker import ThemePicker, ThemePickerMixin

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All")), *list(GroupStatus.choices)])
    freshness = forms.ChoiceField(
        label=_("Checked"), required=False, choices=[("", _("All")), *list(FreshnessState.choices)]
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=GroupStatus.choices)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("What happened"), choices=EventKind.choices)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


# Rhythms whose one weekday a contact person may change here (a date-based rhythm has no weekday).
DAY_KINDS = (Schedule.Kind.WEEKLY, Schedule.Kind.EVERY_N_WEEKS, Schedule.Kind.MONTHLY_NTH_WEEKDAY)
NTH_CHOICES = [
    ("", "—"),
    (1, _("first")),
    (2, _("second")),
    (3, _("third")),
    (4, _("fourth")),
    (-1, _("last")),
]
# The fields of a meeting time on the edit page, in their order.
SCHEDULE_FORM_PARTS = (
    "kind",
    "weekday",
    "interval",
    "nth",
    "day_of_month",
    "dates",
    "start_time",
    "end_time",
    "valid_until",
    "place",
)
# At most this many set dates in one meeting time (a year of fortnightly meetings and some).
MAX_DATES = 60


def parse_dates(raw: str) -> list[datetime.date]:
    """Dates typed one per line or separated by commas, as 2026-12-01 or 1-12-2026; ValueError when one is not."""
    found: list[datetime.date] = []
    for part in re.split(r"[\s,;]+", raw.strip()):
        if not part:
            continue
        try:
            if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", part):
                found.append(datetime.date.fromisoformat("-".join(f"{int(x):02d}" for x in part.split("-"))))
            else:
                day, month, year = (int(x) for x in re.split(r"[-/.]", part))
                found.append(datetime.date(year, month, day))
        except ValueError as exc:
            raise ValueError(part) from exc
    return sorted(set(found))


def rhythm_fields(prefix: str, place_choices: list[tuple[str, Any]]) -> dict[str, forms.Field]:
    """The fields of a meeting time's rhythm and place: how often, which week or date, where."""
    return {
        f"{prefix}kind": forms.ChoiceField(label=_("How often"), choices=Schedule.Kind.choices, required=False),
        f"{prefix}interval": forms.IntegerField(
            label=_("Every how many weeks"),
            min_value=1,
            max_value=12,
            required=False,
            help_text=_("Only for a meeting every few weeks."),
        ),
        f"{prefix}nth": forms.TypedChoiceField(
            label=_("Which week of the month"),
            choices=NTH_CHOICES,
            coerce=int,
            required=False,
            empty_value=None,
            help_text=_("Only for a meeting on a weekday each month, such as the first Tuesday."),
        ),
        f"{prefix}day_of_month": forms.IntegerField(
            label=_("Day of the month"),
            min_value=1,
            max_value=31,
            required=False,
            help_text=_("Only for a meeting on a date each month, such as the 15th."),
        ),
        f"{prefix}dates": forms.CharField(
            label=_("Dates"),
            widget=forms.Textarea(attrs={"rows": 3}),
            max_length=2000,
            required=False,
            help_text=_("Only for meetings on set dates: one date a line, for example 2026-12-15."),
        ),
        f"{prefix}place": forms.ChoiceField(label=_("Where"), choices=place_choices, required=False),
    }


# Labels per translated text; the language is added in the reader's words.
TEXT_LABELS = {
    "name": _("Name"),
    "description": _("What the group is"),
    "first_visit": _("What to expect at a first visit"),
    "house_rules": _("House rules and anonymity agreements"),
}
TEXT_HELP = {
    "description": _("In your own words: who the group is for and what you do together."),
    "first_visit": _("What happens when someone comes for the first time?"),
    "house_rules": _("For example: what is said in the group stays in the group."),
}
# A text longer than this is not a description: the form says so and saves nothing.
TEXT_MAX_LENGTH = 10000


PLACE_FIELDS = ("wheelchair_accessible", "hearing_loop", "quiet_room", "childcare", "accessibility_note_nl")


def text_languages(group_language_codes: Sequence[str], asked: Sequence[str], written: Sequence[str]) -> list[str]:
    """The languages the edit form shows: nl and en, those the group meets in, those with text, those asked for."""
    chosen = {"nl", "en", *group_language_codes, *asked, *written}
    return [code for code in TEXT_LANGUAGES if code in chosen]


def text_form_fields(languages: Sequence[str]) -> dict[str, forms.Field]:
    """The group's texts (name, description, first visit, house rules) in these languages, in the page's order."""
    names = dict(settings.LANGUAGES)
    texts: dict[str, forms.Field] = {}
    for field in TEXT_FIELDS:
        for code in languages:
            label = f"{TEXT_LABELS[field]} ({names[code]})"
            if field == "name":
                texts[f"{field}_{code}"] = forms.CharField(label=label, max_length=200, required=code == "nl")
                texts[f"{field}_{code}"].widget.attrs.update({"lang": code})
            else:
                texts[f"{field}_{code}"] = forms.CharField(
                    label=label,
                    widget=forms.Textarea(
                        attrs={"lang": code, "dir": "rtl" if code in settings.LANGUAGES_BIDI else "auto"}
                    ),
                    max_length=TEXT_MAX_LENGTH,
                    required=False,
                    help_text=TEXT_HELP.get(field, ""),
                )
    return texts


class GroupTextsForm(forms.Form):
    """A volunteer translator's form: only the group's texts, in the languages shown."""

    def __init__(self, *args: Any, languages: Sequence[str] = ("nl", "en"), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.text_languages = [code for code in TEXT_LANGUAGES if code in languages]
        self.fields.update(text_form_fields(self.text_languages))
        if "name_nl" in self.fields:
            self.fields["name_nl"].required = False  # a translation leaves the Dutch name as it is

    def text_fields(self) -> list[Any]:
        return [self[name] for name in TRANSLATED_FIELDS if name in self.fields]

    def values(self, current: dict[str, Any]) -> dict[str, Any]:
        """The texts in the shape of group_editable_values; a text the page did not send keeps what it has,
        and the Dutch name is never emptied (a group always has one)."""
        values = {name: current.get(name) for name in TRANSLATED_FIELDS}
        for name in TRANSLATED_FIELDS:
            if name in self.fields and name in self.data:
                values[name] = self.cleaned_data.get(name) or ""
        if not values.get("name_nl"):
            values["name_nl"] = current.get("name_nl")
        return values


class GroupEditForm(ThemePickerMixin, forms.Form):
    """What a contact person keeps current. `values()` gives the same keys as group_editable_values.

    Every meeting time of the group gets its own fields (s<id>_start_time ...), plus one row to add a new
    weekly time; each upcoming cancelled meeting gets a box to let it happen after all. Without JavaScript,
    a second new time is added by saving and coming back.
    """

    themes: forms.ModelMultipleChoiceField[Theme] = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        widget=ThemePicker,
        required=False,
        help_text=_("What the group is about. Choose at least one."),
    )
    languages: forms.ModelMultipleChoiceField[Language] = forms.ModelMultipleChoiceField(
        label=_("Languages you speak in the group"),
        queryset=Language.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    audience = forms.ChoiceField(label=_("For whom is the group"), choices=Audience.choices, required=False)
    gender = forms.ChoiceField(label=_("Who can join"), choices=Gender.choices, required=False)
    age_min = forms.IntegerField(
        label=_("Minimum age"), min_value=0, max_value=120, required=False, help_text=_("Leave empty for any age.")
    )
    age_max = forms.IntegerField(
        label=_("Maximum age"), min_value=0, max_value=120, required=False, help_text=_("Leave empty for any age.")
    )
    kind = forms.ChoiceField(label=_("Kind of group"), choices=GroupKind.choices, required=False)
    working_method = forms.ChoiceField(label=_("How you work together"), choices=WorkingMethod.choices, required=False)
    led_by = forms.ChoiceField(label=_("Who leads the meetings"), choices=LedBy.choices, required=False)
    leader_count = forms.IntegerField(label=_("Number of leaders"), min_value=0, max_value=2, required=False)
    typical_size = forms.IntegerField(
        label=_("Usual number of people at a meeting"),
        min_value=2,
        max_value=60,
        required=False,
        help_text=_("A rough number is fine. Leave empty if you do not know."),
    )
    contact_email = forms.EmailField(
        label=_("E-mail address for questions"),
        required=False,
        help_text=_("Use a role address of the group (such as info@…), not your own private address."),
    )
    contact_phone = forms.CharField(label=_("Phone number for questions"), max_length=32, required=False)
    contact_name = forms.CharField(label=_("Name of the contact"), max_length=120, required=False)
    contact_name_public = forms.BooleanField(label=_("Visitors may see this name"), required=False)
    intake = forms.ChoiceField(label=_("How to join"), choices=Intake.choices)
    cost = forms.ChoiceField(label=_("Cost"), choices=Cost.choices)
    cost_amount = forms.DecimalField(
        label=_("Amount in euros"), required=False, max_digits=7, decimal_places=2, min_value=0
    )
    next_intake_date = forms.DateField(
        label=_("Next moment new members can join"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_(
            "Only when new members join at set moments. Close to this date the map says: new members welcome now."
        ),
    )
    activity = forms.ChoiceField(
        label=_("What you do together"),
        choices=[("", _("Nothing in particular")), *Activity.choices],
        required=False,
        help_text=_("For a group that does things together, such as walking or cooking."),
    )
    one_to_one = forms.BooleanField(label=_("Someone can also talk one to one with a peer"), required=False)
    phone_contact = forms.BooleanField(label=_("Someone can also talk with a peer by phone"), required=False)
    hybrid = forms.BooleanField(
        label=_("The meetings are in a room and online at the same time"),
        required=False,
        help_text=_("The online link is never shown publicly: people ask the contact for it."),
    )
    website = forms.URLField(
        label=_("Your group's own website or social-media page"),
        max_length=300,
        required=False,
        assume_scheme="https",
        help_text=_("For example https://www.facebook.com/… Leave empty if you have none."),
    )
    place_name = forms.CharField(label=_("Name of the new place"), max_length=200, required=False)
    place_street = forms.CharField(label=_("Street and number"), max_length=200, required=False)
    place_postcode = forms.CharField(label=_("Postcode"), max_length=7, required=False)
    place_disclosure = forms.ChoiceField(
        label=_("What is public of the new place"),
        choices=[c for c in Disclosure.choices if c[0] != Disclosure.ONLINE],
        required=False,
    )
    new_weekday = forms.TypedChoiceField(
        label=_("Day"), choices=[("", "—"), *WEEKDAYS], coerce=int, required=False, empty_value=None
    )
    new_start_time = forms.TimeField(
        label=_("Starts at"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    new_end_time = forms.TimeField(label=_("Ends at"), required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    disclosure = forms.ChoiceField(label=_("What is public of the place"), choices=Disclosure.choices, required=False)
    wheelchair_accessible = forms.BooleanField(label=_("The place is accessible by wheelchair"), required=False)
    hearing_loop = forms.BooleanField(label=_("There is a hearing loop"), required=False)
    quiet_room = forms.BooleanField(label=_("There is a quiet room"), required=False)
    childcare = forms.BooleanField(label=_("There is childcare"), required=False)
    accessibility_note_nl = forms.CharField(
        label=_("More about getting there and accessibility (Dutch)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text=_("For example: a step at the door, or the nearest bus stop."),
    )
    cancel_date = forms.DateField(
        label=_("Cancel a meeting on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    cancel_reason = forms.CharField(label=_("Reason for cancelling"), max_length=200, required=False)
    seeking_others = forms.BooleanField(
        label=_("Show this initiative on the public map, to find others in the same situation"),
        help_text=_(
            "People who search see that you are looking for others, and can send a question. "
            "Your own address is never shown."
        ),
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        initiative: bool = False,
        schedules: Sequence[Schedule] = (),
        cancellations: Sequence[Cancellation] = (),
        languages: Sequence[str] = ("nl", "en"),
        places: Sequence[Location] = (),
        own_place: Location | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        place_choices: list[tuple[str, Any]] = [("", _("The group's own place"))]
        place_choices += [(str(p.pk), str(p)) for p in places if own_place is None or p.pk != own_place.pk]
        place_choices.append(("new", _("The new place filled in below")))
        self.place_choices = place_choices
        self.text_languages = [code for code in TEXT_LANGUAGES if code in languages]
        names = dict(settings.LANGUAGES)
        texts: dict[str, forms.Field] = {}
        for field in TEXT_FIELDS:
            for code in self.text_languages:
                label = f"{TEXT_LABELS[field]} ({names[code]})"
                if field == "name":
                    texts[f"{field}_{code}"] = forms.CharField(label=label, max_length=200, required=code == "nl")
                else:
                    texts[f"{field}_{code}"] = forms.CharField(
                        label=label,
                        widget=forms.Textarea(
                            attrs={"lang": code, "dir": "rtl" if code in settings.LANGUAGES_BIDI else "auto"}
                        ),
                        max_length=TEXT_MAX_LENGTH,
                        required=False,
                        help_text=TEXT_HELP.get(field, ""),
                    )
                if field == "name":
                    texts[f"{field}_{code}"].widget.attrs.update({"lang": code})
        # The texts first, in the order of the page.
        self.fields = {**texts, **self.fields}
        self.schedules = list(schedules)
        self.cancellations = list(cancellations)
        # Only an initiative can ask to be on the map to find others; other groups are on it by their status.
        if not initiative:
            del self.fields["seeking_others"]
        for number, schedule in enumerate(self.schedules, start=1):
            pk = schedule.pk
            weekdays = list(schedule.weekdays or [])
            if len(weekdays) <= 1:
                self.fields[f"s{pk}_weekday"] = forms.TypedChoiceField(
                    label=_("Day"), choices=WEEKDAYS, coerce=int, required=False, empty_value=None
                )
            self.fields[f"s{pk}_start_time"] = forms.TimeField(
                label=_("Starts at"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
            )
            self.fields[f"s{pk}_end_time"] = forms.TimeField(
                label=_("Ends at"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
            )
            self.fields[f"s{pk}_valid_until"] = forms.DateField(
                label=_("Last meeting on"),
                required=False,
                widget=forms.DateInput(attrs={"type": "date"}),
                help_text=_("Only when this meeting time stops on a known date. Leave empty otherwise."),
            )
            self.fields.update(rhythm_fields(f"s{pk}_", place_choices))
            self.fields[f"s{pk}_remove"] = forms.BooleanField(
                label=_("Stop this meeting time %(number)d") % {"number": number}, required=False
            )
        self.fields.update(rhythm_fields("new_", place_choices))
        if len(self.schedules) > 1:
            self.fields["cancel_schedule"] = forms.TypedChoiceField(
                label=_("Which meeting"),
                choices=[(s.pk, describe_schedule(s)) for s in self.schedules],
                coerce=int,
                required=False,
                empty_value=None,
            )
        for cancellation in self.cancellations:
            self.fields[f"c{cancellation.pk}_undo"] = forms.BooleanField(
                label=_("The meeting of %(date)s happens after all")
                % {"date": date_format(cancellation.date, "l j F Y")},
                required=False,
            )

    def schedule_rows(self) -> list[dict[str, Any]]:
        """Per meeting time: its number, its rhythm in words and its fields, for the template."""
        rows = []
        for number, schedule in enumerate(self.schedules, start=1):
            pk = schedule.pk
            fields = [self[f"s{pk}_{part}"] for part in SCHEDULE_FORM_PARTS if f"s{pk}_{part}" in self.fields]
            rows.append(
                {
                    "number": number,
                    "text": describe_schedule(schedule),
                    "fields": fields,
                    "remove": self[f"s{pk}_remove"],
                }
            )
        return rows

    def text_fields(self) -> list[Any]:
        return [self[name] for name in TRANSLATED_FIELDS if name in self.fields]

    def about_fields(self) -> list[Any]:
        names = ("audience", "gender", "age_min", "age_max", "kind", "working_method", "activity", "led_by")
        return [self[name] for name in (*names, "leader_count", "typical_size", "website")]

    def offer_fields(self) -> list[Any]:
        return [self[name] for name in ("one_to_one", "phone_contact", "hybrid")]

    def new_schedule_fields(self) -> list[Any]:
        names = ("kind", "weekday", "interval", "nth", "day_of_month", "dates", "start_time", "end_time", "place")
        return [self[f"new_{name}"] for name in names]

    def new_place_fields(self) -> list[Any]:
        return [self[name] for name in ("place_name", "place_street", "place_postcode", "place_disclosure")]

    def contact_fields(self) -> list[Any]:
        return [self[name] for name in ("contact_email", "contact_phone", "contact_name")]

    def place_fields(self) -> list[Any]:
        return [self[name] for name in PLACE_FIELDS]

    def undo_fields(self) -> list[Any]:
        return [self[f"c{c.pk}_undo"] for c in self.cancellations]

    def _clean_rhythm(self, data: dict[str, Any], prefix: str, current_kind: str = "") -> None:
        kind = data.get(f"{prefix}kind") or current_kind
        raw = data.get(f"{prefix}dates") or ""
        try:
            dates = parse_dates(raw)
        except ValueError as exc:
            self.add_error(f"{prefix}dates", _("%(value)s is not a date. Write it as 2026-12-15.") % {"value": exc})
            return
        if len(dates) > MAX_DATES:
            self.add_error(f"{prefix}dates", _("At most %(n)d dates in one meeting time.") % {"n": MAX_DATES})
        data[f"{prefix}dates_list"] = [d.isoformat() for d in dates]
        if not data.get(f"{prefix}kind") and prefix != "new_":
            return  # the rhythm is not changed: its own fields stay as they are
        if kind == Schedule.Kind.MONTHLY_NTH_WEEKDAY and data.get(f"{prefix}nth") is None:
            self.add_error(f"{prefix}nth", _("Choose the first, second, third, fourth or last week of the month."))
        if kind == Schedule.Kind.MONTHLY_DATE and not data.get(f"{prefix}day_of_month"):
            self.add_error(f"{prefix}day_of_month", _("Choose a day of the month from 1 to 31."))
        if kind == Schedule.Kind.DATES and not dates:
            self.add_error(f"{prefix}dates", _("Add at least one date."))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for schedule in self.schedules:
            self._clean_rhythm(data, f"s{schedule.pk}_", schedule.kind)
            start, end = data.get(f"s{schedule.pk}_start_time"), data.get(f"s{schedule.pk}_end_time")
            if start and end and end <= start:
                self.add_error(f"s{schedule.pk}_end_time", _("The end must be after the start."))
            until = data.get(f"s{schedule.pk}_valid_until")
            if until and schedule.valid_from and until < schedule.valid_from:
                self.add_error(f"s{schedule.pk}_valid_until", _("The schedule ends before it starts."))
        new_kind = data.get("new_kind") or Schedule.Kind.WEEKLY
        day_needed = new_kind in DAY_KINDS
        new = [bool(data.get("new_start_time")), bool(data.get("new_end_time"))]
        if day_needed:
            new.append(data.get("new_weekday") is not None)
        if any(new) and not all(new):
            self.add_error("new_weekday", _("Fill in the day and when the new meeting starts and ends."))
        if all(new):
            self._clean_rhythm(data, "new_")
        chosen_new_place = data.get("new_place") == "new" or any(
            data.get(f"s{s.pk}_place") == "new" for s in self.schedules
        )
        place_typed = any(data.get(name) for name in ("place_name", "place_street", "place_postcode"))
        if chosen_new_place or place_typed:
            postcode = (data.get("place_postcode") or "").strip()
            if not postcode:
                self.add_error("place_postcode", _("Fill in the postcode of the place where the group meets."))
            elif postcodes.lookup(postcode) is None:
                self.add_error(
                    "place_postcode",
                    _("We do not know the postcode %(postcode)s. Check the four digits.") % {"postcode": postcode},
                )
            if (data.get("place_disclosure") or Disclosure.PUBLIC) == Disclosure.PUBLIC and not data.get(
                "place_street"
            ):
                self.add_error("place_street", _("A public address needs a street and number."))
            if not chosen_new_place:
                self.add_error("new_place", _("Choose for which meeting time the new place is."))
        if data.get("next_intake_date") and data.get("intake") != Intake.SET_MOMENTS:
            self.add_error(
                "next_intake_date", _("Only a group that takes new members at set moments has an intake date.")
            )
        start, end = data.get("new_start_time"), data.get("new_end_time")
        if start and end and end <= start:
            self.add_error("new_end_time", _("The end must be after the start."))
        low, high = data.get("age_min"), data.get("age_max")
        if low is not None and high is not None and high < low:
            self.add_error("age_max", _("The maximum age must be at least the minimum age."))
        if self.data.get("themes_shown") and not data.get("themes"):
            self.add_error("themes", _("Choose at least one theme."))
        if data.get("cost") == Cost.FEE and not data.get("cost_amount"):
            self.add_error("cost_amount", _("Fill in the amount of the fee."))
        if data.get("cost") != Cost.FEE and data.get("cost_amount"):
            self.add_error("cost_amount", _("Only a fee has an amount."))
        cancel = data.get("cancel_date")
        if cancel and cancel < timezone.localdate():
            self.add_error("cancel_date", _("Choose today or a later date."))
        return data

    def initial_values(self, values: dict[str, Any]) -> None:
        """Fill the initial values from group_editable_values."""
        initial = {name: values.get(name) for name in (*GROUP_FIELDS, *M2M_FIELDS)}
        for schedule in self.schedules:
            for part in ("weekday", "start_time", "end_time", "valid_until", "kind", "interval", "nth", "day_of_month"):
                initial[f"s{schedule.pk}_{part}"] = values.get(f"schedule.{schedule.pk}.{part}")
            initial[f"s{schedule.pk}_dates"] = "\n".join(values.get(f"schedule.{schedule.pk}.dates") or [])
            place = values.get(f"schedule.{schedule.pk}.place")
            initial[f"s{schedule.pk}_place"] = str(place) if place else ""
        initial["disclosure"] = values.get("location.disclosure")
        for name in PLACE_FIELDS:
            initial[name] = values.get(f"location.{name}")
        if self.schedules:
            initial["cancel_schedule"] = self.schedules[0].pk
        self.initial.update(initial)

    def values(self, current: dict[str, Any]) -> dict[str, Any]:
        """The submitted values in the shape of group_editable_values; untouched optional parts keep theirs."""
        data = self.cleaned_data
        values: dict[str, Any] = {name: plain(data.get(name)) for name in GROUP_FIELDS}
        for name in GROUP_FIELDS:
            field = self.fields.get(name)
            unsent = field is not None and not isinstance(field, forms.BooleanField) and name not in self.data
            if field is None or unsent:
                # A language the form does not show, or a field the page did not send: it keeps what it has.
                values[name] = current.get(name)
            elif values[name] is None and name not in NULLABLE_FIELDS:
                values[name] = ""
        # Themes and languages: only when the page showed them (an unticked list and an absent one look alike).
        for name in M2M_FIELDS:
            picked = sorted(obj.pk for obj in data.get(name) or [])
            values[name] = picked if self.data.get(f"{name}_shown") else current.get(name)
        if "seeking_others" in self.fields:
            values["seeking_others"] = bool(data.get("seeking_others"))
        else:
            values["seeking_others"] = current.get("seeking_others")
        for schedule in self.schedules:
            pk = schedule.pk
            if data.get(f"s{pk}_remove"):
                values[f"schedule.{pk}.remove"] = True
                # Its times are not changed as well: the diff shows only that it stops.
                for part in ("weekday", "start_time", "end_time", "valid_until", *RHYTHM_PARTS):
                    values[f"schedule.{pk}.{part}"] = current.get(f"schedule.{pk}.{part}")
                continue
            for part in RHYTHM_PARTS:
                values[f"schedule.{pk}.{part}"] = current.get(f"schedule.{pk}.{part}")
            if f"s{pk}_kind" in self.data and data.get(f"s{pk}_kind"):
                kind = data[f"s{pk}_kind"]
                values[f"schedule.{pk}.kind"] = kind
                if kind == Schedule.Kind.EVERY_N_WEEKS:
                    values[f"schedule.{pk}.interval"] = data.get(f"s{pk}_interval") or 2
                if kind == Schedule.Kind.MONTHLY_NTH_WEEKDAY:
                    values[f"schedule.{pk}.nth"] = data.get(f"s{pk}_nth")
                if kind == Schedule.Kind.MONTHLY_DATE:
                    values[f"schedule.{pk}.day_of_month"] = data.get(f"s{pk}_day_of_month")
                if kind == Schedule.Kind.DATES:
                    values[f"schedule.{pk}.dates"] = data.get(f"s{pk}_dates_list") or []
            if f"s{pk}_place" in self.data:
                chosen = data.get(f"s{pk}_place") or None
                values[f"schedule.{pk}.place"] = chosen if chosen in (None, "new") else int(chosen)
            if f"s{pk}_valid_until" in self.data:
                values[f"schedule.{pk}.valid_until"] = plain(data.get(f"s{pk}_valid_until"))
            else:
                values[f"schedule.{pk}.valid_until"] = current.get(f"schedule.{pk}.valid_until")
            values[f"schedule.{pk}.remove"] = False
            weekday = data.get(f"s{pk}_weekday")
            values[f"schedule.{pk}.weekday"] = weekday if weekday is not None else current.get(f"schedule.{pk}.weekday")
            for part in ("start_time", "end_time"):
                chosen = data.get(f"s{pk}_{part}")
                values[f"schedule.{pk}.{part}"] = plain(chosen) if chosen else current.get(f"schedule.{pk}.{part}")
        new_kind = data.get("new_kind") or Schedule.Kind.WEEKLY
        day_given = data.get("new_weekday") is not None or new_kind not in DAY_KINDS
        if day_given and data.get("new_start_time") and data.get("new_end_time"):
            values[SCHEDULE_ADD_KEY] = {
                "weekday": data.get("new_weekday"),
                "start_time": plain(data["new_start_time"]),
                "end_time": plain(data["new_end_time"]),
            }
            if new_kind != Schedule.Kind.WEEKLY:
                values[SCHEDULE_ADD_KEY] |= {
                    "kind": new_kind,
                    "interval": data.get("new_interval") or (2 if new_kind == Schedule.Kind.EVERY_N_WEEKS else 1),
                    "nth": data.get("new_nth"),
                    "day_of_month": data.get("new_day_of_month"),
                    "dates": data.get("new_dates_list") or [],
                }
            if data.get("new_place"):
                chosen = data["new_place"]
                values[SCHEDULE_ADD_KEY]["place"] = chosen if chosen == "new" else int(chosen)
        if data.get("place_postcode"):
            values[PLACE_ADD_KEY] = {
                "name": data.get("place_name", ""),
                "street": data.get("place_street", ""),
                "postcode": data["place_postcode"].strip(),
                "disclosure": data.get("place_disclosure") or Disclosure.PUBLIC,
            }
        values["location.disclosure"] = data.get("disclosure") or current.get("location.disclosure")
        for name in PLACE_FIELDS:
            key = f"location.{name}"
            # A group without a place has nothing to change here; an unsent text keeps what it has.
            if current.get(key) is None or (name == "accessibility_note_nl" and name not in self.data):
                values[key] = current.get(key)
            else:
                values[key] = data.get(name) if name == "accessibility_note_nl" else bool(data.get(name))
        if data.get("cancel_date"):
            values[CANCELLATION_KEY] = {
                "date": data["cancel_date"].isoformat(),
                "reason": data.get("cancel_reason", ""),
            }
            chosen_schedule = data.get("cancel_schedule")
            if chosen_schedule is not None and any(s.pk == chosen_schedule for s in self.schedules):
                values[CANCELLATION_KEY]["schedule"] = chosen_schedule
        for cancellation in self.cancellations:
            values[f"cancellation.{cancellation.pk}.remove"] = bool(data.get(f"c{cancellation.pk}_undo"))
        return values


class RejectForm(forms.Form):
    note = forms.CharField(label=_("Why (sent to no one, kept in the log)"), max_length=300, required=False)


class SettingsForm(forms.ModelForm):
    class Meta:
        model = SupportPointSettings
        fields = ["review_changes", "verify_every_days", "overdue_after_days", "note_after_days", "hide_after_days"]


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Your answer"), widget=forms.Textarea, max_length=5000)


class QuestionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=QuestionStatus.choices)


class FacilitationForm(forms.Form):
    kind = forms.ChoiceField(label=_("What do you need?"), choices=FacilitationKind.choices)
    description = forms.CharField(label=_("Explanation"), widget=forms.Textarea, max_length=2000, required=False)


class FacilitationStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=FacilitationStatus.choices)


class InformationSessionForm(ThemePickerMixin, forms.ModelForm):
    """A session held (with its number of people) or planned (a date ahead; the number comes after the day)."""

    class Meta:
        model = InformationSession
        fields = ["date", "place_kind", "language", "themes", "attendees", "given_by"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}), "themes": ThemePicker}
        help_texts = {
            "attendees": _("Leave empty for a session you plan: after its date, this page asks for the number."),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day = data.get("date")
        if day is not None and day <= timezone.localdate() and data.get("attendees") is None:
            self.add_error("attendees", _("The session has taken place: fill in how many people came."))
        if day is not None and day > timezone.localdate() and data.get("attendees") is not None:
            self.add_error("attendees", _("The session is still to come: fill in the number after it took place."))
        return data


class AttendeesForm(forms.Form):
    attendees = forms.IntegerField(label=_("Number of people"), min_value=0, max_value=10000)


class MemberForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class ContactForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the contact person"))


class SupportPointCreateForm(forms.Form):
    name = forms.CharField(label=_("Name of the support point"), max_length=200)
    municipality = forms.CharField(
        label=_("Municipality"), max_length=100, help_text=_("As the municipality writes it, for example Eindhoven.")
    )
    email = forms.EmailField(
        label=_("The support point's own e-mail address"),
        help_text=_("A role address such as info@…: shown to visitors, and where questions and reminders go."),
    )
    manager_email = forms.EmailField(
        label=_("E-mail address of the first manager"),
        help_text=_("They get an invitation with a sign-in link, and can then add the others."),
    )

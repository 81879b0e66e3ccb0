"""Workspace forms. They only validate; services write."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from samenspel.core.audit import plain
from samenspel.directory.freshness import FreshnessState
from samenspel.directory.models import (
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
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
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
            if len(weekdays) <= 1 and schedule.kind in DAY_KINDS:
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
            self.fields[f"s{pk}_remove"] = forms.BooleanField(
                label=_("Stop this meeting time %(number)d") % {"number": number}, required=False
            )
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
            fields = [
                self[f"s{pk}_{part}"]
                for part in ("weekday", "start_time", "end_time", "valid_until")
                if f"s{pk}_{part}" in self.fields
            ]
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
        names = ("audience", "gender", "age_min", "age_max", "kind", "working_method", "led_by", "leader_count")
        return [self[name] for name in (*names, "typical_size")]

    def contact_fields(self) -> list[Any]:
        return [self[name] for name in ("contact_email", "contact_phone", "contact_name")]

    def place_fields(self) -> list[Any]:
        return [self[name] for name in PLACE_FIELDS]

    def undo_fields(self) -> list[Any]:
        return [self[f"c{c.pk}_undo"] for c in self.cancellations]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for schedule in self.schedules:
            start, end = data.get(f"s{schedule.pk}_start_time"), data.get(f"s{schedule.pk}_end_time")
            if start and end and end <= start:
                self.add_error(f"s{schedule.pk}_end_time", _("The end must be after the start."))
            until = data.get(f"s{schedule.pk}_valid_until")
            if until and schedule.valid_from and until < schedule.valid_from:
                self.add_error(f"s{schedule.pk}_valid_until", _("The schedule ends before it starts."))
        new = [data.get("new_weekday") is not None, bool(data.get("new_start_time")), bool(data.get("new_end_time"))]
        if any(new) and not all(new):
            self.add_error("new_weekday", _("Fill in the day and when the new meeting starts and ends."))
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
            for part in ("weekday", "start_time", "end_time", "valid_until"):
                initial[f"s{schedule.pk}_{part}"] = values.get(f"schedule.{schedule.pk}.{part}")
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
                for part in ("weekday", "start_time", "end_time", "valid_until"):
                    values[f"schedule.{pk}.{part}"] = current.get(f"schedule.{pk}.{part}")
                continue
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
        if data.get("new_weekday") is not None and data.get("new_start_time") and data.get("new_end_time"):
            values[SCHEDULE_ADD_KEY] = {
                "weekday": data["new_weekday"],
                "start_time": plain(data["new_start_time"]),
                "end_time": plain(data["new_end_time"]),
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

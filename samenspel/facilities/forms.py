"""Forms of facilities: they only validate; services.py writes."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.directory.models import Language, Theme
from samenspel.facilities.models import Room, RoomRequest, Speaker


class RoomForm(forms.ModelForm):
    class Meta:
        model = Room
        fields = (
            "name",
            "owner",
            "street",
            "postcode",
            "town",
            "capacity",
            "wheelchair_accessible",
            "hearing_loop",
            "accessibility_note",
            "cost",
            "availability",
            "ask",
            "is_active",
        )


class RoomChoiceField(forms.ModelChoiceField[Room]):
    def label_from_instance(self, obj: Room) -> str:
        bits = [str(obj), _("%(n)s people") % {"n": obj.capacity}]
        if obj.wheelchair_accessible:
            bits.append(str(_("wheelchair accessible")))
        if obj.cost:
            bits.append(obj.cost)
        if obj.availability:
            bits.append(str(_("usually free: %(when)s") % {"when": obj.availability}))
        return " · ".join(bits)


class RoomRequestForm(forms.ModelForm):
    room = RoomChoiceField(
        label=_("Which room?"),
        queryset=Room.objects.none(),
        to_field_name="uuid",
        widget=forms.RadioSelect,
        empty_label=None,
    )

    class Meta:
        model = RoomRequest
        fields = ("room", "first_date", "start_time", "end_time", "weeks", "every_weeks", "message")
        widgets = {
            "first_date": forms.DateInput(attrs={"type": "date"}),
            "start_time": forms.TimeInput(attrs={"type": "time"}),
            "end_time": forms.TimeInput(attrs={"type": "time"}),
            "message": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, rooms: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(RoomChoiceField, self.fields["room"]).queryset = rooms
        self.fields["weeks"].widget.attrs.update({"min": 1, "max": 52})
        self.fields["every_weeks"].widget.attrs.update({"min": 1, "max": 4})

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The end comes after the start."))
        first = data.get("first_date")
        if first and first < timezone.localdate():
            self.add_error("first_date", _("Choose a date from today on."))
        weeks, every = data.get("weeks"), data.get("every_weeks")
        if weeks is not None and not 1 <= weeks <= 52:
            self.add_error("weeks", _("Between 1 and 52 weeks."))
        if every is not None and not 1 <= every <= 4:
            self.add_error("every_weeks", _("Every 1 to 4 weeks."))
        return data


class BookForm(forms.Form):
    make_meeting_place = forms.BooleanField(
        label=_("Make this room the group's meeting place (the group keeps its choice of what the public sees)"),
        required=False,
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why not? (the group reads this)"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )


class LanguagesField(forms.ModelMultipleChoiceField[Language]):
    def label_from_instance(self, obj: Language) -> str:
        return obj.name_local


class ThemesField(forms.ModelMultipleChoiceField[Theme]):
    def label_from_instance(self, obj: Theme) -> str:
        return str(obj.label)


class SpeakerForm(forms.ModelForm):
    themes = ThemesField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        to_field_name="slug",
        required=False,
        widget=forms.SelectMultiple,
    )
    languages = LanguagesField(
        label=_("Languages"),
        queryset=Language.objects.none(),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Speaker
        fields = ("name", "kind", "topic", "cost", "contact", "is_active", "checked_on")
        widgets = {"topic": forms.Textarea(attrs={"rows": 3}), "checked_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(ThemesField, self.fields["themes"]).queryset = Theme.objects.all()
        cast(LanguagesField, self.fields["languages"]).queryset = Language.objects.filter(is_interface=True)
        if self.instance.pk:
            self.initial["themes"] = [t.slug for t in self.instance.themes.all()]
            self.initial["languages"] = [language.code for language in self.instance.languages.all()]


class SpeakerChoiceField(forms.ModelChoiceField[Speaker]):
    def label_from_instance(self, obj: Speaker) -> str:
        bits = [obj.name, obj.topic[:120]]
        if obj.cost:
            bits.append(obj.cost)
        return " · ".join(bits)


class SpeakerAskForm(forms.Form):
    speaker = SpeakerChoiceField(
        label=_("Which speaker?"),
        queryset=Speaker.objects.none(),
        to_field_name="uuid",
        widget=forms.RadioSelect,
        empty_label=None,
    )
    wished_date = forms.DateField(
        label=_("Wished date (you may leave this empty)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    description = forms.CharField(
        label=_("What would you like to hear about?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, speakers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(SpeakerChoiceField, self.fields["speaker"]).queryset = speakers


class SpeakerLinkForm(forms.Form):
    speaker = SpeakerChoiceField(
        label=_("Speaker"),
        queryset=Speaker.objects.none(),
        to_field_name="uuid",
        required=False,
        empty_label=_("No speaker"),
    )

    def __init__(self, *args: Any, speakers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(SpeakerChoiceField, self.fields["speaker"]).queryset = speakers

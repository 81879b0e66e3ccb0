"""Forms of the key persons' room: they only validate; services.py writes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.directory.models import Group, Language, Organisation, OrganisationKind, Theme
from samenspel.network.guard import identity_hints
from samenspel.network.models import (
    ContactFunction,
    Depth,
    HelpService,
    HelpTopic,
    JourneyStep,
    KeyPerson,
    LadderStep,
    MetVia,
    Resource,
    Shortage,
    SisterContact,
    Tie,
    Visibility,
)
from samenspel.workspace.theme_picker import ThemePicker, ThemePickerMixin

REACH_ROWS = 3


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def _languages() -> Any:
    return Language.objects.order_by("name")


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the key person"), max_length=254)


class ProfileForm(ThemePickerMixin, forms.Form):
    public_name = forms.CharField(
        label=_("Your name as others see it"),
        max_length=80,
        help_text=_("A first name is enough."),
    )
    languages: forms.ModelMultipleChoiceField[Language] = forms.ModelMultipleChoiceField(
        label=_("Languages you speak"), queryset=Language.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    themes: forms.ModelMultipleChoiceField[Theme] = forms.ModelMultipleChoiceField(
        label=_("Themes you know about"), queryset=Theme.objects.all(), widget=ThemePicker, required=False
    )
    availability = forms.CharField(
        label=_("When you can be reached"),
        max_length=200,
        required=False,
        help_text=_("For example: weekday mornings, not on Friday."),
    )
    visibility = forms.ChoiceField(
        label=_("Who may see your profile"), choices=Visibility.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["languages"].queryset = _languages()  # type: ignore[attr-defined]
        for i in range(1, REACH_ROWS + 1):
            self.fields[f"reach_language_{i}"] = forms.ModelChoiceField(
                label=_("Whom you reach %(number)s: people who speak") % {"number": i},
                queryset=_languages(),
                required=False,
            )
            self.fields[f"reach_place_{i}"] = forms.CharField(
                label=_("Whom you reach %(number)s: in the neighbourhood or place") % {"number": i},
                max_length=100,
                required=False,
                help_text=_("By language and place only, never by origin.") if i == 1 else "",
            )

    @staticmethod
    def initial_for(key_person: KeyPerson) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "public_name": key_person.public_name,
            "languages": list(key_person.languages.all()),
            "themes": list(key_person.themes.all()),
            "availability": key_person.availability,
            "visibility": key_person.visibility,
        }
        for i, reach in enumerate(key_person.reach.all()[:REACH_ROWS], start=1):
            initial[f"reach_language_{i}"] = reach.language
            initial[f"reach_place_{i}"] = reach.neighbourhood
        return initial

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for i in range(1, REACH_ROWS + 1):
            place = data.get(f"reach_place_{i}", "")
            if place and identity_hints(place):
                self.add_error(f"reach_place_{i}", _("Name a neighbourhood or a place, nothing about people."))
        return data

    def reach(self) -> list[tuple[Language | None, str]]:
        data = self.cleaned_data
        return [(data.get(f"reach_language_{i}"), data.get(f"reach_place_{i}", "")) for i in range(1, REACH_ROWS + 1)]


class ContactForm(forms.Form):
    """Ten seconds: how you met, what followed, the theme and the language. No one's identity."""

    met_via = forms.ChoiceField(label=_("How you met"), choices=MetVia.choices, widget=forms.RadioSelect)
    functions = forms.MultipleChoiceField(
        label=_("What followed"), choices=ContactFunction.choices, widget=forms.CheckboxSelectMultiple
    )
    themes: forms.ModelMultipleChoiceField[Theme] = forms.ModelMultipleChoiceField(
        label=_("Theme"), queryset=Theme.objects.none(), widget=forms.CheckboxSelectMultiple, required=False
    )
    language: forms.ModelChoiceField[Language] = forms.ModelChoiceField(
        label=_("Language of the conversation"), queryset=Language.objects.none(), required=False
    )
    day = forms.DateField(label=_("Day"), widget=DateInput(), required=False)
    case_note = forms.CharField(
        label=_("Anonymous case note (optional)"),
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Only if you want to bring it to a network meeting. About the situation, never about who: no name, "
            "address, date of birth, origin or diagnosis. Deleted after three months."
        ),
    )

    def __init__(self, *args: Any, key_person: KeyPerson, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        own = key_person.themes.all()
        self.fields["themes"].queryset = Theme.objects.filter(  # type: ignore[attr-defined]
            Q(parent__isnull=True) | Q(pk__in=own)
        ).order_by("label")
        self.fields["language"].queryset = _languages()  # type: ignore[attr-defined]
        self.fields["day"].initial = timezone.localdate()

    def clean_case_note(self) -> str:
        note = self.cleaned_data.get("case_note", "").strip()
        hints = identity_hints(note)
        if hints:
            raise forms.ValidationError(
                _("Leave out anything that says who someone is. This looks like %(what)s."),
                params={"what": ", ".join(hints)},
            )
        return note

    def clean_day(self) -> Any:
        day = self.cleaned_data.get("day") or timezone.localdate()
        if day > timezone.localdate():
            raise forms.ValidationError(_("A contact cannot be in the future."))
        return day


class JourneyStartForm(forms.Form):
    theme: forms.ModelChoiceField[Theme] = forms.ModelChoiceField(
        label=_("What the question is about"), queryset=Theme.objects.none(), required=False
    )
    language: forms.ModelChoiceField[Language] = forms.ModelChoiceField(
        label=_("Language"), queryset=Language.objects.none(), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.order_by("label")  # type: ignore[attr-defined]
        self.fields["language"].queryset = _languages()  # type: ignore[attr-defined]


class JourneyStepForm(forms.Form):
    step = forms.ChoiceField(label=_("Step taken"), choices=JourneyStep.choices)
    day = forms.DateField(label=_("Day"), widget=DateInput(), required=False)
    group: forms.ModelChoiceField[Group] = forms.ModelChoiceField(
        label=_("Group found on the map"),
        queryset=Group.objects.none(),
        required=False,
        help_text=_("The groups on your list and those you made a handover to."),
    )
    handover = forms.ChoiceField(label=_("Your warm handover"), required=False)

    def __init__(self, *args: Any, groups: Any, handovers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups  # type: ignore[attr-defined]
        self._handovers = {str(h.uuid): h for h in handovers}
        self.fields["handover"].choices = [("", "---------")] + [  # type: ignore[attr-defined]
            (key, str(h)) for key, h in self._handovers.items()
        ]
        self.fields["day"].initial = timezone.localdate()

    def clean_handover(self) -> Any:
        return self._handovers.get(self.cleaned_data.get("handover") or "")


class TieForm(forms.Form):
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("Self-organisation"), queryset=Organisation.objects.none()
    )

    def __init__(self, *args: Any, support_point: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        taken = Tie.objects.for_support_point(support_point).values("organisation")
        self.fields["organisation"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            kind=OrganisationKind.SELF_ORGANISATION
        ).exclude(pk__in=taken)


class TieUpdateForm(forms.Form):
    step = forms.TypedChoiceField(label=_("Step on the binding ladder"), choices=LadderStep.choices, coerce=int)
    depth = forms.ChoiceField(label=_("Depth of contact"), choices=Depth.choices, widget=forms.RadioSelect)
    next_action = forms.CharField(label=_("Next action"), max_length=200, required=False)
    next_action_on = forms.DateField(label=_("Next action by"), widget=DateInput(), required=False)


class TrustNoteForm(forms.Form):
    depth = forms.ChoiceField(label=_("How deep is this"), choices=Depth.choices, widget=forms.RadioSelect)
    text = forms.CharField(label=_("Note"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))
    readers: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Who may read it (kitchen table and cellar)"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Only you and the people you tick. Nobody else, also not the administrators."),
    )

    def __init__(self, *args: Any, colleagues: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["readers"].queryset = colleagues  # type: ignore[attr-defined]
        self.fields["readers"].label_from_instance = lambda user: user.email  # type: ignore[attr-defined]


class TourReportForm(forms.Form):
    visited_on = forms.DateField(label=_("Visited on"), widget=DateInput())
    target_group = forms.CharField(
        label=_("Target group"),
        max_length=300,
        help_text=_("For example: mothers with young children, Arabic-speaking, Woensel."),
    )
    activities = forms.CharField(label=_("Activities"), max_length=3000, widget=forms.Textarea(attrs={"rows": 3}))
    shortages = forms.MultipleChoiceField(
        label=_("Bottlenecks"), choices=Shortage.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    shortage_notes = forms.CharField(
        label=_("About the bottlenecks"), max_length=3000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    wishes = forms.CharField(
        label=_("Wishes"), max_length=3000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    offers = forms.CharField(
        label=_("What it can offer others"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A room, volunteers, board members, expertise, a language."),
    )
    needs = forms.MultipleChoiceField(
        label=_("What it needs"), choices=Resource.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    need_language: forms.ModelChoiceField[Language] = forms.ModelChoiceField(
        label=_("The language it needs"), queryset=Language.objects.none(), required=False
    )
    offers_kinds = forms.MultipleChoiceField(
        label=_("What it can offer"), choices=Resource.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    offer_language: forms.ModelChoiceField[Language] = forms.ModelChoiceField(
        label=_("The language it offers"), queryset=Language.objects.none(), required=False
    )
    send_to_organisation = forms.BooleanField(
        label=_("Send it to the organisation to confirm or correct"), required=False, initial=True
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["need_language"].queryset = _languages()  # type: ignore[attr-defined]
        self.fields["offer_language"].queryset = _languages()  # type: ignore[attr-defined]

    def clean_visited_on(self) -> Any:
        day = self.cleaned_data["visited_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("A visit cannot be in the future."))
        return day


class TourAnswerForm(forms.Form):
    correction = forms.CharField(
        label=_("What should be different? (leave empty if it is right)"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class SignalForm(forms.Form):
    need = forms.CharField(
        label=_("What you see in the community"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: many mothers alone with a child with autism. About a need, never about who."),
    )
    theme: forms.ModelChoiceField[Theme] = forms.ModelChoiceField(
        label=_("Theme"), queryset=Theme.objects.none(), required=False
    )
    language: forms.ModelChoiceField[Language] = forms.ModelChoiceField(
        label=_("Language"), queryset=Language.objects.none(), required=False
    )
    area = forms.CharField(label=_("Neighbourhood or place"), max_length=100, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.order_by("label")  # type: ignore[attr-defined]
        self.fields["language"].queryset = _languages()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("need", "area"):
            hints = identity_hints(data.get(name, ""))
            if hints:
                self.add_error(
                    name,
                    _("Leave out anything that says who someone is. This looks like %(what)s.")
                    % {"what": ", ".join(hints)},
                )
        return data


class MeetingForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DateInput())
    agenda = forms.CharField(
        label=_("Agenda"), max_length=3000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    professionals: forms.ModelMultipleChoiceField[SisterContact] = forms.ModelMultipleChoiceField(
        label=_("Professionals who join"),
        queryset=SisterContact.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, support_point: Organisation | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if support_point is not None:
            self.fields["professionals"].queryset = (  # type: ignore[attr-defined]
                SisterContact.objects.for_support_point(support_point).approved().filter(joins_meetings=True)
            )
        if not self.fields["professionals"].queryset.exists():  # type: ignore[attr-defined]
            del self.fields["professionals"]


class MeetingCaseForm(forms.Form):
    text = forms.CharField(
        label=_("An anonymous case for the discussion"),
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "The situation and your question to the others. Never who: no name, address, date of birth, origin or "
            "diagnosis. Deleted three months after the meeting."
        ),
    )

    def clean_text(self) -> str:
        text = self.cleaned_data.get("text", "").strip()
        hints = identity_hints(text)
        if hints:
            raise forms.ValidationError(
                _("Leave out anything that says who someone is. This looks like %(what)s."),
                params={"what": ", ".join(hints)},
            )
        return text


class HelpSearchForm(forms.Form):
    q = forms.CharField(
        label=_("The question"),
        max_length=100,
        required=False,
        help_text=_("In your own words, for example: debts, letters she cannot read, a house."),
    )
    topic = forms.ChoiceField(label=_("Kind of help"), choices=[("", _("All kinds"))], required=False)
    language: forms.ModelChoiceField[Language] = forms.ModelChoiceField(
        label=_("Speaks the language"), queryset=Language.objects.none(), required=False, empty_label=_("Any")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("All kinds")), *HelpTopic.choices]  # type: ignore[attr-defined]
        self.fields["language"].queryset = _languages()  # type: ignore[attr-defined]


class HelpServiceForm(forms.ModelForm[HelpService]):
    class Meta:
        model = HelpService
        fields = (
            "provider",
            "name",
            "topic",
            "description",
            "conditions",
            "procedure",
            "languages",
            "area",
            "website",
            "role_email",
            "role_phone",
            "open_data",
            "contact_name",
            "contact_role",
            "contact_phone",
            "contact_email",
            "network_note",
        )
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "conditions": forms.Textarea(attrs={"rows": 3}),
            "procedure": forms.Textarea(attrs={"rows": 3}),
            "network_note": forms.Textarea(attrs={"rows": 3}),
            "languages": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "role_email": _("An address of the service, not of a person. This one goes into the open data."),
            "open_data": _(
                "What the service is, for whom, how to apply and its public address; never the contact person."
            ),
            "contact_name": _(
                "Only for the network, never in the open data. Removed when nobody checked it for a year."
            ),
            "network_note": _("Only for the network: how a warm handover goes best."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = Organisation.objects.exclude(  # type: ignore[attr-defined]
            kind=OrganisationKind.SELF_ORGANISATION
        ).order_by("name")
        self.fields["languages"].queryset = _languages()  # type: ignore[attr-defined]
        self.fields["languages"].required = False


class HelpSuggestForm(forms.Form):
    service: forms.ModelChoiceField[HelpService] = forms.ModelChoiceField(
        label=_("A correction to"),
        queryset=HelpService.objects.none(),
        required=False,
        empty_label=_("None: a new service"),
    )
    service_name = forms.CharField(label=_("Name of the service"), max_length=200, required=False)
    provider_name = forms.CharField(label=_("Organisation that offers it"), max_length=200, required=False)
    topic = forms.ChoiceField(label=_("Question it helps with"), choices=(), required=False)
    text = forms.CharField(
        label=_("What to add or correct"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("About the service: conditions, who to ask, how it goes. Never about someone you help."),
    )

    def __init__(self, *args: Any, support_point: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = HelpService.objects.for_support_point(  # type: ignore[attr-defined]
            support_point
        )
        self.fields["topic"].choices = [("", "-"), *HelpTopic.choices]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("service") and not data.get("service_name"):
            self.add_error("service_name", _("Name the new service, or choose the service to correct."))
        return data


class SisterContactForm(forms.Form):
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200)
    name = forms.CharField(label=_("Name of the contact person"), max_length=120)
    role = forms.CharField(label=_("Their role"), max_length=120, required=False)
    email = forms.EmailField(label=_("Work e-mail address"), required=False)
    phone = forms.CharField(label=_("Work phone number"), max_length=32, required=False)
    ask_for = forms.CharField(
        label=_("What you can ask them"),
        max_length=300,
        help_text=_("For example: questions about residence permits, in Arabic and Dutch."),
    )
    languages: forms.ModelMultipleChoiceField[Language] = forms.ModelMultipleChoiceField(
        label=_("Languages"), queryset=Language.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    themes: forms.ModelMultipleChoiceField[Theme] = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=Theme.objects.none(), required=False
    )
    joins_meetings = forms.BooleanField(label=_("Joins the network meetings"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["languages"].queryset = _languages()  # type: ignore[attr-defined]
        self.fields["themes"].queryset = Theme.objects.order_by("label")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("email") and not data.get("phone", "").strip():
            self.add_error("email", _("Give a work e-mail address or phone number."))
        return data

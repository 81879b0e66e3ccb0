"""No table of the key persons' room can hold the name, address, birth date or origin of a person helped.

Every field of every model is listed here: a new field fails this test until someone decides it is harmless.
Free text is the risk, so the free-text fields are named one by one with why each is safe.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import models

pytestmark = pytest.mark.django_db

IDENTITY_WORDS = (
    "name", "address", "street", "postcode", "birth", "born", "age", "origin", "ethnic", "nationality",
    "country", "diagnos", "phone", "email", "mail", "client", "patient", "bsn", "gender",
)  # fmt: skip

# Words that start other words ("agenda"): only a whole part of a field's name counts.
SHORT_WORDS = {"age", "mail", "bsn"}

# Fields whose name looks like identity, and why they are not a help-seeker's.
ALLOWED_IDENTITY_FIELDS = {
    ("KeyPerson", "public_name"): "the key person's own name as they choose to show it (their profile, their choice)",
    # The social map of all help and the sister organisations: professionals in their work role (004:4490), never
    # someone helped. A named person's details leave the open data out (network/open_data.py) and are removed when
    # nobody checked them for a year (purge_network_notes).
    ("HelpService", "name"): "the name of a service",
    ("HelpService", "role_email"): "the service's role address (public)",
    ("HelpService", "role_phone"): "the service's public phone number",
    ("HelpService", "contact_name"): "the first contact person at the institution, in their work role; network only",
    ("HelpService", "contact_phone"): "their direct work line; network only",
    ("HelpService", "contact_email"): "their work address; network only",
    ("HelpSuggestion", "service_name"): "the name of a service",
    ("HelpSuggestion", "provider_name"): "the name of an organisation",
    ("SisterContact", "organisation_name"): "the name of a sister organisation",
    ("SisterContact", "name"): "a contact at a sister organisation, in their work role; removed after a year unchecked",
    ("SisterContact", "email"): "their work address",
    ("SisterContact", "phone"): "their work phone number",
}

# Every free-text field (a CharField or TextField without choices), and why it holds no help-seeker.
FREE_TEXT = {
    ("KeyPerson", "public_name"): "the key person's own name",
    ("KeyPerson", "availability"): "when the key person can be reached",
    ("Reach", "neighbourhood"): "a place the key person reaches; the form refuses words about people",
    ("ContactEntry", "case_note"): "anonymous, refused when it looks like a name, date, number, address or origin; "
    "sealed; wiped after its retention (purge_network_notes)",
    ("Tie", "next_action"): "about an organisation",
    ("TrustNote", "text"): "about an organisation; sealed, readable only as named; deleted after its retention",
    ("TourReport", "target_group"): "whom an organisation serves (by language, place, situation)",
    ("TourReport", "activities"): "about an organisation",
    ("TourReport", "shortage_notes"): "about an organisation",
    ("TourReport", "wishes"): "about an organisation",
    ("TourReport", "offers"): "about an organisation",
    ("TourReport", "correction"): "the organisation's own answer; deleted with the report after its retention",
    (
        "Signal",
        "need",
    ): "a need in a community; refused when it looks like someone's identity; deleted after its retention",
    ("Signal", "area"): "a neighbourhood or place",
    ("Meeting", "agenda"): "the meeting's subjects",
    ("HelpService", "name"): "a service",
    ("HelpService", "description"): "what a service offers",
    ("HelpService", "conditions"): "a service's conditions",
    ("HelpService", "procedure"): "how to apply to a service",
    ("HelpService", "area"): "the area a service serves",
    ("HelpService", "website"): "a service's website",
    ("HelpService", "role_email"): "a service's role address",
    ("HelpService", "role_phone"): "a service's public number",
    ("HelpService", "contact_name"): "a professional in their work role; removed after a year unchecked",
    ("HelpService", "contact_role"): "a professional's role",
    ("HelpService", "contact_phone"): "a professional's work line; removed after a year unchecked",
    ("HelpService", "contact_email"): "a professional's work address; removed after a year unchecked",
    ("HelpService", "network_note"): "how a warm handover to the service goes best",
    ("HelpSuggestion", "service_name"): "a service",
    ("HelpSuggestion", "provider_name"): "an organisation",
    ("HelpSuggestion", "text"): "about a service (the form asks: never about someone you help); only the support "
    "point reads it; deleted after a year",
    ("SisterContact", "organisation_name"): "an organisation",
    ("SisterContact", "name"): "a professional or volunteer in their work role; removed after a year unchecked",
    ("SisterContact", "role"): "their role",
    ("SisterContact", "email"): "their work address",
    ("SisterContact", "phone"): "their work number",
    ("SisterContact", "ask_for"): "what they can be asked about",
    ("MeetingCase", "text"): "anonymous, refused when it looks like someone's identity; sealed; deleted three months "
    "after the meeting",
}

# Every column of every table, so that a new one has to be looked at.
ALL_FIELDS = {
    "KeyPerson": {"id", "uuid", "user", "support_point", "public_name", "languages", "themes", "availability",
                  "visibility", "status", "invited_by", "created_at", "activated_at", "ended_at", "reach",
                  "contacts", "journeys", "signals", "suggestions"},
    "Reach": {"id", "key_person", "language", "neighbourhood"},
    "ContactEntry": {"id", "uuid", "support_point", "key_person", "day", "language", "themes", "met_via",
                     "functions", "case_note", "note_delete_after", "created_at"},
    "Journey": {"id", "uuid", "support_point", "key_person", "theme", "language", "group", "handover",
                "created_at", "closed_at", "steps"},
    "JourneyStepDone": {"id", "journey", "step", "day", "created_at"},
    "Tie": {"id", "uuid", "support_point", "organisation", "step", "depth", "next_action", "next_action_on",
            "updated_at", "history", "notes", "reports"},
    "LadderChange": {"id", "tie", "step_from", "step_to", "day", "changed_by", "created_at"},
    "TrustNote": {"id", "uuid", "tie", "author", "depth", "text", "readers", "created_at", "delete_after"},
    "TourReport": {"id", "uuid", "tie", "visited_on", "target_group", "activities", "shortages", "shortage_notes",
                   "wishes", "offers", "written_by", "created_at", "confirmation_sent_at", "confirmed_at",
                   "correction", "delete_after", "needs", "offers_kinds", "need_language", "offer_language"},
    "Signal": {"id", "uuid", "support_point", "key_person", "theme", "language", "area", "need", "created_at",
               "delete_after", "initiative"},
    "Meeting": {"id", "uuid", "support_point", "held_on", "agenda", "created_by", "created_at", "cases",
                "professionals"},
    "MeetingCase": {"id", "meeting", "brought_by", "text", "created_at", "delete_after"},
    "HelpService": {"id", "uuid", "support_point", "provider", "name", "topic", "description", "conditions",
                    "procedure", "languages", "area", "website", "role_email", "role_phone", "open_data",
                    "contact_name", "contact_role", "contact_phone", "contact_email", "contact_checked_on",
                    "network_note", "created_at", "updated_at", "suggestions"},
    "HelpSuggestion": {"id", "uuid", "support_point", "key_person", "service", "topic", "service_name",
                       "provider_name", "text", "status", "decided_by", "decided_at", "created_at", "delete_after"},
    "SisterContact": {"id", "uuid", "support_point", "organisation_name", "name", "role", "email", "phone",
                      "ask_for", "languages", "themes", "joins_meetings", "status", "proposed_by", "checked_on",
                      "created_at", "meetings"},
}  # fmt: skip


def _models() -> list[type[models.Model]]:
    return list(apps.get_app_config("network").get_models())


def test_every_field_of_the_app_is_listed() -> None:
    found = {m.__name__: {f.name for f in m._meta.get_fields()} for m in _models()}
    assert found == ALL_FIELDS


def test_no_field_is_named_after_someones_identity() -> None:
    for model in _models():
        for field in model._meta.get_fields():
            parts = field.name.lower().split("_")
            if any(
                part == word if word in SHORT_WORDS else part.startswith(word)
                for part in parts
                for word in IDENTITY_WORDS
            ):
                assert (model.__name__, field.name) in ALLOWED_IDENTITY_FIELDS, f"{model.__name__}.{field.name}"


def test_every_free_text_field_is_accounted_for() -> None:
    free = {
        (m.__name__, f.name)
        for m in _models()
        for f in m._meta.get_fields()
        if isinstance(f, (models.CharField, models.TextField)) and not f.choices
    }
    assert free == set(FREE_TEXT)


def test_relations_to_people_are_only_to_the_key_person_or_staff_themselves() -> None:
    """A link to an account is someone who signed in (key person, staff), never a person helped."""
    user_model = apps.get_model("auth", "User") if apps.is_installed("django.contrib.auth") else None
    links = {
        (m.__name__, f.name)
        for m in _models()
        for f in m._meta.get_fields()
        if f.is_relation and f.related_model is user_model and not f.auto_created
    }
    assert links == {
        ("KeyPerson", "user"),
        ("KeyPerson", "invited_by"),
        ("LadderChange", "changed_by"),
        ("TrustNote", "author"),
        ("TrustNote", "readers"),
        ("TourReport", "written_by"),
        ("Meeting", "created_by"),
        ("MeetingCase", "brought_by"),
        ("HelpSuggestion", "decided_by"),
        ("SisterContact", "proposed_by"),
    }

"""Every field of a group is its contact person's to change, in every language, under the review setting."""

from __future__ import annotations

import datetime

from django.test import Client
from django.utils import translation

from samenspel.core.models import AuditEntry
from samenspel.directory.models import Group, Language, SupportPointSettings, Theme
from samenspel.workspace.models import ChangeRequest, Role
from samenspel.workspace.services.self_service import GROUP_FIELDS, M2M_FIELDS, group_editable_values
from tests.workspace.conftest import sign_in


def _form(group, **overrides):
    """The edit form as a browser posts it: every shown field at its current value, themes and languages ticked."""
    values = group_editable_values(group)
    data = {name: "" if values[name] is None else values[name] for name in GROUP_FIELDS}
    data["contact_name_public"] = "on" if values["contact_name_public"] else ""
    data.pop("seeking_others")
    data["disclosure"] = values["location.disclosure"]
    for name in M2M_FIELDS:
        data[name] = values[name]
        data[f"{name}_shown"] = "1"
    for schedule in group.schedules.order_by("id"):
        data[f"s{schedule.pk}_start_time"] = values[f"schedule.{schedule.pk}.start_time"][:5]
        data[f"s{schedule.pk}_end_time"] = values[f"schedule.{schedule.pk}.end_time"][:5]
        if values[f"schedule.{schedule.pk}.weekday"] is not None:
            data[f"s{schedule.pk}_weekday"] = values[f"schedule.{schedule.pk}.weekday"]
    data.update(overrides)
    return data


def _everything(group):
    """A change of every field the public page shows, with a Tigrinya text and a second meeting time."""
    return _form(
        group,
        name_nl="Samen sterker bij somberheid",
        name_ti="ጉጅለ ሓባራዊ ደገፍ",
        description_ti="ንሰባት ዘተሓሳስቦም ዝኾነ ጉጅለ።",
        house_rules_nl="Wat in de groep gezegd wordt, blijft in de groep.",
        themes=[Theme.objects.get(slug="depression").pk, Theme.objects.exclude(slug="depression").first().pk],
        languages=[Language.objects.get(code="nl").pk, Language.objects.get(code="ti").pk],
        audience="relatives",
        gender="women",
        age_min="18",
        age_max="65",
        kind=group.kind,
        working_method=group.working_method,
        led_by="professional",
        leader_count="2",
        typical_size="12",
        intake="contact_first",
        cost="fee",
        cost_amount="2.50",
        contact_email="samen@steunpunt.example.org",
        contact_phone="040 123 45 67",
        contact_name="Sanne",
        contact_name_public="on",
        new_weekday="0",
        new_start_time="10:00",
        new_end_time="11:30",
    )


def _row(group):
    with translation.override("nl"):
        return Group.objects.values().get(pk=group.pk)


def _url(group, query=""):
    return f"/werkplek/groep/{group.uuid}/bewerken/{query}"


def test_the_form_shows_nl_en_and_the_meeting_languages_and_links_to_add_another(client, group, contact):
    group.languages.add(Language.objects.get(code="tr"))
    sign_in(client, contact)
    page = client.get(_url(group), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'name="description_tr"' in page and 'name="description_en"' in page
    assert 'name="description_ti"' not in page
    assert 'href="?lang=ti"' in page
    page = client.get(_url(group, "?lang=ti"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'name="description_ti"' in page and 'lang="ti"' in page


def test_every_field_changes_live_without_review(client, group, contact):
    sign_in(client, contact)
    response = client.post(_url(group, "?lang=ti"), _everything(group))
    assert response.status_code == 302, response.content.decode()[:3000]
    group.refresh_from_db()
    assert group.name_nl == "Samen sterker bij somberheid"
    assert group.name_ti == "ጉጅለ ሓባራዊ ደገፍ" and group.description_ti.startswith("ንሰባት")
    assert group.house_rules_nl.startswith("Wat in de groep")
    assert set(group.languages.values_list("code", flat=True)) == {"nl", "ti"}
    assert group.themes.count() == 2
    assert (group.audience, group.gender, group.age_min, group.age_max) == ("relatives", "women", 18, 65)
    assert (group.led_by, group.leader_count, group.typical_size) == ("professional", 2, 12)
    assert (group.intake, group.cost, str(group.cost_amount)) == ("contact_first", "fee", "2.50")
    assert (group.contact_email, group.contact_phone, group.contact_name) == (
        "samen@steunpunt.example.org",
        "040 123 45 67",
        "Sanne",
    )
    assert group.contact_name_public
    assert group.schedules.count() == 2
    assert group.schedules.filter(weekdays=[0], start_time=datetime.time(10, 0)).exists()
    assert AuditEntry.objects.filter(object_type="directory.group", action="changed").exists()


def test_texts_in_languages_the_form_does_not_show_are_kept(client, group, contact):
    group.description_pl = "Grupa wsparcia."
    group.save()
    sign_in(client, contact)
    data = _form(group, description_nl="Nieuw.")
    del data["description_pl"]
    # Shown because it has text: the Polish text comes back in the form and stays.
    assert 'name="description_pl"' in client.get(_url(group)).content.decode()
    assert client.post(_url(group), {**data, "description_pl": "Grupa wsparcia."}).status_code == 302
    group.refresh_from_db()
    assert group.description_pl == "Grupa wsparcia." and group.description_nl == "Nieuw."


def test_with_review_every_field_waits_and_the_reviewer_sees_each_language(client, group, contact, member):
    SupportPointSettings.objects.create(support_point=group.support_point, review_changes=True)
    sign_in(client, contact)
    assert client.post(_url(group, "?lang=ti"), _everything(group)).status_code == 302
    group.refresh_from_db()
    assert group.name_ti in ("", None) and group.schedules.count() == 1 and group.audience == "affected"
    change = ChangeRequest.objects.get()
    assert {"name_ti", "description_ti", "themes", "languages", "audience", "schedule.add"} <= set(change.changes)

    client.logout()
    sign_in(client, member(Role.EDITOR))
    page = client.get(f"/werkplek/wijziging/{change.uuid}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "what the group is (Tigrinya)" in page and "ንሰባት ዘተሓሳስቦም" in page
    assert "name (Tigrinya)" in page and "meeting languages" in page
    assert client.post(f"/werkplek/wijziging/{change.uuid}/goedkeuren/").status_code == 302
    group.refresh_from_db()
    assert group.description_ti.startswith("ንሰባት") and group.audience == "relatives"
    assert set(group.languages.values_list("code", flat=True)) == {"nl", "ti"}
    assert group.schedules.count() == 2


def test_no_theme_is_a_clear_error_and_nothing_is_written(client, group, contact):
    sign_in(client, contact)
    data = _form(group, name_nl="Andere naam")
    data["themes"] = []
    response = client.post(_url(group), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Choose at least one theme." in response.content.decode()
    group.refresh_from_db()
    assert group.name_nl == "Lotgenotengroep depressie"


def test_a_text_of_20_mb_is_refused_and_nothing_is_written(client, group, contact):
    sign_in(client, contact)
    before = _row(group)
    response = client.post(
        _url(group), _form(group, description_nl="x" * 20_000_000), HTTP_ACCEPT_LANGUAGE="en", follow=True
    )
    assert response.status_code == 200
    assert "far too much text: nothing was saved" in response.content.decode()
    assert _row(group) == before
    assert not ChangeRequest.objects.exists()


def test_a_long_text_gets_a_clear_error_in_the_form(client, group, contact):
    sign_in(client, contact)
    response = client.post(_url(group), _form(group, description_nl="x" * 10_001), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "at most 10000 characters" in response.content.decode()
    group.refresh_from_db()
    assert group.description_nl == "Een groep voor mensen die somber zijn."


def test_a_new_meeting_time_ending_before_it_starts_is_refused(client, group, contact):
    sign_in(client, contact)
    data = _form(group, name_nl="Andere naam", new_weekday="1", new_start_time="20:00", new_end_time="19:00")
    response = client.post(_url(group), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "The end must be after the start." in response.content.decode()
    group.refresh_from_db()
    assert group.name_nl == "Lotgenotengroep depressie" and group.schedules.count() == 1


def test_the_public_page_says_when_a_text_falls_back_to_dutch(client, group):
    page = client.get(f"/groep/{group.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Een groep voor mensen die somber zijn." in page
    assert "This group wrote its text in Dutch." in page
    group.description_en = "A group for people who feel low."
    group.save()
    translation.activate("nl")
    page = Client().get(f"/groep/{group.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "A group for people who feel low." in page and "data-fallback-note" not in page
    dutch = Client().get(f"/groep/{group.slug}/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "data-fallback-note" not in dutch


def test_translation_wanted_lists_groups_meeting_in_a_language_without_text(client, group, member):
    group.languages.add(Language.objects.get(code="ti"), Language.objects.get(code="tr"))
    group.description_tr = "Depresyon grubu."
    group.save()
    sign_in(client, member(Role.VIEWER))
    page = client.get(f"/werkplek/{group.support_point.slug}/vertalingen/", HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert page.status_code == 200
    assert f"/werkplek/groep/{group.uuid}/bewerken/?lang=ti" in text and "no text in Tigrinya" in text
    assert "?lang=tr" not in text and "?lang=nl" not in text


def test_accessibility_of_the_place_is_the_groups_to_change_and_reviewed_with_labels(client, group, contact, member):
    SupportPointSettings.objects.create(support_point=group.support_point, review_changes=True)
    sign_in(client, contact)
    data = _form(group, wheelchair_accessible="on", accessibility_note_nl="Drempel bij de deur.")
    assert client.post(_url(group), data).status_code == 302
    change = ChangeRequest.objects.get()
    assert change.changes["location.wheelchair_accessible"] == [False, True]
    client.logout()
    sign_in(client, member(Role.EDITOR))
    page = client.get(f"/werkplek/wijziging/{change.uuid}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Place: wheelchair accessible" in page and "Drempel bij de deur." in page
    assert client.post(f"/werkplek/wijziging/{change.uuid}/goedkeuren/").status_code == 302
    group.refresh_from_db()
    assert group.location.wheelchair_accessible and group.location.accessibility_note_nl == "Drempel bij de deur."


def test_a_schedule_ending_before_it_starts_is_refused_and_nothing_is_written(client, group, contact):
    sign_in(client, contact)
    second = group.schedules.create(
        kind="weekly",
        weekdays=[5],
        start_time=datetime.time(10, 0),
        end_time=datetime.time(11, 0),
        valid_from=datetime.date(2026, 6, 1),
    )
    data = _form(group, name_nl="Andere naam", **{f"s{second.pk}_valid_until": "2026-05-01"})
    response = client.post(_url(group), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "The schedule ends before it starts." in response.content.decode()
    group.refresh_from_db()
    second.refresh_from_db()
    assert group.name_nl == "Lotgenotengroep depressie" and second.valid_until is None


def test_the_second_meeting_time_gets_a_last_date(client, group, contact):
    sign_in(client, contact)
    second = group.schedules.create(
        kind="weekly",
        weekdays=[5],
        start_time=datetime.time(10, 0),
        end_time=datetime.time(11, 0),
        valid_from=datetime.date(2026, 1, 1),
    )
    data = _form(group, **{f"s{second.pk}_valid_until": "2027-06-30", f"s{second.pk}_start_time": "09:30"})
    assert client.post(_url(group), data).status_code == 302
    second.refresh_from_db()
    assert second.valid_until == datetime.date(2027, 6, 30) and second.start_time == datetime.time(9, 30)

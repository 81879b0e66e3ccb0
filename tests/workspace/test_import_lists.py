"""A support point's own list imports as it means: names, words, places, meeting times; a re-import changes nothing."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samenspel.directory.models import Group, Language, Theme
from samenspel.workspace.importing import words
from samenspel.workspace.importing.files import template_csv, template_xlsx
from samenspel.workspace.importing.plan import guess_mapping
from samenspel.workspace.models import ImportBatch, ImportState, ImportWord, Role
from tests.workspace.conftest import sign_in

HEADER = "Nummer;Naam;Thema;Taal;Voor wie;Wanneer;Locatie;Adres;Postcode;Status;Contactpersoon;E-mail;Telefoon"
ROWS = [
    "101;Rouwgroep Woensel;Rouw;Nederlands, Engels;naasten;elke 2e dinsdag 19:30-21:30;Buurthuis De Boog;"
    "Kerkstraat 1;5611 AB;actief;Anja;rouw@example.org;040 - 123 45 67",
    "102;Depressie lotgenoten;Depressie;NL/EN;zelf;ma/wo 19:30-21:30;Wijkcentrum;adres op aanvraag;5612 AA;"
    "tijdelijk gestopt;;depressie@example.org;",
    "103;Arabische vrouwengroep;Eenzaamheid;Arabisch;beide;iedere dinsdagavond 19:00-21:00;online;;;"
    "actief;;;06-12345678",
]


def _csv(rows: list[str], header: str = HEADER, name: str = "lijst.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (header + "\n" + "\n".join(rows) + "\n").encode("utf-8"), "text/csv")


def _upload(client: Any, sp: Any, upload: SimpleUploadedFile) -> ImportBatch:
    response = client.post(reverse("workspace:import_upload", args=[sp.slug]), {"file": upload})
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportBatch.objects.order_by("-created_at", "-id").first()


def _import(client: Any, sp: Any, batch: ImportBatch, action: str = "import") -> ImportBatch:
    url = reverse("workspace:import_batch", args=[sp.slug, batch.uuid])
    assert client.post(url, {"action": action}).status_code == 302
    batch.refresh_from_db()
    return batch


# --- The words ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_themes_and_languages_are_found_by_name_as_people_write_them(reference: None) -> None:
    vocab = words.Vocabulary.load()
    grief = Theme.objects.get(slug="grief").pk
    for written in ("Rouw en verlies", "rouw", "ROUW", "Grief", "rouwverwerking", "Nabestaanden"):
        assert vocab.theme(written) == grief, written
    assert vocab.theme("Depressies") == vocab.theme("depressie") == Theme.objects.get(slug="depression").pk
    codes = {lang.pk: lang.code for lang in Language.objects.all()}
    for cell, expected in (
        ("Nederlands, Engels", ["nl", "en"]),
        ("NL/EN", ["nl", "en"]),
        ("Arabisch", ["ar"]),
        ("Oekraïens en Pools", ["uk", "pl"]),
        ("Turks; Farsi", ["tr", "fa"]),
    ):
        assert [codes[vocab.language(p)] for p in words.split_names(cell)] == expected, cell  # type: ignore[index]
    assert vocab.language("Klingon") is None


@pytest.mark.django_db
def test_an_unknown_theme_gets_a_suggestion_never_a_silent_guess(reference: None) -> None:
    vocab = words.Vocabulary.load()
    assert vocab.theme("Rouwverwerkingskring") is None
    assert vocab.suggest_theme("Rouwverwerkingskring") == Theme.objects.get(slug="grief").pk
    assert vocab.suggest_theme("Postzegels verzamelen") is None


def test_status_audience_disclosure_and_phone_words() -> None:
    assert words.status_of("Tijdelijk gestopt") == "paused"
    assert words.status_of("gestopt") == "stopped"
    assert words.status_of("In oprichting") == "initiative"
    assert words.status_of("Actief") == "active"
    assert words.status_of("misschien") is None
    assert words.audience_of("Naasten") == "relatives"
    assert words.audience_of("zelf") == "affected"
    assert words.audience_of("Beide") == "both"
    assert words.disclosure_of("Adres op aanvraag") == "on_request"
    assert words.disclosure_of("Online (Zoom)") == "online"
    assert words.disclosure_of("openbaar") == "public"
    assert words.phone_e164("040 - 123 45 67") == "+31401234567"
    assert words.phone_e164("06-12345678") == "+31612345678"
    assert words.phone_e164("+32 2 123 45 67") == "+3221234567"
    assert words.phone_e164("bel ons") is None
    assert words.postcode_of("5611 ab") == "5611AB"
    assert words.postcode_of("561 AB") is None


def test_the_columns_of_a_dutch_list_are_mapped_by_their_names() -> None:
    mapping = guess_mapping(HEADER.split(";"))
    assert mapping == {
        "source_id": "Nummer",
        "name_nl": "Naam",
        "themes": "Thema",
        "languages": "Taal",
        "audience": "Voor wie",
        "status": "Status",
        "schedule": "Wanneer",
        "place_name": "Locatie",
        "address": "Adres",
        "postcode": "Postcode",
        "contact_name": "Contactpersoon",
        "contact_email": "E-mail",
        "contact_phone": "Telefoon",
    }


# --- The import, and importing again --------------------------------------------------------------


def test_a_list_imports_as_it_means_and_importing_it_again_changes_nothing(
    client: Any, support_point: Any, member: Any, reference: None
) -> None:
    sign_in(client, member(Role.EDITOR))
    batch = _upload(client, support_point, _csv(ROWS))
    assert [r["action"] for r in batch.results] == ["new", "new", "new"], [r["errors"] for r in batch.results]
    page = client.get(reverse("workspace:import_batch", args=[support_point.slug, batch.uuid])).content.decode()
    assert "every second Tuesday of the month" in page
    batch = _import(client, support_point, batch)
    assert batch.state == ImportState.DONE
    assert batch.options["counts"] == {"created": 3, "updated": 0, "unchanged": 0, "skipped": 0}

    groups = {g.name_nl: g for g in Group.objects.filter(support_point=support_point)}
    grief = groups["Rouwgroep Woensel"]
    assert [t.slug for t in grief.themes.all()] == ["grief"]
    assert sorted(lang.code for lang in grief.languages.all()) == ["en", "nl"]
    assert (grief.audience, grief.status, grief.contact_phone) == ("relatives", "active", "+31401234567")
    assert (grief.location.street, grief.location.postcode, grief.location.disclosure) == (
        "Kerkstraat 1",
        "5611AB",
        "public",
    )
    schedule = grief.schedules.get()
    assert (schedule.kind, schedule.nth, schedule.weekdays) == ("monthly_nth_weekday", 2, [1])
    assert schedule.start_time == datetime.time(19, 30)
    depression = groups["Depressie lotgenoten"]
    assert (depression.status, depression.location.disclosure, depression.location.street) == (
        "paused",
        "on_request",
        "",
    )
    assert [s.weekdays for s in depression.schedules.all()] == [[0, 2]]
    online = groups["Arabische vrouwengroep"]
    assert online.location.disclosure == "online" and online.audience == "both"
    assert [lang.code for lang in online.languages.all()] == ["ar"]

    again = _upload(client, support_point, _csv(ROWS))
    assert [r["action"] for r in again.results] == ["unchanged"] * 3, [r["diff"] for r in again.results]
    again = _import(client, support_point, again)
    assert again.options["counts"]["unchanged"] == 3
    assert Group.objects.filter(support_point=support_point).count() == 3

    # One time changed in the list: one changed row, with the diff in words, applied.
    changed = [ROWS[0].replace("19:30-21:30", "20:00-22:00"), *ROWS[1:]]
    third = _upload(client, support_point, _csv(changed))
    assert [r["action"] for r in third.results] == ["update", "unchanged", "unchanged"]
    diff = third.results[0]["diff"]
    assert diff == [
        {
            "label": "Meeting times",
            "old": "every second Tuesday of the month, \u206619:30-21:30\u2069",
            "new": "every second Tuesday of the month, \u206620:00-22:00\u2069",
        }
    ]
    page = client.get(reverse("workspace:import_batch", args=[support_point.slug, third.uuid])).content.decode()
    assert "20:00-22:00" in page and "<del>" in page
    _import(client, support_point, third)
    schedule = Group.objects.get(pk=grief.pk).schedules.get()
    assert (schedule.start_time, schedule.end_time) == (datetime.time(20), datetime.time(22))
    assert Group.objects.filter(support_point=support_point).count() == 3


def test_a_row_without_a_source_id_matches_by_name_and_postcode(
    client: Any, support_point: Any, member: Any, reference: None
) -> None:
    sign_in(client, member(Role.EDITOR))
    header = "Naam;Thema;Adres;Postcode;E-mail"
    rows = ["Rouwgroep Woensel;Rouw;Kerkstraat 1;5611 AB;rouw@example.org"]
    _import(client, support_point, _upload(client, support_point, _csv(rows, header=header)))
    renamed = _upload(
        client, support_point, _csv(["ROUWGROEP woensel;Rouw;Kerkstraat 2;5611AB;rouw@example.org"], header)
    )
    assert [r["action"] for r in renamed.results] == ["update"]
    assert renamed.results[0]["diff"] == [
        {"label": "Name (Dutch)", "old": "Rouwgroep Woensel", "new": "ROUWGROEP woensel"},
        {"label": "street and number", "old": "Kerkstraat 1", "new": "Kerkstraat 2"},
    ]
    _import(client, support_point, renamed)
    assert Group.objects.get(support_point=support_point).location.street == "Kerkstraat 2"


# --- Bad input: a clear message naming row and column, nothing written ------------------------------


def test_bad_rows_are_refused_with_row_and_column_and_nothing_is_written(
    client: Any, support_point: Any, member: Any, reference: None
) -> None:
    sign_in(client, member(Role.EDITOR))
    rows = [
        ROWS[0],
        "104;Rouwverwerkingskring;Rouwverwerkingskring;Nederlands;zelf;elke maandag 19:30-21:30;;Kerkstraat 1;"
        "5611 AB;actief;;a@example.org;",
        "105;Avondgroep;Depressie;Nederlands;zelf;elke maandag 21:30-19:30;;Kerkstraat 1;5611 AB;actief;;b@example.org;",
        "106;Zonder postcode;Depressie;Nederlands;zelf;;Buurthuis;Kerkstraat 1;;actief;;c@example.org;",
        "107;Onleesbaar;Depressie;Nederlands;zelf;als het uitkomt;;Kerkstraat 1;5611 AB;actief;;d@example.org;",
    ]
    batch = _upload(client, support_point, _csv(rows))
    errors = {r["row"]: " ".join(r["errors"]) for r in batch.results if r["action"] == "error"}
    assert sorted(errors) == [3, 4, 5, 6]
    assert "Row 3, column 'Thema'" in errors[3] and "Grief and loss" in errors[3]
    assert "Row 4, column 'Wanneer'" in errors[4] and "ends before it starts" in errors[4]
    assert "Row 5, column 'Postcode'" in errors[5]
    assert "Row 6, column 'Wanneer'" in errors[6] and "als het uitkomt" in errors[6]
    url = reverse("workspace:import_batch", args=[support_point.slug, batch.uuid])
    assert client.post(url, {"action": "import"}).status_code == 400
    assert not Group.objects.filter(support_point=support_point).exists()

    # The volunteer accepts the suggestion (remembered for the support point) and imports row 6 without times.
    client.post(url, {"action": "choices", "accept": ["rouwverwerkingskring"], "without_schedule": ["6"]})
    batch.refresh_from_db()
    assert ImportWord.objects.filter(support_point=support_point, word="rouwverwerkingskring").exists()
    assert {r["row"]: r["action"] for r in batch.results} == {2: "new", 3: "new", 4: "error", 5: "error", 6: "new"}
    batch = _import(client, support_point, batch, action="import_valid")
    assert batch.options["counts"] == {"created": 3, "updated": 0, "unchanged": 0, "skipped": 2}
    assert not Group.objects.get(name_nl="Onleesbaar").schedules.exists()
    assert Group.objects.get(name_nl="Rouwverwerkingskring").themes.get().slug == "grief"
    report = client.get(reverse("workspace:import_report", args=[support_point.slug, batch.uuid]))
    text = report.content.decode("utf-8-sig")
    assert "Row 4, column 'Wanneer'" in text and "Not imported" in text


def test_a_file_of_20_mb_is_refused(client: Any, support_point: Any, member: Any, reference: None) -> None:
    sign_in(client, member(Role.EDITOR))
    big = SimpleUploadedFile("groot.csv", (HEADER + "\n" + "x" * (20 * 1024 * 1024)).encode(), "text/csv")
    response = client.post(reverse("workspace:import_upload", args=[support_point.slug]), {"file": big})
    assert response.status_code == 413
    assert "too big" in response.content.decode()
    assert not ImportBatch.objects.exists()


# --- Template, report, background ---------------------------------------------------------------


def test_the_template_holds_the_columns_the_import_knows(
    client: Any, support_point: Any, member: Any, reference: None
) -> None:
    sign_in(client, member(Role.EDITOR))
    csv_response = client.get(reverse("workspace:import_template", args=[support_point.slug, "csv"]))
    assert csv_response.content == template_csv()
    headers = template_csv().decode("utf-8-sig").splitlines()[0].split(";")
    assert len(guess_mapping(headers)) == len(headers)  # every column is one the import knows
    xlsx = client.get(reverse("workspace:import_template", args=[support_point.slug, "xlsx"]))
    assert xlsx.content[:2] == b"PK" and len(template_xlsx()) > 1000
    # The template's example row imports as it is.
    batch = _upload(client, support_point, SimpleUploadedFile("sjabloon.xlsx", xlsx.content))
    assert [r["action"] for r in batch.results] == ["new"], batch.results[0]["errors"]


@pytest.mark.django_db(transaction=True)
def test_with_the_database_queue_an_import_waits_for_the_worker(support_point: Any, people: Any) -> None:
    from django.core.management import call_command
    from django.test import Client, override_settings

    from samenspel.directory.reference import load_reference_data

    load_reference_data()
    client = Client()
    sign_in(client, people["editor"])
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        batch = _upload(client, support_point, _csv(ROWS))
        url = reverse("workspace:import_batch", args=[support_point.slug, batch.uuid])
        client.post(url, {"action": "import"})
        client.post(url, {"action": "import"})  # pressed twice
        batch.refresh_from_db()
        assert batch.state == ImportState.QUEUED
        page = client.get(url).content.decode()
        assert "<progress" in page and 'http-equiv="refresh"' in page
        assert client.get(reverse("workspace:import_status", args=[support_point.slug, batch.uuid])).json() == {
            "state": "queued",
            "done": 0,
            "total": 3,
            "busy": True,
        }
        assert not Group.objects.filter(support_point=support_point).exists()
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    batch.refresh_from_db()
    assert batch.state == ImportState.DONE
    assert Group.objects.filter(support_point=support_point).count() == 3
    page = client.get(url).content.decode()
    assert 'http-equiv="refresh"' not in page and "3 nieuw" in page


@pytest.mark.django_db(transaction=True)
def test_a_big_file_is_checked_by_the_worker_with_progress(support_point: Any) -> None:
    from django.core.management import call_command
    from django.test import override_settings

    from samenspel.directory.reference import load_reference_data
    from samenspel.workspace.services.imports import import_batch_check

    load_reference_data()
    headers = ["Naam", "Thema", "E-mail"]
    rows = [[f"Groep {i}", "Depressie", f"g{i}@example.org"] for i in range(600)]
    batch = ImportBatch.objects.create(support_point=support_point, filename="groot.csv", headers=headers, rows=rows)
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        import_batch_check(batch=batch, mapping=guess_mapping(headers), actor=None, background=True)
        batch.refresh_from_db()
        assert (batch.state, batch.progress_done, batch.progress_total, batch.results) == ("checking", 0, 600, [])
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    batch.refresh_from_db()
    assert (batch.state, batch.progress_done, batch.count("new")) == ("checked", 600, 600)


def test_a_place_shared_with_another_group_is_not_changed_under_it(group: Any, support_point: Any) -> None:
    from samenspel.directory.services import group_place_set

    other = Group.objects.create(
        slug="buren", name_nl="Buren", support_point=support_point, location=group.location, contact_email="b@x.org"
    )
    changes = group_place_set(
        group=group,
        actor=None,
        fields={"name": "Nieuw huis", "street": "Laan 2", "postcode": "5611AB", "disclosure": "public"},
    )
    group.refresh_from_db()
    other.refresh_from_db()
    assert "location" in changes and group.location_id != other.location_id
    assert (group.location.street, other.location.street) == ("Laan 2", "Boogstraat 12")
    # Its own place now: changed in place the next time.
    own = group.location_id
    group_place_set(group=group, actor=None, fields={"street": "Laan 4"})
    group.refresh_from_db()
    assert (group.location_id, group.location.street) == (own, "Laan 4")


def test_an_import_that_fails_halfway_writes_nothing(
    client: Any, support_point: Any, member: Any, reference: None
) -> None:
    sign_in(client, member(Role.EDITOR))
    _import(client, support_point, _upload(client, support_point, _csv(ROWS[:1])))
    changed = [ROWS[0].replace("Kerkstraat 1", "Kerkstraat 3"), *ROWS[1:]]
    batch = _upload(client, support_point, _csv(changed))
    assert [r["action"] for r in batch.results] == ["update", "new", "new"]
    # The group goes between the check and the import: the new rows are written first, then the update fails.
    Group.objects.filter(support_point=support_point).delete()
    batch = _import(client, support_point, batch)
    assert batch.state == ImportState.FAILED and batch.imported_at is None
    assert not Group.objects.filter(support_point=support_point).exists()
    page = client.get(reverse("workspace:import_batch", args=[support_point.slug, batch.uuid])).content.decode()
    assert "nothing was written" in page

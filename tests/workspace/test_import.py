from __future__ import annotations

import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

from samenspel.directory.models import Group, SupportPointSettings
from samenspel.workspace.importer import MAX_UPLOAD_BYTES
from samenspel.workspace.models import ImportBatch, Role
from tests.workspace.conftest import sign_in

HEADER = "Naam;E-mail;Thema;Taal\n"


def _csv(rows: list[str], header: str = HEADER, encoding: str = "utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile("groepen.csv", (header + "\n".join(rows) + "\n").encode(encoding), "text/csv")


def _fifty_rows_three_bad() -> list[str]:
    rows = [f"Groep {i};groep{i}@example.org;depression;nl" for i in range(50)]
    rows[4] = "Groep 4;groep4@example.org;no-such-theme;nl"  # row 6 in the spreadsheet
    rows[19] = "Groep 19;;depression;nl"  # row 21: no contact point
    rows[33] = '=HYPERLINK("http://evil.example","Klik");x@example.org;depression;nl'  # row 35
    return rows


def _upload(client, sp, upload):
    return client.post(f"/werkplek/{sp.slug}/import/", {"file": upload})


def test_a_dry_run_shows_the_exact_row_errors_and_writes_nothing(client, support_point, member, reference):
    sign_in(client, member(Role.EDITOR))
    before = Group.objects.count()
    response = _upload(client, support_point, _csv(_fifty_rows_three_bad()))
    assert response.status_code == 302
    batch = ImportBatch.objects.get()
    errors = {r["row"]: r["errors"] for r in batch.results if r["action"] == "error"}
    assert sorted(errors) == [6, 21, 35]
    assert "no-such-theme" in errors[6][0]
    assert "formula" in " ".join(errors[35])
    assert Group.objects.count() == before
    page = client.get(response["Location"])
    assert "47" in page.content.decode()


def test_importing_all_is_refused_while_rows_have_errors(client, support_point, member, reference):
    sign_in(client, member(Role.EDITOR))
    location = _upload(client, support_point, _csv(_fifty_rows_three_bad()))["Location"]
    response = client.post(location, {"action": "import"})
    assert response.status_code == 400
    assert not Group.objects.filter(support_point=support_point).exists()


def test_importing_only_the_valid_rows_creates_47_groups(client, support_point, member, reference):
    sign_in(client, member(Role.EDITOR))
    location = _upload(client, support_point, _csv(_fifty_rows_three_bad()))["Location"]
    response = client.post(location, {"action": "import_valid"})
    assert response.status_code == 302
    groups = Group.objects.filter(support_point=support_point)
    assert groups.count() == 47
    assert not groups.filter(name_nl__startswith="=").exists()
    assert groups.get(name_nl="Groep 7").themes.get().slug == "depression"
    assert groups.get(name_nl="Groep 7").status_history.get().reason


def test_a_fixed_file_imports_everything(client, support_point, member, reference):
    sign_in(client, member(Role.EDITOR))
    rows = [f"Groep {i};groep{i}@example.org;depression;nl" for i in range(50)]
    location = _upload(client, support_point, _csv(rows))["Location"]
    client.post(location, {"action": "import"})
    assert Group.objects.filter(support_point=support_point).count() == 50
    # A second import of the same batch does nothing.
    assert client.post(location, {"action": "import"}).status_code in (200, 400)
    assert Group.objects.filter(support_point=support_point).count() == 50


def test_a_file_from_dutch_excel_in_windows_1252_is_read_with_its_accents(client, support_point, member, reference):
    sign_in(client, member(Role.EDITOR))
    _upload(client, support_point, _csv(["Café ontmoeting;a@example.org;depression;nl"], encoding="cp1252"))
    batch = ImportBatch.objects.get()
    assert batch.rows == [["Café ontmoeting", "a@example.org", "depression", "nl"]]


def test_a_file_over_the_limit_is_refused(client, support_point, member, reference):
    sign_in(client, member(Role.EDITOR))
    big = SimpleUploadedFile("groot.csv", b"a" * (MAX_UPLOAD_BYTES + 1), "text/csv")
    response = _upload(client, support_point, big)
    assert response.status_code == 413
    assert "MB" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_an_xlsx_file_is_read_and_formula_cells_are_errors(client, support_point, member, reference):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Naam", "E-mail", "Thema"])
    sheet.append(["Groep A", "a@example.org", "depression"])
    sheet.append(['=HYPERLINK("http://evil.example")', "b@example.org", "depression"])
    data = io.BytesIO()
    workbook.save(data)
    sign_in(client, member(Role.EDITOR))
    _upload(client, support_point, SimpleUploadedFile("groepen.xlsx", data.getvalue()))
    batch = ImportBatch.objects.get()
    assert [r["action"] for r in batch.results] == ["new", "error"]


def test_the_column_mapping_is_remembered_for_the_next_file(client, support_point, member, reference):
    sign_in(client, member(Role.EDITOR))
    header = "Wat;Adres;Onderwerp\n"
    location = _upload(client, support_point, _csv(["Groep X;x@example.org;depression"], header=header))["Location"]
    client.post(
        location, {"action": "check", "map_name_nl": "Wat", "map_contact_email": "Adres", "map_themes": "Onderwerp"}
    )
    assert SupportPointSettings.objects.get(support_point=support_point).import_mapping == {
        "name_nl": "Wat",
        "contact_email": "Adres",
        "themes": "Onderwerp",
    }
    _upload(client, support_point, _csv(["Groep Y;y@example.org;depression"], header=header))
    assert ImportBatch.objects.order_by("-created_at", "-id").first().results[0]["action"] == "new"


def test_a_row_may_not_update_a_group_of_another_support_point(
    client, support_point, member, group, other_support_point
):
    group.support_point = other_support_point
    group.save()
    sign_in(client, member(Role.EDITOR))
    _upload(
        client, support_point, _csv([f"{group.slug};Nieuw;a@example.org;depression"], header="slug;naam;e-mail;thema\n")
    )
    result = ImportBatch.objects.get().results[0]
    assert result["action"] == "error"


def test_a_read_only_member_cannot_upload(client, support_point, member, reference):
    sign_in(client, member(Role.VIEWER))
    assert _upload(client, support_point, _csv(["Groep;a@example.org;depression;nl"])).status_code == 403


def test_old_checks_that_were_never_imported_are_purged(support_point, db):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    old = ImportBatch.objects.create(support_point=support_point, filename="old.csv")
    ImportBatch.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    recent = ImportBatch.objects.create(support_point=support_point, filename="new.csv")
    call_command("purge_stale_imports")
    call_command("purge_stale_imports")
    assert list(ImportBatch.objects.all()) == [recent]


class _CountingStream(io.BytesIO):
    """A request body that remembers how much of it the server read."""

    bytes_read = 0

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        self.bytes_read += len(chunk)
        return chunk

    def readline(self, size: int | None = -1) -> bytes:
        line = super().readline(size)
        self.bytes_read += len(line)
        return line


def _post_raw(client, url: str, file_bytes: bytes) -> tuple[object, _CountingStream, int]:
    from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

    body = encode_multipart(BOUNDARY, {"file": SimpleUploadedFile("groot.csv", file_bytes, "text/csv")})
    stream = _CountingStream(body)
    response = client.generic(
        "POST",
        url,
        b"",
        **{"CONTENT_TYPE": MULTIPART_CONTENT, "CONTENT_LENGTH": str(len(body)), "wsgi.input": stream},
    )
    return response, stream, len(body)


def test_a_50_mb_upload_is_refused_before_its_body_is_read(client, support_point, member, reference):
    sign_in(client, member(Role.EDITOR))
    groups_before = Group.objects.count()
    file_bytes = b"Naam;E-mail;Thema\n" + b"Groep;a@example.org;depression\n" * (50 * 1024 * 1024 // 31)
    assert len(file_bytes) >= 50 * 1024 * 1024 - 64
    response, stream, size = _post_raw(client, f"/werkplek/{support_point.slug}/import/", file_bytes)
    assert size > 50 * 1024 * 1024 - 1024
    assert response.status_code == 413
    page = response.content.decode()
    assert "The file is too big. The limit is 10 MB." in page
    assert 'role="alert"' in page
    assert stream.bytes_read == 0
    assert not ImportBatch.objects.exists()
    assert Group.objects.count() == groups_before


def test_a_file_just_over_the_limit_stops_streaming_at_the_limit(client, support_point, member, reference):
    # Its declared length is within bounds (the form around it is small), so the upload handler stops it.
    sign_in(client, member(Role.EDITOR))
    response, _stream, _size = _post_raw(
        client, f"/werkplek/{support_point.slug}/import/", b"a" * (MAX_UPLOAD_BYTES + 1)
    )
    assert response.status_code == 413
    assert "The file is too big" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_a_read_only_member_is_refused_a_50_mb_upload_without_reading_it(client, support_point, member, reference):
    sign_in(client, member(Role.VIEWER))
    response, stream, _size = _post_raw(client, f"/werkplek/{support_point.slug}/import/", b"a" * (50 * 1024 * 1024))
    assert response.status_code == 403
    assert stream.bytes_read == 0


def test_imported_groups_are_found_by_the_public_search_and_each_has_its_audit_entry(
    client, support_point, member, reference
):
    from samenspel.core.models import AuditEntry
    from samenspel.directory.search import Filters, search

    editor = member(Role.EDITOR)
    sign_in(client, editor)
    rows = [f"Wandelgroep Heikant {i};wandel{i}@example.org;depression;nl" for i in range(50)]
    rows[7] = "Wandelgroep Heikant 7;;depression;nl"  # no contact point: skipped
    location = _upload(client, support_point, _csv(rows))["Location"]
    assert client.post(location, {"action": "import_valid"}).status_code == 302

    imported = Group.objects.filter(support_point=support_point)
    assert imported.count() == 49
    results = search("wandelgroep heikant", Filters(), interface_language="nl", page_size=100)
    assert results.total == 49
    assert {hit.group.pk for hit in results.hits} == set(imported.values_list("pk", flat=True))
    # The public search page shows them too.
    page = client.get("/", {"q": "wandelgroep heikant"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Wandelgroep Heikant 12" in page

    for group in imported.prefetch_related("themes", "languages", "status_history"):
        entries = AuditEntry.objects.filter(object_type="directory.group", object_id=str(group.pk))
        assert [(e.action, e.actor_id) for e in entries] == [("created", editor.pk)]
        assert entries[0].changes["name_nl"] == [None, group.name_nl]
        assert [t.slug for t in group.themes.all()] == ["depression"]
        assert [lang.code for lang in group.languages.all()] == ["nl"]
        assert [(s.status, s.reason) for s in group.status_history.all()] == [("active", "Imported")]
    assert AuditEntry.objects.filter(object_type="workspace.importbatch", action="imported").count() == 1


def test_a_failure_while_writing_an_import_leaves_nothing_behind(support_point, reference, db):
    import pytest
    from django.db import IntegrityError

    from samenspel.core.models import AuditEntry
    from samenspel.directory.models import GroupStatusChange, SearchDocument, Theme
    from samenspel.directory.services import BULK_BATCH, groups_bulk_create

    theme = Theme.objects.get(slug="depression").pk
    rows = [
        {"fields": {"slug": f"g-{i}", "name_nl": f"Groep {i}", "contact_email": "g@example.org"}, "themes": [theme]}
        for i in range(BULK_BATCH + 1)
    ]
    for row in rows:
        row["languages"] = []
    rows[-1]["fields"]["slug"] = "g-0"  # the second batch clashes with the first, already written one
    with pytest.raises(IntegrityError):
        groups_bulk_create(actor=None, rows=rows)
    assert not Group.objects.exists()
    assert not GroupStatusChange.objects.exists()
    assert not AuditEntry.objects.filter(object_type="directory.group").exists()
    assert not SearchDocument.objects.exists()


def test_an_upload_without_the_csrf_token_is_refused(support_point, member, reference):
    from django.conf import settings
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    sign_in(client, member(Role.EDITOR))
    response = _upload(client, support_point, _csv(["Groep;a@example.org;depression;nl"]))
    assert response.status_code == 403
    assert not ImportBatch.objects.exists()


# --- Hostile cells (tests/hostile.py): read as storable text, checked row by row, never an exception ---------

from hypothesis import HealthCheck, assume, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from samenspel.core.text import is_storable  # noqa: E402
from samenspel.workspace.importer import ImportFileError, check_rows, guess_mapping, read_table  # noqa: E402
from tests.hostile import hostile_text  # noqa: E402

_HOSTILE_HEADERS = ["Naam", "E-mail", "Thema", "Taal", "Telefoon", "Beschrijving"]


def _hostile_upload(kind: str, cells: list[str]) -> SimpleUploadedFile:
    if kind == "csv":
        import csv

        text = io.StringIO()
        writer = csv.writer(text, delimiter=";")
        writer.writerow(_HOSTILE_HEADERS)
        writer.writerow(cells)
        return SimpleUploadedFile("groepen.csv", text.getvalue().encode("utf-8", "surrogatepass"), "text/csv")
    from openpyxl.utils.exceptions import IllegalCharacterError

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(_HOSTILE_HEADERS)
    try:
        sheet.append(cells)
    except IllegalCharacterError:
        assume(False)  # a spreadsheet program cannot write these either
    data = io.BytesIO()
    workbook.save(data)
    return SimpleUploadedFile("groepen.xlsx", data.getvalue())


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(kind=st.sampled_from(["csv", "xlsx"]), cells=st.lists(hostile_text, min_size=6, max_size=6))
def test_hostile_cells_are_refused_as_a_file_or_checked_as_storable_text(
    support_point, reference, kind: str, cells: list[str]
) -> None:
    try:
        table = read_table(_hostile_upload(kind, cells))
    except ImportFileError:
        return  # the whole file refused with a message (for instance: not UTF-8)
    assert all(is_storable(cell) for row in [table.headers, *table.rows] for cell in row)
    results = check_rows(
        support_point=support_point,
        headers=table.headers,
        rows=table.rows,
        mapping=guess_mapping(table.headers),
    )
    for result in results:
        assert result["action"] in {"new", "update", "unchanged", "error"}
        assert all(is_storable(str(value)) for value in result.get("fields", {}).values())


def test_a_csv_cell_with_nul_after_the_first_4_kb_is_imported_without_it(client, support_point, member, reference):
    sign_in(client, member(Role.EDITOR))
    filler = [f"Groep {i};groep{i}@example.org;depression;nl" for i in range(120)]
    response = _upload(client, support_point, _csv([*filler, "Gr\x00oep NUL;nul@example.org;depression;nl"]))
    assert response.status_code == 302
    batch = ImportBatch.objects.get()
    [result] = [r for r in batch.results if r["row"] == 122]
    assert result["action"] == "new" and result["fields"]["name_nl"] == "Groep NUL"

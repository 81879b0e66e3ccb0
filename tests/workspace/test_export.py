from __future__ import annotations

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile

from samenspel.core.models import AuditEntry
from samenspel.directory.models import Group
from samenspel.workspace.exports import neutralise
from samenspel.workspace.models import ImportBatch, Role
from tests.workspace.conftest import sign_in


def _download(client, support_point) -> tuple[object, str]:
    response = client.get(f"/werkplek/{support_point.slug}/export/groepen.csv")
    return response, b"".join(response.streaming_content).decode("utf-8")


def test_an_exported_spreadsheet_shows_formulas_as_text(client, group, member):
    group.name_nl = '=HYPERLINK("http://evil.example","Klik")'
    group.description_nl = "@SUM(1+1)"
    group.contact_phone = "+31 40 123 4567"
    group.save()
    sign_in(client, member(Role.VIEWER))
    response, text = _download(client, group.support_point)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert len(rows) == 1
    row = rows[0]
    assert row["slug"] == group.slug
    assert row["name_nl"] == "'" + group.name_nl
    assert row["description_nl"] == "'@SUM(1+1)"
    assert row["contact_phone"] == "'+31 40 123 4567"
    assert row["themes"] == "depression" and row["languages"] == "nl" and row["status"] == "active"
    # No cell of the file starts like a formula.
    for cells in csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"):
        assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in cells)
    assert AuditEntry.objects.filter(object_type="directory.organisation", action="exported").exists()


def test_neutralise_leaves_ordinary_text_alone():
    assert neutralise("Rouwgroep") == "Rouwgroep"
    assert neutralise(None) == ""
    assert neutralise("-5") == "'-5"
    assert neutralise("\t=1") == "'\t=1"


def test_an_export_goes_back_in_as_updates_and_a_neutralised_formula_is_still_refused(client, group, member):
    group.contact_phone = "+31 40 123 4567"
    group.save()
    sign_in(client, member(Role.EDITOR))
    _response, text = _download(client, group.support_point)
    upload = SimpleUploadedFile("groepen.csv", text.encode("utf-8"), "text/csv")
    client.post(f"/werkplek/{group.support_point.slug}/import/", {"file": upload})
    result = ImportBatch.objects.get().results[0]
    assert result["action"] == "update", result["errors"]
    assert result["fields"]["contact_phone"] == "+31401234567"  # stored in E.164
    assert result["shown"]["contact_phone"] == "+31 40 123 4567"  # shown as written

    group.name_nl = "=1+1"
    group.save()
    _response, text = _download(client, group.support_point)
    client.post(
        f"/werkplek/{group.support_point.slug}/import/",
        {"file": SimpleUploadedFile("groepen.csv", text.encode("utf-8"), "text/csv")},
    )
    latest = ImportBatch.objects.order_by("-created_at", "-id").first()
    assert latest.results[0]["action"] == "error"
    assert Group.objects.get(pk=group.pk).name_nl == "=1+1"

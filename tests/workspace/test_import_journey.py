"""THE import journey (issue 13): a support point's own lists, as they are, onto the public map; again; and changed.

A member signs in, downloads the template, uploads the Eindhoven list (Windows-1252 CSV with a title row), the
Helmond list (.xlsx with a merged title row, one theme written as the list's own word) and the Geldrop list (.ods),
sees how each file was read, accepts a suggested theme, imports; then reads the public pages of the groups;
uploads the same file again (all unchanged, nothing doubled) and a copy with one changed time (one changed row
with the diff, applied, on the public page).
"""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from samenspel.directory.models import Group
from samenspel.workspace.models import Role
from tests.browser.axe import check_a11y
from tests.workspace.test_browser_journeys import _staff_sign_in

pytestmark = pytest.mark.browser

LISTS = Path(__file__).resolve().parents[1] / "fixtures" / "lists"


def _upload(page: Page, base: str, name: str, body: bytes) -> None:
    page.goto(base)
    page.set_input_files("#id_file", files=[{"name": name, "mimeType": "application/octet-stream", "buffer": body}])
    page.click("main form button.primary")
    expect(page.locator("h1")).to_contain_text(name)


def _import(page: Page) -> None:
    page.click("button[value=import]")
    expect(page.locator("main [role=status]")).to_contain_text("Imported:")


def _public(page: Page, base: str, name: str) -> str:
    group = Group.objects.get(name_nl=name)
    page.goto(f"{base}/groep/{group.slug}/")
    return page.locator("main").inner_text().lower()


def _helmond_with_own_theme_word() -> bytes:
    """The Helmond list as a volunteer keeps it: the grief café's theme in the list's own word."""
    workbook = openpyxl.load_workbook(LISTS / "steunpunt-helmond.xlsx")
    sheet = workbook.worksheets[0]
    for row in sheet.iter_rows():
        if row[0].value == "Rouwcafé Helmond":
            row[1].value = "Rouwverwerkingskring"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_a_support_point_imports_its_own_lists_and_imports_them_again(
    live_server, make_page, support_point, member, reference
) -> None:
    editor = member(Role.EDITOR)
    page = make_page(locale="en-GB", javascript=False)
    upload = f"/werkplek/{support_point.slug}/import/"
    _staff_sign_in(page, live_server, editor, upload)
    base = live_server.url + upload

    # The template: the columns the import knows.
    with page.expect_download() as download:
        page.click("a[href$='sjabloon.xlsx']")
    template = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).worksheets[0]
    assert [c.value for c in template[1]][:3] == ["Nummer", "Naam", "Beschrijving"]

    # Eindhoven: Windows-1252, semicolons, a title row; two schedules without an end time or any time.
    _upload(page, base, "steunpunt-eindhoven-cp1252.csv", (LISTS / "steunpunt-eindhoven-cp1252.csv").read_bytes())
    info = page.locator("[data-file-info]")
    expect(info).to_contain_text("Windows-1252")
    expect(info).to_contain_text("semicolons")
    expect(info).to_contain_text("row 3")
    expect(page.locator("main")).to_contain_text("7 new, 0 changed, 0 unchanged, 2 refused.")
    refused = page.locator("section[aria-labelledby=problems-heading] tbody tr")
    expect(refused.locator("th")).to_have_text(["7", "9"])
    expect(refused.nth(0)).to_contain_text("Row 7, column 'Wanneer'")
    expect(refused.nth(0)).to_contain_text("om de week woensdag 20:00")
    check_a11y(page, "import check with choices")
    assert not Group.objects.filter(support_point=support_point).exists()
    # The volunteer imports those two without meeting times (the contact points will add them).
    page.check("input[name=without_schedule][value='7']")
    page.check("input[name=without_schedule][value='9']")
    page.click("button:has-text('Save these choices')")
    expect(page.locator("main")).to_contain_text("9 new, 0 changed, 0 unchanged, 0 refused.")
    expect(page.locator("tr[data-row='4']")).to_contain_text("every second Tuesday of the month")
    _import(page)
    expect(page.locator("main [role=status]")).to_contain_text("9 new")

    # Helmond: .xlsx with a merged title row; "Rouwverwerkingskring" is not a theme we know: a suggestion.
    _upload(page, base, "steunpunt-helmond.xlsx", _helmond_with_own_theme_word())
    expect(page.locator("[data-file-info]")).to_contain_text("Excel")
    expect(page.locator("[data-file-info]")).to_contain_text("row 3")
    expect(page.locator("tr", has_text="Row 5, column 'Thema'")).to_contain_text("Grief and loss")
    page.check("input[name=accept][value='rouwverwerkingskring']")
    page.click("button:has-text('Save these choices')")
    expect(page.locator("main")).to_contain_text("5 new, 0 changed, 0 unchanged, 0 refused.")
    _import(page)

    # Geldrop: .ods, times in two columns.
    _upload(page, base, "steunpunt-geldrop.ods", (LISTS / "steunpunt-geldrop.ods").read_bytes())
    expect(page.locator("[data-file-info]")).to_contain_text("OpenDocument")
    expect(page.locator("main")).to_contain_text("3 new, 0 changed, 0 unchanged, 0 refused.")
    _import(page)
    assert Group.objects.filter(support_point=support_point).count() == 17

    # The public pages say what the lists meant.
    public = make_page(locale="en-GB", javascript=False)
    text = _public(public, live_server.url, "Lotgenotengroep Depressie")
    assert "every second tuesday of the month" in text and "19:30" in text
    assert "boogstraat 12" in text and "depression" in text and "dutch" in text
    text = _public(public, live_server.url, "Ouders van een kind met autisme")
    assert "location on request" in text and "5616" not in text
    text = _public(public, live_server.url, "Gespreksgroep Kanker")
    assert "does not meet for a while" in text
    text = _public(public, live_server.url, "Vrouwengroep Samen Sterk")
    assert "arabic" in text and "loneliness" in text
    text = _public(public, live_server.url, "Rouwcafé Helmond")
    assert "grief and loss" in text and "every last friday of the month" in text
    text = _public(public, live_server.url, "Grupa wsparcia po polsku")
    assert "online" in text and "polish" in text and "saturday" in text
    check_a11y(public, "imported group page")

    # The same Eindhoven list again: all unchanged (the two rows without times stay as chosen), nothing doubled.
    _upload(page, base, "steunpunt-eindhoven-cp1252.csv", (LISTS / "steunpunt-eindhoven-cp1252.csv").read_bytes())
    page.check("input[name=without_schedule][value='7']")
    page.check("input[name=without_schedule][value='9']")
    page.click("button:has-text('Save these choices')")
    expect(page.locator("main")).to_contain_text("0 new, 0 changed, 9 unchanged, 0 refused.")
    _import(page)
    assert Group.objects.filter(support_point=support_point).count() == 17

    # A copy with one changed time: one changed row, with the diff, applied and on the public page.
    changed = (LISTS / "steunpunt-eindhoven-cp1252.csv").read_bytes().replace(b"14:00-16:00", b"14:30-16:30", 1)
    _upload(page, base, "eindhoven-nieuwe-tijd.csv", changed)
    page.check("input[name=without_schedule][value='7']")
    page.check("input[name=without_schedule][value='9']")
    page.click("button:has-text('Save these choices')")
    expect(page.locator("main")).to_contain_text("0 new, 1 changed, 8 unchanged, 0 refused.")
    diff = page.locator("tr[data-action=update]")
    expect(diff).to_contain_text("Meeting times")
    expect(diff.locator("del")).to_contain_text("14:00-16:00")
    expect(diff.locator("ins")).to_contain_text("14:30-16:30")
    _import(page)
    expect(page.locator("main [role=status]")).to_contain_text("1 changed")
    text = _public(public, live_server.url, "Vrouwengroep Samen Sterk")
    assert "14:30" in text and "14:00" not in text
    assert Group.objects.filter(support_point=support_point).count() == 17

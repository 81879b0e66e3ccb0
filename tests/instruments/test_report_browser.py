"""A municipality officer and the year report in a real browser (issue 16, "Done when"): from the home page to the
report, on a small phone without JavaScript; SVG charts; the PDF and the CSV downloaded and read."""

from __future__ import annotations

import csv
import datetime
import io
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from samenspel.directory.models import Group
from samenspel.instruments.models import QuestionCount
from tests.browser import assert_fits_320
from tests.browser.axe import check_a11y
from tests.insight.conftest import A_NAME, A_SLUG, languages, referral_counts, region, themes  # noqa: F401
from tests.personas import make_municipality_officer, sign_in

pytestmark = pytest.mark.browser


def test_a_municipality_officer_opens_the_year_report_sees_charts_and_downloads_the_pdf_and_the_csv(
    live_server: Any,
    make_page: Any,
    region: dict[str, Group],  # noqa: F811
    referral_counts: None,  # noqa: F811
    tmp_path: Path,
) -> None:
    group = region["geldrop_depression"]
    for month, n in ((1, 6), (2, 9), (3, 12)):
        QuestionCount.objects.create(
            group=group, support_point=group.support_point, month=datetime.date(2026, month, 1), count=n
        )
    officer = make_municipality_officer("beleid@geldrop-mierlo.example.nl", A_NAME)
    client = Client()
    sign_in(client, officer)
    page = make_page(locale="en-GB", viewport=(320, 800), javascript=False)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])

    page.goto(f"{live_server.url}/werkplek/")
    page.click(f"main a[href='/gemeente/{A_SLUG}/jaarverslag/']")
    expect(page.locator("h1")).to_contain_text(f"Year report {datetime.date.today().year - 1} of Geldrop-Mierlo")
    page.select_option("#report-year", "2026")
    page.click("form.report-year button[type=submit]")
    expect(page.locator("h1")).to_contain_text("Year report 2026 of Geldrop-Mierlo")
    charts = page.locator("main svg.figure-chart")
    assert charts.count() >= 6
    expect(page.locator("svg.figure-chart title").first).to_contain_text("Groups per stage")
    expect(page.locator("table[aria-labelledby=questions-by-month] tfoot")).to_contain_text("27")
    check_a11y(page, "year report of a municipality")
    assert_fits_320(page)

    with page.expect_download() as pdf_download:
        page.click("main a[href$='download=pdf']")
    pdf = tmp_path / "jaarverslag.pdf"
    pdf_download.value.save_as(pdf)
    assert pdf_download.value.suggested_filename == f"jaarverslag-{A_SLUG}-2026.pdf"
    document = pypdfium2.PdfDocument(pdf.read_bytes())
    text = " ".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    assert "Year report 2026 of Geldrop-Mierlo" in text
    assert "Groups per stage" in text and "By professional role" in text

    with page.expect_download() as csv_download:
        page.click("main a[href$='download=csv']")
    path = tmp_path / "jaarverslag.csv"
    csv_download.value.save_as(path)
    lines = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert lines[0][0].startswith("Year report 2026 of Geldrop-Mierlo")
    assert ["Total", "27"] in lines, "the questions of the year"
    assert ["Groups per stage"] in lines and ["By professional role"] in lines
    assert not any(group.slug in cell or "@" in cell for line in lines for cell in line), "counts only"

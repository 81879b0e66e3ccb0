"""Every id a workspace or sign-in page points at with aria-describedby or aria-labelledby exists on that page.

A dangling reference is silent: the page looks right, and a screen reader simply never reads the hint.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from django.urls import reverse

from tests.personas import sign_in
from tests.workspace.test_permissions import MATRIX, _full_name, _kwargs

REFERENCES = ("aria-describedby", "aria-labelledby")


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.references: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        for name in REFERENCES:
            for ref in (found.get(name) or "").split():
                self.references.append((tag, name, ref))


def dangling_references(html: str) -> list[tuple[str, str, str]]:
    parser = _Ids()
    parser.feed(html)
    return [reference for reference in parser.references if reference[2] not in parser.ids]


# The spreadsheet download is a file, not a page.
# Downloads (a spreadsheet, a report, a status for scripts): no HTML to check.
NOT_PAGES = {"export_groups", "import_template", "import_report", "import_status"}

MANAGER_PAGES = [
    pytest.param(name, kind, id=name)
    for name, method, kind, _data, expected in MATRIX
    if method == "get" and expected["manager"] == 200 and name not in NOT_PAGES
]

# Forms sent back with errors, so that the references to error messages are checked too.
MANAGER_FORMS_WITH_ERRORS = [
    pytest.param("settings", "sp", {"verify_every_days": "not a number"}, id="settings"),
    pytest.param("information_sessions", "sp", {"date": "not a date"}, id="information_sessions"),
    pytest.param("group_edit", "group", {"name_nl": ""}, id="group_edit"),
]


def test_the_check_finds_a_hint_that_is_not_there() -> None:
    page = '<input aria-describedby="id_x_helptext"><p id="id_x_hint">Hint</p><h2 id="h">T</h2><section aria-labelledby="h">'
    assert dangling_references(page) == [("input", "aria-describedby", "id_x_helptext")]


@pytest.mark.parametrize(("name", "kind"), MANAGER_PAGES)
def test_every_aria_reference_on_a_managers_page_exists(
    client: Any, personas: Any, group: Any, change_request: Any, question: Any, name: str, kind: str
) -> None:
    sign_in(client, personas["manager"])
    response = client.get(reverse(_full_name(name), kwargs=_kwargs(kind, group, change_request, question)))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert dangling_references(response.content.decode()) == []


@pytest.mark.parametrize(("name", "kind", "data"), MANAGER_FORMS_WITH_ERRORS)
def test_every_aria_reference_on_a_form_with_errors_exists(
    client: Any,
    personas: Any,
    group: Any,
    change_request: Any,
    question: Any,
    name: str,
    kind: str,
    data: dict[str, str],
) -> None:
    sign_in(client, personas["manager"])
    response = client.post(reverse(_full_name(name), kwargs=_kwargs(kind, group, change_request, question)), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert dangling_references(html) == []

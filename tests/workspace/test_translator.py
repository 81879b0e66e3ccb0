"""A volunteer translator adds and corrects a group's texts in other languages, through the support point (#14,
point 2): every change waits for review, and the role reads nothing else."""

from __future__ import annotations

import pytest
from django.test import Client

from samenspel.workspace.models import ChangeRequest, Role
from tests.personas import make_member
from tests.workspace.conftest import sign_in


@pytest.fixture
def translator(support_point):
    return make_member(support_point, Role.TRANSLATOR, "vertaler@example.org")


def test_a_translator_adds_a_tigrinya_text_that_waits_for_the_support_point(client: Client, group, translator, member):
    sign_in(client, translator)
    wanted = client.get(f"/werkplek/{group.support_point.slug}/vertalingen/").content.decode()
    assert f"/werkplek/groep/{group.uuid}/vertalen/" in wanted or "Every group" in wanted
    page = client.get(f"/werkplek/groep/{group.uuid}/vertalen/?lang=ti")
    assert page.status_code == 200 and 'name="description_ti"' in page.content.decode()
    response = client.post(
        f"/werkplek/groep/{group.uuid}/vertalen/?lang=ti",
        {"name_nl": group.name_nl, "name_ti": "ጉጅለ ሓባራዊ ደገፍ", "description_ti": "ንሰባት ዘተሓሳስቦም ዝኾነ ጉጅለ።"},
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert not group.name_ti  # nothing is live before the support point says so
    change = ChangeRequest.objects.get()
    assert set(change.changes) == {"name_ti", "description_ti"}
    assert group.last_verified_at is None  # translating is not checking the whole entry

    client.logout()
    sign_in(client, member(Role.EDITOR))
    client.post(f"/werkplek/wijziging/{change.uuid}/goedkeuren/")
    group.refresh_from_db()
    assert group.name_ti == "ጉጅለ ሓባራዊ ደገፍ"


@pytest.mark.parametrize(
    "path",
    [
        "/werkplek/groep/{uuid}/",
        "/werkplek/groep/{uuid}/bewerken/",
        "/werkplek/{slug}/",
        "/werkplek/{slug}/vragen/",
        "/werkplek/{slug}/mensen/",
        "/werkplek/{slug}/wijzigingen/",
    ],
)
def test_a_translator_reads_nothing_but_the_texts(client: Client, group, translator, path: str) -> None:
    sign_in(client, translator)
    url = path.format(uuid=group.uuid, slug=group.support_point.slug)
    assert client.get(url).status_code == 403


def test_a_translator_cannot_change_anything_but_texts(client: Client, group, translator) -> None:
    sign_in(client, translator)
    response = client.post(
        f"/werkplek/groep/{group.uuid}/bewerken/", {"name_nl": "X", "intake": "trial", "cost": "free"}
    )
    assert response.status_code == 403
    response = client.post(f"/werkplek/groep/{group.uuid}/status/", {"status": "stopped", "date": "2026-06-01"})
    assert response.status_code == 403
    assert not ChangeRequest.objects.exists()

"""The admin's municipality access form: the person is found by e-mail address, and is told (issue 20)."""

from __future__ import annotations

from django.core import mail

from samenspel.insight.models import MunicipalityAccess
from tests.personas import client_for, make_user


def test_the_person_is_an_autocomplete_searched_by_e_mail_not_a_user_number(people):
    staff = client_for(people["staff"])
    page = staff.get("/admin/insight/municipalityaccess/add/").content.decode()
    assert "admin-autocomplete" in page
    assert 'class="vForeignKeyRawIdAdminField"' not in page
    officer = make_user("beleid@eindhoven.example.nl")
    found = staff.get(
        "/admin/autocomplete/",
        {"term": "beleid@eind", "app_label": "insight", "model_name": "municipalityaccess", "field_name": "user"},
    ).json()
    assert [r["id"] for r in found["results"]] == [str(officer.pk)]


def test_access_given_in_the_admin_is_e_mailed_to_the_person(people):
    officer = make_user("beleid@eindhoven.example.nl")
    staff = client_for(people["staff"])
    response = staff.post("/admin/insight/municipalityaccess/add/", {"user": officer.pk, "municipality": "Eindhoven"})
    assert response.status_code == 302
    assert MunicipalityAccess.objects.filter(user=officer, municipality="Eindhoven").exists()
    (told,) = [m for m in mail.outbox if m.to == ["beleid@eindhoven.example.nl"]]
    assert "/gemeente/eindhoven/" in told.body

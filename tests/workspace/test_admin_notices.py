"""A person added in the Django admin is invited by e-mail, as on the workspace's own screens (issue 20)."""

from __future__ import annotations

from django.core import mail

from tests.personas import client_for, make_user


def test_a_member_added_in_the_admin_is_invited_too(people, support_point):
    newcomer = make_user("nieuw@steunpunt.example.org")
    staff = client_for(people["staff"])
    response = staff.post(
        "/admin/workspace/membership/add/", {"user": newcomer.pk, "support_point": support_point.pk, "role": "viewer"}
    )
    assert response.status_code == 302
    (invite,) = [m for m in mail.outbox if m.to == ["nieuw@steunpunt.example.org"]]
    assert f"/werkplek/{support_point.slug}/" in invite.body

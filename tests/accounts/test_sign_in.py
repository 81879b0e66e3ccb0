from __future__ import annotations

import re
import time

from django.core import mail
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from samenspel.accounts.tokens import MAGIC_LINK_MAX_AGE, magic_link_tokens
from samenspel.workspace.models import Role
from tests.workspace.conftest import make_user

LOGIN = "/werkplek/inloggen/"


def _link_from_mail() -> str:
    match = re.search(r"https?://\S+", mail.outbox[-1].body)
    assert match
    return match.group(0).replace("http://testserver", "")


def test_anonymous_visitors_are_sent_to_sign_in(client, support_point):
    response = client.get(f"/werkplek/{support_point.slug}/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_a_contact_person_signs_in_with_a_password(client, contact, group):
    response = client.post(
        LOGIN, {"pw-email": "contact@example.org", "pw-password": "a-long-test-password", "password_sign_in": "1"}
    )
    assert response.status_code == 302
    # No two-factor for a contact person without a role at a support point.
    assert client.get(f"/werkplek/groep/{group.uuid}/").status_code == 200


def test_a_wrong_password_does_not_sign_in(client, contact):
    response = client.post(LOGIN, {"pw-email": "contact@example.org", "pw-password": "wrong", "password_sign_in": "1"})
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session


def test_a_magic_link_signs_in_once(client, contact, group):
    response = client.post(LOGIN, {"link-email": "contact@example.org", "send_link": "1"})
    assert response.status_code == 200
    assert len(mail.outbox) == 1
    link = _link_from_mail()
    # Opening the link (as a mail scanner would) does not use it up.
    assert client.get(link).status_code == 200
    assert client.post(link).status_code == 302
    assert client.get(f"/werkplek/groep/{group.uuid}/").status_code == 200
    client.logout()
    assert client.post(link).status_code == 400


def test_asking_a_link_for_an_unknown_address_looks_the_same_and_sends_nothing(client, db):
    response = client.post(LOGIN, {"link-email": "nobody@example.org", "send_link": "1"})
    assert response.status_code == 200
    assert mail.outbox == []


def test_a_tampered_magic_link_is_refused(client, contact):
    client.post(LOGIN, {"link-email": "contact@example.org", "send_link": "1"})
    link = _link_from_mail()
    tampered = link[:-2] + ("a" if link[-2] != "a" else "b") + "/"
    assert client.post(tampered).status_code == 400
    other = make_user("other@example.org")
    uid = urlsafe_base64_encode(force_bytes(other.pk))
    token = link.rstrip("/").split("/")[-1]
    assert client.post(reverse("accounts:login_link", kwargs={"uidb64": uid, "token": token})).status_code == 400
    assert "_auth_user_id" not in client.session


def test_an_expired_magic_link_is_refused(client, contact):
    generator = magic_link_tokens
    issued = generator._num_seconds(generator._now()) - int(MAGIC_LINK_MAX_AGE.total_seconds()) - 60
    token = generator._make_token_with_timestamp(contact, issued, generator.secret)
    uid = urlsafe_base64_encode(force_bytes(contact.pk))
    url = reverse("accounts:login_link", kwargs={"uidb64": uid, "token": token})
    response = client.post(url)
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session


def test_a_magic_link_is_no_password_reset_token(client, contact):
    from django.contrib.auth.tokens import default_token_generator

    uid = urlsafe_base64_encode(force_bytes(contact.pk))
    url = reverse("accounts:login_link", kwargs={"uidb64": uid, "token": default_token_generator.make_token(contact)})
    assert client.post(url).status_code == 400


def test_staff_set_up_two_factor_before_reaching_the_support_point(client, support_point, member):
    manager = member(Role.MANAGER)
    client.force_login(manager)
    dashboard = f"/werkplek/{support_point.slug}/"
    response = client.get(dashboard)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:otp_setup"))
    setup = client.get(response["Location"])
    assert setup.status_code == 200
    assert b"<svg" in setup.content
    device = TOTPDevice.objects.get(user=manager)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    response = client.post(reverse("accounts:otp_setup"), {"token": f"{totp.token():06d}", "next": dashboard})
    assert response.status_code == 302
    assert response["Location"] == dashboard
    assert client.get(dashboard).status_code == 200


def test_staff_verify_their_second_factor_in_every_new_session(client, support_point, member):
    manager = member(Role.MANAGER)
    device = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    client.force_login(manager)
    response = client.get(f"/werkplek/{support_point.slug}/")
    assert response["Location"].startswith(reverse("accounts:otp_verify"))
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    client.post(reverse("accounts:otp_verify"), {"token": f"{totp.token():06d}"})
    assert client.get(f"/werkplek/{support_point.slug}/").status_code == 200


def test_a_wrong_second_factor_code_keeps_staff_out(client, support_point, member):
    manager = member(Role.MANAGER)
    TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    client.force_login(manager)
    response = client.post(reverse("accounts:otp_verify"), {"token": "12345"})
    assert response.status_code == 200
    assert b"6 digits" in response.content
    client.post(reverse("accounts:otp_verify"), {"token": "000000"})
    assert client.get(f"/werkplek/{support_point.slug}/").status_code == 302


def test_a_magic_link_brings_you_back_to_the_page_you_wanted(client, contact, group):
    wanted = f"/werkplek/groep/{group.uuid}/bewerken/"
    client.post(LOGIN, {"link-email": "contact@example.org", "send_link": "1", "next": wanted})
    link = _link_from_mail()
    page = client.get(link)
    response = client.post(link, {"next": page.context["next"]})
    assert response["Location"] == wanted


def test_a_magic_link_never_sends_you_to_another_site(client, contact):
    client.post(LOGIN, {"link-email": "contact@example.org", "send_link": "1", "next": "https://evil.example/"})
    link = _link_from_mail()
    assert "evil" not in link
    assert client.post(link, {"next": "https://evil.example/"})["Location"] == "/werkplek/"

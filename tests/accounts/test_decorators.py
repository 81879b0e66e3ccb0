"""Accounts' sign-in decorator asks the room's rule who needs a second factor; it knows no room itself."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from samenspel.accounts.decorators import signed_in_with
from samenspel.accounts.tokens import MagicLinkTokenGenerator
from tests.workspace.conftest import make_user


def _page(request: HttpRequest) -> HttpResponse:
    return HttpResponse("room")


def _request(user: Any) -> HttpRequest:
    request = RequestFactory().get("/werkplek/ergens/?x=1")
    request.user = user
    user.is_verified = lambda: False  # what django_otp's middleware sets: no second factor this session
    return request


def test_a_room_whose_rule_names_the_person_sends_them_to_two_factor_first(db) -> None:
    view = signed_in_with(second_factor_if=lambda user: True)(_page)
    response = view(_request(make_user("staff@example.org")))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:otp_setup"))
    assert "next=%2Fwerkplek%2Fergens%2F%3Fx%3D1" in response["Location"]


def test_a_room_whose_rule_does_not_name_the_person_lets_them_in(db) -> None:
    view = signed_in_with(second_factor_if=lambda user: False)(_page)
    assert view(_request(make_user("contact@example.org"))).content == b"room"


def test_anonymous_visitors_go_to_sign_in_with_the_page_they_wanted() -> None:
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/werkplek/ergens/")
    request.user = AnonymousUser()
    response = signed_in_with(second_factor_if=lambda user: True)(_page)(request)
    assert response["Location"] == f"{reverse('accounts:login')}?next=%2Fwerkplek%2Fergens%2F"


def test_sign_in_links_already_mailed_keep_working_after_the_move() -> None:
    # The token's salt is part of every link sent before sign-in moved out of the workspace.
    assert MagicLinkTokenGenerator.key_salt == "samenspel.workspace.MagicLinkTokenGenerator"

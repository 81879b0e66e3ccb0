"""Workspace messages: a live region around a real list, so screen readers hear them and still count the items."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.template.loader import render_to_string
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.status_parent_of_list = False
        self.roles_on_lists: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in ("ul", "ol") and "ws-messages" in (attributes.get("class") or ""):
            self.roles_on_lists.append(attributes.get("role"))
            parent = self.stack[-1] if self.stack else ("", {})
            self.status_parent_of_list = parent[0] == "div" and parent[1].get("role") == "status"
        if tag not in ("meta", "link", "input", "br", "img"):
            self.stack.append((tag, attributes))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass


def test_messages_are_a_list_inside_a_status_region() -> None:
    request = RequestFactory().get("/werkruimte/")
    request.session = SessionStore()
    request.user = AnonymousUser()
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
    messages.success(request, "Saved.")
    messages.info(request, "47 new questions.")

    parser = Tags()
    parser.feed(render_to_string("accounts/base.html", request=request))

    assert parser.roles_on_lists == [None]  # the list keeps its own role, so its items stay list items (axe listitem)
    assert parser.status_parent_of_list

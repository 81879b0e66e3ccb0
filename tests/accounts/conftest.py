"""The sign-in tests sign in as the workspace's people (a group's contact person, support-point staff), with the
workspace tests' fresh rate limits and English client."""

from tests.workspace.conftest import _fresh_rate_limits, client, contact, member

__all__ = ["_fresh_rate_limits", "client", "contact", "member"]

"""robots.txt: search engines may read the public map, never what is behind a sign-in, a person's own answers or
the online spaces."""

from __future__ import annotations

from django.test import Client


def test_robots_keep_crawlers_out_of_private_rooms_and_let_them_read_the_map(client: Client) -> None:
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    rules = response.content.decode().splitlines()
    for private in ("/werkplek/", "/ruimte/", "/deelname-gesprek/", "/vragenlijst/", "/admin/"):
        assert f"Disallow: {private}" in rules
    assert "Disallow: /" not in rules  # the map itself stays findable

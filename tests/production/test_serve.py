"""bin/serve on SQLite: migrates an empty database, collects hashed static files, serves them with gunicorn."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.serve import get, serve

# bin/serve on its own SQLite file, whichever database the run uses: the same on both passes.
pytestmark = pytest.mark.own_database


def test_bin_serve_migrates_collects_static_files_and_serves_with_gunicorn(tmp_path: Path) -> None:
    with serve(tmp_path, f"sqlite:///{tmp_path / 'serve.sqlite3'}") as base:
        status, headers, body = get(base + "/")
        assert status == 200
        assert headers["Server"] == "gunicorn"
        # Production settings: secure cookies and HSTS (sent over HTTPS only), no debug page.
        assert "Content-Security-Policy" in headers

        stylesheet = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', body.decode())
        assert stylesheet, "the page links a stylesheet with a hashed name"
        status, headers, css = get(base + stylesheet.group(1))
        assert status == 200 and css
        assert "immutable" in headers["Cache-Control"] and "max-age=315360000" in headers["Cache-Control"]

        status, _headers, body = get(base + "/healthz")
        assert (status, body) == (200, b'{"status": "ok"}')

        status, _headers, body = get(base + "/does-not-exist/")
        assert status == 404
        assert b"Traceback" not in body

"""Printing for every room: a PDF from HTML and a stylesheet (WeasyPrint, no network), and a QR code as SVG.

One HTML source for screen, print and PDF: a flyer, a slip, a figures report or a letter is a template rendered
with the same stylesheet the screen uses, then handed to render_pdf.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import segno
from django.conf import settings
from django.contrib.staticfiles import finders

# Languages written right to left: a printed page in one of them is laid out from the right.
RTL_LANGUAGES = frozenset(getattr(settings, "LANGUAGES_BIDI", ["ar", "fa"]))


def qr_svg(url: str) -> str:
    # Error correction at least M (segno raises it when that costs no extra size): survives a smudged print.
    return segno.make(url, error="m").svg_inline(scale=4, svgclass="qr", omitsize=True, title=url)


def stylesheet_path(name: str) -> Path:
    """The file of a static stylesheet, for WeasyPrint: render_pdf lets it read that folder and nothing else."""
    found = finders.find(name)
    if not found:
        raise FileNotFoundError(name)
    return Path(found if isinstance(found, str) else found[0]).resolve()


def render_pdf(html: str, stylesheet: Path | None = None) -> bytes:
    """WeasyPrint with a fetcher that reads only the static folder of `stylesheet` (no network, no other files);
    without a stylesheet (the HTML carries its style inline) it loads nothing at all."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    allowed = stylesheet.parent.as_uri() + "/" if stylesheet is not None else "data:"

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if not (url.startswith(allowed) or url.startswith("data:")):
                raise ValueError(f"A printed page may not load {url}")
            return super().fetch(url, headers)

    document = HTML(string=html, base_url=allowed, url_fetcher=StaticOnlyFetcher(allowed_protocols=["file", "data"]))
    return bytes(document.write_pdf())

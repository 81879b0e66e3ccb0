"""PDFs of the learning room (certificate, plan and budget): WeasyPrint from one HTML string with its stylesheet
inline, and a fetcher that refuses every address, so a PDF loads nothing from anywhere."""

from __future__ import annotations

from typing import Any


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    class NothingFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            raise ValueError(f"A PDF of the learning room loads nothing ({url})")

    return bytes(HTML(string=html, url_fetcher=NothingFetcher()).write_pdf())

"""Accessibility checks with axe-core (npm file in tests/browser/node_modules, installed by bin/install-system-packages)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from tests.browser import DEFAULT_VIEWPORT, context_options, open_context

AXE_JS = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Only violations travel back to Python; target is nested for iframes/shadow DOM, so it is joined here.
_RUN_AXE = """options => axe.run(document, options).then(results => results.violations.map(v => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    count: v.nodes.length,
    targets: v.nodes.slice(0, 3).map(n => n.target.map(t => [].concat(t).join(' >>> ')).join(' >>> ')),
})))"""


def check_a11y(page: Page, context_label: str, *, tags: list[str] | None = None) -> None:
    """Fail the test with a readable list when axe-core finds WCAG 2.2 A/AA violations on `page`.

    JavaScript disabled: axe is a script, and a context opened with ``java_script_enabled=False`` does not run
    the ``<script>`` that ``page.add_script_tag`` inserts (and evaluating axe's source directly hangs, because
    timers never fire). So for such a page this opens ``page.url`` again in a new JavaScript-enabled context with
    the same locale, viewport and cookies (the session and language cookie carry over) and runs axe there.
    The site renders the same HTML with or without JavaScript (htmx only enhances), so the audit holds for the
    JavaScript-less page; a page reached by POST is re-fetched by GET, so audit such pages with JavaScript on.
    The extra context records requests to other hosts into the same list as the test's own pages.
    """
    if not AXE_JS.exists():
        # CI must prove the browser journeys: there a missing browser is a failure, not a skip.
        (pytest.fail if os.environ.get("CI") else pytest.skip)(
            f"axe-core not installed ({AXE_JS} missing): run bin/install-system-packages (needs npm)"
        )
    options = context_options(page.context)
    javascript = options.javascript if options else _runs_scripts(page)
    if javascript:
        violations = _run(page, tags)
    else:
        browser = page.context.browser
        assert browser is not None, "check_a11y needs a page from a launched browser"
        context = open_context(
            browser,
            options.external_requests if options else [],
            locale=options.locale if options else "nl-NL",
            viewport=options.viewport if options else _viewport(page),
            javascript=True,
            storage_state=page.context.storage_state(),
        )
        try:
            twin = context.new_page()
            twin.goto(page.url)
            violations = _run(twin, tags)
        finally:
            context.close()
    if violations:
        pytest.fail(_report(context_label, page.url, violations), pytrace=False)


def _run(page: Page, tags: list[str] | None) -> list[dict[str, Any]]:
    # Evaluated through the DevTools protocol, not as a <script> element: the site's Content-Security-Policy
    # (script-src 'self') rightly blocks inline scripts, and the audit must not need it loosened.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;undefined")
    return page.evaluate(
        _RUN_AXE, {"runOnly": {"type": "tag", "values": tags or WCAG_TAGS}, "resultTypes": ["violations"]}
    )


def _runs_scripts(page: Page) -> bool:
    """For a context not opened by our fixtures: does a script element run there?"""
    probe = page.add_script_tag(content="document.documentElement.dataset.axeProbe = 'ran'")
    ran = page.evaluate("() => document.documentElement.dataset.axeProbe === 'ran'")
    page.evaluate("() => { delete document.documentElement.dataset.axeProbe }")
    probe.evaluate("el => el.remove()")
    return bool(ran)


def _viewport(page: Page) -> tuple[int, int]:
    size = page.viewport_size
    return (size["width"], size["height"]) if size else DEFAULT_VIEWPORT


def _report(context_label: str, url: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"axe-core: {len(violations)} accessibility violation(s) on {context_label} ({url}):"]
    for v in violations:
        lines.append(f"- {v['id']} [{v['impact']}] {v['help']} ({v['count']} element(s)) {v['helpUrl']}")
        lines.extend(f"    {target}" for target in v["targets"])
    return "\n".join(lines)

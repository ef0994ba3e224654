"""axe-core on every built page (0 violations); the home page's first-load budget, measured in the browser."""

from __future__ import annotations

import gzip
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import AXE, site_pages

FIRST_LOAD_BYTES = 40 * 1024      # gzipped, everything fetched before any interaction
FIRST_LOAD_REQUESTS = 6


def test_axe_finds_no_violation_on_any_page(make_context, server):
    if not AXE.exists():
        pytest.fail("axe-core not installed: run `make test` (npm ci into build/node_modules)")
    page = make_context(bypass_csp=True).new_page()   # the axe script is injected inline
    failures = {}
    pages = [p.relative_to(server["site"]).as_posix() for p in site_pages(server["site"])]
    pages += ["search.html?q=kekerasan", "en/search.html?q=violence"]
    for rel in pages:
        page.goto(server["base"] + rel)
        if "search.html?q=" in rel:
            page.wait_for_selector("#ra-search-status:not(:empty)")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map("
            "v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')))"
        )
        if violations:
            failures[rel] = violations
    assert not failures, "\n".join(f"{k}: {v}" for k, v in failures.items())


def first_load(make_context, server, rel: str) -> list[tuple[str, int, int]]:
    """(url, status, gzipped bytes of the file on disk) for every request of a cold first visit."""
    page = make_context(viewport={"width": 360, "height": 640}).new_page()
    seen = []
    page.on("requestfinished", lambda r: seen.append(r))
    page.on("requestfailed", lambda r: seen.append(r))
    page.goto(server["base"] + rel, wait_until="networkidle")
    out = []
    for request in seen:
        response = request.response()
        path = unquote(urlsplit(request.url).path)[len(f"/{server['site'].name}/"):]
        path = path or "index.html"
        local = server["site"] / path
        size = len(gzip.compress(local.read_bytes(), 9)) if local.is_file() else 0
        out.append((request.url, response.status if response else 0, size))
    return out, page


def test_home_first_load_budget_and_hotlines_on_first_screen(make_context, server):
    loads, page = first_load(make_context, server, "index.html")
    total = sum(size for _, _, size in loads)
    assert all(url.startswith(server["base"]) for url, _, _ in loads), "all same-origin, inside the site"
    assert all(status == 200 for _, status, _ in loads), f"failing requests: {loads}"
    assert len(loads) <= FIRST_LOAD_REQUESTS, f"{len(loads)} requests: {[u for u, _, _ in loads]}"
    assert total <= FIRST_LOAD_BYTES, f"{total} bytes gzipped"
    box = page.locator(".ra-hotlines").first.bounding_box()
    assert box and box["y"] < 640, "the hotlines start on the first screen"
    first = page.locator(".ra-hotlines .ra-call").first.bounding_box()
    assert first["y"] + first["height"] <= 640, "the first hotline button is fully on the first screen"

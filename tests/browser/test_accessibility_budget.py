"""axe-core on every built page (0 violations); the home page's first-load budget, measured in the browser."""

from __future__ import annotations

import gzip
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import AXE, site_pages

FIRST_LOAD_BYTES = 20_000          # gzipped, everything fetched before any interaction (issue 14)
FIRST_LOAD_REQUESTS = 4


def test_axe_finds_no_violation_on_any_page(make_context, server):
    if not AXE.exists():
        pytest.fail("axe-core not installed: run `make test` (npm ci into build/node_modules)")
    page = make_context(bypass_csp=True).new_page()   # the axe script is injected inline
    failures = {}
    pages = [p.relative_to(server["site"]).as_posix() for p in site_pages(server["site"])]
    # Pages with search results shown in place (the query typed, never in the address).
    searched = {"search.html": "kekerasan", "en/search.html": "violence", "bantuan.html": "lapor"}
    pages += [f"{rel}#searched" for rel in searched]
    for rel in pages:
        page.goto(server["base"] + rel)
        if rel.endswith("#searched"):
            page.fill("#ra-q", searched[rel.removesuffix("#searched")])
            page.press("#ra-q", "Enter")
            page.wait_for_selector("#ra-search-status:not(:empty)")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map("
            "v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')))"
        )
        if violations:
            failures[rel] = violations
    assert not failures, "\n".join(f"{k}: {v}" for k, v in failures.items())


def first_load(make_context, server, rel: str):
    """(path, status, gzipped bytes of the file on disk) of every request a cold first visit makes before any
    interaction, as the server saw them: service workers allowed, so a worker's own fetches count too."""
    page = make_context(viewport={"width": 360, "height": 640}, service_workers="allow").new_page()
    server["log"].clear()
    page.goto(server["base"] + rel, wait_until="networkidle")
    page.wait_for_timeout(1000)      # a worker started after load would be fetching now
    registered = page.evaluate("navigator.serviceWorker.getRegistration().then(r => r !== undefined)")
    out = []
    for path, status in list(server["log"]):
        local = server["site"] / unquote(urlsplit(path).path)[len(server["path"]):]
        local = local / "index.html" if local.is_dir() else local
        size = len(gzip.compress(local.read_bytes(), 9)) if local.is_file() else 0
        out.append((path, status, size))
    return out, page, registered


def test_home_first_load_budget_and_hotlines_on_first_screen(make_context, server):
    loads, page, registered = first_load(make_context, server, "index.html")
    total = sum(size for _, _, size in loads)
    print(f"home first load (service workers allowed): {len(loads)} requests, {total / 1024:.1f} KB gz: "
          + ", ".join(f"{path} {size} B" for path, _, size in loads))
    assert not registered, "the service worker waits for the reader's first interaction"
    assert all(path.startswith(server["path"]) for path, _, _ in loads), f"all inside the site: {loads}"
    assert all(status == 200 for _, status, _ in loads), f"failing requests: {loads}"
    assert len(loads) <= FIRST_LOAD_REQUESTS, f"{len(loads)} requests: {[p for p, _, _ in loads]}"
    assert total <= FIRST_LOAD_BYTES, f"{total} bytes gzipped"
    box = page.locator(".ra-hotlines").first.bounding_box()
    assert box and box["y"] < 640, "the hotlines start on the first screen"
    first = page.locator(".ra-hotlines .ra-call").first.bounding_box()
    assert first["y"] + first["height"] <= 640, "the first hotline button is fully on the first screen"

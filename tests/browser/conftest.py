"""Browser tests: the real site, built once, served from 127.0.0.1 under a sub-path, driven in Debian's Chromium.

Nothing leaves the machine: the quick exit points at a neutral page on the same local server, and every
request to another host is aborted and recorded (a test fails if any page asked for one).
"""

from __future__ import annotations

import functools
import http.server
import os
import socket
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
NEUTRAL = "neutral.html"        # the stand-in for the neutral exit site, outside the site's folder
AXE = ROOT / "build" / "node_modules" / "axe-core" / "axe.min.js"


@functools.cache
def base_path() -> str:
    """The path part of the site's one base URL (content_src/site.yml), e.g. "/ruang-aman/" on GitHub Pages.

    The tests serve the site under the same path, so changing the base URL there keeps them right.
    """
    from ruang_aman.load import load_content

    content, problems, _ = load_content(ROOT)
    assert content is not None, "content_src/ does not load"
    return urlsplit(content.site.base_url).path


SUBPATH = base_path().strip("/")   # served like GitHub Pages: http://127.0.0.1:PORT/<SUBPATH>/


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves the folder; keeps (path, status) of every request in `log`: all a browser fetched, the
    service worker's requests included (Playwright's page events do not see those)."""

    log: list[tuple[str, int]] = []

    def log_message(self, *args):  # keep pytest output readable
        pass

    def log_request(self, code="-", size="-"):
        self.log.append((self.path, int(code) if isinstance(code, int) else 0))

    def send_error(self, code, message=None, explain=None):
        """Like GitHub Pages: a missing address below the site's path gets the site's 404.html (status 404)."""
        not_found = Path(self.directory, *SUBPATH.split("/"), "404.html")
        if code != 404 or not self.path.startswith(base_path()) or not not_found.is_file():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that hangs up mid-answer (a closed context) is no error worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The real site, built once with the real pipeline (strict), into a temporary folder."""
    from ruang_aman.build import build

    site = tmp_path_factory.mktemp("www").joinpath(*SUBPATH.split("/"))
    posters = os.environ.get("RA_BROWSER_POSTERS", "1") != "0"
    assert build(ROOT, site_dir=site, strict=True, quiet=True, posters=posters) == 0, "the site did not build"
    return site


@pytest.fixture(scope="session")
def exit_url_built(built) -> str:
    """The exit address the build wrote (site.yml's exit_url), before the tests point it at a local page."""
    import re

    return re.search(r'id="ra-exit" href="([^"]+)"', (built / "index.html").read_text(encoding="utf-8")).group(1)


@pytest.fixture(scope="session")
def server(built, exit_url_built):
    """http.server on a free port of 127.0.0.1; the quick exit is rewritten to a local neutral page."""
    www = built.parents[len(SUBPATH.split("/")) - 1] if SUBPATH else built
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    origin = f"http://127.0.0.1:{port}"
    (www / NEUTRAL).write_text("<!doctype html><html lang=en><title>Weather</title><h1>Weather</h1></html>")
    for page in built.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace(f'"{exit_url_built}"', f'"{origin}/{NEUTRAL}"'), encoding="utf-8")
    log: list[tuple[str, int]] = []
    handler = functools.partial(type("_Logged", (_Quiet,), {"log": log}), directory=str(www))
    httpd = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield {"origin": origin, "base": f"{origin}{base_path()}", "path": base_path(), "neutral": f"{origin}/{NEUTRAL}",
           "site": built, "log": log}
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, one for the whole session (never `playwright install`)."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not installed: run `make test`, or apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class Outside:
    """Records (and aborts) every request a page makes to a host other than 127.0.0.1."""

    def __init__(self):
        self.requests: list[str] = []

    def outside(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname != "127.0.0.1":
            self.requests.append(url)
            return True
        return False

    def __call__(self, route):
        if self.outside(route.request.url):
            route.abort()
        else:
            route.continue_()

    def seen(self, request):
        self.outside(request.url)


@pytest.fixture
def make_context(browser):
    """New browser contexts that never reach another host (blocked, or watched where a service worker runs);
    asserts at the end that nothing tried to."""
    contexts, guards = [], []

    def make(**options):
        options.setdefault("viewport", {"width": 412, "height": 823})
        options.setdefault("service_workers", "block")
        context = browser.new_context(**options)
        guard = Outside()
        if options["service_workers"] == "allow":
            # With a route active Chromium sends navigations past the service worker (an offline reload then
            # fails though the worker holds the page): such contexts watch every request instead of routing it.
            context.on("request", guard.seen)
        else:
            context.route("**/*", guard)
        contexts.append(context)
        guards.append(guard)
        return context

    yield make
    for context in contexts:
        context.close()
    outside = [url for g in guards for url in g.requests]
    assert not outside, f"requests to other hosts: {outside}"


@pytest.fixture
def page(make_context):
    return make_context().new_page()


def site_pages(site: Path) -> list[Path]:
    """Every HTML page of the built site (both languages)."""
    return sorted(p for p in site.rglob("*.html") if "posters" not in p.parts)


def search_here(page, query: str) -> list[str]:
    """Type a query into the header's box and press Enter; the hrefs of the results shown in place."""
    page.locator("#ra-q").press_sequentially(query)
    page.press("#ra-q", "Enter")
    page.wait_for_selector("#ra-search-status:not(:empty)")
    return page.eval_on_selector_all("#ra-search-results a", "els => els.map(e => e.href)")

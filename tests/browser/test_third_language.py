"""A third language in a real browser: Basa Jawa, added with `make new-language` and published with
`make mark-translated LANG=jv` (the session fixture `javanese`, one build shared with tests/test_new_language.py),
served under the site's sub-path and clicked through in Debian's Chromium: the language switch, search, the
service worker offline, and the offline zip opened from disk.

No context here routes requests: with `context.route` active Chromium sends navigations past the service
worker, so an offline reload would fail though the worker holds the page. Requests are watched instead, and
any to another host fails the test.
"""

from __future__ import annotations

import functools
import socket
import threading
import zipfile
from urllib.parse import urlsplit

import pytest

from .conftest import SUBPATH, _Quiet, _Server, base_path, search_here


@pytest.fixture(scope="module")
def jv_site(javanese, tmp_path_factory):
    """The Javanese build served from 127.0.0.1 under the site's sub-path, as GitHub Pages would."""
    www = tmp_path_factory.mktemp("jv-www")
    folder = www.joinpath(*SUBPATH.split("/")) if SUBPATH else www / "site"
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.symlink_to(javanese["site"], target_is_directory=True)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    handler = functools.partial(type("_JvLogged", (_Quiet,), {"log": []}), directory=str(www))
    httpd = _Server(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield {"base": f"http://127.0.0.1:{port}{base_path()}", "site": javanese["site"],
           "pages": [p.slug for p in javanese["draft"].published_pages()]}
    httpd.shutdown()


@pytest.fixture
def context(browser):
    """A browser context with no routing (see above); every request is recorded and must stay on 127.0.0.1."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, service_workers="allow")
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    yield context
    context.close()
    outside = [u for u in seen if urlsplit(u).scheme in ("http", "https") and urlsplit(u).hostname != "127.0.0.1"]
    assert not outside, f"requests to other hosts: {outside}"


def lang_of(page) -> str:
    return page.evaluate("document.documentElement.lang")


def switch_to(page, code: str) -> None:
    """Click the header's link to the same page in language `code`."""
    page.click(f"a.ra-lang[hreflang={code}]")
    page.wait_for_load_state("load")


def test_the_language_switch_reaches_the_javanese_page_and_back(context, jv_site):
    page = context.new_page()
    base = jv_site["base"]
    page.goto(base + "bantuan.html")
    assert lang_of(page) == "id"
    switch_to(page, "jv")
    assert (page.url, lang_of(page)) == (base + "jv/bantuan.html", "jv")
    assert page.locator("a.ra-lang[hreflang=id]").inner_text().strip() == "Bahasa Indonesia"
    switch_to(page, "en")
    assert (page.url, lang_of(page)) == (base + "en/bantuan.html", "en")
    switch_to(page, "jv")
    switch_to(page, "id")
    assert (page.url, lang_of(page)) == (base + "bantuan.html", "id")


def test_search_on_a_javanese_page_finds_javanese_pages_only(context, jv_site):
    page = context.new_page()
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(r.url.rsplit("/", 1)[-1]))
    page.goto(jv_site["base"] + "jv/dampak.html")
    found = search_here(page, "violence")   # the Javanese texts are still the English copy: no stemmer, plain words
    assert found, "no result on a Javanese page"
    assert all(h.startswith(jv_site["base"] + "jv/") for h in found), found
    assert "search-jv.js" in loaded and not {"search-id.js", "search-en.js"} & set(loaded)
    page.goto(found[0])
    assert lang_of(page) == "jv" and "violence" in page.locator("main").inner_text().lower()


def test_the_service_worker_keeps_the_javanese_pages_for_offline_reading(context, jv_site):
    base = jv_site["base"]
    page = context.new_page()
    page.goto(base + "jv/dampak.html")
    page.click("main h1")   # the worker starts on the reader's first interaction
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    wanted = [base + "jv/dampak.html", base + "jv/index.html", base + "jv/bantuan.html", base + "assets/ra/search-jv.js"]
    # the worker fetches them one by one after the tap: wait until all are kept (a hang fails at Playwright's timeout)
    page.wait_for_function("wanted => caches.keys().then(n => n.length ? caches.open(n[0]).then(c => c.keys()) : [])"
                           ".then(k => wanted.every(u => k.some(r => r.url === u)))", arg=wanted)
    kept = page.evaluate("caches.keys().then(n => caches.open(n[0])).then(c => c.keys()).then(k => k.map(r => r.url))")
    assert not [u for u in kept if u.endswith(".html") and not u.startswith(base + "jv/")], "only this language's pages"
    title = page.title()
    context.set_offline(True)
    try:
        page.reload()
        assert (page.title(), lang_of(page)) == (title, "jv"), "the visited page reloads offline"
        page.goto(base + "jv/bantuan.html")   # never visited: a core page of the language
        assert lang_of(page) == "jv" and page.locator("main h1").count() == 1
        assert page.locator("a.ra-call").count() > 0, "the help page offline still has its hotlines"
    finally:
        context.set_offline(False)


def test_the_offline_zip_holds_every_javanese_page_and_works_from_disk(context, jv_site, tmp_path):
    with zipfile.ZipFile(jv_site["site"] / "ruang-aman-offline.zip") as zf:
        names = set(zf.namelist())
        zf.extractall(tmp_path)
    folder = tmp_path / "ruang-aman"
    assert {f"ruang-aman/jv/{slug}.html" for slug in jv_site["pages"]} <= names
    page = context.new_page()
    page.goto((folder / "jv" / "bantuan.html").as_uri())
    assert lang_of(page) == "jv"
    switch_to(page, "id")
    assert page.url == (folder / "bantuan.html").as_uri()
    switch_to(page, "jv")
    assert page.url == (folder / "jv" / "bantuan.html").as_uri()
    found = search_here(page, "violence")
    assert found and all(h.startswith((folder / "jv").as_uri() + "/") for h in found), found

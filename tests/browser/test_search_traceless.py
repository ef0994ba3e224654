"""Search leaves no trace: after a search from the home page's box or the search page, the query is in no address
(path, query string, fragment), no title, no history entry, no request the server saw, no cache key and no storage;
without JavaScript the box is not offered and the search page lists every page instead."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import search_here

# Words a reader at risk would search for, that the site's pages use and that no file name holds.
QUERIES = {"": "rahasia", "en/": "confidential"}
QUERY = QUERIES[""]


def traces(page) -> dict:
    """Everything in the tab that could keep a query: address, title, history length, storage."""
    return page.evaluate(
        """() => ({href: location.href, title: document.title, history: history.length,
                   local: JSON.stringify(Object.assign({}, localStorage)),
                   session: JSON.stringify(Object.assign({}, sessionStorage))})"""
    )


def cache_keys(page) -> list[str]:
    return page.evaluate(
        "caches.keys().then(names => Promise.all(names.map(n => caches.open(n).then(c => c.keys()))))"
        ".then(lists => lists.flat().map(r => r.url).sort())"
    )


@pytest.mark.parametrize("start", ["index.html", "search.html", "en/index.html", "en/search.html"])
def test_search_leaves_no_trace_in_address_title_history_or_server_log(make_context, server, start):
    page = make_context(service_workers="allow").new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    server["log"].clear()
    page.goto(server["base"] + start)
    before = traces(page)
    query = QUERIES["en/" if start.startswith("en/") else ""]
    found = search_here(page, query)
    assert found, f"'{query}' is on the site's pages: the search must find it"
    assert page.locator("#ra-search-panel").is_visible()
    page.press("#ra-q", "Enter")          # a second Enter: still no navigation
    page.wait_for_timeout(300)
    after = traces(page)
    assert after == before, "address, title, history and storage unchanged by a search"
    assert urlsplit(after["href"]).query == "" and urlsplit(after["href"]).fragment == ""
    assert query not in after["title"].lower()
    assert all(query not in unquote(u).lower() and "?" not in u for u in requested), requested
    seen = [path for path, _ in server["log"]]
    assert any(path.endswith("/ra-search.js") for path in seen), "the search code was fetched from the server"
    assert all(query not in unquote(path).lower() and "?" not in path for path in seen), seen
    # The service worker started with the first keystroke; whatever it keeps is a file address, never a query.
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    keys = cache_keys(page)
    assert keys and all("?" not in k and "#" not in k and query not in k.lower() for k in keys), keys
    # Opening a result: a plain page address; Back returns to the page searched on, as it was.
    page.goto(found[0])
    assert urlsplit(page.url).query == "" and query not in unquote(page.url).lower()
    page.go_back()
    assert page.url == before["href"]


def test_search_runs_in_place_and_hides_its_panel_when_the_box_is_cleared(page, server):
    page.goto(server["base"] + "bantuan.html")
    heading = page.locator("main h1").inner_text()
    assert page.locator("#ra-search-panel").is_hidden(), "no empty results panel before a search"
    assert search_here(page, "lapor")
    assert page.locator("main h1").first.inner_text() == heading, "the page stays, the results come on top"
    assert page.locator("#ra-search-panel h2").is_visible()
    page.fill("#ra-q", "")
    page.wait_for_function("() => document.getElementById('ra-search-panel').hidden")


def test_an_old_address_with_a_query_is_cleaned_from_the_history_entry(page, server):
    page.goto(server["base"] + "search.html?q=" + QUERY)
    page.wait_for_function("() => location.search === ''")
    assert page.url == server["base"] + "search.html"
    assert page.locator("#ra-q").input_value() == "", "a query in an address is not taken into the box"


def test_search_works_offline_after_the_first_visit(make_context, server):
    context = make_context(service_workers="allow")
    page = context.new_page()
    page.goto(server["base"] + "en/index.html")
    page.click("main h1")              # the reader's first interaction: the worker starts and keeps the core
    # wait for the page itself too: the worker stores files in parallel, so the search file alone is no proof
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.wait_for_function("() => caches.keys().then(n => n.length ? caches.open(n[0]).then(c => c.keys()) : [])"
                           ".then(k => ['/en/index.html', '/ra-search.js', '/search-en.js'].every(f => k.some(r => r.url.endsWith(f))))")
    context.set_offline(True)
    page.goto(server["base"] + "en/index.html")
    found = search_here(page, "report")
    assert found and all("/en/" in h for h in found)
    context.set_offline(False)


def test_search_that_cannot_load_says_so(make_context, server):
    context = make_context()
    page = context.new_page()
    page.goto(server["base"] + "en/index.html")
    page.route("**/search-en.js", lambda route: route.abort())
    page.locator("#ra-q").press_sequentially("report")
    page.press("#ra-q", "Enter")
    page.wait_for_selector("#ra-search-status:not(:empty)")
    assert page.locator("#ra-search-status").inner_text() == "Search could not be loaded. Check your connection and try again."
    assert page.url == server["base"] + "en/index.html"


def test_without_javascript_the_box_is_not_offered_and_the_search_page_lists_every_page(make_context, server, built):
    page = make_context(java_script_enabled=False).new_page()
    for lang_dir, needs_js in (("", "Pencarian memerlukan JavaScript"), ("en/", "Search needs JavaScript")):
        page.goto(server["base"] + lang_dir + "index.html")
        assert page.locator("#ra-q").is_hidden(), "no box that cannot work"
        link = page.locator("a.ra-search-nojs")
        assert link.is_visible()
        link.click()
        page.wait_for_url(server["base"] + lang_dir + "search.html")
        assert needs_js in page.locator("main").inner_text()
        hrefs = page.eval_on_selector_all(".ra-page-list a", "els => els.map(e => e.href)")
        pages = sorted(p.name for p in (built / lang_dir).glob("*.html")
                       if p.name not in ("search.html", "404.html", "keluar.html"))
        assert sorted(Path(urlsplit(h).path).name for h in hrefs) == pages, "every page of the language, once"
        assert page.locator("#ra-search-panel").is_hidden() or page.locator("#ra-search-results li").count() == 0


def test_the_form_can_never_put_a_query_in_an_address(built):
    """Even submitted without JavaScript (no CSS either), the form has no action and its box no name."""
    import lxml.html

    for rel in ("index.html", "search.html", "en/index.html", "en/search.html", "404.html"):
        tree = lxml.html.fromstring((built / rel).read_bytes())
        form = tree.get_element_by_id("ra-search-form")
        assert form.get("action") is None and form.get("method") is None, rel
        assert [e for e in form.iter("input") if e.get("name")] == [], rel
        assert form.find(".//input").get("autocomplete") == "off", "the browser keeps no list of past queries"


def test_the_browsing_safety_page_says_the_search_leaves_no_history_entry(built):
    for rel, words in (("aman-menjelajah.html", "Pencarian di situs ini tidak tercatat di riwayat browser."),
                       ("en/aman-menjelajah.html", "Searching this site leaves no entry in your browser history.")):
        assert words in (built / rel).read_text(encoding="utf-8"), rel

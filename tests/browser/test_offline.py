"""Offline: the service worker serves visited and core pages with the network cut; the offline bundle."""

from __future__ import annotations

import io
import zipfile


def interact(page):
    """The reader's first interaction (a tap on the heading, not on a link): the worker starts now."""
    page.click("main h1")


def cache_keys(page) -> list[str]:
    return page.evaluate(
        "caches.keys().then(names => Promise.all(names.map(n => caches.open(n).then(c => c.keys()))))"
        ".then(lists => lists.flat().map(r => r.url).sort())"
    )


def test_worker_starts_on_first_interaction_and_keeps_only_this_language(make_context, server):
    page = make_context(service_workers="allow").new_page()
    page.goto(server["base"] + "en/index.html", wait_until="networkidle")
    assert page.evaluate("navigator.serviceWorker.getRegistration().then(r => r === undefined)"), \
        "no worker before the reader does anything"
    interact(page)
    scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    assert scope == server["base"], "the worker's scope is the site's folder (a sub-path here)"
    files = page.eval_on_selector_all("link[rel=stylesheet], link[rel=icon], script[src]", "els => els.map(e => e.href || e.src)")
    search = [server["base"] + "assets/ra/ra-search.js", server["base"] + "assets/ra/search-en.js"]
    wanted = sorted([server["base"] + "en/index.html", server["base"] + "en/bantuan.html", *search, *files])
    page.wait_for_function(
        "n => caches.keys().then(names => Promise.all(names.map(k => caches.open(k).then(c => c.keys()))))"
        ".then(lists => lists.flat().length >= n)", arg=len(wanted))
    page.wait_for_timeout(300)   # anything more would arrive now
    assert cache_keys(page) == wanted, "this page, its files, this language's core pages and search, each once"


def test_service_worker_serves_visited_and_core_pages_offline(make_context, server):
    context = make_context(service_workers="allow")
    page = context.new_page()
    page.goto(server["base"] + "index.html")
    interact(page)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.wait_for_function("() => caches.keys().then(n => n.length ? caches.open(n[0]).then(c => c.keys()) : [])"
                           ".then(k => k.some(r => r.url.endsWith('/bantuan.html')))")
    page.goto(server["base"] + "jenis-kekerasan.html")       # visited: kept
    title = page.title()
    context.set_offline(True)
    page.goto(server["base"] + "jenis-kekerasan.html")
    assert page.title() == title
    assert page.locator("#ra-exit").is_visible()
    page.goto(server["base"] + "index.html")                 # the first page: kept with its files
    assert page.evaluate("getComputedStyle(document.getElementById('ra-exit')).position") == "fixed", "styled"
    page.goto(server["base"] + "bantuan.html")               # never visited, but a core page of this language
    assert page.evaluate("document.documentElement.lang") == "id"
    assert page.locator(".ra-hotline-box").is_visible()
    page.goto(server["base"] + "en/dampak.html")             # never visited, not kept: a home page instead
    assert page.locator(".ra-hotlines .ra-call").first.is_visible()
    context.set_offline(False)


def test_no_service_worker_from_file(page, built):
    page.goto((built / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("'serviceWorker' in navigator ? navigator.serviceWorker.controller : null") is None


def test_offline_bundle_works_from_file_and_exits_locally(page, built, tmp_path):
    data = (built / "ruang-aman-offline.zip").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        assert names == sorted(names)
        assert "ruang-aman/sw.js" not in names and "ruang-aman/keluar.html" in names
        zf.extractall(tmp_path)
    folder = tmp_path / "ruang-aman"
    page.goto((folder / "en" / "bantuan.html").as_uri())
    assert page.locator("#ra-exit").get_attribute("href") == "../keluar.html"
    assert page.locator(".ra-offline").count() == 0
    page.click("a.ra-lang")
    page.wait_for_load_state("load")
    assert page.url == (folder / "bantuan.html").as_uri()
    page.click("#ra-exit")
    page.wait_for_url((folder / "keluar.html").as_uri())
    text = page.locator("body").inner_text().lower()
    assert "ruang aman" not in text and "kekerasan" not in text


def test_offline_bundle_has_only_a4_posters_and_every_link_inside_it_resolves(built):
    import posixpath
    import re
    from urllib.parse import unquote, urlsplit

    with zipfile.ZipFile(built / "ruang-aman-offline.zip") as zf:
        names = set(zf.namelist())
        pages = {n: zf.read(n).decode("utf-8") for n in names if n.endswith(".html")}
    posters = [n for n in names if "/posters/" in n]
    assert posters, "the bundle has the posters (build them: RA_BROWSER_POSTERS=1)"
    assert not [n for n in posters if re.search(r"-(a3|square|story)\.", n)], "only A4 (and the thumbnails)"
    assert all(re.search(r"-(a4\.pdf|a4\.png|thumb\.png)$", n) for n in posters), posters
    broken = []
    for name, html in pages.items():
        for ref in re.findall(r'(?:href|src|action)="([^"]*)"', html):
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            assert not ref.startswith("/"), f"{name}: {ref} is not relative"
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path)))
            if parts.path.endswith("/"):
                target += "/index.html"
            if target not in names:
                broken.append(f"{name}: {ref}")
    assert not broken, broken
    print(f"offline bundle: {(built / 'ruang-aman-offline.zip').stat().st_size / 1024:.0f} KB, {len(names)} files")

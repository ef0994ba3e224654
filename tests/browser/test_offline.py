"""Offline: the service worker serves visited and core pages with the network cut; the offline bundle."""

from __future__ import annotations

import io
import zipfile


def test_service_worker_serves_a_visited_page_offline(make_context, server):
    context = make_context(service_workers="allow")
    page = context.new_page()
    page.goto(server["base"] + "index.html")
    scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    assert scope == server["base"], "the worker's scope is the site's folder (a sub-path here)"
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.goto(server["base"] + "jenis-kekerasan.html")       # visited: kept
    title = page.title()
    context.set_offline(True)
    page.goto(server["base"] + "jenis-kekerasan.html")
    assert page.title() == title
    assert page.locator("#ra-exit").is_visible()
    page.goto(server["base"] + "en/bantuan.html")            # never visited, but a core page: stored at install
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator(".ra-hotline-box").is_visible()
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

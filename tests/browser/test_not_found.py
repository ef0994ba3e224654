"""The not-found page: served (as on GitHub Pages) at any missing address, at any depth, in both languages."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit


def test_not_found_page_works_at_any_depth(page, server):
    response = page.goto(server["base"] + "en/x/y.html")
    assert response.status == 404
    refs = page.eval_on_selector_all(
        "[href], [src], form[action]",
        "els => els.map(e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action'))",
    )
    for ref in refs:
        if ref.startswith(("#", "tel:", "http:", "https:")):
            continue
        assert ref.startswith(server["path"]), f"{ref} depends on the address the page is served at"
        target = server["site"] / unquote(urlsplit(ref).path)[len(server["path"]):]
        assert target.is_file(), ref
    assert page.locator("#ra-exit").is_visible()
    # Stylesheet and script loaded from the deep address.
    assert page.evaluate("getComputedStyle(document.getElementById('ra-exit')).position") == "fixed"
    assert page.evaluate("document.documentElement.classList.contains('js')")


def test_not_found_page_speaks_indonesian_then_english_with_homes_and_hotlines(page, server):
    page.goto(server["base"] + "a/b/c/d.html")
    sections = page.locator("main .ra-not-found")
    assert sections.count() == 2
    assert sections.nth(0).get_attribute("lang") == "id" and sections.nth(1).get_attribute("lang") == "en"
    assert sections.nth(0).locator("h1").count() == 1 and sections.nth(1).locator("h2").count() == 1
    assert sections.nth(0).locator("a").get_attribute("href") == server["path"] + "index.html"
    assert sections.nth(1).locator("a").get_attribute("href") == server["path"] + "en/index.html"
    box = page.locator("main .ra-hotline-box")
    assert box.is_visible() and box.locator("a[href^='tel:']").count() >= 1
    assert box.locator("h2 [lang=en]").count() == 1, "the hotline title in English too"
    sections.nth(1).locator("a").click()
    page.wait_for_url(server["base"] + "en/index.html")
    assert page.evaluate("document.documentElement.lang") == "en"


def test_not_found_search_and_offline_link_work_from_a_deep_address(page, server):
    page.goto(server["base"] + "en/x/y.html")
    zip_href = page.eval_on_selector(".ra-offline a", "a => a.href")
    assert zip_href == server["base"] + "ruang-aman-offline.zip"
    page.fill("#ra-q", "kekerasan")
    page.press("#ra-q", "Enter")
    page.wait_for_selector("#ra-search-status:not(:empty)")
    assert page.url == server["base"] + "en/x/y.html", "results in place, the query in no address"
    found = page.eval_on_selector_all("#ra-search-results a", "els => els.map(e => e.href)")
    assert found and all(h.startswith(server["base"]) and "/x/" not in h for h in found), found
    page.goto(found[0])
    assert page.locator("main h1").count() == 1

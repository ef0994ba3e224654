"""In Chromium: what a reader sees when a search finds nothing (no dead end), and results in the order of the rules."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit


def search(page, query: str) -> None:
    page.locator("#ra-q").fill("")
    page.locator("#ra-q").press_sequentially(query)
    page.press("#ra-q", "Enter")
    page.wait_for_selector("#ra-search-status:not(:empty)")


def test_no_result_shows_hotlines_help_topics_and_the_closest_words(page, server):
    page.goto(server["base"] + "index.html")
    search(page, "pelecehhann")
    none = page.locator("#ra-search-panel .ra-search-none")
    assert page.locator("#ra-search-status").inner_text() == "Tidak ada hasil."
    assert page.locator("#ra-search-results li").count() == 0
    assert none.is_visible()
    calls = none.locator("a[href^='tel:']")
    assert calls.count() >= 2 and "129" in none.inner_text(), "the hotlines, one tap away"
    help_link = none.locator(".ra-search-help a")
    assert urlsplit(help_link.get_attribute("href")).path.endswith("bantuan.html")
    topics = none.locator(".ra-search-topics a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert len(topics) >= 10 and "jenis-kekerasan.html" in topics and "index.html" not in topics
    words = none.locator("button.ra-search-word").all_inner_texts()
    assert "pelecehan" in words


def test_tapping_a_closest_word_searches_for_it_in_place(page, server):
    page.goto(server["base"] + "search.html")
    address = page.url
    search(page, "pelecehhann")
    page.locator("button.ra-search-word", has_text="pelecehan").first.click()
    page.wait_for_selector("#ra-search-results li")
    assert page.input_value("#ra-q") == "pelecehan"
    assert page.locator(".ra-search-none").count() == 0
    first = page.locator("#ra-search-results li a").first.get_attribute("href")
    assert first.rsplit("/", 1)[-1] in ("jenis-kekerasan.html", "setelah-kekerasan-seksual.html")
    assert page.url == address, "the query never enters the address"


def test_results_list_the_topic_page_first_with_the_heading_that_holds_the_word(page, server):
    page.goto(server["base"] + "index.html")
    search(page, "diperkosa")
    first = page.locator("#ra-search-results li a").first.get_attribute("href").rsplit("/", 1)[-1]
    assert first in ("setelah-kekerasan-seksual.html", "jenis-kekerasan.html")
    search(page, "ditelantarkan")   # not on the site as typed: its root is, in the headings "Penelantaran ..."
    first = page.locator("#ra-search-results li").first
    assert first.locator("a").get_attribute("href").endswith("jenis-kekerasan.html")
    assert first.locator("strong mark").first.inner_text().lower() == "penelantaran"
    assert "Bentuk-bentuk kekerasan" in first.inner_text(), "then the page's description"


def test_a_corrected_typo_says_what_was_searched(page, server):
    page.goto(server["base"] + "en/index.html")
    search(page, "volence")
    assert "violence" in page.locator("#ra-search-status").inner_text()
    assert page.locator("#ra-search-results li").count() > 0


def test_no_result_view_from_disk_links_pages_that_exist(page, built):
    page.goto((built / "en" / "index.html").as_uri())
    search(page, "zzzzqqq")
    assert page.locator("#ra-search-status").inner_text() == "No results."
    hrefs = page.locator(".ra-search-none a[href$='.html']").evaluate_all("els => els.map(e => e.href)")
    assert len(hrefs) >= 10 and all(h.startswith("file://") and "/en/" in h for h in hrefs)
    assert all(Path(unquote(urlsplit(h).path)).is_file() for h in hrefs)

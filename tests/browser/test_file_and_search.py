"""The site opened from disk (file://): links, the language switch, and search in both languages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from .conftest import search_here


def file_url(site, rel: str) -> str:
    return (site / rel).as_uri()


def test_file_navigation_every_nav_link_opens(page, built):
    page.goto(file_url(built, "index.html"))
    hrefs = page.eval_on_selector_all(".ra-menu nav a", "els => els.map(e => e.href)")
    assert len(hrefs) >= 2
    for href in hrefs:
        assert href.startswith("file://")
        assert Path(unquote(urlsplit(href).path)).is_file(), href
    page.goto(hrefs[-1])
    assert page.locator("main h1").count() == 1


def test_file_language_switch_opens_the_same_page_in_the_other_language(page, built):
    page.goto(file_url(built, "bantuan.html"))
    assert page.evaluate("document.documentElement.lang") == "id"
    page.click("a.ra-lang")
    page.wait_for_load_state("load")
    assert page.url == file_url(built, "en/bantuan.html")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.click("a.ra-lang")
    page.wait_for_load_state("load")
    assert page.url == file_url(built, "bantuan.html")


def test_file_search_indonesian_finds_the_root_of_an_affixed_word(page, built):
    page.goto(file_url(built, "bantuan.html"))
    found = search_here(page, "pelaporan")   # pe- + lapor + -an: pages saying "melapor" / "laporkan" must be found
    assert page.url == file_url(built, "bantuan.html"), "results in place: the page's address does not change"
    assert found, "no result for an affixed Indonesian word"
    assert all(h.startswith("file://") and "/en/" not in h for h in found), "results only in Indonesian"
    page.goto(found[0])
    assert page.evaluate("document.documentElement.lang") == "id"
    text = page.locator("main").inner_text().lower()
    assert "lapor" in text


def test_file_search_english_only_english_results(page, built):
    page.goto(file_url(built, "en/search.html"))
    found = search_here(page, "reporting")
    assert found
    assert all("/en/" in h for h in found), "results only in English"
    page.goto(found[0])
    assert page.evaluate("document.documentElement.lang") == "en"


def test_search_code_and_index_load_only_when_a_search_starts(page, server):
    seen = []
    page.on("request", lambda r: seen.append(r.url))
    for rel in ("index.html", "search.html"):
        page.goto(server["base"] + rel)
        page.wait_for_load_state("networkidle")
    assert not [u for u in seen if "search" in u.rsplit("/", 1)[-1] and not u.endswith("search.html")], \
        "no search code or index before the reader searches"
    assert search_here(page, "kekerasan")
    loaded = [u.rsplit("/", 1)[-1] for u in seen]
    assert "ra-search.js" in loaded and "search-id.js" in loaded and "search-en.js" not in loaded


def test_search_over_http_no_result_message(page, server):
    page.goto(server["base"] + "en/search.html")
    assert search_here(page, "zzzzqqq") == []
    assert page.locator("#ra-search-status").inner_text() == "No results."


def test_stemmers_bring_affixed_words_to_their_root(page, server):
    page.goto(server["base"] + "search.html")
    search_here(page, "lapor")
    page.wait_for_function("window.RuangAmanSearch !== undefined")
    stems = page.evaluate(
        "words => words.map(w => RuangAmanSearch.stemId(w))",
        ["melaporkan", "pelaporan", "laporan", "dilaporkan", "lapor", "melapor"],
    )
    assert set(stems) == {"lapor"}
    same = page.evaluate(
        "pairs => pairs.map(([a, b]) => RuangAmanSearch.stemId(a) === RuangAmanSearch.stemId(b))",
        [["kekerasan", "keras"], ["perlindungan", "melindungi"], ["penganiayaan", "aniaya"], ["bantuan", "membantu"]],
    )
    assert all(same)
    assert page.evaluate("RuangAmanSearch.tokens('yang dan di untuk', RuangAmanIndex)") == []
    en = page.evaluate("['reporting', 'reported', 'reports', 'report'].map(w => RuangAmanSearch.stemEn(w))")
    assert set(en) == {"report"}

"""Search quality on the real built site, through the real search code (ra-search.js in node, as the browser loads
it): the query set's bar, typo tolerance only when needed, and the ranking rules."""

from __future__ import annotations

import pytest

from search_quality import BAR, BUDGET_KB, evaluate, query_set, run_search, search_kb


@pytest.fixture(scope="module")
def outcomes(built):
    return evaluate(built)


def test_query_set_is_large_enough_and_names_real_pages(built):
    queries = query_set()
    assert len(queries["id"]) >= 60 and len(queries["en"]) >= 20
    for lang, items in queries.items():
        folder = built if lang == "id" else built / lang
        missing = {p for _, pages in items for p in pages if not (folder / f"{p}.html").exists()}
        assert not missing, f"[{lang}] the query set expects pages that are not built: {missing}"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_query_set_success_in_the_first_three_meets_the_bar(outcomes, lang):
    got = outcomes[lang]
    misses = [(o.q, o.expect, o.urls[:3]) for o in got if not o.top3]
    assert sum(o.top3 for o in got) / len(got) >= BAR, f"[{lang}] misses: {misses}"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_query_of_the_set_finds_nothing(outcomes, lang):
    assert not [o.q for o in outcomes[lang] if not o.urls]


def answers(site, lang, queries):
    return {a["q"]: a for a in run_search(site, lang, {"queries": queries})["queries"]}


def test_typo_tolerance_only_for_long_words_that_find_nothing(built):
    got = answers(built, "id", ["kekerasn", "kekerasan", "pelecehn", "kdtr", "zzzzqqq"])
    assert got["kekerasn"]["fixed"] == [["kekerasn", ["kekerasan"]]] and got["kekerasn"]["urls"]
    assert got["pelecehn"]["fixed"] and got["pelecehn"]["urls"]
    assert got["kekerasan"]["fixed"] == [], "a word that finds pages is never 'corrected'"
    assert got["kdtr"]["urls"] == [] and got["kdtr"]["fixed"] == [], "four letters: no guessing"
    assert got["zzzzqqq"]["urls"] == []


def test_topic_page_beats_statistics_and_about_pages(built):
    topics = {"kdrt": "jenis-kekerasan.html", "kekerasan dalam rumah tangga": "jenis-kekerasan.html",
              "kekerasan seksual": "setelah-kekerasan-seksual.html"}
    got = answers(built, "id", list(topics))
    for q, a in got.items():
        pages = a["urls"]
        assert pages[0] == topics[q], (q, pages[:3])
        assert "statistik.html" not in pages[:3] and "tentang.html" not in pages[:3], (q, pages[:3])


def test_a_page_with_the_query_in_a_heading_comes_first(built):
    got = answers(built, "id", ["polisi", "hapus riwayat", "penelantaran"])
    assert got["polisi"]["urls"][:2] == ["lapor-polisi.html", "bantuan.html"]   # title, then heading "Polisi"
    assert got["hapus riwayat"]["urls"][0] == "aman-menjelajah.html"   # heading "Menghapus riwayat"
    assert got["penelantaran"]["urls"][0] == "jenis-kekerasan.html"    # headings "Penelantaran ..."
    en = answers(built, "en", ["police"])
    assert en["police"]["urls"][:2] == ["lapor-polisi.html", "bantuan.html"]


def test_readers_words_reach_the_pages_through_synonyms(built):
    got = answers(built, "id", ["grepe", "p2tp2a", "curhat"])
    assert "jenis-kekerasan.html" in got["grepe"]["urls"][:3]
    assert {"bantuan.html", "cara-melapor.html"} & set(got["p2tp2a"]["urls"][:3])
    assert got["curhat"]["urls"]


def test_no_result_offers_the_closest_words_of_the_site(built):
    got = answers(built, "id", ["pelecehhann"])["pelecehhann"]
    assert got["urls"] == [] and "pelecehan" in got["closest"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_search_index_and_code_stay_within_the_budget(built, lang):
    assert search_kb(built, lang) <= BUDGET_KB

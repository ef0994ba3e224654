"""Word families meet at one root: at index time (PySastrawi, stemming.py) and in the browser's code (ra-search.js,
run in node: its light rules alone, and with an index whose roots came from the build)."""

from __future__ import annotations

import shutil

import pytest

from ruang_aman.search_index import Entry, index_script
from ruang_aman.stemming import pack_roots, roots, stemmer_for
from ra_testing import ROOT, language
from search_quality import run_search

# Each family: the root a reader's word must reach, then the forms (formal, passive, informal) that must reach it.
FAMILIES = {
    "nikah": ["menikah", "pernikahan", "dinikahkan", "menikahi", "nikahnya"],
    "cerai": ["bercerai", "perceraian", "diceraikan"],
    "culik": ["penculikan", "diculik", "menculik"],
    "setubuh": ["persetubuhan", "bersetubuh", "disetubuhi", "menyetubuhi"],
    "adu": ["pengaduan", "mengadu", "mengadukan", "diadukan"],
    "lapor": ["melaporkan", "pelaporan", "laporan", "dilaporkan", "melapor"],
    "perkosa": ["diperkosa", "perkosaan", "pemerkosaan", "memperkosa"],
    "cabul": ["pencabulan", "dicabuli", "mencabuli"],
    "leceh": ["pelecehan", "dilecehkan", "melecehkan"],
    "keras": ["kekerasan"],
    "pukul": ["dipukul", "memukul", "pemukulan", "pukulan"],
    "lindung": ["perlindungan", "melindungi", "dilindungi"],
    "aniaya": ["penganiayaan", "menganiaya", "dianiaya"],
    "siksa": ["penyiksaan", "disiksa", "menyiksa"],
    "ancam": ["ancaman", "mengancam", "diancam"],
    "telantar": ["penelantaran", "ditelantarkan", "menelantarkan"],
    "damping": ["pendampingan", "mendampingi", "pendamping"],
    "kawin": ["perkawinan", "dikawinkan", "mengawini"],
    "bantu": ["bantuan", "membantu", "dibantu"],
    "rasa": ["perasaan", "merasa", "merasakan"],
}
# Spoken forms a reader types; the light rules (no dictionary) bring them to the root too.
SPOKEN = {"pukul": ["dipukulin"], "sakit": ["nyakitin", "menyakiti", "disakiti"], "lapor": ["ngelapor", "ngelaporin"],
          "siksa": ["nyiksa"]}


def node_calls(site, calls, lang="id"):
    return run_search(site, lang, {"calls": calls})["calls"]


@pytest.fixture(scope="module")
def code_only(tmp_path_factory):
    """A site folder with only the search code (no index): the light rules alone."""
    site = tmp_path_factory.mktemp("code")
    (site / "assets" / "ra").mkdir(parents=True)
    shutil.copy(ROOT / "theme" / "assets" / "ra" / "ra-search.js", site / "assets" / "ra" / "ra-search.js")
    return site


@pytest.mark.parametrize("root", sorted(FAMILIES))
def test_index_stemmer_brings_each_family_to_one_root(root):
    stem = stemmer_for("id")
    assert {w: stem(w) for w in [root, *FAMILIES[root]]} == {w: root for w in [root, *FAMILIES[root]]}


def test_only_the_indonesian_stemmer_has_index_time_roots():
    assert stemmer_for("en") is None and stemmer_for(None) is None and stemmer_for("jv") is None


def test_roots_map_keeps_only_words_that_change_and_packs_them_by_root():
    mapping = roots(["pelaporan", "lapor", "dilaporkan", "polisi", "2019", "di"], stemmer_for("id"))
    assert mapping == {"dilaporkan": "lapor", "pelaporan": "lapor"}
    assert pack_roots(mapping) == "lapor:di~kan,pe~an"


def test_light_rules_bring_each_family_and_spoken_forms_to_one_root(code_only):
    # Only a dictionary knows that perasaan is not per- + asa, nor mengawini meng- + awin: the index carries those.
    cases = [(w, root) for family in (FAMILIES, SPOKEN) for root, forms in family.items() for w in [root, *forms]
             if w not in ("perasaan", "mengawini")]
    stems = node_calls(code_only, [["stemId", w] for w, _ in cases])
    wrong = {w: (got, root) for (w, root), got in zip(cases, stems) if got != root}
    assert not wrong, f"word: (light rules gave, expected root): {wrong}"


def test_light_rules_keep_roots_that_look_affixed(code_only):
    words = ["keluarga", "keras", "setubuh", "perempuan", "polisi", "cerai", "berita", "mencari", "memberi"]
    assert node_calls(code_only, [["stemId", w] for w in words]) == \
        ["keluarga", "keras", "setubuh", "perempuan", "polisi", "cerai", "berita", "cari", "beri"]


def test_words_not_on_the_site_reach_the_root_the_site_uses(tmp_path):
    """With an index: a passive, spoken or unusual form finds the root of a word that is on the site."""
    site = tmp_path
    (site / "assets" / "ra").mkdir(parents=True)
    shutil.copy(ROOT / "theme" / "assets" / "ra" / "ra-search.js", site / "assets" / "ra" / "ra-search.js")
    entry = Entry(u="a.html", t="Kekerasan", h=[], x="perkosaan pukulan perkawinan tindakan korban pengaduan")
    (site / "assets" / "ra" / "search-id.js").write_text(index_script(language("id", "", stemmer="id"), [entry]),
                                                           encoding="utf-8")
    words = {"diperkosa": "perkosa", "dipukulin": "pukul", "mukul": "pukul", "mengawini": "kawin", "ditindak": "tindak",
             "dikorbankan": "korban", "ngadu": "adu", "kekerasan": "keras"}
    got = node_calls(site, [["root", "$index", w] for w in words])
    assert dict(zip(words, got)) == words

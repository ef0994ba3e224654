"""The cheap first passes never say "no" where the exact patterns would find something."""

from __future__ import annotations

import pytest

from ruang_aman.privacy.identifiers import find_niks
from ruang_aman.privacy.indirect import cues
from ruang_aman.privacy.names import NameMatcher
from ruang_aman.privacy.normalize import canonical
from ruang_aman.privacy.prefilter import Encoded, WordSearch, may_hold_nik, squeeze_word


def test_squeezed_words_are_found_at_their_place_in_the_original_text() -> None:
    text = "Kata  pertama, lalu MUHAMMAD dan siiiti117; “ssiti”"
    search = WordSearch(["muhamad", "siti17", "siti"], squeeze=True)
    starts = search.starts(Encoded(text.lower()))
    assert starts == [text.index("MUHAMMAD"), text.index("siiiti"), text.index("ssiti")]
    assert squeeze_word("muhammad") == "muhamad"


def test_a_word_search_without_squeezing_compares_words_as_written() -> None:
    search = WordSearch(["gg"])
    assert not search.any(Encoded("gratis, gigi"))
    assert search.any(Encoded("di gg. mawar"))


@pytest.mark.parametrize("text", ["Halo Muhhammad Yusuf!", "SIIITI RAHAYU", "sitti  rahayyu", "siti117 rahayu",
                                  "Djoko Soesilo", "Tjitra Kusuma"])
def test_names_with_letters_or_digits_repeated_are_still_found(text: str) -> None:
    matcher = NameMatcher(["Muhamad Yusuf", "Siti Rahayu", "Siti17 Rahayu", "Joko Susilo", "Citra Kusuma"])
    assert matcher.find(canonical(text)), text


def test_the_nik_gate_passes_every_way_a_nik_is_written() -> None:
    for text in ["NIK 3171011205900001", "NIK: 3171 0112 0590 0001", "31.71.01.120590.0001",
                 "NIK \uff13\uff11\uff17\uff11\uff10\uff11\uff11\uff12\uff10\uff15\uff19\uff10\uff10\uff10\uff10\uff11"]:
        assert may_hold_nik(text), text
    assert not may_hold_nik("Pada 2023 tercatat 1.234 kasus; hubungi 08111-129-129.")
    for text in ["NIK 3171011205900001", "NIK: 3171 0112 0590 0001",
                 "NIK \uff13\uff11\uff17\uff11\uff10\uff11\uff11\uff12\uff10\uff15\uff19\uff10\uff10\uff10\uff10\uff11"]:
        assert find_niks(text), text   # the gate lets through what the exact pattern finds


def test_text_with_only_victim_words_has_no_cues_and_a_relative_cue_is_kept() -> None:
    assert not any(cues(" korban pelecehan melapor ke polisi. victims are safe.".lower()).values())
    found = cues("ayah tiri korban, budi (45), ditahan. korban kini aman.")
    assert found["relative"] and found["victim"]
    assert cues("ibunya korban")["relative"] == [0]   # a cue at the very start of the text

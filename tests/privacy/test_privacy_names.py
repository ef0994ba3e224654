"""Protected-name matching: every disguise from the issue, whole words only, hashed names."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruang_aman.privacy.hashes import HashStore
from ruang_aman.privacy.names import NameMatcher
from ruang_aman.privacy.normalize import canonical, name_key, split_camel, strip_tags

NAMES = ["Siti Rahayu", "Soekarni", "Djoko Susilo", "Wulan", "Ni Made Ayu Lestari", "Yusuf"]


def keys(text: str, matcher: NameMatcher | None = None) -> list[str]:
    matcher = matcher or NameMatcher(NAMES)
    return [h.key for h in matcher.find(canonical(text))]


@pytest.mark.parametrize("text, key", [
    ("Ibu Siti Rahayu datang ke kantor.", "siti rahayu"),
    ("SITI RAHAYU", "siti rahayu"),
    ("Sítì Ráhayu", "siti rahayu"),                       # accents
    ("Siti    Rahayu", "siti rahayu"),                   # extra spaces
    ("Siti\nRahayu", "siti rahayu"),                     # line break
    ("Siti,Rahayu", "siti rahayu"),                      # punctuation
    ("/foto/siti-rahayu-2026.jpg", "siti rahayu"),       # hyphenated slug
    ("siti_rahayu.png", "siti rahayu"),
    ("sitirahayu", "siti rahayu"),                       # slug without separators
    ("Siti&nbsp;Rahayu", "siti rahayu"),                 # HTML entity
    ("Siti%20Rahayu", "siti rahayu"),                    # URL escape
    ('<img src="a.jpg" alt="Siti Rahayu di rumah">', "siti rahayu"),
    ('<a title="siti rahayu">x</a>', "siti rahayu"),
    ("Sukarni bercerita", "sukarni"),                    # new spelling of Soekarni
    ("SOEKARNI", "sukarni"),
    ("Joko Susilo", "yoko susilo"),                      # dj -> j
    ("Djoko  Soesilo", "yoko susilo"),
    ("Joesoef", "yusuf"),                                # old j = new y, oe = u
    ("wulan", "wulan"),                                  # single-word name
    ("Ni Made Ayu\n  Lestari", "ni made ayu lestari"),
    ("Su\u00adkarni", "sukarni"),                        # soft hyphen (pasted from Word)
    ("Su&shy;karni", "sukarni"),
    ("Si\u200bti Ra\u200chayu", "siti rahayu"),          # zero-width space / non-joiner
    ("\ufeffWu\u2060lan\u200d", "wulan"),                # BOM, word joiner, zero-width joiner
])
def test_name_found_in_disguise(text: str, key: str) -> None:
    assert keys(text) == [canonical(key)]


@pytest.mark.parametrize("text", [
    "Wulandari datang",            # single name only as a whole word
    "bulan purnama",
    "Siti datang. Lalu Rahayu pergi dan kembali ke rumahnya besok pagi sekali.",  # separator too long
    "Djokosusilos",
    "Yusufa",
])
def test_no_partial_or_distant_matches(text: str) -> None:
    assert keys(text) == []


def test_split_across_markup() -> None:
    html = "<p>Siti <b>Rahayu</b></p>"
    assert keys(strip_tags(html)) == ["siti rahayu"]


def test_camel_case_file_name() -> None:
    assert keys(split_camel("FotoSitiRahayu.jpg")) == ["siti rahayu"]


def test_name_key_folds_spelling_and_spacing() -> None:
    assert name_key("  Soekarni ") == name_key("sukarni") == "sukarni"
    assert name_key("Djoko   Soesilo") == name_key("Joko Susilo")


def test_hashed_names_match_without_clear_text(tmp_path: Path) -> None:
    store = HashStore(tmp_path / "h.yml", b"k" * 16)
    store.add_name(name_key("Siti Rahayu"))
    store.add_name(name_key("Wulan"))
    matcher = NameMatcher([], store)
    assert sorted(keys("siti-rahayu dan Wulan; bukan Wulandari", matcher)) == ["siti rahayu", "wulan"]
    assert keys("sitirahayu.jpg", matcher) == ["sitirahayu"]
    store.save()
    saved = store.path.read_text()
    assert "siti" not in saved.lower() and "wulan" not in saved.lower()


def test_many_names_one_regex_is_correct() -> None:
    many = [f"Nama{i} Orang{i}" for i in range(500)] + NAMES
    matcher = NameMatcher(many)
    assert keys("ada nama250 orang250 di sini", matcher) == ["nama250 orang250"]
    assert keys("Siti Rahayu", matcher) == ["siti rahayu"]


def test_invisible_characters_removed_without_moving_lines() -> None:
    text = "a\u00ad\nb\u200b\u200c\u200d\nc\u2060\ufeff\nSu\u00adkarni"
    assert canonical(text) == "a\nb\nc\nsukarni"
    hit = NameMatcher(NAMES).find(canonical(text))[0]
    assert canonical(text).count("\n", 0, hit.start) + 1 == 4

"""The stem cache (build/cache/stems-id-<identity>.json): roots found by one build are read by the next, and a
changed stemmer (this module, Sastrawi's code or dictionary) never reads them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from ruang_aman import stemming
from ruang_aman.stemming import stem_cache, stemmer_for


def test_roots_are_written_read_back_and_a_changed_stemmer_starts_cold(tmp_path, monkeypatch):
    stem = stemmer_for("id")
    monkeypatch.setattr(stemming, "_SASTRAWI_ROOTS", {})
    with stem_cache(tmp_path):
        assert stem("dilaporkan") == "lapor"
    (written,) = tmp_path.glob("stems-id-*.json")
    assert json.loads(written.read_text(encoding="utf-8")) == {"dilaporkan": "lapor"}

    # The next build reads the file: a root planted in it (only the file knows it) is what the stemmer answers.
    written.write_text(json.dumps({"dilaporkan": "lapor", "memukul": "planted"}), encoding="utf-8")
    monkeypatch.setattr(stemming, "_SASTRAWI_ROOTS", {})
    with stem_cache(tmp_path):
        assert stem("memukul") == "planted"

    # Another stemmer identity: the old file is neither read nor kept.
    monkeypatch.setattr(stemming, "_sastrawi_identity", lambda: "0123456789abcdef")
    monkeypatch.setattr(stemming, "_SASTRAWI_ROOTS", {})
    with stem_cache(tmp_path):
        assert stem("memukul") == "pukul"
    assert [p.name for p in tmp_path.glob("stems-id-*.json")] == ["stems-id-0123456789abcdef.json"]


def test_an_unreadable_cache_file_is_a_cold_start(tmp_path, monkeypatch):
    monkeypatch.setattr(stemming, "_SASTRAWI_ROOTS", {})
    (tmp_path / f"stems-id-{stemming._sastrawi_identity()}.json").write_text("{not json", encoding="utf-8")
    with stem_cache(tmp_path):
        assert stemmer_for("id")("penculikan") == "culik"
    (written,) = tmp_path.glob("stems-id-*.json")
    assert json.loads(written.read_text(encoding="utf-8")) == {"penculikan": "culik"}


def test_the_identity_changes_with_the_dictionary(tmp_path, monkeypatch):
    import Sastrawi

    copy = tmp_path / "Sastrawi"
    shutil.copytree(Path(Sastrawi.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(Sastrawi, "__file__", str(copy / "__init__.py"))
    before = stemming._sastrawi_identity()
    dictionary = copy / "Stemmer" / "data" / "kata-dasar.txt"
    dictionary.write_text(dictionary.read_text(encoding="utf-8") + "\nmeni", encoding="utf-8")
    assert stemming._sastrawi_identity() != before

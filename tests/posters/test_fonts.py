"""Fonts travel with the repo under an open licence; nothing comes from the machine's fonts."""

from __future__ import annotations

from .conftest import ROOT
from ruang_aman.posters import text as T


def test_fonts_and_their_licence_are_in_the_repo():
    assert T.FONTS_DIR == ROOT / "fonts"
    for path in T.font_paths():
        assert path.is_file() and path.parent == ROOT / "fonts"
    licence = (ROOT / "fonts" / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence


def test_fonts_are_loaded_from_the_repo_path():
    assert T.font("bold", 40).path == str(ROOT / "fonts" / "NotoSans-Bold.ttf")


def test_wrapping_breaks_long_addresses_after_slashes():
    lines = T.wrap("ruang-aman.github.io/ruang-aman/en/anak-dan-remaja.html", "regular", 40, 400)
    assert lines and all(T.width(line, "regular", 40) <= 400 for line in lines)
    assert "".join(lines) == "ruang-aman.github.io/ruang-aman/en/anak-dan-remaja.html"

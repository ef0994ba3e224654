"""Poster PDFs are vector pages: a text layer pdftotext reads, every font embedded, small files."""

from __future__ import annotations

import re
import subprocess

from pypdf import PdfReader

from .conftest import SAMPLE, need
from .test_render import manifest

# Today's budget (issue 15): no larger than the picture PDFs were, A4 about 145 KB, A3 about 220 KB.
BUDGET_KB = {"A4": 145, "A3": 220}


def _pdftotext(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _pdffonts(path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def test_text_layer_holds_headline_hotline_and_address(rendered, real):
    need("pdftotext")
    site, _, _ = rendered
    content, _ = real
    poster = next(p for p in content.posters if p.slug == SAMPLE)
    for e in (e for e in manifest(site) if e["format"] == "pdf"):
        text = " ".join(_pdftotext(site / e["file"]).split())
        assert " ".join(poster.headline.get(e["lang"]).split()[:2]) in text, e["file"]
        assert "129" in re.findall(r"\b\d{3}\b", text), e["file"]  # the SAPA number, copyable
        assert "0811-1129-129" in text or "08111-129-129" in text, text  # its WhatsApp number
        assert "ruang-aman.github.io" in text


def test_every_font_is_embedded_as_a_subset(rendered):
    need("pdffonts")
    site, _, _ = rendered
    for e in (e for e in manifest(site) if e["format"] == "pdf"):
        fonts = _pdffonts(site / e["file"])
        assert fonts, "the page has text, so it must list fonts"
        for row in fonts:
            emb, sub, uni = row[-5], row[-4], row[-3]
            assert (emb, sub, uni) == ("yes", "yes", "yes"), (e["file"], row)
            assert "NotoSans" in row[0]


def test_pdf_is_a_vector_page_not_a_picture(rendered):
    site, _, _ = rendered
    for e in (e for e in manifest(site) if e["format"] == "pdf"):
        page = PdfReader(site / e["file"]).pages[0]
        assert "/XObject" not in page["/Resources"], "no embedded page image"


def test_pdf_stays_within_the_size_budget(rendered):
    site, _, _ = rendered
    for e in (e for e in manifest(site) if e["format"] == "pdf"):
        kb = (site / e["file"]).stat().st_size / 1024
        assert kb <= BUDGET_KB[e["size"]], (e["file"], kb)

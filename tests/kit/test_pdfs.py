"""Every kit PDF: page sizes, a text layer, embedded fonts, QR codes that decode, hotlines, no dates, notes."""

from __future__ import annotations

import re

import pytest
import yaml
from pypdf import PdfReader

from .conftest import ROOT, decks, manifest, need, pdftotext, run, source, zbar_page

PT = 72 / 25.4
SIZES = {"deck": (338.667 * PT, 190.5 * PT), "guide": (595.28, 841.89), "leaflet": (841.89, 595.28)}
SITE = yaml.safe_load((ROOT / "content_src" / "site.yml").read_text(encoding="utf-8"))
BASE = SITE["base_url"]


def url(page: str, lang: str) -> str:
    """The published address, spelled out here from site.yml (not with the code under test)."""
    return BASE + ("" if lang == "id" else f"{lang}/") + f"{page}.html"


def pdfs(site, kind=None):
    return [e for e in manifest(site) if e["file"].endswith(".pdf") and (kind is None or e["kind"] == kind)]


def test_every_page_has_its_paper_size(kit):
    site, _, _ = kit
    assert {e["kind"] for e in pdfs(site)} == {"deck", "guide", "leaflet"}
    for e in pdfs(site):
        reader = PdfReader(site / e["file"])
        for page in reader.pages:
            w, h = float(page.mediabox.width), float(page.mediabox.height)
            want = SIZES[e["kind"]]
            assert abs(w - want[0]) <= 1 and abs(h - want[1]) <= 1, (e["file"], w, h)
        if e["kind"] == "deck":
            assert abs(w / h - 16 / 9) < 0.005
        if e["kind"] == "leaflet":
            assert len(reader.pages) == 2


def test_each_language_has_three_decks_of_eight_to_fifteen_slides(kit):
    site, _, _ = kit
    for lang in ("id", "en"):
        found = [e for e in pdfs(site, "deck") if e["lang"] == lang]
        assert len(found) >= 3
        for e in found:
            assert 8 <= len(PdfReader(site / e["file"]).pages) <= 15


def test_text_layer_holds_titles_and_hotlines(kit):
    need("pdftotext")
    site, _, _ = kit
    for deck in decks():
        for lang in ("id", "en"):
            path = site / "kit" / f"deck-{deck['slug']}-{lang}.pdf"
            pages = len(PdfReader(path).pages)
            assert deck["slides"][1]["title"][lang] in pdftotext(path, 2)
            last = pdftotext(path, pages)
            assert re.search(r"(^|\s)129(\s|$)", last), last  # the SAPA hotline on the last slide
            assert "08111-129-129" in last
    for lang in ("id", "en"):
        leaflet = pdftotext(site / "kit" / f"leaflet-{lang}.pdf")
        assert re.search(r"(^|\s)129(\s|$)", leaflet) and "08111-129-129" in leaflet
        for kind in yaml.safe_load((ROOT / "content_src" / "violence.yml").read_text(encoding="utf-8"))["violence"]:
            assert kind["name"][lang] in leaflet
        guide = pdftotext(site / "kit" / f"guide-{lang}.pdf")
        rules = next(s for s in source("guide.yml")["sections"] if "points" in s and len(s["points"][lang]) == 6)
        for rule in rules["points"][lang]:
            assert " ".join(rule.split()) in guide
        for item in source("guide.yml")["questions"]:
            assert " ".join(item["q"][lang].split()) in guide
        for deck in decks():  # every slide's notes are in the guide
            for slide in deck["slides"]:
                assert " ".join(slide["notes"][lang].split())[:60] in guide


def test_every_font_is_embedded(kit):
    need("pdffonts")
    site, _, _ = kit
    for e in pdfs(site):
        rows = [line.split() for line in run("pdffonts", str(site / e["file"])).splitlines()[2:] if line.strip()]
        assert rows
        for row in rows:
            assert row[-5:-2] == ["yes", "yes", "yes"], (e["file"], row)


def test_no_dates_or_producer_in_any_pdf(kit):
    site, _, _ = kit
    for e in pdfs(site):
        raw = (site / e["file"]).read_bytes()
        assert b"/CreationDate" not in raw and b"/ModDate" not in raw and b"/Producer" not in raw, e["file"]


def test_no_pictures_inside_the_pdfs(kit):
    """Vector only: nothing in a kit PDF needs the guard's image scan (its text is content_src/kit/)."""
    site, _, _ = kit
    for e in pdfs(site):
        for page in PdfReader(site / e["file"]).pages:
            assert "/XObject" not in page["/Resources"], e["file"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_last_slide_qr_opens_the_help_page(kit, tmp_path, lang):
    need("pdftoppm", "zbarimg")
    site, _, _ = kit
    for deck in decks():
        path = site / "kit" / f"deck-{deck['slug']}-{lang}.pdf"
        last = len(PdfReader(path).pages)
        page = deck["slides"][-1].get("page", "bantuan")
        assert zbar_page(path, last, tmp_path / f"{deck['slug']}-{lang}") == [url(page, lang)]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_leaflet_qr_codes_open_the_site(kit, tmp_path, lang):
    need("pdftoppm", "zbarimg")
    site, _, _ = kit
    wanted = sorted(url("index" if p["qr"] == "index" else p["qr"], lang) for p in source("leaflet.yml")["outside"] if p.get("qr"))
    assert url("index", lang) in wanted
    assert zbar_page(site / "kit" / f"leaflet-{lang}.pdf", 1, tmp_path / lang, dpi=150) == wanted


def test_slide_notes_are_in_the_pdf(kit):
    site, _, _ = kit
    for deck in decks():
        reader = PdfReader(site / "kit" / f"deck-{deck['slug']}-en.pdf")
        for page, slide in zip(reader.pages, deck["slides"]):
            notes = [a.get_object() for a in page.get("/Annots", []) if a.get_object()["/Subtype"] == "/Text"]
            assert [" ".join(str(n["/Contents"]).split()) for n in notes] == [" ".join(slide["notes"]["en"].split())]

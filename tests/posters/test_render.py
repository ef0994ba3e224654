"""Rendered posters: QR codes decode to the manifest's URL, PDFs are exactly A4/A3 and deterministic."""

from __future__ import annotations

import hashlib
import json
import subprocess

import pytest
from pypdf import PdfReader

from .conftest import SAMPLE, need, only, zbar
from ruang_aman.posters import render_posters
from ruang_aman.problems import Problems

# The sample poster's QR codes, written out (site.yml's base_url + the language's folder + its page).
QR_URLS = {"id": "https://ruang-aman.github.io/ruang-aman/bantuan.html",
           "en": "https://ruang-aman.github.io/ruang-aman/en/bantuan.html"}
A4_PT = (595, 842)
A3_PT = (842, 1191)


def manifest(site):
    return json.loads((site / "posters" / "manifest.json").read_text(encoding="utf-8"))["posters"]


def test_manifest_lists_every_file_with_its_qr_and_title(rendered, real):
    site, _, _ = rendered
    content, _ = real
    poster = next(p for p in content.posters if p.slug == SAMPLE)
    entries = manifest(site)
    assert {tuple(sorted(e)) for e in entries} == {("file", "format", "lang", "qr", "size", "slug", "title")}
    assert sorted((e["lang"], e["size"], e["format"]) for e in entries) == sorted(
        (lang, size, fmt) for lang in ("id", "en") for size, fmt in (("A4", "pdf"), ("A4", "png"), ("square", "png")))
    for e in entries:
        assert (site / e["file"]).is_file()
        assert e["qr"] == QR_URLS[e["lang"]]
        assert e["title"] == poster.headline.get(e["lang"])


def test_qr_in_every_png_decodes_to_the_manifest_url(rendered):
    need("zbarimg")
    site, _, _ = rendered
    for e in (e for e in manifest(site) if e["format"] == "png"):
        assert zbar(site / e["file"]) == [e["qr"]], e["file"]


def test_qr_in_the_printed_pdf_decodes_to_the_manifest_url(rendered, tmp_path):
    need("zbarimg")
    need("pdftoppm")
    site, _, _ = rendered
    for e in (e for e in manifest(site) if e["format"] == "pdf"):
        out = tmp_path / e["lang"]
        subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", str(site / e["file"]), str(out)], check=True)
        assert zbar(out.with_suffix(".png")) == [e["qr"]], e["file"]


def _page_size(path):
    box = PdfReader(path).pages[0].mediabox
    return float(box.width), float(box.height)


def test_a4_pdf_is_exactly_a4_and_undated(rendered):
    site, _, _ = rendered
    for e in (e for e in manifest(site) if e["format"] == "pdf"):
        path = site / e["file"]
        w, h = _page_size(path)
        assert abs(w - A4_PT[0]) <= 1 and abs(h - A4_PT[1]) <= 1, (w, h)
        reader = PdfReader(path)
        meta = reader.metadata or {}
        assert "/Producer" not in meta and "/CreationDate" not in meta and "/ModDate" not in meta
        raw = path.read_bytes()
        assert b"/CreationDate" not in raw and b"/ModDate" not in raw and b"/Producer" not in raw
        assert meta.get("/Title") == e["title"]


def test_a3_pdf_is_exactly_a3_and_its_qr_scans(real, tmp_path):
    need("zbarimg")
    need("pdftoppm")
    content, positions = real
    problems = Problems()
    render_posters(only(content, SAMPLE), positions, tmp_path / "site", tmp_path / "cache", problems,
                   progress=False, sizes=["a3"], langs=("en",))
    assert not problems.items
    entry = next(e for e in manifest(tmp_path / "site") if e["format"] == "pdf")
    path = tmp_path / "site" / entry["file"]
    w, h = _page_size(path)
    assert abs(w - A3_PT[0]) <= 1 and abs(h - A3_PT[1]) <= 1, (w, h)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", str(path), str(tmp_path / "a3")], check=True)
    assert zbar(tmp_path / "a3.png") == [entry["qr"]]


def _digests(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_same_input_gives_same_bytes(rendered, real, tmp_path):
    site, _, _ = rendered
    content, positions = real
    problems = Problems()
    report = render_posters(only(content, SAMPLE), positions, tmp_path / "site", tmp_path / "fresh-cache", problems,
                            progress=False, sizes=["a4", "square"])
    assert report.rendered and not report.reused
    assert _digests(tmp_path / "site" / "posters") == _digests(site / "posters")


def test_unchanged_poster_is_reused_not_rendered(rendered, real, tmp_path):
    site, cache, first = rendered
    content, positions = real
    problems = Problems()
    report = render_posters(only(content, SAMPLE), positions, tmp_path / "site", cache, problems,
                            progress=False, sizes=["a4", "square"])
    assert report.rendered == []
    assert sorted(report.reused) == sorted(first.rendered + first.reused)
    assert _digests(tmp_path / "site" / "posters") == _digests(site / "posters")
    assert "0 file(s) rendered" in report.summary()


def test_changed_text_renders_again(real, rendered, tmp_path):
    _, cache, _ = rendered
    content, positions = real
    poster = next(p for p in content.posters if p.slug == SAMPLE)
    changed = poster.model_copy(update={"headline": type(poster.headline)({**poster.headline.root, "en": "Reporting is safe"})})
    problems = Problems()
    report = render_posters(content.model_copy(update={"posters": [changed]}), positions, tmp_path / "site", cache,
                            problems, progress=False, sizes=["square"])
    assert sorted(report.rendered) == [f"posters/{SAMPLE}-en-square.png"]
    assert report.reused == [f"posters/{SAMPLE}-id-square.png"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_nothing_but_background_in_the_margins(rendered, lang):
    """The text fits: no ink in the outer 12 mm of the A4 page (its margins are 15 mm)."""
    from PIL import Image

    site, _, _ = rendered
    image = Image.open(site / "posters" / f"{SAMPLE}-{lang}-a4.png").convert("RGB")
    w, h = image.size
    edge = round(12 / 25.4 * 300)
    background = image.getpixel((0, 0))
    for box in ((0, 0, w, edge), (0, h - edge, w, h), (0, 0, edge, h), (w - edge, 0, w, h)):
        colours = image.crop(box).getcolors(maxcolors=4)
        assert colours is not None and [c for _, c in colours] == [background], box

"""The kit page: every file linked with its size in each language, the posters page links to it."""

from __future__ import annotations

import re
import shutil

from .conftest import ROOT, manifest
from ruang_aman.kit.page import fill_kit_pages, marker
from ruang_aman.kit.run import OUT_DIR
from ruang_aman.pages import Renderer
from ruang_aman.problems import Problems


def _staged(kit, tmp_path, real):
    site, _, report = kit
    content, _ = real
    staging = tmp_path / "staging"
    shutil.copytree(site / OUT_DIR, staging / OUT_DIR)
    (staging / "en").mkdir()
    (staging / "kit.html").write_text(f"<main>\n{marker('id')}\n</main>", encoding="utf-8")
    (staging / "en" / "kit.html").write_text(f"<main>\n{Renderer(content, content.site.language('en')).render('kit')}\n</main>", encoding="utf-8")
    problems = Problems()
    filled = fill_kit_pages(staging, content, report.words, report, problems)
    assert not problems.items and len(filled) == 2
    return staging


def test_kit_page_links_every_file_of_every_language_and_they_exist(kit, tmp_path, real):
    site, _, _ = kit
    staging = _staged(kit, tmp_path, real)
    files = {e["file"] for e in manifest(site)}
    for page, prefix in ((staging / "kit.html", ""), (staging / "en" / "kit.html", "../")):
        html = page.read_text(encoding="utf-8")
        hrefs = re.findall(r'href="([^"]+)"', html)
        assert {h[len(prefix):] for h in hrefs if h.endswith((".pdf", ".zip", ".txt"))} == files
        for href in hrefs:
            assert (page.parent / href).resolve().is_file(), href
        assert 'data-ra-kit=' in html and html.count("<tr>") == 1 + len([f for f in manifest(site) if f["lang"] == ("en" if prefix else "id")])


def test_kit_page_shows_each_size(kit, tmp_path, real):
    site, _, _ = kit
    staging = _staged(kit, tmp_path, real)
    html = (staging / "en" / "kit.html").read_text(encoding="utf-8")
    for e in manifest(site):
        if e["lang"] == "en":
            row = next(r for r in html.split("<tr>") if e["file"] in r)
            assert f"{e['bytes'] / 1024:.0f} KB" in row


def test_posters_page_links_the_kit_page_in_both_languages():
    text = (ROOT / "content_src" / "pages" / "poster.md").read_text(encoding="utf-8")
    assert text.count("{{ link kit }}") == 2
    assert (ROOT / "content_src" / "pages" / "kit.md").read_text(encoding="utf-8").count("{{ kit }}") == 2

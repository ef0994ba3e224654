"""Data is text: markup put into every text field of every data kind (site settings and labels, contacts, kinds of
violence, impacts, laws, myths, steps, statistics, facts, sources, the self-check, posters, the session kit, page
titles and descriptions) comes out of every output as text, never as markup: every HTML page (theme partials and
placeholders), the charts, the search index, the sitemap and the poster manifest."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
import yaml
from ra_testing import TODAY

from ruang_aman.build import build

# Breaks out of a double- or single-quoted attribute and opens an element that the site never uses.
MARK = "\"'><x>"
# Plain (not per-language) text fields that are published.
PLAIN_TEXT = {"sources.yml": ("title", "author", "publisher"), "laws.yml": ("short",)}
LANG_KEYS = ("id", "en")


def marked(value, key=None, plain=(), short=False):
    """The YAML data with MARK added to every text: each language of a text, each item of a text list.
    short: the text becomes a short word and the mark (poster texts are laid out to fit their page)."""
    if isinstance(value, dict):
        return {k: marked(v, k, plain, short) for k, v in value.items()}
    if isinstance(value, list):
        return [marked(v, key, plain, short) for v in value]
    if isinstance(value, str) and (key in LANG_KEYS or key in plain):
        return "Teks " + MARK if short else value + MARK
    return value


def mark_yaml(path: Path, plain=(), short=False) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data = marked(data, None, plain, short)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def mark_front_matter(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    data = marked(yaml.safe_load(front))
    path.write_text("---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body, encoding="utf-8")


@pytest.fixture(scope="module")
def marked_site(tmp_path_factory) -> Path:
    """The real content with MARK in every text field, built (strict) with posters."""
    import shutil

    from ra_testing import ROOT

    root = tmp_path_factory.mktemp("marked")
    for name in ("content_src", "theme", "fonts"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    content = root / "content_src"
    for path in sorted(content.glob("*.yml")):
        if path.name not in ("translations.yml", "privacy-allow.yml", "privacy-hashes.yml", "media.yml"):
            mark_yaml(path, PLAIN_TEXT.get(path.name, ()))
    for path in sorted((content / "posters").glob("*.yml")) + sorted((content / "kit").rglob("*.yml")):
        mark_yaml(path, short=True)     # posters and the session kit: laid out to fit their pages
    for path in sorted((content / "pages").glob("*.md")):
        mark_front_matter(path)
    (content / "translations.yml").unlink()     # the marked texts are new texts: only notices
    site = root / "site"
    assert build(root, strict=False, today=TODAY, site_dir=site, quiet=True) == 0, "the marked content did not build"
    return site


def test_every_text_field_was_marked(marked_site):
    """The positive control: the mark reaches the pages as visible text (hotline box, cards, charts, titles)."""
    home = lxml.html.fromstring((marked_site / "index.html").read_bytes())
    assert MARK in home.findtext(".//title")
    assert MARK in "".join(home.xpath("//*[contains(@class, 'ra-call__label')]//text()")), "contact names"
    stats = lxml.html.fromstring((marked_site / "statistik.html").read_bytes())
    assert MARK in "".join(stats.xpath("//svg//text()")) and MARK in "".join(stats.xpath("//table//text()"))
    kit = marked_site / "kit.html"
    if kit.exists():   # the session kit's page lists its files by their (marked) titles
        assert MARK in lxml.html.fromstring(kit.read_bytes()).text_content()


def test_no_html_page_holds_markup_from_data(marked_site):
    pages = sorted(marked_site.rglob("*.html"))
    injected = {}
    for page in pages:
        tree = lxml.html.fromstring(page.read_bytes())
        found = tree.xpath("//x")
        shown = tree.text_content() + " ".join(tree.xpath("//@*"))
        assert "&lt;x&gt;" not in shown and "&quot;" not in shown, f"{page.name}: escaped twice, shown as entities"
        if found:
            injected[page.relative_to(marked_site).as_posix()] = [
                lxml.html.tostring(x.getparent(), encoding="unicode")[:160] for x in found[:3]]
    assert len(pages) > 20 and not injected, injected


def test_the_search_index_and_the_machine_readable_files_hold_the_mark_as_text(marked_site):
    for index in sorted((marked_site / "assets" / "ra").glob("search-*.js")):
        text = index.read_text(encoding="utf-8")
        assert text.startswith("window.RuangAmanIndex=") and "</" not in text
        data = json.loads(text.removeprefix("window.RuangAmanIndex=").rstrip().rstrip(";"))
        shown = [text for doc in data["docs"] for text in (doc["t"], doc["d"], *doc["h"])]   # what results display
        assert any(MARK in text for text in shown), "the mark is in the index as text"
    lxml.etree.fromstring((marked_site / "sitemap.xml").read_bytes())   # well-formed: nothing unescaped
    manifest = marked_site / "posters" / "manifest.json"
    if manifest.exists():
        json.loads(manifest.read_text(encoding="utf-8"))

"""A third language, added the way staff would (`make new-language`, `make mark-translated LANG=..`), built end
to end in a copy of the project: pages, hreflang, language switch, search, posters, service worker, offline zip.
The build is the session fixture `javanese` (tests/conftest.py); tests/browser/test_third_language.py clicks through it."""

from __future__ import annotations

import io
import json
import re
import zipfile

from ra_testing import make

from ruang_aman.checks import walk_texts

BASE = "https://ruang-aman.github.io/ruang-aman/"


def every_text(content) -> dict[tuple, dict]:
    """Every text of the content by record and path: {language: value}."""
    records = [content.site, *content.pages, *content.posters, *content.contacts, *content.violence, *content.impacts,
               *content.laws, *content.myths, *content.steps, *content.datasets, *content.facts, *content.sources]
    return {(type(r).__name__, getattr(r, "key", None) or getattr(r, "slug", ""), loc): dict(t.root)
            for r in records for loc, t in walk_texts(r)}


def test_every_text_and_page_is_copied_from_english_and_nothing_else_changes(javanese):
    before, after = every_text(javanese["before"]), every_text(javanese["draft"])
    assert before.keys() == after.keys()
    for key, texts in before.items():
        assert {k: v for k, v in after[key].items() if k != "jv"} == texts, key  # nothing lost or changed
        assert after[key]["jv"] == texts["en"], key
    for page in javanese["draft"].pages:
        assert page.bodies["jv"].markdown == page.bodies["en"].markdown, page.slug
    jv = javanese["draft"].site.language("jv")
    assert (jv.name, jv.folder, jv.draft, jv.stemmer, jv.default) == ("Basa Jawa", "jv", True, None, False)


def test_the_draft_language_builds_strict_and_stays_out_of_the_published_site(javanese):
    assert not [p.format() for p in javanese["problems"].items if p.level >= 1]
    assert javanese["draft_build"] == 0
    assert not (javanese["root"] / "draft-site" / "jv").exists()


def test_the_translations_report_shows_the_new_column(javanese):
    header, *rows = javanese["table"].splitlines()
    assert header.split()[:6] == ["page", "or", "file", "id", "en", "jv"]
    index = next(r for r in rows if r.startswith("index "))
    assert index.split()[1:] == ["written", "written", "untranslated", "untranslated"]


def test_marking_the_language_translated_publishes_it(javanese):
    site_yml = (javanese["root"] / "content_src" / "site.yml").read_text(encoding="utf-8")
    assert re.search(r"- code: \"?jv\"?\n(?:\s+.*\n)*?\s+draft: false", site_yml)
    assert "no longer a draft" in javanese["marked"]
    lock = (javanese["root"] / "content_src" / "translations.yml").read_text(encoding="utf-8")
    assert "\njv:\n" in lock and "\nen:\n" in lock


def test_every_page_in_the_third_language_with_hreflang_and_language_switch(javanese):
    site = javanese["site"]
    for page in javanese["draft"].published_pages():
        html = (site / "jv" / f"{page.slug}.html").read_text(encoding="utf-8")
        assert '<html lang="jv"' in html, page.slug
        for code, folder in (("id", ""), ("en", "en/"), ("jv", "jv/")):
            assert f'<link rel="alternate" hreflang="{code}" href="{BASE}{folder}{page.slug}.html">' in html
        assert f'<a class="ra-lang" href="../{page.slug}.html" hreflang="id" lang="id">Bahasa Indonesia</a>' in html
        assert f'<a class="ra-lang" href="../en/{page.slug}.html" hreflang="en" lang="en">English</a>' in html
        home = (site / f"{page.slug}.html").read_text(encoding="utf-8")
        assert f'<link rel="alternate" hreflang="jv" href="{BASE}jv/{page.slug}.html">' in home
        assert f'<a class="ra-lang" href="jv/{page.slug}.html" hreflang="jv" lang="jv">Basa Jawa</a>' in home


def test_search_in_the_third_language_has_its_own_index_without_a_stemmer(javanese):
    site = javanese["site"]
    script = (site / "assets" / "ra" / "search-jv.js").read_text(encoding="utf-8")
    index = json.loads(script[len("window.RuangAmanIndex="):].rstrip().rstrip(";"))
    assert index["lang"] == "jv" and index["stemmer"] is None
    assert {d["u"] for d in index["docs"]} >= {"index.html", "bantuan.html"}
    search = (site / "jv" / "search.html").read_text(encoding="utf-8")
    assert 'href="../search.html" hreflang="id"' in search and 'href="../en/search.html" hreflang="en"' in search
    assert '<meta name="robots" content="noindex">' in search


def test_posters_in_the_third_language_open_its_page(javanese):
    site = javanese["site"]
    manifest = json.loads((site / "posters" / "manifest.json").read_text(encoding="utf-8"))["posters"]
    jv = [e for e in manifest if e["lang"] == "jv"]
    assert jv and all((site / e["file"]).is_file() for e in jv)
    assert {e["qr"] for e in jv if e["slug"] == "hubungi-129"} == {f"{BASE}jv/bantuan.html"}
    gallery = (site / "poster.html").read_text(encoding="utf-8")
    assert 'hreflang="jv" download' in gallery and '<span lang="jv">Basa Jawa</span>' in gallery


def test_service_worker_offline_zip_sitemap_and_404_know_the_third_language(javanese):
    site = javanese["site"]
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert '"jv": ["jv/index.html", "jv/bantuan.html"' in worker
    names = zipfile.ZipFile(io.BytesIO((site / "ruang-aman-offline.zip").read_bytes())).namelist()
    assert "ruang-aman/jv/index.html" in names and "ruang-aman/assets/ra/search-jv.js" in names
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{BASE}jv/bantuan.html</loc>" in sitemap and f'hreflang="jv" href="{BASE}jv/index.html"' in sitemap
    assert not (site / "jv" / "sitemap.xml").exists()
    not_found = (site / "404.html").read_text(encoding="utf-8")
    assert re.findall(r'<section class="ra-not-found" lang="(\w+)">', not_found) == ["id", "en", "jv"]


def test_adding_an_existing_or_malformed_language_is_refused_and_writes_nothing(staff_copy):
    before = {p: p.read_bytes() for p in (staff_copy / "content_src").rglob("*") if p.is_file()}
    again = make(staff_copy, "new-language", "CODE=en", "NAME=English")
    assert again.returncode != 0 and "already a language of this site" in again.stderr
    bad = make(staff_copy, "new-language", "CODE=Jawa", "NAME=Basa Jawa")
    assert bad.returncode != 0 and "not a language code" in bad.stderr
    source = make(staff_copy, "new-language", "CODE=jv", "NAME=Basa Jawa", "FROM=xx")
    assert source.returncode != 0 and "FROM=xx is not a language" in source.stderr
    assert {p: p.read_bytes() for p in (staff_copy / "content_src").rglob("*") if p.is_file()} == before


def test_the_shells_locale_is_not_taken_for_a_language(staff_copy):
    result = make(staff_copy, "mark-translated", LANG="C.UTF-8")
    assert result.returncode == 0, result.stderr
    assert "(en)" in result.stdout


def test_poster_sizes_are_named_in_the_third_language_not_the_default(javanese):
    site = javanese["site"]
    labels = javanese["draft"].site.labels
    assert labels["poster_size_square"].get("jv") == labels["poster_size_square"].get("en")  # copied from English
    jv = (site / "jv" / "poster.html").read_text(encoding="utf-8")
    assert "Social media card (1080×1080) · PNG" in jv and "Kartu media sosial" not in jv

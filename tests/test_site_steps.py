"""Unit tests of the post-build steps: search index, CSS purge and HTML minify, service worker, offline bundle."""

from __future__ import annotations

import io
import json
import zipfile

from ra_testing import language

from ruang_aman import offline
from ruang_aman.minify import minify_html, purge, selector_used, split_rules
from ruang_aman.search_index import index_script, page_entry

PAGE = """<!doctype html><html lang="id"><head><title>Cari bantuan - Ruang Aman</title></head><body>
<a class="ra-exit" id="ra-exit" href="https://example.org/" rel="noreferrer" data-exit="https://example.org/">Keluar</a>
<main class="ra-main" id="ra-content"><h1>Cari bantuan</h1>
<p>Kamu bisa <strong>melaporkan</strong></p><h2>Telepon</h2><p>SAPA</p>
<aside class="ra-hotline-box"><h2>Butuh bantuan sekarang?</h2></aside></main>
<footer><p class="ra-offline"><a href="ruang-aman-offline.zip">Unduh</a></p></footer></body></html>"""


def test_index_entry_takes_title_headings_text_and_skips_the_hotline_box(tmp_path):
    page = tmp_path / "bantuan.html"
    page.write_text(PAGE, encoding="utf-8")
    entry = page_entry(page, "bantuan.html")
    assert entry.t == "Cari bantuan" and entry.h == ["Telepon"]
    assert "melaporkan" in entry.x and "Butuh bantuan sekarang" not in entry.x and "<" not in entry.x


def test_index_script_is_loadable_from_file_and_cannot_close_its_script():
    from ruang_aman.search_index import Entry

    text = index_script(language("id", "", stemmer="id"), [Entry(u="a.html", t="</script>", h=[], x="x")])
    assert text.startswith("window.RuangAmanIndex=") and "</script>" not in text
    data = json.loads(text[len("window.RuangAmanIndex="):-2])
    assert data["lang"] == "id" and data["stemmer"] == "id"


def test_a_language_without_a_stemmer_gets_none_in_its_index():
    from ruang_aman.search_index import Entry

    text = index_script(language("jv"), [Entry(u="a.html", t="t", h=[], x="x")])
    data = json.loads(text[len("window.RuangAmanIndex="):-2])
    assert data["lang"] == "jv" and data["stemmer"] is None


def test_purge_keeps_used_classes_and_rules_without_classes():
    css = "a{color:red}.md-used{x:1}.md-gone{x:2}.md-used:not(.md-gone){x:3}@media screen{.md-gone{x:4}.md-used{x:5}}" \
          "@keyframes k{0%{opacity:0}}.md-used,.md-gone .md-used{x:6}[data-x=\"a{b}\"]{x:7}"
    out = purge(css, {"md-used"})
    assert ".md-gone{x:2}" not in out and ".md-gone{x:4}" not in out and ".md-gone .md-used" not in out
    for kept in ("a{color:red}", ".md-used{x:1}", ".md-used:not(.md-gone){x:3}", "@media screen{.md-used{x:5}}",
                 "@keyframes k{0%{opacity:0}}", ".md-used{x:6}", '[data-x="a{b}"]{x:7}'):
        assert kept in out, kept


def test_selector_used_ignores_classes_inside_functions_and_attributes():
    assert selector_used(".a :is(.b, .c)", {"a"})
    assert selector_used('[class*=".x"] .a', {"a"})
    assert not selector_used(".a .b", {"a"})
    assert split_rules("@charset \"UTF-8\";a{b:c}") == [('@charset "UTF-8"', ""), ("a", "b:c")]


def test_minify_html_keeps_pre_and_collapses_the_rest():
    html = "<div>\n    <p>a   b</p>\n<!-- x --></div><pre>  keep\n   this </pre>"
    out = minify_html(html)
    assert "<pre>  keep\n   this </pre>" in out and "<!--" not in out and "a b" in out and "    " not in out.split("<pre>")[0]


def test_bundle_page_points_the_exit_at_the_local_neutral_page():
    out = offline.bundle_page(PAGE, "../")
    assert 'href="../keluar.html"' in out and 'data-exit="../keluar.html"' in out
    assert "example.org" not in out and "ra-offline" not in out


def test_bundle_is_deterministic_and_has_no_service_worker(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "en" / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "sw.js").write_text("x", encoding="utf-8")
    first = offline.zip_bytes(offline.bundle_files(tmp_path))
    assert first == offline.zip_bytes(offline.bundle_files(tmp_path))
    names = zipfile.ZipFile(io.BytesIO(first)).namelist()
    assert names == ["ruang-aman/en/index.html", "ruang-aman/index.html", "ruang-aman/keluar.html"]
    neutral = zipfile.ZipFile(io.BytesIO(first)).read("ruang-aman/keluar.html").decode().lower()
    assert "ruang aman" not in neutral and "kekerasan" not in neutral


def test_site_version_changes_with_any_file(tmp_path):
    (tmp_path / "a.html").write_text("1")
    before = offline.site_version(tmp_path)
    (tmp_path / "sw.js").write_text("ignored")
    assert offline.site_version(tmp_path) == before
    (tmp_path / "a.html").write_text("2")
    assert offline.site_version(tmp_path) != before


def test_core_is_home_get_help_and_search_of_each_language_once(tmp_path):
    from types import SimpleNamespace

    for rel in ("index.html", "bantuan.html", "cara-melapor.html", "en/index.html", "en/bantuan.html",
                "assets/ra/ra-search.js", "assets/ra/search-id.js", "assets/ra/search-en.js"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    pages = tuple(SimpleNamespace(slug=s) for s in ("index", "bantuan", "cara-melapor"))
    core = offline.core_urls(pages, (language("id", ""), language("en")), tmp_path)
    search = "assets/ra/ra-search.js"
    assert core == {"id": ["index.html", "bantuan.html", search, "assets/ra/search-id.js"],
                    "en": ["en/index.html", "en/bantuan.html", search, "assets/ra/search-en.js"]}


POSTER_PAGE = """<ul class="poster-downloads">
<li><a href="{r}posters/p-{l}-a4.pdf" download>A4 · PDF</a></li>
<li><a href="{r}posters/p-{l}-a4.png" download>A4 · PNG</a></li>
<li><a href="{r}posters/p-{l}-a3.pdf" download>A3 · PDF</a></li>
<li><a href="{r}posters/p-{l}-square.png" download>Square</a></li>
</ul>
<a href="{r}posters/p-{l}-a4.pdf"><img src="{r}posters/p-{l}-thumb.png" alt=""></a>
<p class="poster-other-lang">Also: <a href="{r}posters/p-x-a4.pdf" download>A4 · PDF</a> · <a href="{r}posters/p-x-a3.png">A3</a> · <a href="{r}posters/p-x-a4.png">A4 · PNG</a> · <a href="{r}posters/p-x-story.png">Story</a></p>
<p><a href="{r}index.html">Home</a> <a href="tel:129">129</a> <a href="#top">Top</a></p>"""


def test_bundle_has_only_the_a4_posters_and_thumbnails_and_no_link_to_the_rest(tmp_path):
    (tmp_path / "posters").mkdir()
    (tmp_path / "en").mkdir()
    for lang in ("id", "en", "x"):
        for size in ("a4.pdf", "a4.png", "a3.pdf", "a3.png", "square.png", "story.png", "thumb.png"):
            (tmp_path / "posters" / f"p-{lang}-{size}").write_bytes(b"%PDF")
    (tmp_path / "posters" / "manifest.json").write_text("{}")
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "poster.html").write_text(POSTER_PAGE.format(r="", l="id"), encoding="utf-8")
    (tmp_path / "en" / "poster.html").write_text(POSTER_PAGE.format(r="../", l="en"), encoding="utf-8")
    files = dict(offline.bundle_files(tmp_path))
    posters = sorted(n.rsplit("/", 1)[-1] for n in files if "/posters/" in n)
    assert posters == sorted(f"p-{lang}-{size}" for lang in ("en", "id", "x") for size in ("a4.pdf", "a4.png", "thumb.png"))
    for name in ("ruang-aman/poster.html", "ruang-aman/en/poster.html"):
        html = files[name].decode("utf-8")
        assert "a3" not in html and "square" not in html and "story" not in html, html
        assert "<li></li>" not in html and "· ·" not in html and "· </p>" not in html, html
        assert html.count("<li>") == 2 and "-a4.pdf\" download>A4 · PDF</a> · <a " in html
        assert 'href="tel:129"' in html and 'href="#top"' in html and "thumb.png" in html


def test_drop_missing_links_keeps_the_separators_right():
    html = '<p><a href="a">A</a> · <a href="b">B</a> · <a href="c">C</a></p>'
    assert offline.drop_missing_links(html, "x.html", {"a", "b", "c"}) == html
    assert offline.drop_missing_links(html, "x.html", {"b"}) == '<p><a href="b">B</a></p>'
    assert offline.drop_missing_links(html, "x.html", {"a", "c"}) == '<p><a href="a">A</a> · <a href="c">C</a></p>'
    assert offline.drop_missing_links(html, "x.html", {"a"}) == '<p><a href="a">A</a></p>'
    assert offline.drop_missing_links('<a href="./">H</a><a href="../x/">X</a>', "en/p.html", {"en/index.html"}) \
        == '<a href="./">H</a>'

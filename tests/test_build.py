"""End to end: the real build of the real content, and what a failed build must leave alone."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from ra_testing import ROOT, TODAY

from ruang_aman.build import build
from ruang_aman.load import load_content
from ruang_aman.sitecheck import EXTERNAL_RESOURCE_RE, broken_links, external_references

# Written out, not computed: site.yml's base URL and each language's folder (site.yml: languages).
BASE = "https://ruang-aman.github.io/ruang-aman/"
FOLDER = {"id": "", "en": "en/"}
LANGS = tuple(FOLDER)


@pytest.fixture(scope="session")
def built_with_docs(tmp_path_factory) -> tuple[Path, Path]:
    """The real content built once into a temporary site/ and docs/ (strict, as CI and make site do)."""
    out = tmp_path_factory.mktemp("built")
    assert build(ROOT, strict=True, today=TODAY, site_dir=out / "site", docs_dir=out / "docs", quiet=True) == 0
    return out / "site", out / "docs"


@pytest.fixture(scope="session")
def built(built_with_docs) -> Path:
    return built_with_docs[0]


@pytest.fixture(scope="session")
def content():
    loaded, problems, _ = load_content(ROOT, on=TODAY)
    assert loaded is not None
    return loaded


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_every_page_exists_in_both_languages_with_lang_and_alternates(built, content):
    for page in content.published_pages():
        for lang in LANGS:
            html = (built / FOLDER[lang] / f"{page.slug}.html").read_text(encoding="utf-8")
            assert f'<html lang="{lang}"' in html, (page.slug, lang)
            for other in LANGS:
                assert f'<link rel="alternate" hreflang="{other}" href="{BASE}{FOLDER[other]}{page.slug}.html">' in html
            assert f'hreflang="x-default" href="{BASE}{page.slug}.html"' in html
            # the language switch leads to the same page in the other language, named in that language
            other = LANGS[1] if lang == LANGS[0] else LANGS[0]
            href = re.search(rf'class="ra-lang" href="([^"]+)" hreflang="{other}" lang="{other}">([^<]+)<', html)
            assert href, (page.slug, lang)
            assert href.group(2) == {"id": "Bahasa Indonesia", "en": "English"}[other]
            target = (built / FOLDER[lang] / href.group(1)).resolve()
            assert target == (built / FOLDER[other] / f"{page.slug}.html").resolve()
            assert page.title.get(lang) in html


def test_hreflang_urls_are_the_written_out_addresses(built):
    html = (built / "bantuan.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" hreflang="id" href="https://ruang-aman.github.io/ruang-aman/bantuan.html">' in html
    assert '<link rel="alternate" hreflang="en" href="https://ruang-aman.github.io/ruang-aman/en/bantuan.html">' in html
    assert '<link rel="alternate" hreflang="x-default" href="https://ruang-aman.github.io/ruang-aman/bantuan.html">' in html
    home = (built / "en" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" hreflang="id" href="https://ruang-aman.github.io/ruang-aman/index.html">' in home


def test_english_pages_are_english(built, content):
    for page in content.published_pages():
        html = (built / "en" / f"{page.slug}.html").read_text(encoding="utf-8")
        assert page.title.get("en") in html
        assert page.title.get("id") == page.title.get("en") or f"<title>{page.title.get('id')} -" not in html


def test_no_built_file_loads_anything_from_another_host(built):
    assert external_references(built) == []


def test_every_internal_link_and_anchor_resolves(built, content):
    from urllib.parse import urlsplit

    assert broken_links(built, urlsplit(content.site.base_url).path) == []


def test_the_link_check_finds_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "a.html").write_text('<p id="here">x</p><a href="b.html">b</a>\n<a href="a.html#nowhere">n</a><a href="#here">ok</a>', encoding="utf-8")
    assert broken_links(tmp_path) == [("a.html", 1, "b.html"), ("a.html", 2, "a.html#nowhere")]


def test_a_cdn_reference_in_the_theme_fails_the_build(project_copy):
    main = project_copy / "theme" / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace("{% block scripts %}", '{% block scripts %}<script src="https://cdn.example.org/x.js"></script>'), encoding="utf-8")
    assert build(project_copy, strict=True, today=TODAY, site_dir=project_copy / "site", posters=False, quiet=True) == 1
    assert not (project_copy / "site").exists()


def test_the_external_reference_check_reads_files_in_any_case_and_any_script(tmp_path):
    # ASCII pages take a lower-cased fast path, pages with letters such as İ or ſ the case-blind pattern:
    # both must report the same places, with the file's own text (not lower-cased) as the snippet.
    (tmp_path / "a.html").write_text('<p>x</p>\n<IMG SRC="HTTPS://CDN.Example/A.png">\n<a href="https://wa.me/1">w</a>\n'
                                     "<script>Fetch('//t.example/p')</script>", encoding="utf-8")
    (tmp_path / "b.html").write_text('<p>Köln · İstanbul</p>\n<p>x</p><Link Rel="Icon" href="//i.example/f.ico">\n'
                                     '<img srcset="a.png 1x, https://c.example/a.png 2x">', encoding="utf-8")
    (tmp_path / "c.css").write_text("b{}\nP{background:URL( 'http://x.example/b.png')}\n.q{}", encoding="utf-8")
    assert external_references(tmp_path) == [
        ("a.html", 2, '<IMG SRC="HTTPS://', "CDN.Example/A.png"),
        ("a.html", 4, "Fetch('//", "t.example/p"),
        ("b.html", 2, '<Link Rel="Icon" href="//', "i.example/f.ico"),
        ("b.html", 3, 'srcset="a.png 1x, https://', "c.example/a.png"),
        ("c.css", 2, "URL( 'http://", "x.example/b.png"),
    ]


def test_the_external_reference_check_catches_a_cdn_script():
    assert EXTERNAL_RESOURCE_RE.search('<script src="https://cdn.example/x.js"></script>')
    assert EXTERNAL_RESOURCE_RE.search('<link href="//fonts.googleapis.com/css" rel="stylesheet">')
    assert EXTERNAL_RESOURCE_RE.search("body{background:url('https://x.example/a.png')}")
    assert EXTERNAL_RESOURCE_RE.search('<img src="a.png" srcset="a.png 1x, https://cdn.example/a.png 2x">')
    assert EXTERNAL_RESOURCE_RE.search('<svg><image href="https://tracker.example/p.png"/></svg>')
    assert EXTERNAL_RESOURCE_RE.search('<svg><use xlink:href="//x.example/s.svg#i"/></svg>')
    assert not EXTERNAL_RESOURCE_RE.search('<a href="https://wa.me/628111129129">chat</a>')
    assert not EXTERNAL_RESOURCE_RE.search('<img src="a.png" srcset="a.png 1x, b.png 2x">')


def test_every_page_has_csp_and_no_referrer(built):
    for html_path in built.rglob("*.html"):
        html = html_path.read_text(encoding="utf-8")
        if "<head" not in html:
            continue
        assert '<meta http-equiv="Content-Security-Policy"' in html, html_path
        csp = re.search(r'Content-Security-Policy" content="([^"]+)"', html).group(1)
        assert "default-src 'self'" in csp and "unsafe-inline" not in csp
        assert '<meta name="referrer" content="no-referrer">' in html, html_path
        inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", html)
        assert not inline, f"{html_path}: inline script the CSP would block"


def test_no_placeholder_text_in_the_built_site(built):
    for path in built.rglob("*.html"):
        text = re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))
        assert not re.search(r"\b(TODO|FIXME|lorem ipsum|xxx+)\b", text, re.IGNORECASE), path


def test_hotlines_are_tap_to_call_on_every_page(built, content):
    from ruang_aman.phones import parse_phone

    hotlines = [content.contact(k) for k in content.site.hotlines]
    for lang in LANGS:
        for page in content.published_pages():
            html = (built / FOLDER[lang] / f"{page.slug}.html").read_text(encoding="utf-8")
            if page.slug == "index":  # a landing page: the hotlines once, at the top, no box at the end
                assert html.count('class="ra-hotlines"') == 1 and "ra-hotline-box" not in html, lang
                box = html[html.index('class="ra-hotlines"'):]
            else:
                box = html[html.index("ra-hotline-box"):]
            for contact in hotlines:
                phone = parse_phone(contact.phone)
                assert f'href="{phone.tel}"' in box, (lang, page.slug, contact.key)
                assert phone.display in box, (lang, page.slug, contact.key)


def test_statistics_shown_equal_the_data_file(built, content):
    for dataset in content.datasets:
        for lang in LANGS:
            pages = [p for p in (built / FOLDER[lang]).glob("*.html")
                     if f'data-dataset="{dataset.key}"' in p.read_text(encoding="utf-8")]
            assert pages, f"dataset {dataset.key} is shown on no {lang} page"
            for path in pages:
                html = path.read_text(encoding="utf-8")
                for series in dataset.series:
                    bars = re.findall(rf'<g data-series="{series.key}" data-period="(\d+)" data-value="(\d+)">(.*?)</g>', html)
                    shown = [int(re.search(r'class="ra-chart__value">([\d.,]+)<', g).group(1).replace(".", "").replace(",", "")) for _, _, g in bars]
                    widths = [float(re.search(r'<rect [^>]*width="([\d.]+)"', g).group(1)) for _, _, g in bars]
                    assert [int(p) for p, _, _ in bars] == dataset.periods and shown == series.values, (lang, series.key)
                    peak = max(max(s.values) for s in dataset.series)
                    assert all(abs(w - 340 * v / peak) < 0.2 for w, v in zip(widths, series.values)), (lang, series.key)
                    row = re.search(rf'<tr data-series="{series.key}">(.*?)</tr>', html).group(1)
                    cells = [int(c.replace(".", "").replace(",", "")) for c in re.findall(r'<td data-period="\d+">([\d.,]+)</td>', row)]
                    assert cells == series.values == shown  # the chart's numbers equal the table's
                    if series.total is not None:
                        assert f'<td class="ra-total">{series.total}</td>' in row.replace(".", "")


def test_english_pages_show_no_indonesian_data_text(built, content):
    from ruang_aman.checks import walk_texts

    indonesian_only = set()
    for record in [*content.contacts, *content.violence, *content.myths, *content.laws, *content.steps, *content.impacts]:
        for _, text in walk_texts(record):
            english = text.get("en") or []
            for item in (text.get("id") if isinstance(text.get("id"), list) else [text.get("id")]):
                if item not in (english if isinstance(english, list) else [english]):
                    indonesian_only.add(item)
    for path in (built / "en").glob("*.html"):
        html = path.read_text(encoding="utf-8")
        leaked = [t for t in indonesian_only if len(t) > 12 and t in html]
        assert not leaked, (path.name, leaked[:3])


def test_generated_pages_are_marked_and_ignored_by_git(built_with_docs):
    generated = list(built_with_docs[1].rglob("*.md"))
    assert generated
    for path in generated:
        assert "GENERATED from content_src/pages/" in path.read_text(encoding="utf-8").split("\n", 3)[1]
    assert "/docs/" in (ROOT / ".gitignore").read_text() and "/site/" in (ROOT / ".gitignore").read_text()


def test_a_failed_build_leaves_the_previous_site_byte_identical(project_copy):
    site = project_copy / "site"
    assert build(project_copy, strict=True, today=TODAY, site_dir=site, posters=False, quiet=True) == 0
    before = tree_digest(site)
    before_content = tree_digest(project_copy / "content_src")
    page = next((project_copy / "content_src" / "pages").glob("*.md"))
    page.write_text(page.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    assert build(project_copy, strict=True, today=TODAY, site_dir=site, posters=False, quiet=True) == 1
    assert tree_digest(site) == before
    assert tree_digest(project_copy / "content_src") != before_content  # only our edit changed it
    assert not list((project_copy / "build").glob("site-*")), "staging folders must be cleaned up"


def test_the_build_never_writes_into_content_src(project_copy):
    before = tree_digest(project_copy / "content_src")
    assert build(project_copy, strict=True, today=TODAY, site_dir=project_copy / "site", posters=False, quiet=True) == 0
    assert tree_digest(project_copy / "content_src") == before


def test_drafts_are_left_out_of_the_site_and_shown_in_preview_builds(project_copy):
    pages = project_copy / "content_src" / "pages"
    (pages / "draf-baru.md").write_text(
        "---\ntitle:\n  id: Draf baru\ndescription:\n  id: Halaman baru.\ndraft: true\n---\n<!-- lang: id -->\n# Draf baru\n\nTeks.\n",
        encoding="utf-8",
    )
    site = project_copy / "site"
    assert build(project_copy, strict=True, today=TODAY, site_dir=site, posters=False, quiet=True) == 0
    assert not (site / "draf-baru.html").exists() and not (site / "en" / "draf-baru.html").exists()
    preview = project_copy / "preview"
    assert build(project_copy, strict=False, today=TODAY, site_dir=preview, include_drafts=True, posters=False, quiet=True) == 0
    html = (preview / "draf-baru.html").read_text(encoding="utf-8")
    assert "ra-banner--draft" in html


def test_a_privacy_finding_stops_publication_without_printing_the_identifier(project_copy, capfd):
    site = project_copy / "site"
    assert build(project_copy, strict=True, today=TODAY, site_dir=site, posters=False, quiet=True) == 0
    before = tree_digest(site)
    page = project_copy / "content_src" / "pages" / "index.md"
    text = page.read_text(encoding="utf-8")
    nik = "6471014501900001"
    page.write_text(text.replace("<!-- lang: en -->", f"Korban bernama Siti, NIK {nik}.\n\n<!-- lang: en -->", 1), encoding="utf-8")
    assert build(project_copy, strict=True, today=TODAY, site_dir=site, posters=False, quiet=True) == 1
    assert tree_digest(site) == before
    err = capfd.readouterr().err
    assert "error[privacy]" in err and "nik" in err and "site/index.html" in err
    assert nik not in err and "Siti" not in err


def test_every_quoted_figure_equals_the_data_file(built, content):
    values = {f.key: f.value for f in content.facts}
    seen = 0
    for path in built.rglob("*.html"):
        for key, shown in re.findall(r'data-fact="([a-z0-9-]+)">([^<]+)<', path.read_text(encoding="utf-8")):
            assert int(shown.replace(".", "").replace(",", "")) == values[key], (path.name, key)
            seen += 1
    assert seen or not values


def test_a_broken_anchor_is_reported_at_the_source_page_and_line(project_copy, capfd):
    page = project_copy / "content_src" / "pages" / "tentang.md"
    text = page.read_text(encoding="utf-8")
    head, rest = text.split("<!-- lang: id -->", 1)
    page.write_text(head + "<!-- lang: id -->\nLihat [bantuan](bantuan.html#tidak-ada).\n" + rest, encoding="utf-8")
    line = head.count("\n") + 2
    assert build(project_copy, strict=True, today=TODAY, site_dir=project_copy / "site", posters=False, quiet=True) == 1
    err = capfd.readouterr().err
    assert f"content_src/pages/tentang.md:{line}:17: warning[mkdocs]: [id]" in err and "tidak-ada" in err


def _with_warnings(project_copy: Path) -> int:
    """A page with two warnings: a TODO in the text (content check) and a link to a missing anchor (MkDocs)."""
    page = project_copy / "content_src" / "pages" / "tentang.md"
    head, rest = page.read_text(encoding="utf-8").split("<!-- lang: id -->", 1)
    page.write_text(head + "<!-- lang: id -->\nTODO: Lihat [bantuan](bantuan.html#tidak-ada).\n" + rest, encoding="utf-8")
    return head.count("\n") + 2


def test_a_non_strict_build_prints_its_warnings_and_publishes(project_copy, capfd):
    line = _with_warnings(project_copy)
    site = project_copy / "site"
    assert build(project_copy, strict=False, today=TODAY, site_dir=site, posters=False, quiet=True) == 0
    err = capfd.readouterr().err
    assert f"content_src/pages/tentang.md:{line}:1: warning[placeholder]" in err
    assert f"content_src/pages/tentang.md:{line}:23: warning[mkdocs]: [id]" in err and "tidak-ada" in err
    assert (site / "tentang.html").is_file() and (site / "sw.js").is_file() and (site / "ruang-aman-offline.zip").is_file()


def test_the_strict_build_fails_on_the_same_warnings_and_keeps_site_untouched(project_copy, capfd):
    _with_warnings(project_copy)
    site = project_copy / "site"
    assert build(project_copy, strict=True, today=TODAY, site_dir=site, posters=False, quiet=True) == 1
    err = capfd.readouterr().err
    assert "warning[placeholder]" in err and "warning[mkdocs]" in err and "(warnings fail the build under --strict)" in err
    assert not site.exists()


def test_mkdocs_yml_leaves_strictness_to_the_build():
    import yaml

    assert "strict" not in yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))

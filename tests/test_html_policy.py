"""The HTML allow-list for content: every construct outside it is an error at its content_src file:line:col, in
every build (strict or not), with a hint; the allowed tags pass; off-site resources name their source line."""

from __future__ import annotations

import pytest
from ra_testing import TODAY

from ruang_aman.build import build
from ruang_aman.load import load_content
from ruang_aman.problems import Level, Problems

# (what is pasted into the Indonesian section, the text whose position the error must name, code, words in message)
UNSAFE = [
    ("<script>alert(1)</script>", "<script", "unsafe-html", "<script>"),
    ('<a href="bantuan.html" onclick="steal()">x</a>', "onclick", "unsafe-html", "'onclick'"),
    ('<a href="javascript:alert(1)">x</a>', "javascript:alert(1)", "unsafe-html", "javascript:alert(1)"),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', "JaVaScRiPt:alert(1)", "unsafe-html", "address"),
    ("[klik](vbscript:msgbox(1))", "vbscript:msgbox(1", "unsafe-html", "vbscript:"),
    ('<a href="data:text/html,hai">x</a>', "data:text/html,hai", "unsafe-html", "data:"),
    ('<iframe src="https://www.youtube.com/embed/x"></iframe>', "<iframe", "unsafe-html", "<iframe>"),
    ('<object data="x.swf"></object>', "<object", "unsafe-html", "<object>"),
    ('<embed src="x.swf">', "<embed", "unsafe-html", "<embed>"),
    ('<form action="https://example.org/"><input name="a"></form>', "<form", "unsafe-html", "<form>"),
    ('<meta http-equiv="refresh" content="0;url=https://example.org/">', "<meta", "unsafe-html", "<meta>"),
    ('<link rel="stylesheet" href="https://example.org/x.css">', "<link", "unsafe-html", "<link>"),
    ('<base href="https://example.org/">', "<base", "unsafe-html", "<base>"),
    ("<style>body{display:none}</style>", "<style", "unsafe-html", "<style>"),
    ('<p style="color:red">merah</p>', "style", "unsafe-html", "'style'"),
    ("## Judul {: onclick=\"x()\" }", "onclick", "unsafe-html", "'onclick' on <h2>"),
    ("![foto](https://cdn.example.org/x.png)", "https://cdn.example.org/x.png", "offsite-resource", "off-site"),
]
ALLOWED = """<details><summary>Lihat</summary>Isi <abbr title="Kekerasan dalam rumah tangga">KDRT</abbr></details>

Baris<br>baru, H<sub>2</sub>O, m<sup>2</sup>, <mark>penting</mark>, tekan <kbd>Shift</kbd>.

[Bantuan](bantuan.html), [situs resmi](https://www.kemenpppa.go.id/), <a href="mailto:x@example.org">surel</a>,
<a href="#bagian">bagian</a>.

| kiri | kanan |
| :--- | ---: |
| a | b |

`<script>contoh di dalam kode</script>` tidak apa-apa.
"""


def add_to_indonesian(root, text: str) -> tuple[str, list[str]]:
    """Append text at the end of the Indonesian section of the fixture's home page; (path, lines after)."""
    page = root / "content_src" / "pages" / "index.md"
    source = page.read_text(encoding="utf-8")
    cut = source.index("<!-- lang: en -->")
    page.write_text(source[:cut] + "\n" + text + "\n\n" + source[cut:], encoding="utf-8")
    return "content_src/pages/index.md", page.read_text(encoding="utf-8").split("\n")


def position(lines: list[str], needle: str) -> tuple[int, int]:
    """Line and column of the needle's first occurrence, found by reading the file."""
    for number, line in enumerate(lines, start=1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)


@pytest.mark.parametrize("pasted, needle, code, words", UNSAFE, ids=[u[0][:30] for u in UNSAFE])
def test_unsafe_html_is_an_error_at_its_file_line_and_column(scratch, pasted, needle, code, words):
    path, lines = add_to_indonesian(scratch, pasted)
    _, problems, _ = load_content(scratch, on=TODAY)
    found = [p for p in problems.items if p.code == code]
    assert found, "\n".join(p.format() for p in problems.items)
    p = found[0]
    assert p.level == Level.ERROR
    assert (p.where.path, p.where.line, p.where.col) == (path, *position(lines, needle))
    assert words in p.message and p.hint


def test_everything_pasted_at_once_is_reported_in_one_run(scratch):
    _, lines = add_to_indonesian(scratch, "\n\n".join(u[0] for u in UNSAFE))
    _, problems, _ = load_content(scratch, on=TODAY)
    found = [p for p in problems.items if p.code in ("unsafe-html", "offsite-resource")]
    assert len({(p.where.line, p.where.col) for p in found}) >= len(UNSAFE)


def test_the_allowed_html_passes(scratch):
    add_to_indonesian(scratch, ALLOWED)
    _, problems, _ = load_content(scratch, on=TODAY)
    assert not [p.format() for p in problems.items if p.code in ("unsafe-html", "offsite-resource")]


def test_unsafe_html_fails_a_non_strict_build_too_and_leaves_site_untouched(project_copy):
    site = project_copy / "site"
    assert build(project_copy, strict=False, today=TODAY, site_dir=site, posters=False, quiet=True) == 0
    before = (site / "index.html").read_bytes()
    add_to_indonesian(project_copy, "<script>alert(1)</script>")
    assert build(project_copy, strict=False, today=TODAY, site_dir=site, posters=False, quiet=True) == 1
    assert (site / "index.html").read_bytes() == before


def test_an_offsite_resource_found_in_the_built_site_names_the_content_src_line(scratch, tmp_path):
    """The site check (after MkDocs) traces a page's off-site resource back to the page's source line."""
    from ruang_aman.sitecheck import site_check_stage

    path, lines = add_to_indonesian(scratch, "Lihat cdn.example.org/x.png di sini.")
    from ruang_aman.contract import BuildContext, BuildOptions, BuildPaths

    content, _, positions = load_content(scratch, on=TODAY)
    staging = tmp_path / "staging"
    staging.mkdir()
    (staging / "index.html").write_text('<p>x</p>\n<img alt="" src="https://cdn.example.org/x.png">\n')
    (staging / "theme.css").write_text("body { background: url(https://fonts.example.org/a.woff2) }\n")
    paths = BuildPaths(root=scratch, content=scratch / "content_src", docs=tmp_path / "docs", staging=staging, site=tmp_path / "site")
    result = site_check_stage(BuildContext(content, positions, paths, BuildOptions(strict=False, posters=False)))
    wheres = sorted(str(p.where) for p in result.problems.items if p.code == "offsite-resource")
    line, col = position(lines, "cdn.example.org/x.png")
    assert wheres == [f"{path}:{line}:{col}", "site/theme.css:1:1"]


def test_the_allow_list_is_the_one_in_the_editing_guide():
    from ra_testing import ROOT

    from ruang_aman import html_policy

    guide = (ROOT / "content_src" / "README.md").read_text(encoding="utf-8")
    english = guide[guide.index("- **HTML in pages**"):]
    english = english[:english.index("\n- **", 3)]
    for tag in html_policy.HAND_TAGS:
        assert f"<{tag}>" in english or f"<{tag} " in english or f"/<{tag}>" in english, tag
    for attr in html_policy.ATTRIBUTES["*"]:
        assert f"`{attr}`" in english, attr

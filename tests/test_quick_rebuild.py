"""The preview rebuilds only the pages whose text changed; anything other pages show takes the full build."""

from __future__ import annotations

import functools

from ra_testing import TODAY

from ruang_aman.build import build
from ruang_aman.preview import State, snapshot, update


def test_an_edited_page_text_is_rebuilt_alone_and_a_title_change_takes_the_full_build(project_copy):
    root, site = project_copy, project_copy / "build" / "preview"
    state = State()
    full = functools.partial(build, root, strict=False, today=TODAY, include_drafts=True, site_dir=site, posters=False, quiet=True)
    assert full(keep=state.keep) == 0 and state.context is not None
    page = root / "content_src" / "pages" / "dampak.md"
    other = (site / "en" / "bantuan.html").read_bytes()
    before = snapshot(root)
    page.write_text(page.read_text(encoding="utf-8").replace("\n## ", "\nA sentence written just now.\n\n## ", 1), encoding="utf-8")
    assert update(state, [page], full) == "page"
    assert "A sentence written just now." in (site / "dampak.html").read_text(encoding="utf-8")
    assert (site / "en" / "bantuan.html").read_bytes() == other, "no other page is rewritten"
    html = (site / "en" / "dampak.html").read_text(encoding="utf-8")
    assert 'href="../assets/ra/site.' in html and "ruang-aman.css" not in html, "the page uses the joined stylesheet"
    assert snapshot(root) != before

    page.write_text(page.read_text(encoding="utf-8").replace("  en: Effects of violence", "  en: How violence affects people", 1), encoding="utf-8")
    assert update(state, [page], full) == "full"
    assert "<title>How violence affects people" in (site / "en" / "dampak.html").read_text(encoding="utf-8")


def test_without_mkdocs_private_page_functions_the_preview_takes_the_full_build_and_says_why(monkeypatch, tmp_path, capsys):
    import mkdocs.commands.build as engine
    from ra_testing import ROOT

    from ruang_aman.contract import BuildContext, BuildOptions, BuildPaths
    from ruang_aman.load import load_content

    content, _, positions = load_content(ROOT, on=TODAY)
    paths = BuildPaths(root=ROOT, content=ROOT / "content_src", docs=tmp_path / "docs", staging=tmp_path, site=tmp_path / "site")
    state = State()
    state.context = BuildContext(content, positions, paths, BuildOptions(strict=False, include_drafts=True))
    full_builds = []
    monkeypatch.delattr(engine, "_populate_page")   # as in an MkDocs after 1.6 that renamed or dropped it
    assert update(state, [ROOT / "content_src" / "pages" / "dampak.md"], lambda keep: full_builds.append(keep) or 0) == "full"
    assert full_builds == [state.keep]
    err = capsys.readouterr().err
    assert "has no _populate_page (private to MkDocs 1.6), so every save takes the full build" in err
    assert not (tmp_path / "site").exists() and not (tmp_path / "docs").exists(), "nothing was half-rebuilt"

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

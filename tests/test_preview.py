"""`make serve`: the preview shows drafts, and saving a file in content_src/ rebuilds and reloads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from ra_testing import ROOT, fetch, free_port, wait_for


@pytest.fixture
def preview(project_copy: Path):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--root", str(project_copy), "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: fetch(base + "/__build"))
        yield project_copy, base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_saving_a_page_rebuilds_and_signals_a_reload(preview):
    root, base = preview
    html = fetch(base + "/index.html")
    assert '<script src="/__reload.js"></script>' in html
    assert "location.reload()" in fetch(base + "/__reload.js")
    first = fetch(base + "/__build")
    page = root / "content_src" / "pages" / "index.md"
    text = page.read_text(encoding="utf-8")
    head, rest = text.split("<!-- lang: id -->", 1)
    page.write_text(head + "<!-- lang: id -->\nKalimat pratinjau baru.\n" + rest, encoding="utf-8")
    wait_for(lambda: fetch(base + "/__build") != first)
    assert "Kalimat pratinjau baru." in fetch(base + "/index.html")


def test_the_preview_shows_drafts_with_a_banner(preview):
    root, base = preview
    (root / "content_src" / "pages" / "draf-pratinjau.md").write_text(
        "---\ntitle:\n  id: Draf pratinjau\ndescription:\n  id: Draf.\ndraft: true\n---\n<!-- lang: id -->\n# Draf pratinjau\n\nIsi.\n",
        encoding="utf-8",
    )
    html = wait_for(lambda: fetch(base + "/draf-pratinjau.html"))
    assert "ra-banner--draft" in html

"""Valid HTML: every built page passes the W3C Nu HTML Checker (vnu-jar from npm, run with Java) with 0 errors,
and has exactly one skip link. Uses the site the browser tests build once (tests/browser/conftest.py)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT

VNU = ROOT / "build" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_errors(files: list[Path]) -> list[str]:
    """The checker's errors for these files, as 'file:line: message' lines (empty when all are valid)."""
    java = shutil.which("java")
    if java is None or not VNU.exists():
        pytest.fail("the Nu HTML Checker needs Java and vnu-jar: run `make test` (scripts/ensure_tools.sh, npm ci)")
    out = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                         capture_output=True, text=True, timeout=600)
    messages = json.loads(out.stderr or '{"messages": []}')["messages"]
    return [f"{m.get('url', '').rsplit('/', 2)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
            for m in messages if m.get("type") in ("error", "non-document-error")]


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_built_page_passes_the_nu_html_checker(built):
    files = html_files(built)
    assert len(files) >= 20
    errors = nu_errors(files)
    assert not errors, f"{len(errors)} error(s):\n" + "\n".join(errors[:40])


def test_the_checker_reports_invalid_markup(tmp_path):
    """The check itself works: the theme's old hidden checkbox (autocomplete on a checkbox) is an error."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="id"><head><meta charset="utf-8"><title>x</title></head><body>'
                   '<input type="checkbox" id="__drawer" autocomplete="off"></body></html>', encoding="utf-8")
    errors = nu_errors([bad])
    assert len(errors) == 1 and "autocomplete" in errors[0]


def test_one_skip_link_per_page_and_it_comes_first(built):
    for page in html_files(built):
        html = page.read_text(encoding="utf-8")
        if "<body" not in html:
            continue
        assert html.count('class="ra-skip"') == 1, page
        body = html[html.index("<body"):]
        focusable = re.findall(r"<(?:a|input|button|summary|select|textarea)\b[^>]*>", body)
        assert 'class="ra-skip"' in focusable[0] and 'id="ra-exit"' in focusable[1], page

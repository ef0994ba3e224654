"""Shared fixtures: the project root, scratch copies of content, a dated loader."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from ra_testing import ROOT, TODAY  # noqa: E402,F401


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A project root in tmp with the theme, mkdocs.yml and the minimal content fixture."""
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", tmp_path / "content_src")
    (tmp_path / "content_src" / "README.md").unlink()
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A project root in tmp with the real content_src/, theme and mkdocs.yml."""
    for name in ("content_src", "theme", "fonts"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


@pytest.fixture
def staff_copy(tmp_path: Path) -> Path:
    """A copy of the project that `make` can run in, sharing the installed .venv."""
    import os

    for name in ("content_src", "theme", "scripts", "fonts", "design"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("Makefile", "mkdocs.yml", "requirements.txt"):
        shutil.copy2(ROOT / name, tmp_path / name)
    os.symlink(ROOT / ".venv", tmp_path / ".venv")
    return tmp_path


@pytest.fixture(scope="session")
def javanese(tmp_path_factory):
    """The project with Basa Jawa added from English the way staff would (`make new-language`), before and after it
    is marked translated (`make mark-translated LANG=jv`) and built. One build, shared by tests/test_new_language.py
    and the browser's click-through (tests/browser/test_third_language.py): treat it as read-only."""
    from ra_testing import make

    from ruang_aman.build import build
    from ruang_aman.load import load_content

    root = tmp_path_factory.mktemp("jv")
    for name in ("content_src", "theme", "scripts", "fonts", "design"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("Makefile", "mkdocs.yml", "requirements.txt"):
        shutil.copy2(ROOT / name, root / name)
    (root / ".venv").symlink_to(ROOT / ".venv")
    if (ROOT / "build" / "cache").is_dir():  # rendered posters and kit pages are keyed by their inputs: reuse id/en
        shutil.copytree(ROOT / "build" / "cache", root / "build" / "cache")
    before, _, _ = load_content(root, on=TODAY)
    added = make(root, "new-language", "CODE=jv", "NAME=Basa Jawa", "FROM=en")
    assert added.returncode == 0, added.stderr
    draft, problems, _ = load_content(root, on=TODAY)
    table = make(root, "translations").stdout
    draft_build = build(root, strict=True, today=TODAY, site_dir=root / "draft-site", posters=False, quiet=True)
    marked = make(root, "mark-translated", "LANG=jv")
    assert marked.returncode == 0, marked.stderr
    site = root / "site"
    assert build(root, strict=True, today=TODAY, site_dir=site, quiet=True) == 0
    return {"root": root, "before": before, "draft": draft, "problems": problems, "table": table,
            "draft_build": draft_build, "site": site, "marked": marked.stdout}

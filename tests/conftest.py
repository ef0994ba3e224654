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

"""Shared fixtures: the real content, and one real poster rendered once per test session."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from ruang_aman.load import load_content  # noqa: E402
from ruang_aman.posters import render_posters  # noqa: E402
from ruang_aman.problems import Problems  # noqa: E402

SAMPLE = "hubungi-129"
"""The poster the render tests draw (A4 and square, both languages): it has bullets and two hotlines."""


@pytest.fixture(scope="session")
def real():
    """(content, positions) of this checkout's content_src/ (page problems do not matter here)."""
    content, _, positions = load_content(ROOT)
    assert content is not None and content.posters, "content_src/ must load and hold posters"
    return content, positions


def only(content, slug: str):
    """The content with one poster (same record object, so positions still know where it came from)."""
    return content.model_copy(update={"posters": [p for p in content.posters if p.slug == slug]})


@pytest.fixture(scope="session")
def rendered(real, tmp_path_factory):
    """The sample poster rendered at A4 and square in both languages: (site_dir, cache_dir, report)."""
    content, positions = real
    base = tmp_path_factory.mktemp("render")
    problems = Problems()
    report = render_posters(only(content, SAMPLE), positions, base / "site", base / "cache", problems,
                            progress=False, sizes=["a4", "square"])
    assert not problems.items, [p.format() for p in problems.items]
    return base / "site", base / "cache", report


def zbar(path: Path) -> list[str]:
    """Every QR code a real decoder (zbarimg, Debian's zbar-tools) finds in an image."""
    run = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(path)],
                         capture_output=True, text=True, check=False)
    return [line for line in run.stdout.splitlines() if line]


def need(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is missing: apt-get install zbar-tools poppler-utils")


def write_content(root: Path, posters: dict[str, str]) -> Path:
    """A small content_src/ under root: this checkout's site.yml and contacts.yml plus given posters."""
    src = root / "content_src"
    (src / "posters").mkdir(parents=True)
    (src / "pages").mkdir()
    for name in ("site.yml", "contacts.yml"):
        shutil.copyfile(ROOT / "content_src" / name, src / name)
    for slug, text in posters.items():
        (src / "posters" / f"{slug}.yml").write_text(text, encoding="utf-8")
    return root

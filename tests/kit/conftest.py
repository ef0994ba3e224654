"""Shared fixtures: the real content's session kit built once per test session, and PDF tools."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from ruang_aman.kit import build_kit  # noqa: E402
from ruang_aman.load import load_content  # noqa: E402
from ruang_aman.posters import render_posters  # noqa: E402
from ruang_aman.problems import Problems  # noqa: E402

KIT_SRC = ROOT / "content_src" / "kit"


@pytest.fixture(scope="session")
def real():
    """(content, positions) of this checkout's content_src/."""
    content, _, positions = load_content(ROOT)
    assert content is not None
    return content, positions


def make_kit(content, positions, root: Path, base: Path):
    """Poster cards (the social kit zips them) and the kit into base/site, cached in base/cache."""
    problems = Problems()
    render_posters(content, positions, base / "site", base / "cache", problems, progress=False, sizes=["square", "story"])
    report = build_kit(content, positions, root, base / "site", base / "cache", problems)
    return report, problems


@pytest.fixture(scope="session")
def kit(real, tmp_path_factory):
    """The real kit built once: (site_dir, cache_dir, report)."""
    content, positions = real
    base = tmp_path_factory.mktemp("kit")
    report, problems = make_kit(content, positions, ROOT, base)
    assert report is not None and not problems.items, [p.format() for p in problems.items]
    return base / "site", base / "cache", report


def manifest(site: Path) -> list[dict]:
    import json

    return json.loads((site / "kit" / "manifest.json").read_text(encoding="utf-8"))["files"]


def source(name: str) -> dict:
    """A kit source file as plain YAML (tests read the expectations from the sources, not the code)."""
    return yaml.safe_load((KIT_SRC / name).read_text(encoding="utf-8"))


def decks() -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((KIT_SRC / "decks").glob("*.yml"))]


def need(*tools: str) -> None:
    for tool in tools:
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: apt-get install zbar-tools poppler-utils")


def run(*cmd: str) -> str:
    return subprocess.run(list(cmd), capture_output=True, text=True, check=True).stdout


def pdftotext(path: Path, page: int | None = None) -> str:
    """The text layer as poppler reads it, whitespace collapsed."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return " ".join(run("pdftotext", *pages, str(path), "-").split())


def zbar_page(path: Path, page: int, out: Path, dpi: int = 100) -> list[str]:
    """Every QR code zbarimg finds on one page rendered by pdftoppm."""
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page), "-l", str(page), str(path), str(out)], check=True)
    found = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(out.with_suffix(".png"))],
                           capture_output=True, text=True, check=False).stdout
    return sorted(line for line in found.splitlines() if line)

"""The editing guide's examples build, and every problem code the pipeline emits is explained."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from ra_testing import ROOT, TODAY

from ruang_aman.build import build
from ruang_aman.load import load_content

GUIDE = ROOT / "content_src" / "README.md"
EXAMPLE_RE = re.compile(r"<!-- example: (\S+) -->\n```\w*\n(.*?)```", re.DOTALL)


def examples() -> list[tuple[str, str]]:
    return EXAMPLE_RE.findall(GUIDE.read_text(encoding="utf-8"))


def apply(content_src: Path, target: str, text: str) -> None:
    path = content_src / target
    if path.exists():  # a list entry to append to an existing data file
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_the_guide_has_an_example_for_each_kind_of_content():
    targets = {t for t, _ in examples()}
    assert {"pages/contoh-halaman.md", "contacts.yml", "myths.yml", "posters/contoh-poster.yml", "media.yml"} <= targets


def test_every_example_in_the_guide_builds(project_copy):
    content_src = project_copy / "content_src"
    for target, text in examples():
        if target == "media.yml":
            register = yaml.safe_load(text)
            assert register[0]["kind"] in ("illustration", "chart", "photo") and register[0]["path"].startswith("images/")
            continue
        apply(content_src, target, text)
    content, problems, _ = load_content(project_copy, on=TODAY)
    assert content is not None and not problems.fails(strict=True), [p.format() for p in problems.items if p.level]
    assert content.page("contoh-halaman") and content.contact("contoh-layanan")
    site = project_copy / "site"
    assert build(project_copy, strict=True, today=TODAY, site_dir=site, posters=False, quiet=True) == 0
    assert (site / "contoh-halaman.html").exists() and (site / "en" / "contoh-halaman.html").exists()


def test_every_problem_code_is_explained_in_the_guide():
    guide = GUIDE.read_text(encoding="utf-8")
    emitted = set()
    for path in (ROOT / "scripts" / "ruang_aman").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        emitted |= set(re.findall(r"\.(?:error|warning|notice)\(\s*\"([a-z-]+)\"", text))
        emitted |= set(re.findall(r"\.add\([^,\n]+,\s*\"([a-z-]+)\"", text))
        emitted |= set(re.findall(r"\(\"([a-z]+(?:-[a-z]+)+)\", number,", text))
    missing = sorted(code for code in emitted if f"`{code}`" not in guide)
    assert emitted and not missing, missing

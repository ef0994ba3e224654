"""The privacy guard sees the kit: a victim's name written into kit content is found in what is published."""

from __future__ import annotations

import shutil

from .conftest import ROOT, make_kit
from ruang_aman.load import load_content
from ruang_aman.privacy import scan_paths

PLANTED = "Wulandari Sekar Ayu"
"""An invented name, passed to the guard as a protected name for this test only."""


def test_a_name_in_a_caption_is_found_in_the_published_kit(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(ROOT / "content_src", root / "content_src")
    social = root / "content_src" / "kit" / "social.yml"
    text = social.read_text(encoding="utf-8")
    social.write_text(text.replace("Simpan nomornya,", f"Korbannya {PLANTED}. Simpan nomornya,", 1), encoding="utf-8")
    content, _, positions = load_content(root)
    report, problems = make_kit(content, positions, root, tmp_path)
    assert report is not None, [p.format() for p in problems.items]
    result = scan_paths([tmp_path / "site" / "kit"], root=ROOT, names=[PLANTED], site_dirs=[tmp_path / "site"])
    found = {f.path.rsplit("/", 1)[-1] for f in result.findings if f.rule == "protected-name"}
    assert "social-id.txt" in found  # the captions file, byte-identical to the one inside the ZIP
    assert all(PLANTED not in f.message for f in result.findings)  # the guard never prints the name


def test_every_kit_file_is_scanned_or_a_copy_of_a_scanned_file(kit):
    """Text files are scanned as text; the ZIPs hold only copies of scanned files (checked in
    test_files); the PDFs are vector text from content_src/kit/ (scanned as a source) with no pictures."""
    site, _, _ = kit
    result = scan_paths([site / "kit"], root=ROOT, site_dirs=[site])
    texts = [p for p in (site / "kit").iterdir() if p.suffix in (".txt", ".json")]
    assert result.scanned.get("text_files", 0) >= len(texts)
    assert {p.suffix for p in (site / "kit").iterdir()} <= {".pdf", ".zip", ".txt", ".json"}

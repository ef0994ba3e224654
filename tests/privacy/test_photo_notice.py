"""Protected photos stored before the window hashes: a notice (never a failure) names each entry and the
command that fixes it; protecting the original again adds the windows and the notice goes."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image
from skimage import data as samples

from privacy_helpers import run_guard, write
from ruang_aman.privacy import scan_paths

STORE = "content_src/privacy-hashes.yml"


def old_store(project: Path, phashes: list[str]) -> None:
    """A hash store as the guard wrote it before the window hashes: phash and date only."""
    photos = "".join(f"- phash: {h}\n  added: '2026-03-0{i + 1}'\n" for i, h in enumerate(phashes))
    write(project / STORE, "salt: 00112233445566778899aabbccddeeff\nnames: []\nphotos:\n" + photos)


def test_old_entries_are_named_with_their_line_and_the_fix(project: Path) -> None:
    old_store(project, ["c3a5b4e1d2f00f1e", "8f00ff0011223344"])
    result = scan_paths([project / "content_src"], root=project, jobs=1)
    notices = [f for f in result.findings if f.rule == "photo-without-windows"]
    assert [(f.path, f.line, f.severity) for f in notices] == [(STORE, 4, "notice"), (STORE, 6, "notice")]
    assert "photos[0] (added 2026-03-01)" in notices[0].message and "photos[1]" in notices[1].message
    assert "--protect-photo FILE" in notices[0].message
    assert result.ok and result.error_count == 0 and result.warning_count == 0


def test_the_notice_never_fails_the_guard_in_any_format(project: Path) -> None:
    old_store(project, ["c3a5b4e1d2f00f1e"])
    text = run_guard(project, "content_src")
    assert text.returncode == 0, text.stderr
    assert f"{STORE}:4: notice[photo-without-windows]" in text.stdout and "1 notice(s)" in text.stdout
    assert "check_privacy.py --protect-photo FILE" in text.stdout
    as_json = run_guard(project, "content_src", "--format", "json")
    assert as_json.returncode == 0
    assert [f["severity"] for f in json.loads(as_json.stdout)["findings"]] == ["notice"]
    sarif = run_guard(project, "content_src", "--format", "sarif")
    assert sarif.returncode == 0
    assert [r["level"] for r in json.loads(sarif.stdout)["runs"][0]["results"]] == ["note"]


def test_protecting_the_original_again_adds_the_windows_and_ends_the_notice(project: Path, tmp_path: Path) -> None:
    original = tmp_path / "outside" / "foto-kasus.png"
    original.parent.mkdir(parents=True)
    Image.fromarray(samples.chelsea()).save(original)
    assert run_guard(project, "--protect-photo", str(original)).returncode == 0
    entry = (project / STORE).read_text().split("- phash: ")[1].split("\n")[0].strip("'\"")
    old_store(project, [entry])                       # as it was before the window hashes
    assert run_guard(project, "content_src").stdout.count("notice[photo-without-windows]") == 1
    assert run_guard(project, "--protect-photo", str(original)).returncode == 0
    assert "tiles:" in (project / STORE).read_text()
    after = run_guard(project, "content_src")
    assert after.returncode == 0 and "photo-without-windows" not in after.stdout


def test_a_store_with_windows_gives_no_notice(project: Path, tmp_path: Path) -> None:
    original = tmp_path / "outside" / "foto.png"
    original.parent.mkdir(parents=True)
    Image.fromarray(samples.coffee()).save(original)
    assert run_guard(project, "--protect-photo", str(original)).returncode == 0
    assert not [f for f in scan_paths([project / "content_src"], root=project, jobs=1).findings
                if f.rule == "photo-without-windows"]


def test_the_build_stage_lists_it_as_a_notice_that_never_fails_strict(project: Path) -> None:
    from types import SimpleNamespace

    from ruang_aman.problems import Level
    from ruang_aman.privacy.stage import privacy_stage

    old_store(project, ["c3a5b4e1d2f00f1e"])
    staging = write(project / "build" / "staging" / "index.html", "<p>Hubungi SAPA 129.</p>").parent
    paths = SimpleNamespace(root=project, staging=staging, content=project / "content_src")
    problems = privacy_stage(SimpleNamespace(paths=paths)).problems
    assert [(p.level, p.where.path, p.where.line) for p in problems.items] == [(Level.NOTICE, STORE, 4)]
    assert "--protect-photo FILE" in problems.items[0].hint
    assert not problems.fails(strict=True)

"""A build killed with SIGKILL at a random moment leaves the last good site/ exactly as it was, writes nothing into
content_src/, and the next build leaves nothing behind (no staging folder, no old site)."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from ra_testing import ROOT, TODAY

from ruang_aman.swap import STAGING_PREFIX, remove_leftovers, swap_in


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under a folder with the hash of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def build_command(root: Path) -> list[str]:
    return [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--root", str(root), "--today", TODAY.isoformat(),
            "build", "--strict"]


def test_a_build_killed_at_a_random_point_leaves_the_last_good_site_and_nothing_behind(project_copy):
    site = project_copy / "site"
    started = time.monotonic()
    first = subprocess.run(build_command(project_copy), capture_output=True, text=True, timeout=600)
    took = time.monotonic() - started
    assert first.returncode == 0, first.stderr[-3000:]
    good, sources = snapshot(site), snapshot(project_copy / "content_src")
    # A change, so the killed build would have written a different site.
    page = project_copy / "content_src" / "pages" / "tentang.md"
    page.write_text(page.read_text(encoding="utf-8").replace("<!-- lang: en -->", "Kalimat baru.\n\n<!-- lang: en -->", 1),
                    encoding="utf-8")
    sources = snapshot(project_copy / "content_src")
    seed = int(os.environ.get("RA_KILL_SEED", random.randrange(1 << 30)))
    delay = random.Random(seed).uniform(0.05, took)
    build = subprocess.Popen(build_command(project_copy), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=60)
    note = f"killed after {delay:.2f} s of ~{took:.1f} s (RA_KILL_SEED={seed})"
    if build.returncode == 0:
        note += "; it had finished"      # the delay fell after the end: then site/ is the new good one
        good = snapshot(site)
    assert snapshot(site) == good, f"site/ is not the last good site: {note}"
    assert snapshot(project_copy / "content_src") == sources, f"the build wrote into content_src/: {note}"
    assert not site.with_name("site.old").exists()
    again = subprocess.run(build_command(project_copy), capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-3000:]
    assert "Kalimat baru." in (site / "tentang.html").read_text(encoding="utf-8"), note
    left = sorted(p.name for p in (project_copy / "build").glob(STAGING_PREFIX + "*"))
    assert left == [], f"left behind after the next build: {left} ({note})"
    assert not site.with_name("site.old").exists()
    print(note)


def test_swap_in_is_one_step_and_the_old_site_goes_with_the_staging_folder(tmp_path):
    site, staging = tmp_path / "site", tmp_path / "build" / "site-1-x"
    site.mkdir()
    (site / "index.html").write_text("old")
    staging.mkdir(parents=True)
    (staging / "index.html").write_text("new")
    swap_in(staging, site)
    assert (site / "index.html").read_text() == "new"
    assert not staging.exists() or (staging / "index.html").read_text() == "old"


def test_leftovers_of_a_dead_build_are_removed_and_a_site_caught_between_renames_comes_back(tmp_path):
    work, site = tmp_path / "build", tmp_path / "site"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (work / f"{STAGING_PREFIX}{dead.pid}-abc").mkdir(parents=True)
    (work / f"{STAGING_PREFIX}{os.getpid()}-def").mkdir()          # a live build's folder stays
    old = tmp_path / "site.old"
    old.mkdir()
    (old / "index.html").write_text("last good")
    remove_leftovers(work, site)
    assert sorted(p.name for p in work.iterdir()) == [f"{STAGING_PREFIX}{os.getpid()}-def"]
    assert (site / "index.html").read_text() == "last good" and not old.exists()

"""A second city's content root, passed in through the build context (`--content DIR`, CONTENT=DIR): the build,
the privacy guard's settings, the translation records, the staff commands and the preview all read that root,
never the project's own content_src/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from ra_testing import ROOT, TODAY, fetch, free_port, make, wait_for

from ruang_aman.build import build
from ruang_aman.load import load_content
from ruang_aman.preview import snapshot
from ruang_aman.privacy import scan_paths
from ruang_aman.privacy.hashes import load_store
from ruang_aman.privacy.normalize import name_key
from ruang_aman.staff import mark_translated

OURS = "Sulastri Handayani"      # protected in the project's own content_src/
THEIRS = "Wartini Purbasari"     # protected in the second city's content root only
PAGE = "pages/tentang.md"


def protect(content: Path, name: str) -> None:
    """Store a name's fingerprint in a content root's privacy-hashes.yml, as `--protect-name` does."""
    store = load_store(content / "privacy-hashes.yml")
    store.add_name(name_key(name))
    store.save()


@pytest.fixture
def city(project_copy: Path, tmp_path_factory) -> Path:
    """The project's content copied outside the project as another city's content root, with its own protected
    name; the project's own content_src/ protects a different one. The city's page mentions both."""
    protect(project_copy / "content_src", OURS)
    root = tmp_path_factory.mktemp("samarinda") / "content"
    shutil.copytree(ROOT / "content_src", root)
    protect(root, THEIRS)
    page = root / PAGE
    text = page.read_text(encoding="utf-8")
    assert "\n## " in text
    page.write_text(text.replace("\n## ", f"\nNaskah ini dibaca oleh {OURS}.\n\nNaskah ini dibaca oleh {THEIRS}.\n\n## ", 1), encoding="utf-8")
    return root


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in line)


def test_the_guard_reads_the_protected_names_of_the_content_root_it_is_given(project_copy, city):
    page = city / PAGE
    ours, theirs = line_of(page, OURS), line_of(page, THEIRS)
    by_project = scan_paths([page], root=project_copy, jobs=1)
    by_city = scan_paths([page], root=project_copy, content=city, jobs=1)
    assert {f.line for f in by_project.findings if f.rule == "protected-name"} == {ours}, "control: the project's name is found"
    assert {f.line for f in by_city.findings if f.rule == "protected-name"} == {theirs}


def test_a_build_of_another_content_root_refuses_its_protected_name_and_ignores_the_projects(project_copy, city, capsys):
    site = project_copy / "site"
    page, theirs = city / PAGE, line_of(city / PAGE, THEIRS)
    assert build(project_copy, strict=True, today=TODAY, site_dir=site, posters=False, quiet=True, content_dir=city) == 1
    err = capsys.readouterr().err
    assert f"{page.as_posix()}:{theirs}:1: error[privacy]: protected-name" in err
    assert f"{page.as_posix()}:{line_of(page, OURS)}:" not in err
    assert not site.exists(), "a refused build publishes nothing"

    page.write_text(page.read_text(encoding="utf-8").replace(f"Naskah ini dibaca oleh {THEIRS}.\n", ""), encoding="utf-8")
    assert build(project_copy, strict=True, today=TODAY, site_dir=site, posters=False, quiet=True, content_dir=city) == 0
    assert OURS in (site / "tentang.html").read_text(encoding="utf-8"), "the project's protected names do not apply here"


def test_translation_records_and_marks_belong_to_the_content_root(project_copy, city):
    content, problems, _ = load_content(project_copy, city, on=TODAY)
    assert content is not None and content.folder == city.as_posix()
    assert not [p for p in problems.items if p.code == "untracked-translation"], "keys are relative to the content root"
    page = city / PAGE  # its Indonesian changed in the fixture: the English is behind
    assert [p.where.path for p in problems.items if p.code == "outdated-translation"] == [page.as_posix()]
    ours = (project_copy / "content_src" / "translations.yml").read_bytes()
    done, langs, _ = mark_translated(project_copy, ["tentang"], "en", city)
    assert (done, langs) == ([PAGE], ["en"])
    _, problems, _ = load_content(project_copy, city, on=TODAY)
    assert not [p for p in problems.items if p.code == "outdated-translation"]
    assert (project_copy / "content_src" / "translations.yml").read_bytes() == ours, "the project's records are untouched"


def test_the_preview_watches_the_content_root_it_builds(project_copy, city):
    seen = snapshot(project_copy, city)
    assert city / PAGE in seen and (project_copy / "theme").is_dir()
    assert not any(path.is_relative_to(project_copy / "content_src") for path in seen)
    page = city / "pages" / "dampak.md"
    os.utime(page, (1, 1))  # an edit, whatever the file system's time resolution
    assert snapshot(project_copy, city) != seen


def test_the_preview_of_another_content_root_rebuilds_when_that_root_changes(project_copy, city):
    import subprocess
    import sys

    leak = city / PAGE   # the other root's protected name would stop the preview's build too
    leak.write_text(leak.read_text(encoding="utf-8").replace(f"Naskah ini dibaca oleh {THEIRS}.\n", ""), encoding="utf-8")
    port = free_port()
    proc = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "build_site.py"), "--root", str(project_copy),
                             "--content", str(city), "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: fetch(base + "/__build"))
        assert OURS in fetch(base + "/tentang.html"), "the preview shows the other root's pages"
        first = fetch(base + "/__build")
        page = city / "pages" / "dampak.md"
        page.write_text(page.read_text(encoding="utf-8").replace("\n## ", "\nKalimat dari kota lain.\n\n## ", 1), encoding="utf-8")
        wait_for(lambda: fetch(base + "/__build") != first)
        assert "Kalimat dari kota lain." in fetch(base + "/dampak.html")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_make_passes_the_content_root_to_every_staff_command(staff_copy, tmp_path_factory):
    import subprocess

    city = tmp_path_factory.mktemp("balikpapan-utara") / "content"
    shutil.copytree(ROOT / "content_src", city)
    ours = {p: p.read_bytes() for p in (staff_copy / "content_src").rglob("*") if p.is_file()}
    checked = make(staff_copy, "check", f"CONTENT={city}")
    assert checked.returncode == 0 and "content ok" in checked.stdout, checked.stderr[-2000:]
    added = make(staff_copy, "new-page", "SLUG=halaman-kota", f"CONTENT={city}")
    assert added.returncode == 0 and (city / "pages" / "halaman-kota.md").is_file(), added.stderr
    protect_cli = subprocess.run([str(staff_copy / ".venv" / "bin" / "python"), "scripts/check_privacy.py", "--content", str(city),
                                  "--protect-name", THEIRS], cwd=staff_copy, capture_output=True, text=True)
    assert protect_cli.returncode == 0, protect_cli.stderr
    page = city / PAGE
    page.write_text(page.read_text(encoding="utf-8").replace("\n## ", f"\nNaskah ini dibaca oleh {THEIRS}.\n\n## ", 1), encoding="utf-8")
    guard = make(staff_copy, "privacy", f"CONTENT={city}")
    assert guard.returncode != 0 and f"{page.as_posix()}:{line_of(page, THEIRS)}" in guard.stdout, guard.stdout[-2000:]
    assert THEIRS not in guard.stdout + guard.stderr, "the guard never prints the name"
    assert {p: p.read_bytes() for p in (staff_copy / "content_src").rglob("*") if p.is_file()} == ours, "content_src/ untouched"


def test_only_content_on_the_make_command_line_switches_the_content_root():
    """An exported CONTENT (a stray shell variable) never switches the content root; CONTENT=DIR given to make does."""
    import os
    import subprocess

    def dry_run(*args, env_content=None):
        env = {k: v for k, v in os.environ.items() if k != "CONTENT"}
        if env_content:
            env["CONTENT"] = env_content
        done = subprocess.run(["make", "-n", "check", *args], cwd=ROOT, capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "--content" not in dry_run(env_content="/elsewhere/content")
    assert '--content "/elsewhere/content"' in dry_run("CONTENT=/elsewhere/content")

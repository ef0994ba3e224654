"""Files that run elsewhere (GitHub Actions, pre-commit, CI) parse and name real commands."""

from __future__ import annotations

import re
import subprocess

import yaml
from ra_testing import ROOT


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):", text, re.MULTILINE))


def test_workflow_parses_pins_actions_and_names_real_make_targets():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    for step in steps:
        if "uses" in step:
            assert re.match(r"^[\w-]+/[\w-]+@v\d+$", step["uses"]), step["uses"]
    commands = [s["run"] for s in steps if "run" in s]
    used = {m for c in commands for m in re.findall(r"(?:^|&&|;)\s*make ([a-z-]+)", c, re.MULTILINE)}
    assert {"test", "site"} <= used <= make_targets(), used - make_targets()
    assert workflow["jobs"]["build"]["container"].startswith("debian:")  # Debian's chromium, as in the tests
    for command in commands:
        for script in re.findall(r"(scripts/\S+)", command):
            assert (ROOT / script).exists(), script


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme and "make site" in readme


def test_readme_commands_are_real_make_targets():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`make ([a-z-]+)", readme))
    assert named and named <= make_targets(), named - make_targets()


def test_pre_commit_config_runs_content_check_and_privacy_guard():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = " ".join(hook["entry"] for repo in config["repos"] for hook in repo["hooks"])
    assert "scripts/check_privacy.py" in entries and "scripts/build_site.py" in entries
    for repo in config["repos"]:
        for hook in repo["hooks"]:
            script = re.search(r"(scripts/\S+\.py)", hook["entry"])
            assert script and (ROOT / script.group(1)).exists()


def test_generated_folders_are_ignored_and_not_tracked():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert not [t for t in tracked if t.startswith(("site/", "docs/", "build/", ".venv/"))]


def test_installing_twice_does_nothing_when_requirements_are_unchanged():
    """`make site`/`make test` reinstall .venv only when requirements.txt is newer than the stamp."""
    result = subprocess.run(["make", "-q", ".venv/.installed"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, "the venv stamp is out of date right after `make test` installed it"
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^\$\(STAMP\): requirements\.txt$", text, re.MULTILINE)

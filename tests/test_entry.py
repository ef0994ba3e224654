"""A command run with a .venv older than requirements.txt (after a pull; the pre-commit hook runs the scripts
without make) names the missing package and the fix instead of ending in a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ra_testing import ROOT

# A package is made missing the way Python itself reports it: None in sys.modules -> ModuleNotFoundError.
RUN_WITHOUT = ("import runpy, sys; sys.modules[sys.argv[1]] = None; sys.argv = sys.argv[2:]; "
               "runpy.run_path(sys.argv[0], run_name='__main__')")


@pytest.mark.parametrize(("script", "args", "package"), [
    ("scripts/check_privacy.py", ["content_src/site.yml"], "ahocorasick_rs"),
    ("scripts/build_site.py", ["check"], "yaml"),
])
def test_a_package_missing_from_the_venv_names_itself_and_the_fix(script, args, package):
    done = subprocess.run([sys.executable, "-c", RUN_WITHOUT, package, script, *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr[-2000:]
    assert f"error[setup]: the Python package '{package}' is not installed" in done.stderr
    assert "make check" in done.stderr and "pip install -r requirements.txt" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_scripts_still_run_when_everything_is_installed():
    done = subprocess.run([sys.executable, "scripts/check_privacy.py", "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "usage" in done.stdout.lower(), done.stderr[-2000:]

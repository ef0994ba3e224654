"""Constants shared by the tests (a uniquely named module: several conftest.py files exist)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 29)  # tests inject the date: nothing here depends on the clock


def language(code: str, folder: str | None = None, stemmer: str | None = None, name: str | None = None):
    """A Language record as site.yml would declare it: folder '' makes it the default language."""
    from ruang_aman.model import Language, NumberFormat

    folder = code if folder is None else folder
    return Language(code=code, name=name or code, folder=folder, default=not folder, stemmer=stemmer,
                    numbers=NumberFormat(decimal=",", group="."))


def make(root: Path, *args: str, **env: str):
    """Run a make target in a project copy (as staff would), with extra environment variables."""
    import os
    import subprocess

    environment = {**os.environ, "MAKEFLAGS": "", **env}
    return subprocess.run(["make", "--no-print-directory", *args], cwd=root, capture_output=True, text=True, env=environment)

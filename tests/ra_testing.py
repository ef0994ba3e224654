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


def free_port() -> int:
    """A free TCP port on 127.0.0.1 (for a preview server)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    """The body of a local address, as text."""
    import urllib.request

    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, limit: float = 90.0):
    """Poll until predicate() is truthy; the limit only bounds a hang, it is not a speed check."""
    import time

    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError("the preview did not get there")

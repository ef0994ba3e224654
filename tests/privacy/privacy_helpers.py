"""Helpers for the privacy guard tests: planted names, a small project, running the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


GUARD = ROOT / "scripts" / "check_privacy.py"

# Planted names (fictional). Tests check that none of them ever appears in the guard's output.
PLANTED = ["Siti Rahayu", "Soekarni", "Djoko Susilo", "Wulan", "Ni Made Ayu Lestari"]

CONTACTS = """\
contacts:
  - key: sapa-129
    phone: "129"
    whatsapp: 08111-129-129
  - key: uptd-ppa
    phone: (0542) 8520107
    address: Jl. Jend. Sudirman No. 1, Balikpapan
"""


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def run_guard(root: Path, *args: str, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run scripts/check_privacy.py as staff and CI do."""
    full_env = {k: v for k, v in os.environ.items() if k != "PRIVACY_NAMES_FILE"}
    full_env.update(env or {})
    return subprocess.run([sys.executable, str(GUARD), "--root", str(root), "--jobs", "1", *args],
                          capture_output=True, text=True, input=stdin, env=full_env, cwd=root, check=False)


def run_json(root: Path, *args: str, **kw) -> tuple[int, dict]:
    proc = run_guard(root, "--format", "json", *args, **kw)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)

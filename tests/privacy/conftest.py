"""Fixtures for the privacy guard: a small project in tmp_path and a helper to run the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

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


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project root with contacts, an empty register, allow-list and a salted hash store."""
    root = tmp_path / "project"
    write(root / "content_src" / "contacts.yml", CONTACTS)
    write(root / "content_src" / "media.yml", "images: []\n")
    write(root / "content_src" / "privacy-allow.yml", "allow: []\n")
    write(root / "content_src" / "privacy-hashes.yml", "salt: 00112233445566778899aabbccddeeff\nnames: []\nphotos: []\n")
    return root


@pytest.fixture
def names_file(tmp_path: Path) -> Path:
    """The plain names list, outside the project (and outside any git work tree)."""
    return write(tmp_path / "outside" / "names.txt", "# protected names\n" + "\n".join(PLANTED) + "\n")


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

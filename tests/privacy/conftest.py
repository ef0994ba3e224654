"""Fixtures for the privacy guard tests: a small project in tmp_path and a names file outside it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from privacy_helpers import CONTACTS, PLANTED, write  # noqa: E402


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

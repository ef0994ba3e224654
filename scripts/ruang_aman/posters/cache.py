"""The render cache: each rendered size kept under a hash of everything that shaped its bytes."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from .text import font_paths

RENDERER_VERSION = "2"
"""Bump to re-render everything after a change the hashed inputs below would not show."""
LIBRARIES = ("pillow", "segno", "fpdf2", "fonttools")


def code_digest(label: str, paths: list[Path], libraries: tuple[str, ...] = LIBRARIES) -> str:
    """Hash of a renderer: a label and version, its code and data files, the fonts, library versions."""
    digest = hashlib.sha256(f"{label} zlib {zlib.ZLIB_VERSION}\n".encode())
    for lib in libraries:
        digest.update(f"{lib} {metadata.version(lib)}\n".encode())
    for path in paths + font_paths():
        digest.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def environment_digest() -> str:
    """Hash of the poster renderer itself: its code and data files, the fonts, the library versions."""
    here = Path(__file__).resolve().parent
    shared = [here.parent / "vector_pdf.py"]  # the PDF drawing the posters share with the kit
    return code_digest(f"ruang-aman-posters {RENDERER_VERSION}", sorted(here.glob("*.py")) + sorted(here.glob("*.yml")) + shared)


def job_key(data: dict) -> str:
    """Cache key of one render job: the renderer's digest plus the job's plain data."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((environment_digest() + "\n" + text).encode()).hexdigest()


class Cache:
    """Folders named by key under cache_dir/<folder>/ (posters/, kit/), each holding one job's finished files."""

    def __init__(self, cache_dir: Path, folder: str = "posters"):
        self.cache_dir = Path(cache_dir)
        self.root = self.cache_dir / folder

    def entry(self, key: str) -> Path:
        return self.root / key

    def has(self, key: str, names: list[str]) -> bool:
        entry = self.entry(key)
        return all((entry / name).is_file() for name in names)

    def store(self, key: str, files: dict[str, bytes]) -> None:
        """Write a job's files into a temporary folder, then move it into place in one step."""
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{key[:12]}-", dir=self.root))
        for name, data in files.items():
            (tmp / name).write_bytes(data)
        target = self.entry(key)
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp, target)

    def prune(self, keep: set[str]) -> int:
        """Remove entries no current poster uses; returns how many went."""
        if not self.root.is_dir():
            return 0
        gone = 0
        for entry in self.root.iterdir():
            if entry.is_dir() and entry.name not in keep:
                shutil.rmtree(entry, ignore_errors=True)
                gone += 1
        return gone

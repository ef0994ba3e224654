"""Putting a finished site in place so that a build killed at any moment leaves the last good site/.

The site is built into build/site-<process id>-<random>/ (a staging folder) and, only when everything passed,
exchanged with site/ in one atomic step. A build killed before that leaves site/ untouched and its staging
folder behind; the next build removes the staging folders of builds that are no longer running.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import sys
import tempfile
from pathlib import Path

STAGING_PREFIX = "site-"


def new_staging(work: Path) -> Path:
    """A fresh staging folder in `work` (build/), named by this process so that leftovers can be recognised."""
    work.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=work))


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2 with RENAME_EXCHANGE); False where that is not possible."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    if not hasattr(libc, "renameat2"):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return libc.renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def swap_in(staging: Path, site_dir: Path) -> None:
    """Put the finished site in place in one atomic step, so readers never see a half-built site and a build
    killed at any moment leaves the last good site/ (afterwards `staging` holds the old site, which the caller
    removes). Without an atomic exchange (not Linux), two renames; remove_leftovers() repairs a kill between them."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    if not site_dir.exists():
        os.replace(staging, site_dir)
        return
    if _exchange(staging, site_dir):
        return
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    os.replace(site_dir, old)
    os.replace(staging, site_dir)
    shutil.rmtree(old, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(work: Path, site_dir: Path) -> None:
    """What a killed build left behind: its staging folder in build/ (named by the dead process's id), and a
    site/ caught between the two renames of swap_in's fallback (the old site comes back)."""
    for folder in work.glob(STAGING_PREFIX + "*"):
        pid = folder.name[len(STAGING_PREFIX):].split("-", 1)[0]
        if folder.is_dir() and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
    old = site_dir.with_name(site_dir.name + ".old")
    if old.is_dir():
        if site_dir.exists():
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(old, site_dir)

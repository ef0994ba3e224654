"""Privacy guard: no victim's name, face or identifying detail gets published (issue 4).

API for the build (everything a caller needs):

    from ruang_aman.privacy import scan_paths, format_result, ConfigError

    result = scan_paths(
        paths=None,            # files/folders; None = the content root, docs/, site/ (those present)
        root=None,             # project root; None = this checkout
        names_file=None,       # plain list kept outside git; None = $PRIVACY_NAMES_FILE (if set)
        site_dirs=(),          # built-site folders (e.g. the staging dir): posters/manifest.json is read there
        content=None,          # the content root whose privacy files apply; None = root/content_src
        fix=False,             # strip image metadata in place (lossless for JPEG and WebP)
        jobs=None,             # worker processes; None = min(2, CPUs)
    )                          # -> ScanResult; raises ConfigError (exit 2 material) on bad setup
    result.findings            # list[Finding(path, line, rule, severity, message, match_id)]
    result.error_count         # > 0: stop publication
    result.ok                  # error_count == 0
    result.scanned             # counts: text_files, images, bytes, skipped, allowed, fixed
    print(format_result(result, "text"))   # or "json" / "sarif"; never shows a name in clear

Modules: normalize (folding, old spelling), names (protected names), identifiers (NIK, initials,
victim named, addresses, phones), images (metadata, perceptual hash, faces), strip (--fix),
register (media.yml, build images), allow (allow-list), hashes (privacy-hashes.yml), scan (walk
and scan), report (text/json/sarif), cli (the command line).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Sequence

from .findings import ConfigError, Finding, ScanResult
from .report import format_result

__all__ = ["ConfigError", "Finding", "ScanResult", "format_result", "scan_paths", "ROOT"]

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_DIRS = ("docs", "site")  # scanned by default besides the content root


def shown_path(path: Path, root: Path) -> str:
    """A settings file as findings name it: relative to the project, or as given when outside it."""
    absolute, prefix = os.path.abspath(path), str(root) + os.sep
    return absolute[len(prefix):].replace(os.sep, "/") if absolute.startswith(prefix) else path.as_posix()


def _is_site(folder: Path) -> bool:
    return (folder / "posters" / "manifest.json").is_file() or (folder / "sitemap.xml").is_file()


def _stored_tiles(store) -> list:
    from .photomatch import unpack
    return [unpack(p.tiles) for p in store.photos if p.tiles]


def scan_paths(paths: Sequence[str | Path] | None = None, *, root: Path | None = None,
               names_file: Path | None = None, names: Iterable[str] = (),
               site_dirs: Sequence[Path] = (), fix: bool = False, jobs: int | None = None,
               content: Path | None = None) -> ScanResult:
    """Scan files and folders for protected names, identifiers and risky images.

    The guard's settings (privacy-hashes.yml, contacts.yml, media.yml, privacy-allow.yml) are read from
    `content`, the content root being published (a second city's content has its own protected names)."""
    from ..contract import content_root
    from . import identifiers, scan
    from .allow import apply_allow, load_allow
    from .hashes import legacy_notice, load_store, photos_without_windows
    from .images import IMAGE_EXTS
    from .names import NameMatcher, names_file_from, read_names_file
    from .register import add_build_images, load_register

    root = (root or ROOT).resolve()
    content = content_root(root, content).resolve()
    defaults = [content] + [root / d for d in DEFAULT_DIRS]
    given = [Path(p) for p in paths] if paths else [d for d in defaults if d.exists()]
    missing = [str(p) for p in given if not p.exists()]
    if missing:
        raise ConfigError("\n".join(f"{p}: no such file or folder; nothing was scanned." for p in missing)
                          + f"\n  check the spelling; relative paths are read from the current folder ({os.getcwd()}).")
    store = load_store(content / "privacy-hashes.yml")
    names_path = names_file or names_file_from(None)
    plain = list(names) + (read_names_file(names_path) if names_path else [])
    services, addresses = identifiers.load_services(content / "contacts.yml")
    sites = [Path(s) for s in site_dirs] + [root / "site"] + [p for p in given if p.is_dir() and _is_site(p)]
    sites = list(dict.fromkeys(s.resolve() for s in sites if s.is_dir()))
    media_shown, allow_shown = shown_path(content / "media.yml", root), shown_path(content / "privacy-allow.yml", root)
    register = load_register(content, media_shown, IMAGE_EXTS)
    add_build_images(register, root, sites, IMAGE_EXTS)
    allows = load_allow(content / "privacy-allow.yml", allow_shown)
    ctx = scan.Context(root, NameMatcher(plain, store), store, services, addresses, register, sites,
                       [int(p.phash, 16) for p in store.photos], _stored_tiles(store), content=content)

    skip = {os.path.abspath(names_path)} if names_path else set()
    tasks, skipped, folders = scan.collect(given, skip)
    workers = jobs if jobs is not None else min(2, os.cpu_count() or 1)
    results = scan.run(ctx, tasks, workers)
    in_folders, folders_shown = scan.folder_findings(ctx, folders)

    fixed = 0
    if fix:
        from .strip import strip_metadata
        for i, (task, res) in enumerate(zip(tasks, results)):
            if res.kind == "image" and res.fixable:
                strip_metadata(Path(task[1]))
                results[i] = scan.scan_one(ctx, task)
                fixed += 1

    findings = in_folders + [f for r in results for f in r.findings]
    scanned_files = {r.shown for r in results} | folders_shown
    if media_shown in scanned_files or any(t[0] == "image" for t in tasks):
        findings = register.problems + findings
    findings, allowed = apply_allow(findings, allows, scanned_files, allow_shown)
    findings += photos_without_windows(store, shown_path(store.path, root))
    findings += legacy_notice(store, shown_path(store.path, root))
    findings.sort(key=Finding.sort_key)
    counts = {
        "text_files": sum(1 for r in results if r.kind == "text"),
        "documents": sum(1 for r in results if r.kind in ("pdf", "zip", "gz", "font")),
        "images": sum(1 for r in results if r.kind == "image"),
        "bytes": sum(r.size for r in results),
        "skipped": skipped,
        "allowed": allowed,
        "fixed": fixed,
    }
    return ScanResult(findings, counts)

"""Command line: python scripts/check_privacy.py [PATH ...] [--names FILE] [--format ...] [--fix]
[--protect-photo FILE ...] [--protect-name NAME ...]. Exit 0 clean, 1 findings, 2 usage/config."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import ROOT, scan_paths
from .findings import ConfigError
from .report import format_result


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 too; keep its usage line
        self.print_usage(sys.stderr)
        print(f"check_privacy.py: error: {message}\n  run with --help for the options.", file=sys.stderr)
        raise SystemExit(2)


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="check_privacy.py",
                description="Privacy guard: stops publication of victims' names, faces and identifying details.")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                   help="files or folders (default: the content root, docs/ and site/)")
    p.add_argument("--names", type=Path, metavar="FILE",
                   help="plain list of protected names kept OUTSIDE the repository (or set PRIVACY_NAMES_FILE)")
    p.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    p.add_argument("--fix", action="store_true", help="strip metadata from images (lossless for JPEG/WebP)")
    p.add_argument("--protect-photo", action="extend", nargs="+", type=Path, default=[], metavar="FILE",
                   help="store the perceptual hash of a photo that must never be published")
    p.add_argument("--protect-name", action="extend", nargs="+", default=[], metavar="NAME",
                   help="store a salted fingerprint of a name; '-' reads names from standard input")
    p.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    p.add_argument("--content", type=Path, default=None, metavar="DIR",
                   help="content root whose privacy files apply (default: content_src/; another city's content folder)")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: up to 2)")
    return p


def _protect(args: argparse.Namespace) -> str:
    from ..contract import content_root
    from .hashes import load_store
    from .images import photo_hash
    from .normalize import name_key

    store = load_store(content_root(args.root, args.content) / "privacy-hashes.yml")
    names: list[str] = []
    for value in args.protect_name:
        names += [line.strip() for line in sys.stdin.read().splitlines()] if value == "-" else [value]
    report = []
    for name in filter(None, names):
        key = name_key(name)
        if not key:
            raise ConfigError("a name to protect has no letters or digits; nothing was stored.")
        added = store.add_name(key)
        report.append(f"{'added' if added else 'already protected'}: name#{store.keyed('ra-mask', 'name:' + key, 4)}")
    for photo in args.protect_photo:
        if not photo.is_file():
            raise ConfigError(f"{photo}: no such photo; nothing was stored for it.")
        try:
            digest, tiles = photo_hash(photo)
        except OSError as exc:
            raise ConfigError(f"{photo}: cannot read the photo ({exc.__class__.__name__}).") from None
        added = store.add_photo(digest, tiles)
        report.append(f"{'added' if added else 'already protected'}: photo#{digest[:4]} "
                      f"(only hashes of the photo and of windows of it are stored, no pixel; keep the photo itself out of the repository)")
    store.save()
    return "\n".join(report + [f"saved {store.path}"])


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.protect_name or args.protect_photo:
            print(_protect(args), file=sys.stderr)
            if not args.paths:
                return 0
        result = scan_paths(args.paths or None, root=args.root, names_file=args.names,
                            fix=args.fix, jobs=args.jobs, content=args.content)
    except ConfigError as exc:
        print(f"check_privacy.py: configuration error: {exc}", file=sys.stderr)
        return 2
    print(format_result(result, args.format))
    return 0 if result.ok else 1

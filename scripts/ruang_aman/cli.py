"""Command line for staff and CI: check, build, serve, and the content helpers."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .load import load_content
from .report import print_problems

ROOT = Path(__file__).resolve().parents[2]


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def cmd_check(args: argparse.Namespace) -> int:
    """Validate content_src/ and print every problem; nothing is written."""
    content, problems, _ = load_content(args.root, on=args.today)
    print_problems(problems, args.strict, limit_notices=10_000)
    if problems.fails(args.strict) or content is None:
        return 1
    print(f"content ok: {len(content.pages)} pages, {len(content.contacts)} contacts, {len(content.posters)} posters")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Full build into site/ (atomic: the old site/ stays unless everything passed)."""
    from .build import build

    return build(args.root, strict=args.strict, today=args.today, include_drafts=args.drafts,
                 site_dir=args.site_dir, posters=not args.no_posters)


def cmd_serve(args: argparse.Namespace) -> int:
    """Live preview with drafts; rebuilds and reloads when content_src/ changes."""
    from .preview import serve

    return serve(args.root, port=args.port, today=args.today)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="build_site.py", description="Ruang Aman content pipeline.")
    p.add_argument("--root", type=Path, default=ROOT, help="project root (default: this checkout)")
    p.add_argument("--today", type=_date, default=None, help="date for freshness checks (YYYY-MM-DD)")
    sub = p.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate content_src/ only")
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    check.set_defaults(func=cmd_check)
    build = sub.add_parser("build", help="build site/ from content_src/")
    build.add_argument("--strict", action="store_true", help="warnings fail the build (CI, make site)")
    build.add_argument("--drafts", action="store_true", help="include draft pages (preview only)")
    build.add_argument("--site-dir", type=Path, default=None, help="where the site goes (default: site/)")
    build.add_argument("--no-posters", action="store_true", help="skip rendering posters")
    build.set_defaults(func=cmd_build)
    serve = sub.add_parser("serve", help="live preview on http://127.0.0.1:PORT/")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=cmd_serve)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)

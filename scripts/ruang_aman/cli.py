"""Command line for staff and CI: check, build, serve, and the content helpers."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .load import load_content
from .problems import relpath
from .report import print_problems

ROOT = Path(__file__).resolve().parents[2]


def shown_content(args: argparse.Namespace) -> str:
    """The content root the command worked on, as messages show it."""
    from .contract import content_root

    return relpath(content_root(args.root, args.content), args.root)


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def cmd_check(args: argparse.Namespace) -> int:
    """Validate content_src/ and print every problem; nothing is written."""
    content, problems, _ = load_content(args.root, args.content, on=args.today)
    print_problems(problems, args.strict, limit_notices=10_000)
    if problems.fails(args.strict) or content is None:
        return 1
    print(f"content ok: {len(content.pages)} pages, {len(content.contacts)} contacts, {len(content.posters)} posters")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Full build into site/ (atomic: the old site/ stays unless everything passed)."""
    from .build import build

    return build(args.root, strict=args.strict, today=args.today, include_drafts=args.drafts,
                 site_dir=args.site_dir, posters=not args.no_posters, content_dir=args.content)


def cmd_serve(args: argparse.Namespace) -> int:
    """Live preview with drafts; rebuilds and reloads when content_src/ changes."""
    from .preview import serve

    return serve(args.root, port=args.port, today=args.today, content_dir=args.content)


def cmd_new(args: argparse.Namespace) -> int:
    """Scaffold a page or a poster."""
    from .staff import StaffError, new_page, new_poster

    try:
        path = (new_page if args.command == "new-page" else new_poster)(args.root, args.slug, args.content)
    except StaffError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {relpath(path, args.root)}: a draft; preview it with `make serve`, publish it by writing both languages and removing 'draft: true'")
    return 0


def cmd_translations(args: argparse.Namespace) -> int:
    """Print the translation table; exit 0 (it is a report)."""
    from .staff import StaffError, translation_status

    try:
        rows = translation_status(args.root, args.content)
    except StaffError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    width = max(len(slug) for slug, _, _ in rows)
    cell = max(8, *(len(state) for _, states, _ in rows for state in states.values()))
    print(f"{'page or file':<{width}}  " + "  ".join(f"{lang:<{cell}}" for lang in rows[0][1]) + "  status")
    for slug, states, status in rows:
        print(f"{slug:<{width}}  " + "  ".join(f"{s:<{cell}}" for s in states.values()) + f"  {status}")
    return 0


def cmd_mark_translated(args: argparse.Namespace) -> int:
    """Record that the translations of the given pages (or all) match the current default-language text."""
    from .staff import StaffError, mark_translated

    try:
        done, langs, published = mark_translated(args.root, [s for s in args.slugs if s], args.lang or None, args.content)
    except StaffError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"recorded in {shown_content(args)}/translations.yml: {len(done)} text(s) marked as translated ({', '.join(langs)}) from the current default-language text")
    if published:
        print(f"{shown_content(args)}/site.yml: language '{args.lang}' is no longer a draft; `make site` publishes it")
    return 0


def cmd_new_language(args: argparse.Namespace) -> int:
    """Add a language as a draft, every text copied from another language."""
    from .add_language import LanguageError, new_language

    try:
        written = new_language(args.root, args.code, args.name, args.source or None, args.content)
    except LanguageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"added language '{args.code}' ({args.name}) as a draft: {len(written)} file(s) in {shown_content(args)}/ now hold a copy to translate.")
    print(f"  preview it with `make serve`; `make translations` shows its column; translate, then `make mark-translated LANG={args.code}` publishes it.")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="build_site.py", description="Ruang Aman content pipeline.")
    p.add_argument("--root", type=Path, default=ROOT, help="project root (default: this checkout)")
    p.add_argument("--today", type=_date, default=None, help="date for freshness checks (YYYY-MM-DD)")
    p.add_argument("--content", type=Path, default=None, metavar="DIR",
                   help="content root to read and write (default: content_src/; e.g. another city's content folder)")
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
    for name in ("new-page", "new-poster"):
        new = sub.add_parser(name, help=f"scaffold a draft {name[4:]} in content_src/")
        new.add_argument("slug")
        new.set_defaults(func=cmd_new)
    sub.add_parser("translations", help="translation status per page").set_defaults(func=cmd_translations)
    mark = sub.add_parser("mark-translated", help="record that translations match the current default-language text")
    mark.add_argument("slugs", nargs="*", help="page slugs (default: every page)")
    mark.add_argument("--lang", default="", help="the language to mark (default: every published one); all of a draft language publishes it")
    mark.set_defaults(func=cmd_mark_translated)
    lang = sub.add_parser("new-language", help="add a language as a draft, every text copied from another")
    lang.add_argument("code", help="ISO 639 code, e.g. jv")
    lang.add_argument("name", help="the language's own name, e.g. 'Basa Jawa'")
    lang.add_argument("--from", dest="source", default="", help="copy from this language (default: the default language)")
    lang.set_defaults(func=cmd_new_language)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.content is not None:  # read from where the command was given, whatever a step's working folder
        args.content = args.content.resolve()
    return args.func(args)

"""Commands for campaign staff that write into content_src/ on purpose: scaffolds, translation marks."""

from __future__ import annotations

from pathlib import Path

from .contract import content_root
from .load import load_content
from .model import SLUG_RE
from .add_language import publish_language
from .problems import Problems, relpath
from .translations import mark, page_key, page_outdated, read_lock, units

PAGE_SKELETON = """---
# A new page: write both languages, then remove 'draft: true' to publish it.
# Add the English (en:) lines and the English section below; until then it stays a draft.
title:
  id: {title}
description:
  id: Satu kalimat tentang isi halaman ini.
nav: {nav}
draft: true
---
<!-- lang: id -->
# {title}

Tulis isi halaman dalam bahasa Indonesia di sini. Kalimat pendek, kata-kata sederhana.

{{{{ hotlines }}}}

<!-- lang: en -->
"""

POSTER_SKELETON = """# A new poster: both languages for every text; hotlines are keys from contacts.yml.
slug: {slug}
headline:
  id: Judul poster
  en: Poster headline
message:
  id: Pesan singkat untuk pembaca.
  en: A short message for the reader.
bullets:
  id:
    - Poin pertama
  en:
    - First point
hotlines: [{hotline}]
page: bantuan
theme: default
draft: true   # remove this line when both languages are written
"""


class StaffError(Exception):
    """A staff command that cannot do what was asked, with what to do instead."""


def _check_slug(slug: str) -> None:
    if not slug or not SLUG_RE.match(slug):
        raise StaffError(f"'{slug}' is not a valid slug: use lower-case words joined by '-', e.g. SLUG=kontak-darurat")


def _scaffold(root: Path, folder: str, slug: str, suffix: str, content_dir: Path | None):
    """Check the slug, refuse to overwrite, and read the current content for defaults."""
    _check_slug(slug)
    target = content_root(root, content_dir) / folder / f"{slug}{suffix}"
    if target.exists():
        raise StaffError(f"{relpath(target, root)} already exists; choose another SLUG or edit that file")
    target.parent.mkdir(parents=True, exist_ok=True)
    content, _, _ = load_content(root, content_dir)
    return target, content


def new_page(root: Path, slug: str, content_dir: Path | None = None) -> Path:
    """Write a bilingual draft page skeleton that builds at once."""
    target, content = _scaffold(root, "pages", slug, ".md", content_dir)
    nav = max((p.nav or 0 for p in content.pages), default=0) + 1 if content else 99
    target.write_text(PAGE_SKELETON.format(title=slug.replace("-", " ").capitalize(), nav=nav), encoding="utf-8")
    return target


def new_poster(root: Path, slug: str, content_dir: Path | None = None) -> Path:
    """Write a poster skeleton; it renders once its texts are real."""
    target, content = _scaffold(root, "posters", slug, ".yml", content_dir)
    hotline = content.site.hotlines[0] if content else "sapa-129"
    target.write_text(POSTER_SKELETON.format(slug=slug, hotline=hotline), encoding="utf-8")
    return target


def translation_status(root: Path, content_dir: Path | None = None) -> list[tuple[str, dict[str, str], str]]:
    """Per page (and per data file): each language's state (written / missing / untranslated: copied or never
    reviewed / outdated) and an overall status (complete / missing / outdated / untranslated / draft)."""
    content, _, positions = load_content(root, content_dir)
    if content is None:
        raise StaffError(f"{relpath(content_root(root, content_dir), root)}/ has errors; run `make check` first")
    lock = read_lock(content_root(root, content_dir), root, Problems(), content)
    default = content.site.default.code

    def state(lang: str, keys: list[str]) -> str:
        if lang == default:
            return "written"
        if any((lang, key) in content.outdated for key in keys):
            return "outdated"
        return "untranslated" if any(key not in lock.get(lang, {}) for key in keys) else "written"

    rows = []
    for page in content.pages:
        states = {}
        for lang in content.site.codes():
            body = page.bodies.get(lang)
            written = bool(body and body.markdown.strip()) and bool(page.title.get(lang))
            states[lang] = state(lang, [page_key(page, content)]) if written else "missing"
            if states[lang] == "written" and lang != default and page_outdated(page, content, lang):
                states[lang] = "outdated"  # the data it shows changed
        rows.append((page.slug, states, _overall(states, page.draft)))
    files: dict[str, list[str]] = {}
    for key in units(content, positions):
        if ":" in key:
            files.setdefault(key.split(":", 1)[0], []).append(key)
    for name, keys in sorted(files.items()):
        states = {lang: state(lang, keys) for lang in content.site.codes()}
        stale = {k for lang, k in content.outdated if k in keys}
        fresh = {k for lang in states if lang != default for k in keys if k not in lock.get(lang, {})}
        status = (f"outdated ({len(stale)} of {len(keys)} texts)" if stale else
                  f"untranslated ({len(fresh)} of {len(keys)} texts)" if fresh else "complete")
        rows.append((name, states, status))
    rows.append(synonyms_row(content))
    return rows


def synonyms_row(content) -> tuple[str, dict[str, str], str]:
    """The search's synonyms: groups per language. Each language has its own readers' words, not a translation."""
    counts = {lang: len(content.synonyms.get(lang, ())) for lang in content.site.codes()}
    missing = [lang for lang, n in counts.items() if not n]
    status = f"no synonyms for {', '.join(missing)}" if missing else "own words per language"
    return ("synonyms/", {lang: f"{n} groups" if n else "none" for lang, n in counts.items()}, status)


def _overall(states: dict[str, str], draft: bool) -> str:
    for worst in ("missing", "outdated", "untranslated"):
        if worst in states.values():
            return worst
    return "draft" if draft else "complete"


def mark_translated(root: Path, slugs: list[str], lang: str | None = None,
                    content_dir: Path | None = None) -> tuple[list[str], list[str], bool]:
    """Record that the given pages (or everything) in `lang` (default: every published translated language)
    match the current default-language text. Marking all of a draft language publishes it.
    Returns (units marked, languages, whether a draft language was published)."""
    folder = content_root(root, content_dir)
    content, _, positions = load_content(root, folder)
    if content is None:
        raise StaffError(f"{relpath(folder, root)}/ has errors; run `make check` first")
    site = content.site
    if lang is not None and lang not in site.codes():
        raise StaffError(f"LANG={lang} is not a language of this site; languages: {', '.join(site.codes())}")
    if lang == site.default.code:
        raise StaffError(f"LANG={lang} is the default language: the others are translated from it")
    langs = [lang] if lang else [x.code for x in site.languages if not x.default and not x.draft]
    keys = None
    if slugs:
        keys = []
        for slug in slugs:
            page = content.page(slug)
            if page is None:
                raise StaffError(f"no page '{slug}' in {content.folder}/pages/")
            keys.append(page_key(page, content))
    done = mark(root, folder, content, positions, keys, langs)
    published = bool(lang) and not slugs and publish_language(root, lang, folder)
    return done, langs, published

"""Commands for campaign staff that write into content_src/ on purpose: scaffolds, translation marks."""

from __future__ import annotations

import re
from pathlib import Path

from . import LANGS
from .load import LANG_MARK_RE, load_content
from .model import SLUG_RE
from .pages import is_outdated, text_hash

PAGE_SKELETON = """---
# A new page: write both languages, then remove 'draft: true' to publish it.
title:
  id: {title}
  en: {title}
description:
  id: Satu kalimat tentang isi halaman ini.
  en: One sentence about what this page says.
nav: {nav}
draft: true
---
<!-- lang: id -->
# {title}

Tulis isi halaman dalam bahasa Indonesia di sini. Kalimat pendek, kata-kata sederhana.

{{{{ hotlines }}}}

<!-- lang: en -->
# {title}

Write the English translation here: the same sections and the same facts.

{{{{ hotlines }}}}
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
"""


class StaffError(Exception):
    """A staff command that cannot do what was asked, with what to do instead."""


def _check_slug(slug: str) -> None:
    if not slug or not SLUG_RE.match(slug):
        raise StaffError(f"'{slug}' is not a valid slug: use lower-case words joined by '-', e.g. SLUG=kontak-darurat")


def new_page(root: Path, slug: str) -> Path:
    """Write a bilingual draft page skeleton that builds at once."""
    _check_slug(slug)
    target = root / "content_src" / "pages" / f"{slug}.md"
    if target.exists():
        raise StaffError(f"{target.relative_to(root)} already exists; choose another SLUG or edit that file")
    content, _, _ = load_content(root)
    nav = max((p.nav or 0 for p in content.pages), default=0) + 1 if content else 99
    title = slug.replace("-", " ").capitalize()
    target.write_text(PAGE_SKELETON.format(title=title, nav=nav), encoding="utf-8")
    return target


def new_poster(root: Path, slug: str) -> Path:
    """Write a poster skeleton; it renders once its texts are real."""
    _check_slug(slug)
    target = root / "content_src" / "posters" / f"{slug}.yml"
    if target.exists():
        raise StaffError(f"{target.relative_to(root)} already exists; choose another SLUG or edit that file")
    content, _, _ = load_content(root)
    hotline = content.site.hotlines[0] if content else "sapa-129"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(POSTER_SKELETON.format(slug=slug, hotline=hotline), encoding="utf-8")
    return target


def translation_status(root: Path) -> list[tuple[str, dict[str, str], str]]:
    """Per page: the state of each language and an overall status (complete / missing / outdated / draft)."""
    content, _, _ = load_content(root)
    if content is None:
        raise StaffError("content_src/ has errors; run `make check` first")
    rows = []
    for page in content.pages:
        states = {}
        for lang in LANGS:
            body = page.bodies.get(lang)
            written = bool(body and body.markdown.strip()) and bool(page.title.get(lang))
            states[lang] = "written" if written else "missing"
        if "missing" in states.values():
            status = "missing"
        elif is_outdated(page):
            status = "outdated"
        elif page.draft:
            status = "draft"
        else:
            status = "complete"
        rows.append((page.slug, states, status))
    return rows


def mark_translated(root: Path, slugs: list[str]) -> list[str]:
    """Record in each page's English marker the hash of the Indonesian text it now matches."""
    content, _, _ = load_content(root)
    if content is None:
        raise StaffError("content_src/ has errors; run `make check` first")
    wanted = slugs or [p.slug for p in content.pages]
    done = []
    for slug in wanted:
        page = content.page(slug)
        if page is None:
            raise StaffError(f"no page '{slug}' in content_src/pages/")
        primary = page.bodies.get(LANGS[0])
        if primary is None:
            continue
        path = root / page.path
        lines = path.read_text(encoding="utf-8").split("\n")
        for i, line in enumerate(lines):
            match = LANG_MARK_RE.match(line.strip())
            if match and match["lang"] != LANGS[0]:
                lines[i] = f"<!-- lang: {match['lang']} translated-from: {text_hash(primary.markdown)} -->"
        path.write_text("\n".join(lines), encoding="utf-8")
        done.append(slug)
    return done

"""Translation status: which default-language text each translation was made from.

`content_src/translations.yml` holds, for every language but the default one, each translatable unit
(a whole page, or one text of a data file) with a short hash of its default-language (Indonesian) text
at the time that language's text was last brought in line:

    en:
      pages/index.md: 3f2a9c...
    jv:
      ...

Only `make mark-translated [LANG=..] [SLUG=..]` writes it; the build reads it and reports translations
that have fallen behind (outdated) or were never reviewed (untracked: e.g. a language just copied by
`make new-language`). An old file without language sections is read as the record of every published
language but the default.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml

from .checks import walk_texts
from .model import Content, Page
from .positions import YamlSyntaxError, load_plain
from .problems import Problems, Where, relpath

LOCK_FILE = "translations.yml"
HEADER = (
    "# Written by `make mark-translated`; do not edit by hand.\n"
    "# Per language: each page or text, and a hash of the default-language text it was translated from.\n"
    "# When that text changes, the build reports the translation as outdated until it is marked again.\n"
)
Lock = dict[str, dict[str, str]]
"""language code -> unit key -> hash of the default-language text it was translated from."""


def text_hash(text: str) -> str:
    """Short hash of a text (surrounding white space ignored)."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:12]


def unit_file(path: str, content: Content) -> str:
    """A file's path as translation keys name it: relative to the content root, whichever root that is."""
    return path.removeprefix(content.folder.rstrip("/") + "/")


def page_key(page: Page, content: Content) -> str:
    return unit_file(page.path, content)


def units(content: Content, positions: Any) -> dict[str, tuple[str, Where]]:
    """Every translatable unit: key -> (its primary-language text, where it is)."""
    primary = content.site.default.code
    out: dict[str, tuple[str, Where]] = {}
    for page in content.pages:
        body = page.bodies.get(primary)
        source = "\n".join([page.title.get(primary) or "", page.description.get(primary) or "", body.markdown if body else ""])
        out[page_key(page, content)] = (source, positions.where(page))
    records: list[Any] = [content.site] + ([content.self_check] if content.self_check else [])
    for field in ("contacts", "violence", "impacts", "laws", "myths", "steps", "datasets", "facts", "sources", "posters"):
        records += getattr(content, field)
    for record in records:
        where = positions.where(record)
        name = getattr(record, "key", None) or getattr(record, "slug", None)
        for loc, text in walk_texts(record):
            value = text.get(primary)
            key = f"{unit_file(where.path, content)}:" + ".".join(([name] if name else []) + [str(p) for p in loc])
            out[key] = ("\n".join(value) if isinstance(value, list) else value or "", positions.where(record, *loc))
    return out


def untracked(content: Content, positions: Any, lock: Lock) -> dict[tuple[str, str], list[str]]:
    """Units with no translation record yet, grouped by (language, file) (pages: their own file)."""
    grouped: dict[tuple[str, str], list[str]] = {}
    current = units(content, positions)
    for lang in translated_languages(content):
        for key in current:
            if key not in lock.get(lang, {}):
                grouped.setdefault((lang, key.split(":", 1)[0]), []).append(key)
    return grouped


def data_used_by(page: Page, content: Content) -> list[str]:
    """Key prefixes of the data texts a page shows through its placeholders (each placeholder's `uses`)."""
    from .placeholders import BY_NAME, find_macros

    body = page.bodies.get(content.site.default.code)
    return [prefix for macro in find_macros(body.markdown if body else "") if macro.name in BY_NAME
            for prefix in BY_NAME[macro.name].uses(content, macro.args)]


def page_outdated(page: Page, content: Content, lang: str) -> bool:
    """True when the page's own text in `lang`, or data it shows, is older than the default-language text."""
    stale = {key for code, key in content.outdated if code == lang}
    if page_key(page, content) in stale:
        return True
    prefixes = tuple(data_used_by(page, content))
    return bool(prefixes) and any(key.startswith(prefixes) for key in stale)


def read_lock(content_dir: Path, root: Path, problems: Problems, content: Content) -> Lock:
    """The recorded hashes per language; a malformed file is an error, a missing one means nothing recorded yet."""
    path = content_dir / LOCK_FILE
    if not path.exists():
        return {}
    try:
        data = load_plain(path.read_text(encoding="utf-8")) or {}
    except YamlSyntaxError as exc:
        problems.error(exc.code, Where(relpath(path, root), exc.line, exc.col), f"this is not valid content YAML: {exc}.", "restore it from git, then run `make mark-translated`.")
        return {}
    if not isinstance(data, dict):
        problems.error("invalid-value", Where(relpath(path, root), 1, 1), "this file must map each language to its texts' hashes.", "restore it from git, then run `make mark-translated`.")
        return {}
    if data and not any(isinstance(v, dict) for v in data.values()):  # the old, one-language form
        return {lang.code: {str(k): str(v) for k, v in data.items()} for lang in content.site.languages if not lang.default and not lang.draft}
    return {str(lang): {str(k): str(v) for k, v in (units or {}).items()} for lang, units in data.items() if isinstance(units, dict)}


def translated_languages(content: Content) -> list[str]:
    """Every language that is translated from the default one."""
    return [lang.code for lang in content.site.languages if not lang.default]


def outdated(content: Content, positions: Any, lock: Lock) -> list[tuple[str, str, Where]]:
    """(language, unit, where) for every unit whose default-language text changed since that language was marked."""
    current = units(content, positions)
    return [(lang, key, where) for lang in translated_languages(content) for key, (text, where) in current.items()
            if key in lock.get(lang, {}) and lock[lang][key] != text_hash(text)]


def mark(root: Path, content_dir: Path, content: Content, positions: Any, keys: list[str] | None, langs: list[str]) -> list[str]:
    """Record the current default-language text of the given units (all when None) as translated into `langs`,
    in the translations file of the content root `content_dir`."""
    path = content_dir / LOCK_FILE
    lock = read_lock(path.parent, root, Problems(), content)
    current = units(content, positions)
    chosen = list(current) if keys is None else keys
    for lang in langs:
        for key in chosen:
            lock.setdefault(lang, {})[key] = text_hash(current[key][0])
    known = set(translated_languages(content))
    lock = {lang: {k: v for k, v in sorted(lock[lang].items()) if k in current} for lang in sorted(lock) if lang in known}
    path.write_text(HEADER + yaml.safe_dump(lock, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    return chosen

"""Translation status: which Indonesian text each English text was translated from.

`content_src/translations.yml` maps every translatable unit (a whole page, or one text of a data
file) to a short hash of its Indonesian text at the time the English was last brought in line. Only
`make mark-translated` writes it; the build reads it and reports English that has fallen behind.
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
    "# Each entry: a page or a text, and a hash of the Indonesian it was translated from. When the\n"
    "# Indonesian changes, the build reports the English as outdated until it is marked again.\n"
)


def text_hash(text: str) -> str:
    """Short hash of a text (surrounding white space ignored)."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:12]


def page_key(page: Page) -> str:
    return page.path.removeprefix("content_src/")


def units(content: Content, positions: Any) -> dict[str, tuple[str, Where]]:
    """Every translatable unit: key -> (its primary-language text, where it is)."""
    primary = content.site.default.code
    out: dict[str, tuple[str, Where]] = {}
    for page in content.pages:
        body = page.bodies.get(primary)
        source = "\n".join([page.title.get(primary) or "", page.description.get(primary) or "", body.markdown if body else ""])
        out[page_key(page)] = (source, positions.where(page))
    records: list[Any] = [content.site] + ([content.self_check] if content.self_check else [])
    for field in ("contacts", "violence", "impacts", "laws", "myths", "steps", "datasets", "facts", "sources", "posters"):
        records += getattr(content, field)
    for record in records:
        where = positions.where(record)
        name = getattr(record, "key", None) or getattr(record, "slug", None)
        for loc, text in walk_texts(record):
            value = text.get(primary)
            key = f"{where.path.removeprefix('content_src/')}:" + ".".join(([name] if name else []) + [str(p) for p in loc])
            out[key] = ("\n".join(value) if isinstance(value, list) else value or "", positions.where(record, *loc))
    return out


def untracked(content: Content, positions: Any, lock: dict[str, str]) -> dict[str, list[str]]:
    """Units with no translation record yet, grouped by file (pages: their own file)."""
    grouped: dict[str, list[str]] = {}
    for key in units(content, positions):
        if key not in lock:
            grouped.setdefault(key.split(":", 1)[0], []).append(key)
    return grouped


def data_used_by(page: Page, content: Content) -> list[str]:
    """Key prefixes of the data texts a page shows through its placeholders (each placeholder's `uses`)."""
    from .placeholders import BY_NAME, find_macros

    body = page.bodies.get(content.site.default.code)
    return [prefix for macro in find_macros(body.markdown if body else "") if macro.name in BY_NAME
            for prefix in BY_NAME[macro.name].uses(content, macro.args)]


def page_outdated(page: Page, content: Content) -> bool:
    """True when the page's own English, or English data it shows, is older than the Indonesian."""
    if page_key(page) in content.outdated:
        return True
    prefixes = tuple(data_used_by(page, content))
    return bool(prefixes) and any(key.startswith(prefixes) for key in content.outdated)


def read_lock(content_dir: Path, root: Path, problems: Problems) -> dict[str, str]:
    """The recorded hashes; a malformed file is an error, a missing one means nothing recorded yet."""
    path = content_dir / LOCK_FILE
    if not path.exists():
        return {}
    try:
        data = load_plain(path.read_text(encoding="utf-8")) or {}
    except YamlSyntaxError as exc:
        problems.error(exc.code, Where(relpath(path, root), exc.line, exc.col), f"this is not valid content YAML: {exc}.", "restore it from git, then run `make mark-translated`.")
        return {}
    if not isinstance(data, dict):
        problems.error("invalid-value", Where(relpath(path, root), 1, 1), "this file must map each text to a hash.", "restore it from git, then run `make mark-translated`.")
        return {}
    return {str(k): str(v) for k, v in data.items()}


def outdated(content: Content, positions: Any, lock: dict[str, str]) -> list[tuple[str, Where]]:
    """Units whose Indonesian changed since the English was last marked as translated."""
    return [(key, where) for key, (text, where) in units(content, positions).items()
            if key in lock and lock[key] != text_hash(text)]


def mark(root: Path, content: Content, positions: Any, keys: list[str] | None) -> list[str]:
    """Record the current Indonesian of the given units (all when None) as translated."""
    path = root / "content_src" / LOCK_FILE
    lock = read_lock(path.parent, root, Problems())
    current = units(content, positions)
    chosen = list(current) if keys is None else keys
    for key in chosen:
        lock[key] = text_hash(current[key][0])
    lock = {k: v for k, v in sorted(lock.items()) if k in current}
    path.write_text(HEADER + yaml.safe_dump(lock, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    return chosen

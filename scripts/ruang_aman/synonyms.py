"""The readers' words: one synonyms file per language (content_src/synonyms/<lang>.yml), read into records.

Each group is a list of words and phrases that mean the same to a reader ("kdrt" and "kekerasan dalam
rumah tangga"; "wartawan", "jurnalis" and "media"). A search for any of them also finds pages that use
the others; the search index carries the groups to the browser.
"""

from __future__ import annotations

import re
from pathlib import Path

from .model import SynonymGroup
from .problems import Problems, Where, relpath

__all__ = ["SynonymGroup", "load_synonyms", "synonyms_path"]

FOLDER = "synonyms"
KEY = "synonyms"
TERM_RE = re.compile(r"^[^\W_]+(?:[ '-][^\W_]+)*$")
HINT_SHAPE = "write one group per line, e.g.  - [kdrt, kekerasan dalam rumah tangga]  (see content_src/README.md, 'Search')."


def synonyms_path(content_dir: Path, lang: str) -> Path:
    """The synonyms file of one language."""
    return content_dir / FOLDER / f"{lang}.yml"


def load_synonyms(content_dir: Path, root: Path, problems: Problems, codes: tuple[str, ...]) -> dict[str, tuple[SynonymGroup, ...]]:
    """The groups of each declared language (a language without a file has none); problems with file:line:col."""
    from .load import read_yaml

    out: dict[str, tuple[SynonymGroup, ...]] = {}
    folder = content_dir / FOLDER
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        if path.stem not in codes or path.suffix != ".yml":
            problems.error("synonyms-file", Where(relpath(path, root)), f"'{path.name}' is not a language of the site.",
                           f"name the file after a language code in site.yml: {', '.join(f'{c}.yml' for c in codes)}.")
    for lang in codes:
        path = synonyms_path(content_dir, lang)
        if not path.exists():
            out[lang] = ()
            continue
        src = read_yaml(path, root, problems)
        out[lang] = _groups(src, problems) if src is not None else ()
    return out


def _groups(src, problems: Problems) -> tuple[SynonymGroup, ...]:
    data = src.pos.data
    if not isinstance(data, dict) or KEY not in data:
        problems.error("synonyms-shape", Where(src.path, 1, 1), f"this file must start with '{KEY}:' followed by a list of groups.", HINT_SHAPE)
        return ()
    for other in data:
        if other != KEY:
            line, col = src.pos.find((other,), prefer_key=True)
            problems.error("unknown-key", Where(src.path, line, col), f"unknown key '{other}' at the top of the file.", f"the only key here is '{KEY}:'.")
    items = data[KEY] or []
    if not isinstance(items, list):
        line, col = src.pos.find((KEY,))
        problems.error("synonyms-shape", Where(src.path, line, col), f"'{KEY}' must be a list of groups, each starting with '- '.", HINT_SHAPE)
        return ()
    seen: dict[str, int] = {}
    groups = []
    for i, item in enumerate(items):
        line, col = src.pos.find((KEY, i))
        if not isinstance(item, list):
            problems.error("synonyms-shape", Where(src.path, line, col), f"group {i + 1} is not a list of words.", HINT_SHAPE)
            continue
        terms = []
        for j, term in enumerate(item):
            t_line, t_col = src.pos.find((KEY, i, j))
            where = Where(src.path, t_line, t_col)
            text = re.sub(r"\s+", " ", str(term)).strip().lower() if isinstance(term, (str, int)) else ""
            if not text or not TERM_RE.match(text):
                problems.error("synonym-word", where, f"{term!r} is not a word or phrase the search can match.",
                               "use letters, digits, spaces, '-' or an apostrophe only; one word or phrase per item.")
                continue
            if text in seen:
                first = seen[text]
                problems.error("synonym-duplicate", where, f"'{text}' is already in the group on line {first}.",
                               f"keep it in one group: merge the group on line {t_line} into the one on line {first}, or remove one of them.")
                continue
            seen[text] = t_line
            terms.append(text)
        if len(item) < 2:
            problems.error("synonym-group", Where(src.path, line, col), "a group needs at least two words or phrases.",
                           "add the words it should be found with, or remove the line.")
        elif len(terms) >= 2:
            groups.append(SynonymGroup(tuple(terms), src.path, line, col))
    return tuple(groups)

"""Read content_src/ into typed records, collecting every problem with its file:line:col."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from .model import (
    Contact, Content, Dataset, Fact, Impact, Language, Law, Myth, Page, PageText, Poster, Record, SelfCheck, Site, Source,
    Step, ViolenceKind, check_languages, language_codes,
)
from .contract import content_root
from .html_policy import check_page_html
from .parallel import pmap
from .limits import MAX_DATA_BYTES, MAX_PAGE_BYTES, check_images, file_fits
from .positions import Positioned, YamlSyntaxError, load_positioned
from .problems import Problems, Where, relpath
from .synonyms import load_synonyms

# data file -> (top-level key, record type); the key is also the Content field it fills.
DATA_FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "contacts.yml": ("contacts", Contact),
    "violence.yml": ("violence", ViolenceKind),
    "impacts.yml": ("impacts", Impact),
    "laws.yml": ("laws", Law),
    "myths.yml": ("myths", Myth),
    "steps.yml": ("steps", Step),
    "statistics.yml": ("datasets", Dataset),
    "facts.yml": ("facts", Fact),
    "sources.yml": ("sources", Source),
}
SITE_FILE = "site.yml"
SELF_CHECK_FILE = "self-check.yml"   # one record, not a list: read on its own below
PAGES_DIR = "pages"
POSTERS_DIR = "posters"
# Files in content_src/ that the content loader does not read (other stages do).
OTHER_FILES = {"README.md", "EDITING.md", "media.yml", "privacy-allow.yml", "privacy-hashes.yml", "translations.yml"}

SPLIT_HINT = "remove what was pasted in by mistake: real content stays far below this (see 'Limits' in content_src/README.md)."
LANG_MARK_RE = re.compile(r"^<!--\s*lang:\s*(?P<lang>[a-z]+)\s*-->\s*$")


class Source_(typing.NamedTuple):
    """A file being read: its shown path and its positions."""

    path: str
    pos: Positioned


def _unwrap(annotation: Any) -> Any:
    """The model or list type behind Optional[...] / list[...] annotations."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else annotation
    return annotation


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """Names of the fields allowed at a location inside a record (for did-you-mean hints)."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int) or typing.get_origin(current) in (list, dict):
            args = typing.get_args(current)
            current = args[-1] if args else current
            continue
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part)
            if field is None:
                return list(current.model_fields)
            current = field.annotation
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [n for n in current.model_fields if n not in ("bodies", "path", "slug" if current is Page else "")]
    return []


def _report_validation(
    exc: ValidationError, src: Source_, base: tuple, model: type[BaseModel], problems: Problems
) -> None:
    """Turn pydantic's errors into positioned problems with hints."""
    for err in exc.errors():
        loc = tuple(err["loc"])
        full = base + loc
        dotted = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in full).replace(".[", "[")
        kind = err["type"]
        if full and full[-1] == "root":  # a Text's own check (the mapping itself): report at the text
            full, loc = full[:-1], loc[:-1]
            dotted = dotted.removesuffix(".root")
        if kind == "unknown_language":
            lang = err["ctx"]["lang"]
            line, col = src.pos.find(full + (lang,), prefer_key=True)
            problems.error("unknown-language", Where(src.path, line, col), f"{dotted}: '{lang}' is not a language of this site.",
                           f"languages (content_src/site.yml): {err['ctx']['known']}; add a language with `make new-language`.")
        elif kind == "missing_language":
            line, col = src.pos.find(full)
            lang = err.get("ctx", {}).get("lang", "")
            problems.error("missing-field", Where(src.path, line, col), f"{dotted}: {err['msg']}.",
                           f"add '{lang}:' here with the text in the default language." if lang else "write the text under a language code, e.g. 'id: ...'.")
        elif kind == "extra_forbidden":
            line, col = src.pos.find(full, prefer_key=True)
            allowed = _fields_at(model, loc[:-1])
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            hint += f"allowed here: {', '.join(allowed)}"
            parent = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in full[:-1]).replace(".[", "[")
            problems.error("unknown-key", Where(src.path, line, col), f"unknown key '{loc[-1]}'" + (f" in {parent}." if parent else "."), hint)
        elif kind == "missing":
            line, col = src.pos.find(full[:-1])
            field = loc[-1]
            problems.error("missing-field", Where(src.path, line, col), f"{dotted} is missing.", f"add '{field}:' here; see content_src/README.md for the shape of this file.")
        else:
            line, col = src.pos.find(full)
            value = err.get("input")
            shown = f" {value!r}" if isinstance(value, (str, int, float)) and len(repr(value)) < 60 else ""
            problems.error("invalid-value", Where(src.path, line, col), f"{dotted}{shown}: {err['msg']}.", _hint_for(kind))


def _hint_for(kind: str) -> str:
    if kind == "string_pattern_mismatch":
        return "keys are lower-case words joined by '-', e.g. sapa-129; URLs start with https://"
    if kind.startswith("date"):
        return "write dates as YYYY-MM-DD, e.g. 2026-11-29"
    if kind in ("string_type", "model_type", "dict_type"):
        return "texts are written as one line per language code (e.g.  id: ...  and  en: ...)"
    return "see content_src/README.md for the shape of this file"


def read_yaml(path: Path, root: Path, problems: Problems, line_offset: int = 0, text: str | None = None) -> Source_ | None:
    """Parse a YAML file with positions; a syntax error, an alias or an oversized file becomes a problem, not a crash."""
    shown = relpath(path, root)
    if text is None and not file_fits(path, root, MAX_DATA_BYTES, problems, "data file", SPLIT_HINT):
        return None
    try:
        raw = path.read_text(encoding="utf-8-sig") if text is None else text
        pos = load_positioned(raw, line_offset)
    except UnicodeDecodeError:
        problems.error("encoding", Where(shown), "this file is not UTF-8 text.", "save it as UTF-8.")
        return None
    except YamlSyntaxError as exc:
        what = f"this is not valid YAML: {exc}." if exc.code == "yaml-syntax" else str(exc)
        problems.error(exc.code, Where(shown, exc.line, exc.col), what, exc.hint)
        return None
    for loc, line, col in pos.duplicates:
        problems.error("duplicate-key", Where(shown, line, col), f"'{loc[-1]}' is written twice; the second would silently replace the first.", "keep one of them.")
    return Source_(shown, pos)


def _validate(src: Source_, adapter_type: Any, model: type[BaseModel], data: Any, base: tuple, problems: Problems,
              langs: tuple[str, ...] | None = None) -> Any:
    """One record; its texts are checked against `langs` (site.yml's languages, the default first)."""
    try:
        return TypeAdapter(adapter_type).validate_python(data, context={"languages": langs})
    except ValidationError as exc:
        _report_validation(exc, src, base, model, problems)
        return None


def _validate_each(src: Source_, model: type[BaseModel], items: Any, base: tuple, problems: Problems,
                   langs: tuple[str, ...] | None) -> list[Any]:
    """Validate a list record by record, so one bad record does not hide the others."""
    if not isinstance(items, list):
        line, col = src.pos.find(base)
        problems.error("invalid-value", Where(src.path, line, col), f"'{base[-1]}' must be a list of entries, each starting with '- '.")
        return []
    out = []
    for i, item in enumerate(items):
        record = _validate(src, model, model, item, base + (i,), problems, langs)
        if record is not None:
            out.append((record, base + (i,)))
    return out


def load_data_file(path: Path, root: Path, key: str, model: type[BaseModel], problems: Problems,
                   langs: tuple[str, ...] | None = None) -> list[tuple[Any, Positioned, str, tuple]] | None:
    """One data file: `{key: [records]}`; every record validated on its own. None: unreadable."""
    src = read_yaml(path, root, problems)
    if src is None:
        return None
    data = src.pos.data
    if not isinstance(data, dict) or key not in data:
        problems.error("missing-field", Where(src.path, 1, 1), f"this file must start with '{key}:' followed by a list of entries.")
        return None
    for other in data:
        if other != key:
            line, col = src.pos.find((other,), prefer_key=True)
            problems.error("unknown-key", Where(src.path, line, col), f"unknown key '{other}' at the top of the file.", f"the only key here is '{key}:'.")
    records = _validate_each(src, model, data[key], (key,), problems, langs)
    return [(record, src.pos, src.path, loc) for record, loc in records]


def split_languages(body: str, first_line: int, langs: tuple[str, ...] | None) -> tuple[dict[str, PageText], list[tuple[str, int, str]]]:
    """Split a page body at its `<!-- lang: xx -->` markers; returns texts and marker faults."""
    texts: dict[str, PageText] = {}
    faults: list[tuple[str, int, str]] = []
    lines = body.split("\n")
    current: tuple[str, int] | None = None
    chunk: list[str] = []

    def close() -> None:
        if current is not None:
            lang, line = current
            texts[lang] = PageText(lang=lang, markdown="\n".join(chunk).strip() + "\n", line=line)

    for i, line in enumerate(lines):
        number = first_line + i
        match = LANG_MARK_RE.match(line.strip())
        if match:
            close()
            lang = match["lang"]
            if langs is not None and lang not in langs:
                faults.append(("unknown-language", number, f"unknown language '{lang}' (this site's languages: {', '.join(langs)})"))
                current, chunk = None, []
                continue
            if lang in texts:
                faults.append(("duplicate-language", number, f"a second '{lang}' section"))
            current, chunk = (lang, number + 1), []
        elif current is None:
            if line.strip():
                faults.append(("text-outside-language", number, f"text before the first '<!-- lang: {(langs or ('id',))[0]} -->' marker"))
        else:
            chunk.append(line)
    close()
    return texts, faults


def load_page(path: Path, root: Path, problems: Problems, langs: tuple[str, ...] | None) -> tuple[Page, Positioned] | None:
    """A page file: YAML front matter between '---' lines, then one section per language."""
    shown = relpath(path, root)
    if not file_fits(path, root, MAX_PAGE_BYTES, problems, "page", SPLIT_HINT):
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        problems.error("encoding", Where(shown, line, 1), "this file is not UTF-8 text.", "save it as UTF-8 (in most editors: 'Save with encoding' > UTF-8).")
        return None
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        problems.error("front-matter", Where(shown, 1, 1), "a page must start with '---' and its front matter (title, description).", "copy the start of another page in content_src/pages/.")
        return None
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        problems.error("front-matter", Where(shown, 1, 1), "the front matter is not closed by a second '---' line.", "add a line with only '---' after the front matter.")
        return None
    src = read_yaml(path, root, problems, line_offset=1, text="\n".join(lines[1:end]))
    if src is None:
        return None
    bodies, faults = split_languages("\n".join(lines[end + 1:]), end + 2, langs)
    markers = " or ".join(f"'<!-- lang: {lang} -->'" for lang in langs or ("id", "en"))
    for code, line, what in faults:
        problems.error(code, Where(shown, line, 1), f"{what}.", f"each language starts with a line {markers}.")
    front = src.pos.data if isinstance(src.pos.data, dict) else {}
    if "slug" in front:
        line, col = src.pos.find(("slug",), prefer_key=True)
        problems.error("unknown-key", Where(shown, line, col), "the slug is the file name; do not write it in the front matter.", f"rename the file to change the slug (now '{path.stem}').")
        front = {k: v for k, v in front.items() if k != "slug"}
    page = _validate(src, Page, Page, {**front, "slug": path.stem, "bodies": bodies, "path": shown}, (), problems, langs)
    return (page, src.pos) if page is not None else None


def _load_checked_page(shared: tuple[Path, tuple[str, ...] | None], path: Path) -> tuple[tuple[Page, Positioned] | None, Problems]:
    """One page loaded and its HTML checked against the allow-list, with the problems of both."""
    root, langs = shared
    problems = Problems()
    loaded = load_page(path, root, problems, langs)
    if loaded:
        check_page_html(loaded[0], root, problems)
    return loaded, problems


def load_content(
    root: Path, content_dir: Path | None = None, on: dt.date | None = None
) -> tuple[Content | None, Problems, "Positions"]:
    """Read and validate all of content_src/; None as content when it cannot be built.

    `on` is the date that contact freshness is judged against (tests pass their own).
    """
    from .checks import check_content

    content_dir = content_root(root, content_dir)
    problems = Problems()
    positions = Positions()
    if not content_dir.is_dir():
        problems.error("missing-file", Where(relpath(content_dir, root)), "the content folder does not exist.", "run from the project root, or restore content_src/ from git.")
        return None, problems, positions
    site = None
    site_src = read_yaml(content_dir / SITE_FILE, root, problems) if (content_dir / SITE_FILE).exists() else None
    if site_src is None and not (content_dir / SITE_FILE).exists():
        problems.error("missing-file", Where(relpath(content_dir / SITE_FILE, root)), "the site settings file is missing.", "restore content_src/site.yml from git.")
    langs = declared_codes(site_src.pos.data) if site_src is not None else None
    if site_src is not None:
        site = _validate(site_src, Site, Site, site_src.pos.data, (), problems, langs)
        positions.add(site_src, (), site)
    fields: dict[str, list[Any]] = {}
    unreadable: set[str] = set()
    for name, (key, model) in DATA_FILES.items():
        path = content_dir / name
        fields[key] = []
        if not path.exists():
            continue
        loaded = load_data_file(path, root, key, model, problems, langs)
        if loaded is None:
            unreadable.add(key)  # checks that refer to this file would only repeat its error
            continue
        for record, pos, shown, loc in loaded:
            fields[key].append(record)
            positions.add(Source_(shown, pos), loc, record)
    self_check = None
    if (content_dir / SELF_CHECK_FILE).exists():
        check_src = read_yaml(content_dir / SELF_CHECK_FILE, root, problems)
        if check_src is not None:
            self_check = _validate(check_src, SelfCheck, SelfCheck, check_src.pos.data, (), problems, langs)
            positions.add(check_src, (), self_check)
    pages = []
    page_files = sorted((content_dir / PAGES_DIR).glob("*.md"))
    # Pages are independent of each other: read, validated and HTML-checked on every core.
    for loaded, found in pmap(_load_checked_page, page_files, shared=(root, langs)):
        problems.extend(found)
        if loaded:
            pages.append(loaded[0])
            positions.add(Source_(loaded[0].path, loaded[1]), (), loaded[0])
    posters = []
    for path in sorted((content_dir / POSTERS_DIR).glob("*.y*ml")):
        src = read_yaml(path, root, problems)
        if src is None:
            continue
        poster = _validate(src, Poster, Poster, src.pos.data, (), problems, langs)
        if poster is not None:
            if poster.slug != path.stem:
                line, col = src.pos.find(("slug",))
                problems.error("invalid-value", Where(src.path, line, col), f"slug '{poster.slug}' differs from the file name '{path.stem}'.", "make the slug and the file name the same.")
            posters.append(poster)
            positions.add(src, (), poster)
    check_images(content_dir, root, problems)
    for path in sorted(content_dir.iterdir()):
        if path.is_file() and path.name not in DATA_FILES and path.name not in (SITE_FILE, SELF_CHECK_FILE) and path.name not in OTHER_FILES and not path.name.startswith("."):
            problems.warning("unknown-file", Where(relpath(path, root)), "the build does not read this file.", f"data files are: {', '.join(sorted(DATA_FILES))}; pages go in pages/, posters in posters/.")
    synonyms = load_synonyms(content_dir, root, problems, tuple(langs or ()))
    if site is None:
        return None, problems, positions
    content = Content(site=site, pages=pages, posters=posters, self_check=self_check, unreadable=frozenset(unreadable), synonyms=synonyms,
                      folder=relpath(content_dir, root), **fields)
    check_content(content, positions, problems, on or today())
    from .translations import outdated, read_lock, untracked

    lock = read_lock(content_dir, root, problems, content)
    stale = outdated(content, positions, lock)
    default = content.site.default.name
    for lang, key, where in stale:
        language = content.site.language(lang)
        problems.notice("outdated-translation", where, f"the {default} text of '{key}' changed after its {language.name} ({lang}) translation was last marked.",
                        f"update the {language.name}, then run `make mark-translated LANG={lang}` (SLUG=... for one page).")
    for (lang, file), keys in untracked(content, positions, lock).items():
        language = content.site.language(lang)
        problems.notice("untracked-translation", Where(relpath(content_dir / file, root)), f"{len(keys)} {language.name} ({lang}) text(s) have no translation record, so a later change to the {default} would go unnoticed.",
                        f"once the {language.name} is reviewed, run `make mark-translated LANG={lang}` (SLUG=... for one page).")
    content = content.model_copy(update={"outdated": frozenset((lang, key) for lang, key, _ in stale)})
    return content, problems, positions


def declared_codes(data: Any) -> tuple[str, ...] | None:
    """The language codes site.yml declares (default first), or None when they are not valid yet
    (then the site's own errors say why, and texts are read without a language check)."""
    if not isinstance(data, dict):
        return None
    try:
        languages = TypeAdapter(list[Language]).validate_python(data.get("languages"))
        check_languages(languages)
    except (ValidationError, ValueError):
        return None
    return language_codes(languages)


class Positions:
    """Where each record (and each path inside it) came from, for later stages' messages.

    The loader stamps every record with its file and path (`Record._at`), so the position travels with
    the record (and with its copies); this object keeps the parsed files those paths point into.
    """

    def __init__(self) -> None:
        self._files: dict[str, Positioned] = {}

    def add(self, src: Source_, loc: tuple, record: Record | None) -> None:
        if record is not None:
            self._files[src.path] = src.pos
            record._at = (src.path, loc)

    def where(self, record: Any, *sub: str | int, prefer_key: bool = False) -> Where:
        """Position of a record, or of a path inside it (falls back to the record's start)."""
        at = getattr(record, "_at", None)
        if at is None or at[0] not in self._files:
            return Where(getattr(record, "path", "") or "content_src")
        path, loc = at
        line, col = self._files[path].find(loc + tuple(sub), prefer_key=prefer_key)
        return Where(path, line, col)


def today() -> dt.date:
    """Today's date; tests pass their own date instead of calling this."""
    return dt.date.today()

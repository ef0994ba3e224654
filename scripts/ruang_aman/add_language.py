"""`make new-language` and `make mark-translated LANG=..`: the staff commands that add and publish a language.

A new language is added as a draft: its record goes into site.yml (`draft: true`), every page gets a section
and every text of site.yml, the data files and the posters a line in it, each copied from another language.
The files are edited in place (an inserted line or `, xx: "..."` in a `{id: .., en: ..}` text), so comments
and layout stay as staff wrote them. Nothing is written unless the whole content still loads without errors.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from .checks import records, walk_texts
from .contract import content_root
from .load import load_content
from .model import Content, Language, Page
from .positions import compose
from .problems import relpath

CODE_RE = re.compile(r"^[a-z]{2,3}$")
Edit = tuple[int, str]
"""(character offset in the original file, text inserted there)."""


class LanguageError(Exception):
    """A language command that cannot do what was asked, with what to do instead."""


def _child(node: yaml.Node, part: str | int) -> yaml.Node:
    """The node at one step of a record path: a mapping key or a list index."""
    if isinstance(node, yaml.SequenceNode):
        return node.value[int(part)]
    return next(value for key, value in node.value if key.value == part)


def _value_end(node: yaml.Node) -> yaml.Mark:
    """Where a value's own text ends (a block list or mapping ends with its last item, not at the next key)."""
    if isinstance(node, yaml.CollectionNode) and not node.flow_style and node.value:
        last = node.value[-1]
        return _value_end(last[1] if isinstance(last, tuple) else last)
    return node.end_mark


def _add_to_mapping(node: yaml.MappingNode, source: str, code: str, value: Any) -> Edit:
    """Insert `code: value` into a language mapping, after the `source` entry (block) or before '}' (flow)."""
    written = json.dumps(value, ensure_ascii=False)  # a JSON string or list is valid YAML, whatever it holds
    if node.flow_style:
        return node.end_mark.index - 1, f", {code}: {written}"
    key, val = next((k, v) for k, v in node.value if k.value == source)
    indent = " " * key.start_mark.column
    end = _value_end(val)
    if end.column == 0:  # a block scalar (| or >) ends at the start of the next line
        return end.index, f"{indent}{code}: {written}\n"
    return end.index, f"\n{indent}{code}: {written}"


def _language_record(node: yaml.SequenceNode, lang: Language) -> Edit:
    """The new language's record, appended to site.yml's `languages:` list."""
    dash = " " * node.start_mark.column
    fields = {"code": lang.code, "name": lang.name, "folder": lang.folder,
              "numbers": {"decimal": lang.numbers.decimal, "group": lang.numbers.group},
              "date_format": lang.date_format}
    lines = [f"{dash}- code: {json.dumps(lang.code)}"]
    lines += [f"{dash}  {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items() if k != "code"]
    lines += [f"{dash}  # no search stemmer for this language: add `stemmer: id` or `stemmer: en` only if it fits",
              f"{dash}  draft: true   # `make mark-translated LANG={lang.code}` publishes it once reviewed"]
    return _value_end(node).index, "\n" + "\n".join(lines)


def _front_matter(text: str) -> tuple[str, int]:
    """A page's front matter and its character offset in the file."""
    lines = text.split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    start = len(lines[0]) + 1
    return "\n".join(lines[1:end]), start


def _kit_records(root: Path, content_dir: Path, content: Content, positions: Any) -> list[Any]:
    """The session kit's records (kit/ of the content root), which hold texts in every language too."""
    from .kit.load import load_kit
    from .problems import Problems

    kit = load_kit(root, content, positions, Problems(), content_dir)
    return [] if kit is None else [*kit.decks, kit.guide, kit.leaflet, kit.social, kit.words]


def _record_edits(root: Path, content: Content, source: str, code: str, extra: list[Any]) -> dict[Path, list[Edit]]:
    """Every text of every record, copied from `source` into `code`, as edits per file."""
    edits: dict[Path, list[Edit]] = {}
    trees: dict[Path, tuple[yaml.Node, int]] = {}
    for record in [record for _, record in records(content)] + extra:
        shown, base = record._at
        path = root / shown
        if path not in trees:
            text = path.read_text(encoding="utf-8-sig")
            yaml_text, offset = _front_matter(text) if isinstance(record, Page) else (text, 0)
            trees[path] = (compose(yaml_text), offset)
        tree, offset = trees[path]
        for loc, texts in walk_texts(record):
            value = texts.get(source)
            if value is None or texts.get(code) is not None:
                continue
            node = tree
            for part in base + loc:
                node = _child(node, part)
            at, inserted = _add_to_mapping(node, source, code, value)
            edits.setdefault(path, []).append((at + offset, inserted))
    return edits


def _apply(path: Path, edits: list[Edit]) -> str:
    text = path.read_text(encoding="utf-8-sig")
    for at, inserted in sorted(edits, reverse=True):
        text = text[:at] + inserted + text[at:]
    return text


def new_language(root: Path, code: str, name: str, source: str | None = None, content_dir: Path | None = None) -> list[Path]:
    """Add language `code` as a draft, every text copied from `source` (default: the default language),
    in the content root `content_dir` (default: content_src/)."""
    content_dir = content_root(root, content_dir)
    content, problems, positions = load_content(root, content_dir)
    if content is None or problems.has_errors():
        raise LanguageError(f"{relpath(content_dir, root)}/ has errors; run `make check` and fix them first")
    site = content.site
    if not CODE_RE.match(code or ""):
        raise LanguageError(f"'{code}' is not a language code: use the ISO 639 code, 2 or 3 lower-case letters, e.g. CODE=jv")
    if code in site.codes():
        raise LanguageError(f"'{code}' is already a language of this site ({content.site._at[0]})")
    if not name.strip():
        raise LanguageError('give the language\'s own name, e.g. NAME="Basa Jawa"')
    if source and source not in site.codes():
        raise LanguageError(f"FROM={source} is not a language of this site; languages: {', '.join(site.codes())}")
    src = site.language(source) if source else site.default
    lang = Language(code=code, name=name.strip(), folder=code, numbers=src.numbers, date_format=src.date_format, draft=True)
    edits = _record_edits(root, content, src.code, code, _kit_records(root, content_dir, content, positions))
    site_path = root / site._at[0]
    languages = _child(compose(site_path.read_text(encoding="utf-8-sig")), "languages")
    edits.setdefault(site_path, []).append(_language_record(languages, lang))
    new_texts = {path: _apply(path, file_edits) for path, file_edits in edits.items()}
    for page in content.pages:
        body = page.bodies.get(src.code)
        if body is not None and code not in page.bodies:
            path = root / page.path
            text = new_texts.get(path, path.read_text(encoding="utf-8-sig"))
            new_texts[path] = text.rstrip("\n") + f"\n\n<!-- lang: {code} -->\n{body.markdown}"
    _check_then_write(root, content_dir, new_texts, code)
    return sorted(new_texts)


def _check_then_write(root: Path, content_dir: Path, new_texts: dict[Path, str], code: str) -> None:
    """Load the edited content in a scratch copy first: the content root is written only when it loads cleanly."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "content_src"
        shutil.copytree(content_dir, copy)
        for path, text in new_texts.items():
            (copy / path.relative_to(content_dir)).write_text(text, encoding="utf-8")
        loaded, problems, _ = load_content(Path(scratch), copy)
        errors = [p.format() for p in problems.items if p.level >= 2]
        if loaded is None or errors or code not in loaded.site.codes():
            raise LanguageError(f"adding the language would break {relpath(content_dir, root)}/ (nothing was written):\n" + "\n".join(errors))
    for path, text in new_texts.items():
        path.write_text(text, encoding="utf-8")


def publish_language(root: Path, code: str, content_dir: Path | None = None) -> bool:
    """Set `draft: false` on a language in site.yml; False when it was not a draft."""
    content, _, _ = load_content(root, content_dir)
    if content is None:
        raise LanguageError(f"{relpath(content_root(root, content_dir), root)}/ has errors; run `make check` first")
    if code not in content.site.codes():
        raise LanguageError(f"LANG={code} is not a language of this site; languages: {', '.join(content.site.codes())}")
    if not content.site.language(code).draft:
        return False
    path = root / content.site._at[0]
    text = path.read_text(encoding="utf-8-sig")
    languages = _child(compose(text), "languages")
    record = next(item for item in languages.value if _child(item, "code").value == code)
    flag = _child(record, "draft")
    path.write_text(text[:flag.start_mark.index] + "false" + text[flag.end_mark.index:], encoding="utf-8")
    return True

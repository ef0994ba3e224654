"""Protected names: loading the plain list kept outside the repository, and matching names in text.

Text and names are compared in canonical form (normalize.canonical). Plain names become one
trie-shaped regular expression, so a file is scanned once whatever the length of the list.
Hashed names (privacy-hashes.yml) are found by hashing the text's word n-grams.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .findings import ConfigError
from .hashes import HashStore
from .normalize import WORD, name_key

# Between the words of a name: anything but letters and digits (spaces, line breaks, hyphens,
# underscores, punctuation, markup remnants), but not a whole sentence.
SEP = r"[^a-z0-9]{1,12}"
_B = r"(?<![a-z0-9])"
_WORDCHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_E = r"(?![a-z0-9])"


@dataclass(frozen=True)
class NameHit:
    """A protected name found at [start, end) of the canonical text; key is its canonical form."""

    start: int
    end: int
    key: str


def _trie_regex(forms: Iterable[str]) -> str:
    """One alternation shaped like a prefix tree ('siti', 'sinta' -> 'si(?:ti|nta)'); ' ' means SEP."""
    trie: dict = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [(SEP if ch == " " else re.escape(ch)) + emit(child)
                    for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        if len(branches) == 1 and not ends:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")

    return emit(trie)


def words_pattern(key: str) -> re.Pattern[str]:
    """Regex for one canonical name in canonical text, words separated by SEP."""
    return re.compile(_B + SEP.join(re.escape(w) for w in key.split()) + _E)


class NameMatcher:
    """Finds protected names (plain list and salted hashes) in canonical text."""

    def __init__(self, names: Iterable[str] = (), store: HashStore | None = None):
        keys = {k for k in (name_key(n) for n in names) if k}
        self.keys = frozenset(keys)
        forms = set(keys) | {k.replace(" ", "") for k in keys if " " in k}
        # No leading _B: a look-behind first stops the engine skipping ahead to a name's first
        # letter (twice as slow); _plain_matches checks the start instead.
        self._regex = re.compile(_trie_regex(sorted(forms)) + _E) if forms else None
        self._joined = {k.replace(" ", ""): k for k in keys if " " in k}
        self._store = store
        self._hashes = {n.hash for n in store.names} if store else set()
        self._sizes = sorted({n.words for n in store.names}) if store else []
        self._cache: dict[str, bool] = {}

    @property
    def empty(self) -> bool:
        return self._regex is None and not self._hashes

    def find(self, text: str) -> list[NameHit]:
        """Every protected name in canonical text, as whole words."""
        hits: list[NameHit] = []
        if self._regex is not None:
            for m in self._plain_matches(text):
                found = " ".join(WORD.findall(m.group()))
                hits.append(NameHit(m.start(), m.end(), self._joined.get(found, found)))
        if self._hashes:
            hits.extend(self._find_hashed(text, hits))
        return hits

    def _plain_matches(self, text: str) -> Iterator[re.Match[str]]:
        """What finditer(_B + regex) gives: a match starting inside a word is skipped by one character."""
        assert self._regex is not None
        search, pos = self._regex.search, 0
        while (m := search(text, pos)) is not None:
            start = m.start()
            if start and text[start - 1] in _WORDCHARS:
                pos = start + 1
            else:
                yield m
                pos = m.end()

    def _is_protected(self, gram: str) -> bool:
        known = self._cache.get(gram)
        if known is None:
            assert self._store is not None
            known = self._cache[gram] = self._store.name_hash(gram) in self._hashes
        return known

    def _find_hashed(self, text: str, already: list[NameHit]) -> list[NameHit]:
        words = WORD.findall(text)
        found: set[str] = set()
        for n in self._sizes:
            grams = set(words) if n == 1 else set(zip(*(words[i:] for i in range(n))))
            for gram in grams:
                key = gram if n == 1 else " ".join(gram)
                if self._is_protected(key):
                    found.add(key)
        seen = {(h.start, h.end) for h in already}
        hits = []
        for key in sorted(found):
            for m in words_pattern(key).finditer(text):
                if (m.start(), m.end()) not in seen:
                    hits.append(NameHit(m.start(), m.end(), key))
        return hits


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)


def check_outside_git(path: Path) -> None:
    """Refuse a names file that git tracks, or that sits un-ignored inside a work tree."""
    folder = path.resolve().parent
    try:
        tracked = _git(["ls-files", "--error-unmatch", "--", path.name], folder)
        inside = _git(["rev-parse", "--is-inside-work-tree"], folder)
        ignored = _git(["check-ignore", "-q", "--", path.name], folder)
    except OSError:
        return  # no git on this machine: nothing can be tracked
    if tracked.returncode == 0:
        raise ConfigError(f"{path}: this names file is tracked by git, so the names are in the repository's "
                          f"history. Move it outside the repository, remove it with `git rm --cached`, and "
                          f"ask the lead to purge it from history.")
    if inside.returncode == 0 and inside.stdout.strip() == "true" and ignored.returncode != 0:
        raise ConfigError(f"{path}: this names file is inside a git work tree and not ignored, so "
                          f"`git add` would publish it. Keep it outside the repository "
                          f"(e.g. ~/ruang-aman-names.txt) and point --names or PRIVACY_NAMES_FILE at it.")


def read_names_file(path: Path) -> list[str]:
    """One name per line; '#' starts a comment; blank lines ignored."""
    if not path.is_file():
        raise ConfigError(f"{path}: names file not found. Pass --names FILE or set PRIVACY_NAMES_FILE "
                          f"to the list kept outside the repository (ask the case lead for it).")
    check_outside_git(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the names file ({exc.__class__.__name__}); "
                          f"save it as UTF-8 text, one name per line.") from None
    names = []
    for raw in text.splitlines():
        name = raw.split("#", 1)[0].strip()
        if name:
            names.append(name)
    return names


def names_file_from(option: str | None) -> Path | None:
    """--names wins over PRIVACY_NAMES_FILE; None when neither is set."""
    value = option or os.environ.get("PRIVACY_NAMES_FILE") or ""
    return Path(value).expanduser() if value else None

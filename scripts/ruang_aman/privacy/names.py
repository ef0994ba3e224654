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
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from .findings import ConfigError
from .hashes import HashStore, NameHash
from .normalize import WORD, canonical, name_key, reform, single
from .prefilter import WordSearch, canonical_words, encoded

# Between the words of a name: anything but letters and digits (spaces, line breaks, hyphens,
# underscores, punctuation, markup remnants), but not a whole sentence.
SEP = r"[^a-z0-9]{1,12}"
_B = r"(?<![a-z0-9])"
_WORDCHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_E = r"(?![a-z0-9])"


@dataclass(frozen=True)
class NameHit:
    """A protected name found at [start, end) of the canonical text; key is its canonical form.

    kind says how it was written: full (the name itself, or its words run together), initial (a
    middle name cut to its initial), reversed (surname first), partial (two or more consecutive
    words of a longer name: an error only in a victim context or after a familiar honorific).
    """

    start: int
    end: int
    key: str
    kind: str = "full"


KIND_ORDER = ("full", "initial", "reversed", "partial")


def name_forms(key: str) -> dict[str, str]:
    """Every written form of one canonical name that the guard looks for, with its kind."""
    words = key.split()
    n = len(words)
    forms: dict[str, str] = {}

    def add(form: str, kind: str) -> None:
        if form not in forms or KIND_ORDER.index(kind) < KIND_ORDER.index(forms[form]):
            forms[form] = kind

    add(key, "full")
    if n >= 2:
        add("".join(words), "full")
        add(" ".join([words[-1], *words[:-1]]), "reversed")
    for i in range(1, n - 1):
        add(" ".join(w[0] if j == i else w for j, w in enumerate(words)), "initial")
    if n >= 4:
        add(" ".join(w[0] if 0 < j < n - 1 else w for j, w in enumerate(words)), "initial")
    for size in range(2, n):
        for i in range(n - size + 1):
            add(" ".join(words[i:i + size]), "partial")
    return forms


# Old spellings as the text may write a canonical letter (see normalize._REFORM). The text is only
# folded, never re-spelled: the name's pattern accepts every spelling, which costs nothing where no
# name starts, instead of ten passes of replacements over every file.
_SPELLINGS = {"u": ("oe",), "y": ("dj", "j"), "c": ("tj",), "h": ("ch", "kh")}


@lru_cache(maxsize=None)
def _char(ch: str) -> str:
    # A letter may be doubled in the text ('Muhammad' for 'Muhamad'); the literal comes first so
    # the regex engine can still skip ahead to a name's first letter.
    if ch == " ":
        return SEP
    if ch == "\x00":  # after an old spelling written out in full (see _first_spellings)
        return ""
    if ch in _SPELLINGS:
        return "(?:" + "|".join((ch, *_SPELLINGS[ch])) + ")" + re.escape(ch) + "*"
    return re.escape(ch) + re.escape(ch) + "*"


def _trie_regex(forms: Iterable[str], char=None) -> str:
    """One alternation shaped like a prefix tree ('siti', 'sinta' -> 'si(?:ti|nta)'); ' ' means SEP."""
    trie: dict = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [(char or _char)(ch) + emit(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        if len(branches) == 1 and not ends:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")

    return emit(trie)


def trie_of_words(words: Iterable[str]) -> str:
    """A prefix-tree alternation of literal words (no doubling, spaces literal)."""
    return _trie_regex(sorted(set(words)), re.escape)


def _spelled_out(word: str, limit: int = 64) -> list[str]:
    """A canonical word in every old spelling ('yusuf' -> 'yusuf', 'joesoef', 'djusuf', ...); the plain
    word alone past `limit` spellings (the full pattern still accepts them all, only less quickly)."""
    out = [""]
    for ch in word:
        options = (ch, *_SPELLINGS.get(ch, ()))
        out = [o + c for o in out for c in options]
        if len(out) > limit:
            return [word, *[o + word[1:] for o in _SPELLINGS.get(word[0], ())]]
    return out


def _first_spellings(forms: Iterable[str]) -> list[str]:
    """Forms with each old spelling of their first letter written out ('yoko' -> also 'djoko', 'joko'), so
    every branch of the prefix tree starts with a literal and the regex engine can skip ahead."""
    out = set()
    for form in forms:
        out.add(form)
        for old in _SPELLINGS.get(form[0], ()):
            out.add(old + "\x00" + form[1:])
    return sorted(out)


def words_pattern(key: str) -> re.Pattern[str]:
    """Regex for one canonical name in canonical text, words separated by SEP."""
    return re.compile(_B + SEP.join("".join(_char(c) for c in w) for w in key.split()) + _E)


def found_form(matched: str) -> str:
    """The canonical form of matched (folded) text: its words re-spelled, doubled letters once."""
    return " ".join(single(w) for w in WORD.findall(reform(matched)))


class NameMatcher:
    """Finds protected names (plain list and salted hashes) in canonical text, with their near forms."""

    def __init__(self, names: Iterable[str] = (), store: HashStore | None = None):
        keys = {k for k in (name_key(n) for n in names) if k}
        self.keys = frozenset(keys)
        self._forms: dict[str, tuple[str, str]] = {}
        for key in sorted(keys):
            for form, kind in name_forms(key).items():
                known = self._forms.get(form)
                if known is None or KIND_ORDER.index(kind) < KIND_ORDER.index(known[1]):
                    self._forms[form] = (key, kind)
        # No leading _B: a look-behind first stops the engine skipping ahead to a name's first
        # letter (twice as slow); _plain_matches checks the start instead.
        self._regex = re.compile(_trie_regex(_first_spellings(self._forms)) + _E) if self._forms else None
        # Two stages: the first words of the forms, every old spelling written out, found in one
        # compiled pass over the squeezed text (doubled letters written once; see prefilter), then
        # the whole pattern anchored where one starts.
        firsts = {spelled for form, (key, _) in self._forms.items()
                  for spelled in _spelled_out((form if " " in form else key).split()[0])}
        self._first = WordSearch(firsts, squeeze=True)
        self._by_size = forms_by_size(self._forms)
        self._store = store
        self._hashes: dict[str, NameHash] = {n.hash: n for n in store.names} if store else {}
        self._sizes = sorted({n.words for n in store.names}) if store else []
        self._seen: dict[int, set] = {n: set() for n in self._sizes}           # runs of words fingerprinted
        self._protected: dict[int, dict] = {n: {} for n in self._sizes}       # of those, the stored ones

    @property
    def empty(self) -> bool:
        return self._regex is None and not self._hashes

    def may_hold(self, text: str) -> bool:
        """False only when no protected name can be in the text (any text: folded here if it needs it)."""
        return bool(self._hashes) or self._first.any(encoded(canonical(text)))

    def find(self, text: str) -> list[NameHit]:
        """Every protected name (and near form) in canonical text, as whole words."""
        hits: list[NameHit] = []
        if self._regex is not None:
            for m in self._plain_matches(text):
                key, kind = self._forms.get(found_form(m.group()), (found_form(m.group()), "full"))
                hits.append(NameHit(m.start(), m.end(), key, kind))
        if self._hashes:
            hits.extend(self._find_hashed(text, hits))
        return hits

    def find_near(self, text: str) -> list[NameHit]:
        """find(), plus names with letters hidden by stars or dots (plain list only)."""
        hits = self.find(text)
        if self._forms:
            known = {(h.start, h.key) for h in hits}
            hits += [h for h in find_masked(text, self._forms, self._by_size) if (h.start, h.key) not in known]
        return hits

    def _plain_matches(self, text: str) -> Iterator[re.Match[str]]:
        """What finditer(_B + regex) gives: leftmost matches that start a word, none overlapping."""
        assert self._regex is not None
        match, pos = self._regex.match, 0
        for start in self._first.starts(encoded(text)):
            if start < pos or (start and text[start - 1] in _WORDCHARS):
                continue
            m = match(text, start)
            if m is not None:
                yield m
                pos = m.end()

    def _find_hashed(self, text: str, already: list[NameHit]) -> list[NameHit]:
        """Names kept only as salted fingerprints, and their stored near forms: every run of words of a stored
        length is fingerprinted once per scan (set differences in C pick the runs not seen before), then each
        protected form found is placed in the text. A run of words inside a longer name found is not reported."""
        assert self._store is not None
        words = canonical_words(text)
        found: dict[str, str] = {}
        for n in self._sizes:
            grams = set(words) if n == 1 else set(zip(*(words[i:] for i in range(n))))
            protected = self._protected[n]
            new = grams - self._seen[n]
            if new:
                self._seen[n] |= new
                for gram in new:
                    key = (gram if n == 1 else b" ".join(gram)).decode("ascii")
                    entry = self._hashes.get(self._store.name_hash(key))
                    if entry is not None:
                        protected[gram] = (key, entry.kind or "full")
            for gram, (key, kind) in protected.items():
                if gram in grams:
                    found[key] = kind
        hits = [NameHit(m.start(), m.end(), key, kind) for key, kind in sorted(found.items())
                for m in words_pattern(key).finditer(text)]
        hits.sort(key=lambda h: (h.start, h.start - h.end))
        spans = [(h.start, h.end) for h in already]
        out = []
        for h in hits:
            if (h.start, h.end) in spans or (h.kind == "partial" and any(s <= h.start and h.end <= e for s, e in spans)):
                continue
            out.append(h)
            spans.append((h.start, h.end))
        return out


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)


def check_outside_git(path: Path) -> None:
    """Refuse a names file that git tracks, or that sits un-ignored inside a work tree."""
    folder = path.resolve().parent
    try:
        inside = _git(["rev-parse", "--is-inside-work-tree"], folder)
        if inside.returncode != 0 or inside.stdout.strip() != "true":
            return  # outside any work tree (where the list belongs): nothing can track it; one git run, not three
        tracked = _git(["ls-files", "--error-unmatch", "--", path.name], folder)
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


# --- names with letters hidden by stars or dots ('S*ri Ut*mi', 'S.ti Rah.yu') ---------------
_MASK_CHARS = "*\u2022\u00b7."
_TOKEN = re.compile(r"[a-z*\u2022\u00b7.]+")
_MASK_AT = re.compile(r"[*\u2022\u00b7]|(?<=[a-z])\.(?=[a-z])")
_DOT_IN_WORD = re.compile(r"\.[a-z]")  # a literal first: the engine skips ahead to each dot


def _mask_regex(token: str) -> re.Pattern[str] | None:
    """'ut*mi' -> ut[a-z]{0,2}mi: a run of n stars or dots hides n letters (give or take one)."""
    parts = re.split(r"([*\u2022\u00b7.]+)", token.strip("."))
    if len(parts) == 1:
        return None
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            n = len(part)
            out.append(f"[a-z]{{{max(0, n - 1)},{n + 1}}}")
        else:
            out.append(re.escape(single(reform(part))))
    return re.compile("".join(out))


def find_masked(text: str, forms: dict[str, tuple[str, str]], by_size: dict[int, list[list[str]]]) -> list[NameHit]:
    """Protected names (or their near forms) written with stars or dots in place of letters, in canonical text."""
    if not by_size:
        return []
    if "*" not in text and (text.isascii() or "\u2022" not in text and "\u00b7" not in text) and not any(
            m.start() and text[m.start() - 1].isalpha() for m in _DOT_IN_WORD.finditer(text)):
        return []
    hits: list[NameHit] = []
    seen: set[tuple[int, str]] = set()
    done_upto = -1
    for mask in _MASK_AT.finditer(text):
        if mask.start() < done_upto:
            continue
        lo, hi = max(0, mask.start() - 80), min(len(text), mask.end() + 80)
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, lo, hi)]
        i = next((k for k, t in enumerate(tokens) if t[0] <= mask.start() < t[1]), None)
        if i is None:
            continue
        done_upto = tokens[i][1]
        for size, names in by_size.items():
            for first in range(max(0, i - size + 1), min(i, len(tokens) - size) + 1):
                window = tokens[first:first + size]
                for words in names:
                    if _masked_equal(window, words):
                        start = window[0][0]
                        key, kind = forms[" ".join(words)]
                        if (start, key) not in seen:
                            seen.add((start, key))
                            hits.append(NameHit(start, window[-1][1], key, "partial" if kind == "partial" else "masked"))
    return hits


def forms_by_size(forms: dict[str, tuple[str, str]]) -> dict[int, list[list[str]]]:
    """Forms that a masked name is compared with, grouped by their number of words."""
    out: dict[int, list[list[str]]] = {}
    for form, (key, _) in forms.items():
        if " " in form or " " not in key:
            out.setdefault(len(form.split()), []).append(form.split())
    return out


def _masked_equal(window: list[tuple[int, int, str]], words: list[str]) -> bool:
    hidden = False
    for (_, _, tok), word in zip(window, words):
        regex = _mask_regex(tok)
        if regex is None:
            if single(reform(tok.strip("."))) != word:
                return False
        elif not regex.fullmatch(word) or not re.sub(r"[^a-z]", "", tok):
            return False
        else:
            hidden = True
    return hidden

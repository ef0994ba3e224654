"""Cheap first passes: where a costly finder has anything to do, found in one compiled pass.

Most text holds no protected name and no cue word of an indirect identification. Rather than run
a large regular expression at every word start (Python's `re` tries each alternative in turn), a
compiled multi-word search (Aho-Corasick, ahocorasick-rs) runs over the text as bytes (squeezed,
for names, so that doubled letters cost nothing) and says where a name may start, or that no cue
word is there; the exact patterns then run only at those places. Every test here is a superset of what the exact patterns accept: a prefilter may
say "maybe", never "no" where the exact pattern would match.
"""

from __future__ import annotations

import re
from typing import Iterable

import numpy as np
from ahocorasick_rs import BytesAhoCorasick, Implementation, MatchKind

from .normalize import reform


def squeeze_word(word: str) -> str:
    """A word with every run of one character written once ('muhammad' -> 'muhamad')."""
    out = []
    for ch in word:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


_SHORT = 256
_RUNS = re.compile(rb"(.)\1+", re.S)


class Encoded:
    """A text as ASCII bytes, one byte per character ('?' for any other character), and lazily its squeezed
    copy, with every run of one character written once: a word written with any letter doubled reads
    there as its squeezed form."""

    __slots__ = ("text", "raw", "_squeezed", "_offsets")

    def __init__(self, text: str):
        self.text = text
        self.raw = text.encode("ascii", "replace")
        self._squeezed: bytes | None = None
        self._offsets: np.ndarray | None = None

    @property
    def squeezed(self) -> bytes:
        if self._squeezed is None:
            if len(self.raw) < _SHORT:  # a file name, a line of metadata: vector set-up would cost more
                self._squeezed = _RUNS.sub(rb"\1", self.raw)
            else:
                raw = np.frombuffer(self.raw, np.uint8)
                keep = np.empty(len(raw), bool)
                keep[0] = True
                np.not_equal(raw[1:], raw[:-1], out=keep[1:])
                self._squeezed = raw[keep].tobytes()
                self._offsets = keep
        return self._squeezed

    def offset(self, squeezed: int) -> int:
        """Offset in the text of the character at `squeezed` in the squeezed copy (the first of its run)."""
        if self._offsets is None:
            raw = self.raw
            self._offsets = np.array([i for i in range(len(raw)) if i == 0 or raw[i] != raw[i - 1]], np.int64)
        elif self._offsets.dtype == bool:
            self._offsets = np.flatnonzero(self._offsets)
        return int(self._offsets[squeezed])


_last: Encoded | None = None


def encoded(text: str) -> Encoded:
    """The encoded text; the last one is kept, as names and cues are often looked for in equal texts."""
    global _last
    if _last is None or _last.text is not text and _last.text != text:
        _last = Encoded(text)
    return _last


class WordSearch:
    """Where any of many words occurs in a text, in one pass whatever their number; with squeeze=True the
    words and the text are compared squeezed (any letter may be doubled in the text)."""

    def __init__(self, words: Iterable[str], squeeze: bool = False):
        self.squeeze = squeeze
        self.words = sorted({squeeze_word(w) if squeeze else w for w in words if w})
        self._all: BytesAhoCorasick | None = None
        self._first: BytesAhoCorasick | None = None

    def _automaton(self, kind: MatchKind) -> BytesAhoCorasick:
        # A full DFA: built in milliseconds for a few thousand words, and half the scan time of the NFAs.
        return BytesAhoCorasick([w.encode("ascii") for w in self.words], matchkind=kind,
                                implementation=Implementation.DFA)

    def starts(self, text: Encoded) -> list[int]:
        """Offsets in the text where one of the words starts, ascending, each once."""
        if not self.words:
            return []
        if self._all is None:
            self._all = self._automaton(MatchKind.Standard)
        found = self._all.find_matches_as_indexes(text.squeezed if self.squeeze else text.raw, overlapping=True)
        if not found:
            return []
        if not self.squeeze:
            return sorted({start for _, start, _ in found})
        return sorted({text.offset(start) for _, start, _ in found})

    def any(self, text: Encoded) -> bool:
        """Whether one of the words occurs in the text."""
        if not self.words:
            return False
        if self._first is None:
            self._first = self._automaton(MatchKind.LeftmostFirst)
        return bool(self._first.find_matches_as_indexes(text.squeezed if self.squeeze else text.raw))



# Every NIK is 16 digits with at most one separator (space, dot, hyphen) between them, so it lies in a run
# of 16 such characters; '?' counts too, as it stands for any non-ASCII character (\d takes other digits).
_NIK_CHARS = bytes(1 if chr(i) in "0123456789 .-?" else 0 for i in range(256))
_NIK_RUN = b"\x01" * 16


def may_hold_nik(text: str) -> bool:
    """False when no NIK can be in the text: no run of 16 digits and separators (one translate, one find)."""
    return _NIK_RUN in text.encode("ascii", "replace").translate(_NIK_CHARS)


# Bytes of a word (a-z, 0-9) kept, every other byte a space; letters (a-z) for the squeeze of canonical words.
_WORD_BYTES = bytes(c if 48 <= c < 58 or 97 <= c < 123 else 32 for c in range(256))
_LETTER = np.zeros(256, bool)
_LETTER[97:123] = True
_LETTER_RUNS = re.compile(rb"([a-z])\1+")


def canonical_words(text: str) -> list[bytes]:
    """The words of folded text as name_key() writes a name's (old spellings re-spelled, doubled letters once),
    as ASCII bytes: made by C loops (replace, translate, split) and numpy, not a Python loop per word."""
    raw = reform(text).encode("ascii", "replace")
    if len(raw) < _SHORT:
        squeezed = _LETTER_RUNS.sub(rb"\1", raw)
    else:
        codes = np.frombuffer(raw, np.uint8)
        keep = np.empty(len(codes), bool)
        keep[0] = True
        np.not_equal(codes[1:], codes[:-1], out=keep[1:])
        keep[1:] |= ~_LETTER[codes[1:]]
        squeezed = codes[keep].tobytes()
    return squeezed.translate(_WORD_BYTES).split()

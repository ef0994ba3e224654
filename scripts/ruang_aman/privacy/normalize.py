"""Text folding for matching: accents, case, entities, percent-escapes, old Indonesian spelling.

Every transformation keeps the newline count, so a match's line number is the number of
newlines before it in the folded text plus one.
"""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import unquote

_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
# A literal first character lets the regex engine skip ahead ((?:...)+ first is 30x slower).
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2})*")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_TAG = re.compile(r"<[^>]*>")
WORD = re.compile(r"[a-z0-9]+")
# Invisible characters that split a word without showing (soft hyphens pasted from Word,
# zero-width spaces and joiners, word joiner, BOM): deleted, which keeps the newline count.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))

# Ejaan Soewandi (1947) and EYD (1972): old spellings map to one canonical form, applied to
# names and text alike. Order matters: 'dj' must become 'j' before old 'j' (= new 'y') is folded.
# Folding j and y together means 'Joko' also matches 'Yoko', and ch = kh = h means 'Achmad' also
# matches 'Ahmad': for a privacy guard a rare false alarm is better than a missed name.
_REFORM = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("nj", "ny"), ("sj", "sy"), ("ch", "h"), ("kh", "h"),
           ("j", "y"))
_DOUBLE = re.compile(r"([a-z])\1+")
# A word split by a hyphen at the end of a line ('Raha-' / 'yu'): rejoined, the line break moved after it.
_HYPHEN_END = re.compile(r"-[ \t]*\n")
_HYPHEN_BREAK = re.compile(r"(?<=[a-z])-[ \t]*\n([ \t]*)([a-z]+)")


def _decode_percent(match: re.Match[str]) -> str:
    decoded = unquote(match.group(), errors="replace")
    return decoded.replace("\n", " ")


def fold(text: str) -> str:
    """Lower-case, accent-free text with HTML entities and %-escapes decoded, invisible characters removed."""
    if "&" in text:
        text = html.unescape(text)
    if "%" in text:
        text = _PERCENT.sub(_decode_percent, text)
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_INVISIBLE)))
    return text.lower()


def reform(folded: str) -> str:
    """Map old Indonesian spellings to one canonical form ('soekarni' -> 'sukarni')."""
    for old, new in _REFORM:
        if old in folded:
            folded = folded.replace(old, new)
    return folded


def canonical(text: str) -> str:
    """fold() then reform(): the form in which names are compared."""
    return reform(fold(text))


def single(word: str) -> str:
    """Doubled letters written once ('muhammad' -> 'muhamad', 'ellya' -> 'elya')."""
    return _DOUBLE.sub(r"\1", word)


def name_key(name: str) -> str:
    """A name as compared: canonical words, doubled letters once, single spaces ('Siti  Rahayu' -> 'siti rahayu')."""
    return " ".join(WORD.findall(single(canonical(name))))


def rejoin_hyphens(text: str) -> str:
    """'raha-\\nyu' -> 'rahayu\\n' in canonical text: same number of lines, the word whole on the first."""
    if _HYPHEN_END.search(text) is None:  # one pass to each hyphen, not two over every line
        return text
    return _HYPHEN_BREAK.sub(r"\2\n\1", text)


def split_camel(text: str) -> str:
    """'FotoSitiRahayu' -> 'Foto Siti Rahayu' (for file names)."""
    return _CAMEL.sub(" ", text)


def strip_tags(text: str) -> str:
    """Markup removed, newlines kept, so text split across tags reads as one sentence."""
    return _TAG.sub(lambda m: "\n" * m.group().count("\n") or " ", text)


def line_of(text: str, offset: int) -> int:
    """1-based line number of an offset."""
    return text.count("\n", 0, offset) + 1

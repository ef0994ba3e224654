"""Type: the repo's own fonts, measuring words, wrapping lines, shrinking text until it fits."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

FONTS_DIR = Path(__file__).resolve().parents[3] / "fonts"
"""Fonts travel with the repo (fonts/, SIL OFL 1.1, licence in fonts/OFL.txt); none from the machine."""

FONT_FILES = {"regular": "NotoSans-Regular.ttf", "bold": "NotoSans-Bold.ttf"}

# Break opportunities inside a word that is too long for a line: after '-' and '/'. Addresses
# break after '/' only, so that a printed line never ends in a hyphen that is part of the name.
WORD_BREAKS = "-/"
URL_BREAKS = "/"
SHRINK_STEP = 0.96  # each try is 4 % smaller: fine enough to fill the box, few enough to be quick


def font_paths() -> list[Path]:
    """The font files the posters use, in a fixed order (their bytes are part of the cache key)."""
    return [FONTS_DIR / name for name in FONT_FILES.values()]


@lru_cache(maxsize=256)
def font(weight: str, px: int) -> ImageFont.FreeTypeFont:
    """The repo font of a weight at an em size in pixels (basic layout: same glyph positions everywhere)."""
    return ImageFont.truetype(str(FONTS_DIR / FONT_FILES[weight]), px, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=65536)
def width(text: str, weight: str, px: int) -> float:
    """Width a text needs in pixels: its advance, widened by any glyph ink that overhangs it."""
    f = font(weight, px)
    left, _, right, _ = f.getbbox(text, anchor="ls")
    return max(f.getlength(text), right) - min(0, left)


def line_width(words: list[str], weight: str, px: int) -> float:
    """Width of words set with single spaces, from the words' own (cached) widths.

    Summing each word's ink-aware width never underestimates the whole line, and measuring each
    word once per size keeps trying many sizes cheap.
    """
    return sum(width(w, weight, px) for w in words) + width(" ", weight, px) * (len(words) - 1)


def overhang(text: str, weight: str, px: int) -> int:
    """Pixels of ink left of the pen position (a 'J' reaches back); the line starts that much later."""
    return max(0, -font(weight, px).getbbox(text, anchor="ls")[0])


@lru_cache(maxsize=256)
def metrics(weight: str, px: int) -> tuple[int, int]:
    """(ascent, descent) in pixels of Latin text incl. Indonesian accents, from the baseline."""
    f = font(weight, px)
    top = f.getbbox("ÁÉHbdfhklÖ", anchor="ls")[1]
    bottom = f.getbbox("gjpqy,", anchor="ls")[3]
    return -top, bottom


def cap_height(weight: str, px: int, text: str = "0123456789") -> int:
    """Height of the digits (or another text) above the baseline, in pixels."""
    return -font(weight, px).getbbox(text, anchor="ls")[1]


@lru_cache(maxsize=8)
def _pieces_re(breaks: str) -> re.Pattern[str]:
    chars = re.escape(breaks)
    return re.compile(rf"[^{chars}]*[{chars}]+|[^{chars}]+")


def wrap(text: str, weight: str, px: int, max_width: float, breaks: str = WORD_BREAKS) -> list[str] | None:
    """Greedy word wrap; long words break after '-' or '/'. None when one piece is wider than a line."""
    lines: list[list[str]] = []
    tokens: list[str] = []  # the current line, as space-separated tokens

    def fits(candidate: list[str]) -> bool:
        return line_width(candidate, weight, px) <= max_width

    for word in text.split():
        if fits(tokens + [word]):
            tokens.append(word)
            continue
        if tokens:
            lines.append(tokens)
            tokens = []
        if fits([word]):
            tokens = [word]
            continue
        glued = False  # whether the next piece continues the current token (same word)
        for piece in _pieces_re(breaks).findall(word):
            if glued and fits(tokens[:-1] + [tokens[-1] + piece]):
                tokens[-1] += piece
            elif not glued and fits(tokens + [piece]):
                tokens.append(piece)
            elif fits([piece]):
                if tokens:
                    lines.append(tokens)
                tokens = [piece]
            else:
                return None
            glued = True
    if tokens:
        lines.append(tokens)
    return [" ".join(line) for line in lines]


def sizes(max_px: int, min_px: int) -> list[int]:
    """Em sizes to try, largest first, ending exactly at the minimum."""
    out = []
    px = max_px
    while px > min_px:
        out.append(px)
        px = min(px - 1, int(px * SHRINK_STEP))
    out.append(min_px)
    return out


@dataclass(frozen=True)
class Fit:
    """Texts that fit: the em size and each text's lines."""

    px: int
    items: tuple[tuple[str, ...], ...]

    @property
    def lines(self) -> int:
        return sum(len(i) for i in self.items)


@dataclass(frozen=True)
class Misfit:
    """Why texts do not fit even at the smallest size."""

    lines_needed: int | None      # None when a single word is wider than the line
    max_lines: int
    item: int | None = None       # which item (of a list) holds the too-wide word
    word: str = ""


def fit(items: list[str], weight: str, max_px: int, min_px: int, max_width: float, max_lines: int,
        breaks: str = WORD_BREAKS) -> Fit | Misfit:
    """The largest size at which all items, each wrapped, take at most max_lines lines together."""
    misfit = Misfit(None, max_lines)
    for px in sizes(max_px, min_px):
        wrapped = [wrap(text, weight, px, max_width, breaks) for text in items]
        broken = next((i for i, w in enumerate(wrapped) if w is None), None)
        if broken is not None:
            long_word = max(items[broken].split(), key=lambda w: width(w, weight, px))
            misfit = Misfit(None, max_lines, broken, long_word)
            continue
        total = sum(len(w) for w in wrapped)  # type: ignore[arg-type]
        if total <= max_lines:
            return Fit(px, tuple(tuple(w) for w in wrapped))  # type: ignore[arg-type]
        misfit = Misfit(total, max_lines)
    return misfit

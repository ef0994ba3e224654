"""Kit layout in points: drawing ops, measured text blocks, and fitting a column of blocks into a box.

Words are measured with the repo's fonts at a fixed reference size and scaled linearly, as a PDF
sets them; wrapping reuses the posters' wrapper. A column shrinks all its blocks together until
it fits its box; when even the smallest sizes do not fit, `Overflow` names the field that holds
the most text and about how many characters to cut.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..posters import text as T
from ..posters.qr import matrix
from ..urls import shown_url
from ..vector_pdf import MM
from .spec import TextStyle

REF_PX = 200
"""Measuring size: large enough that hinting does not round the advances."""
SAFETY = 0.98
"""Wrap into 98 % of a box's width: room for rounding between the measure and the PDF."""
SHRINK = 0.94
MIN_SCALE = 0.3

Path_ = tuple[str | int, ...]


# -- drawing ops (points, from the page's top-left corner) ----------------------------------

@dataclass(frozen=True)
class Txt:
    x: float
    y: float  # baseline
    text: str
    weight: str
    pt: float
    colour: str


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    colour: str
    radius: float = 0.0


@dataclass(frozen=True)
class Rule:
    x0: float
    y0: float
    x1: float
    y1: float
    colour: str
    width: float
    dash: float = 0.0


@dataclass(frozen=True)
class Code:
    """A QR code, quiet zone included."""

    x: float
    y: float
    module: float
    url: str
    dark: str
    light: str


@dataclass(frozen=True)
class Note:
    """A slide's facilitator notes, as a PDF note annotation."""

    x: float
    y: float
    text: str


Op = Txt | Box | Rule | Code | Note


def moved(ops: list[Op], dx: float, dy: float) -> list[Op]:
    """The same ops shifted by (dx, dy)."""
    out: list[Op] = []
    for op in ops:
        if isinstance(op, Rule):
            out.append(dataclasses.replace(op, x0=op.x0 + dx, x1=op.x1 + dx, y0=op.y0 + dy, y1=op.y1 + dy))
        else:
            out.append(dataclasses.replace(op, x=op.x + dx, y=op.y + dy))
    return out


@dataclass(frozen=True)
class PageOps:
    """One page to draw: its size in points, its background, its ops."""

    size: tuple[float, float]
    background: str
    ops: tuple[Op, ...]


# -- measuring ---------------------------------------------------------------------------------

def width(text: str, weight: str, pt: float) -> float:
    """Width of a text in points."""
    return T.width(text, weight, REF_PX) * pt / REF_PX


def wrap(text: str, weight: str, pt: float, max_width: float, breaks: str = T.WORD_BREAKS) -> list[str] | None:
    """Lines of a text at a size within max_width points; None when one word is wider than a line."""
    return T.wrap(text, weight, REF_PX, max_width * SAFETY * REF_PX / pt, breaks)


def metrics(weight: str, pt: float) -> tuple[float, float]:
    """(ascent, descent) in points of Latin text with Indonesian accents."""
    ascent, descent = T.metrics(weight, REF_PX)
    return ascent * pt / REF_PX, descent * pt / REF_PX


# -- blocks --------------------------------------------------------------------------------------

class Overflow(Exception):
    """Text that does not fit even at its smallest size."""

    def __init__(self, path: Path_, detail: str, chars: int, keep: int, advice: str = ""):
        super().__init__(detail)
        self.path, self.detail, self.chars, self.keep, self.advice = path, detail, chars, keep, advice

    @property
    def hint(self) -> str:
        if self.advice:
            return self.advice
        cut = max(1, self.chars - self.keep)
        return f"cut about {cut} characters (now {self.chars}; about {self.keep} fit)."


@dataclass
class Block:
    """Something a column stacks: laid out at a width and a scale into ops and a height."""

    path: Path_ = ()

    def chars(self) -> int:
        return 0

    def layout(self, w: float, scale: float) -> tuple[list[Op], float] | None:  # pragma: no cover - abstract
        raise NotImplementedError


@dataclass
class Lines(Block):
    """Paragraphs or a bulleted list in one style; None from layout when it needs more lines than allowed."""

    items: list[str] = dataclasses.field(default_factory=list)
    weight: str = "regular"
    style: TextStyle | None = None
    colour: str = "#000000"
    marker: str | None = None  # the bullet's colour; None: no bullets

    def chars(self) -> int:
        return sum(len(i) for i in self.items)

    def size(self, scale: float) -> float:
        return max(self.style.min_pt, self.style.max_pt * scale)

    def wrapped(self, w: float, pt: float) -> list[list[str]]:
        indent = self.style.indent_mm * MM if self.marker else 0
        out = []
        for item in self.items:
            lines = wrap(item, self.weight, pt, w - indent)
            if lines is None:
                word = max(item.split(), key=lambda s: width(s, self.weight, pt))
                raise Overflow(self.path, f"the word '{word[:40]}' is wider than the line even at {pt:.0f} pt", len(word), 0)
            out.append(lines)
        return out

    def layout(self, w: float, scale: float) -> tuple[list[Op], float] | None:
        s = self.style
        pt = self.size(scale)
        wrapped = self.wrapped(w, pt)
        count = sum(len(lines) for lines in wrapped)
        if count > s.max_lines:
            if pt <= s.min_pt:
                raise Overflow(self.path, f"needs {count} lines at {pt:.0f} pt (the smallest size) but there is room for {s.max_lines}",
                               self.chars(), self.chars() * s.max_lines // count)
            return None
        ascent, descent = metrics(self.weight, pt)
        step = pt * s.leading
        indent = s.indent_mm * MM if self.marker else 0
        ops: list[Op] = []
        y = ascent
        for n, lines in enumerate(wrapped):
            if n:
                y += s.item_gap_mm * MM
            for i, line in enumerate(lines):
                if self.marker and i == 0:
                    ops.append(Txt(0, y, "•", self.weight, pt, self.marker))
                ops.append(Txt(indent, y, line, self.weight, pt, self.colour))
                y += step
        return ops, y - step + descent


@dataclass
class Entries(Block):
    """Named entries: each a bold name and a regular text below it (kinds of violence, services)."""

    entries: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    style: TextStyle | None = None
    colour: str = "#000000"
    accent: str = "#000000"

    def chars(self) -> int:
        return sum(len(a) + len(b) for a, b in self.entries)

    def layout(self, w: float, scale: float) -> tuple[list[Op], float] | None:
        s = self.style
        pt = max(s.min_pt, s.max_pt * scale)
        ops: list[Op] = []
        y, count = 0.0, 0
        for n, (name, text) in enumerate(self.entries):
            if n:
                y += s.item_gap_mm * MM
            for weight, colour, body in (("bold", self.accent, name), ("regular", self.colour, text)):
                if not body:
                    continue
                block = Lines(self.path, [body], weight, s.model_copy(update={"max_pt": pt, "min_pt": pt, "max_lines": 99, "item_gap_mm": 0}), colour)
                more, h = block.layout(w, 1.0)
                count += sum(1 for op in more if isinstance(op, Txt))
                ops += moved(more, 0, y)
                y += h + pt * (s.leading - 1)
        if count > s.max_lines:
            if pt <= s.min_pt:
                raise Overflow(self.path, f"needs {count} lines at {pt:.1f} pt (the smallest size) but there is room for {s.max_lines}",
                               self.chars(), self.chars() * s.max_lines // count)
            return None
        return ops, y


@dataclass
class Space(Block):
    """Fixed space between blocks, shrinking with the column."""

    mm: float = 0.0

    def layout(self, w: float, scale: float) -> tuple[list[Op], float]:
        return [], self.mm * MM * max(scale, 0.5)


@dataclass
class Drawn(Block):
    """A block drawn by a function of (width, scale) -> (ops, height): charts, hotlines, QR codes.

    It shrinks with the column down to min_scale; `advice` is the hint when it still does not fit.
    """

    draw: object = None
    min_scale: float = 1.0
    advice: str = ""

    def layout(self, w: float, scale: float) -> tuple[list[Op], float]:
        return self.draw(w, scale)  # type: ignore[operator]


def stack(blocks: list[Block], w: float, scale: float) -> tuple[list[Op], float] | None:
    """Blocks one below the other at a scale; None when one of them needs a smaller size."""
    ops: list[Op] = []
    y = 0.0
    for block in blocks:
        laid = block.layout(w, scale)
        if laid is None:
            return None
        more, h = laid
        ops += moved(more, 0, y)
        y += h
    return ops, y


def _smallest(block: Block, scale: float) -> bool:
    """Whether a block cannot get any smaller at this scale."""
    if isinstance(block, (Lines, Entries)):
        return block.style.max_pt * scale <= block.style.min_pt
    if isinstance(block, Drawn):
        return scale <= block.min_scale
    return True


def fit(blocks: list[Block], w: float, h: float) -> tuple[list[Op], float]:
    """The largest common scale at which the blocks fit w x h; Overflow when none does."""
    scale = 1.0
    while True:
        laid = stack(blocks, w, scale)
        if laid is not None and laid[1] <= h:
            return laid
        if scale < MIN_SCALE or all(_smallest(b, scale) for b in blocks):
            if laid is None:
                scale *= SHRINK
                continue
            over = laid[1] - h
            drawn = [b for b in blocks if isinstance(b, Drawn) and b.advice]
            if drawn and not any(b.chars() for b in blocks):
                raise Overflow(drawn[0].path, f"it is {over / MM:.0f} mm too tall for the space even at its smallest size", 0, 0, drawn[0].advice)
            biggest = max(blocks, key=lambda b: b.chars())
            total = sum(b.chars() for b in blocks)
            keep = max(0, int(biggest.chars() - total * over / laid[1]))
            raise Overflow(biggest.path, f"the texts are {over / MM:.0f} mm too tall for the space even at their smallest sizes",
                           biggest.chars(), keep, drawn[0].advice if drawn else "")
        scale *= SHRINK


def qr_block(url: str, side_mm: float, caption: str, dark: str, light: str, accent: str, caption_pt: float, url_pt: float) -> Drawn:
    """A QR code centred in its column, a caption and the printed address below it."""

    def draw(w: float, scale: float) -> tuple[list[Op], float]:
        n = len(matrix(url))
        module = min(side_mm * MM, w) / n
        side = module * n
        ops: list[Op] = [Code((w - side) / 2, 0, module, url, dark, light)]
        y = side + 2 * MM
        for text, weight, pt, colour in ((caption, "bold", caption_pt, accent), (shown_url(url), "regular", url_pt, dark)):
            lines = wrap(text, weight, pt, w, T.URL_BREAKS if weight == "regular" else T.WORD_BREAKS) or [text]
            ascent, descent = metrics(weight, pt)
            for line in lines:
                ops.append(Txt((w - width(line, weight, pt)) / 2, y + ascent, line, weight, pt, colour))
                y += pt * 1.2
            y += 1 * MM
        return ops, y

    return Drawn(draw=draw)

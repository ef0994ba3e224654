"""Print PDFs drawn as vectors (fpdf2): a real text layer, the repo's fonts embedded as subsets, same bytes.

Posters and every file of the session kit draw through this one class, so all print material
shares the same guarantees: text that pdftotext, a screen reader and a search can read; fonts
embedded (never one from the reader's machine); exact page sizes in points; QR codes as vector
squares; no date, producer or random ID in the file, so the same input gives the same bytes.

Why fpdf2 and not reportlab (measured on the A4 and A3 posters, `scripts/bench_posters.py`):
fpdf2 wrote 20 KB per poster against reportlab's 31 KB, embeds its fonts as Unicode CID
subsets, and adds no unembedded Helvetica nor "anonymous" author entries; reportlab drew a
page in 6 ms against fpdf2's 45 ms, which the render cache makes irrelevant.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from fpdf import FPDF

# The QR matrix and the font files are the posters' own; imported where used, because the
# posters package imports this module while it initialises.

MM = 72 / 25.4
"""Points per millimetre."""

_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
_DATE_ENTRY = b"/CreationDate (D:20000101000000Z)"


def rgb(colour: str) -> tuple[int, int, int]:
    """#RRGGBB as three 0-255 values."""
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


@lru_cache(maxsize=64)
def qr_runs(url: str) -> tuple[tuple[int, int, int], ...]:
    """The dark modules of a QR code as horizontal runs (row, first column, length): few, exact rectangles."""
    from .posters.qr import matrix

    runs = []
    for r, row in enumerate(matrix(url)):
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                runs.append((r, start, c - start))
            else:
                c += 1
    return tuple(runs)


class _Fpdf(FPDF):
    def file_id(self):  # noqa: D401 - fpdf2's hook
        # No /ID: its default hashes the buffer, which is deterministic, but a file needs none.
        return None


class Document:
    """A PDF of one or more pages; lengths in points from the page's top-left corner."""

    def __init__(self, title: str, lang: str):
        from .posters.text import FONT_FILES, FONTS_DIR

        pdf = _Fpdf(unit="pt")
        pdf.set_auto_page_break(False)
        pdf.set_margin(0)
        pdf.creation_date = _EPOCH  # blanked in bytes(); fpdf2 always writes one
        pdf.producer = None
        pdf.set_title(title)
        pdf.set_lang(lang)
        pdf.set_display_mode("fullpage")
        for weight, name in FONT_FILES.items():
            pdf.add_font(f"Noto-{weight}", "", str(FONTS_DIR / name))
        self.pdf = pdf
        self.width = self.height = 0.0

    def page(self, size_pt: tuple[float, float], background: str = "#FFFFFF") -> None:
        """Start a page of exactly size_pt (width, height) points on a background colour."""
        self.pdf.add_page(format=size_pt)
        self.width, self.height = size_pt
        if background.upper() != "#FFFFFF":
            self.rect(0, 0, size_pt[0], size_pt[1], background)

    def rect(self, x: float, y: float, w: float, h: float, colour: str, radius: float = 0.0) -> None:
        """A filled rectangle, its corners rounded when radius > 0."""
        self.pdf.set_fill_color(*rgb(colour))
        self.pdf.rect(x, y, w, h, style="F", round_corners=radius > 0, corner_radius=radius)

    def frame(self, x: float, y: float, w: float, h: float, colour: str, width: float) -> None:
        """A rectangle's outline."""
        self.pdf.set_draw_color(*rgb(colour))
        self.pdf.set_line_width(width)
        self.pdf.rect(x, y, w, h, style="D")

    def line(self, x0: float, y0: float, x1: float, y1: float, colour: str, width: float, dash: float = 0.0) -> None:
        """A straight line, dashed when dash > 0 (fold marks)."""
        self.pdf.set_draw_color(*rgb(colour))
        self.pdf.set_line_width(width)
        self.pdf.set_dash_pattern(dash=dash, gap=dash) if dash else self.pdf.set_dash_pattern()
        self.pdf.line(x0, y0, x1, y1)
        self.pdf.set_dash_pattern()

    def text(self, x: float, baseline: float, text: str, weight: str, size_pt: float, colour: str) -> None:
        """One line of text from its left end on its baseline."""
        self.pdf.set_font(f"Noto-{weight}", size=size_pt)
        self.pdf.set_text_color(*rgb(colour))
        self.pdf.text(x, baseline, text)

    def qr(self, x: float, y: float, module: float, url: str, dark: str, light: str) -> float:
        """A QR code (quiet zone included) with its top-left at (x, y), clickable; returns its side."""
        from .posters.qr import modules

        side = module * modules(url)
        self.rect(x, y, side, side, light)
        self.pdf.set_fill_color(*rgb(dark))
        for row, col, length in qr_runs(url):
            self.pdf.rect(x + col * module, y + row * module, length * module, module, style="F")
        self.pdf.link(x, y, side, side, url)
        return side

    def link(self, x: float, y: float, w: float, h: float, url: str) -> None:
        """A clickable area (a printed address or phone number)."""
        self.pdf.link(x, y, w, h, url)

    def note(self, x: float, y: float, text: str) -> None:
        """A note annotation (a slide's facilitator notes): a small icon viewers open; printers skip it."""
        self.pdf.text_annotation(x, y, text, w=12, h=12, name="Comment")

    def bytes(self) -> bytes:
        """The finished file: no date (its entry is blanked to spaces, so every offset stays valid)."""
        data = bytes(self.pdf.output())
        if data.count(_DATE_ENTRY) != 1:
            raise RuntimeError("fpdf2 changed how it writes /CreationDate: update vector_pdf.Document.bytes")
        return data.replace(_DATE_ENTRY, b" " * len(_DATE_ENTRY))

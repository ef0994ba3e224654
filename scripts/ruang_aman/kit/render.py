"""Pages of ops drawn into one vector PDF (the posters' Document: real text, subset fonts, same bytes)."""

from __future__ import annotations

from ..vector_pdf import Document
from .flow import Box, Code, Note, PageOps, Rule, Txt


def pdf_bytes(pages: list[PageOps], title: str, lang: str) -> bytes:
    """A PDF with one page per PageOps, drawn in order."""
    doc = Document(title, lang)
    for page in pages:
        doc.page(page.size, page.background)
        for op in page.ops:
            if isinstance(op, Txt):
                doc.text(op.x, op.y, op.text, op.weight, op.pt, op.colour)
            elif isinstance(op, Box):
                doc.rect(op.x, op.y, op.w, op.h, op.colour, op.radius)
            elif isinstance(op, Rule):
                doc.line(op.x0, op.y0, op.x1, op.y1, op.colour, op.width, op.dash)
            elif isinstance(op, Code):
                doc.qr(op.x, op.y, op.module, op.url, op.dark, op.light)
            elif isinstance(op, Note):
                doc.note(op.x, op.y, op.text)
    return doc.bytes()

"""A poster's Plan drawn as a vector PDF page of exactly A4 or A3: real text, embedded subset fonts."""

from __future__ import annotations

from ..vector_pdf import Document
from .plan import Plan, QrOp, RectOp, TextOp


def pdf_bytes(plan: Plan, page_pt: tuple[float, float]) -> bytes:
    """One page of exactly page_pt points with the plan's texts, panels and QR code as vectors.

    The plan is laid out in pixels at its DPI (the same plan the PNG is painted from), so the
    PDF and the PNG show the same poster; here each pixel becomes 72/dpi points. The address
    under the QR code and the code itself are links, so a reader on screen can open the page.
    """
    k = page_pt[0] / plan.width
    doc = Document(plan.title, plan.lang)
    doc.page(page_pt, plan.palette[0])
    for op in plan.ops:
        if isinstance(op, RectOp):
            x0, y0, x1, y1 = op.box
            doc.rect(x0 * k, y0 * k, (x1 - x0) * k, (y1 - y0) * k, op.colour, op.radius * k)
        elif isinstance(op, TextOp):
            doc.text(op.x * k, op.y * k, op.text, op.weight, op.px * k, op.colour)
        elif isinstance(op, QrOp):
            doc.qr(op.x * k, op.y * k, op.module * k, op.url, op.dark, op.light)
    return doc.bytes()

"""PDF pages that print at exactly A4 or A3: the PNG embedded losslessly, no dates, no producer."""

from __future__ import annotations

import img2pdf


def pdf_bytes(png: bytes, page_pt: tuple[float, float], title: str) -> bytes:
    """A one-page PDF of exactly page_pt points holding the PNG as it is.

    img2pdf copies the PNG's compressed data into the PDF (Flate, not JPEG: the digits stay sharp).
    Its internal writer is used with nodate and no producer, so the bytes depend only on the input;
    the page box is the paper size, so "actual size" printing needs no scaling.
    """
    layout = img2pdf.get_layout_fun(pagesize=page_pt, fit=img2pdf.FitMode.exact)
    return img2pdf.convert(png, layout_fun=layout, nodate=True, engine=img2pdf.Engine.internal, title=title)

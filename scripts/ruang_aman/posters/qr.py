"""QR codes: the module matrix of the URL a poster opens (the URL itself comes from ruang_aman.urls)."""

from __future__ import annotations

from functools import lru_cache

import segno

QUIET_ZONE = 4
"""Modules of light margin around the symbol, as ISO/IEC 18004 requires for QR codes."""
ERROR_LEVEL = "m"
"""15 % recovery: survives a smudge or a staple; segno raises it for free when the version allows."""


@lru_cache(maxsize=64)
def matrix(url: str) -> tuple[tuple[bool, ...], ...]:
    """Dark (True) and light modules of the QR code, quiet zone included.

    Always a full QR code (segno.make_qr): segno.make would choose Micro QR for short data,
    which phone cameras do not read.
    """
    code = segno.make_qr(url, error=ERROR_LEVEL, boost_error=True)
    return tuple(tuple(bool(m) for m in row) for row in code.matrix_iter(scale=1, border=QUIET_ZONE))


def modules(url: str) -> int:
    """Width of the symbol in modules, quiet zone included."""
    return len(matrix(url))

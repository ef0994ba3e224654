"""QR codes: the URL a poster opens (derived from site.yml's base_url) and its module matrix."""

from __future__ import annotations

from functools import lru_cache

import segno

from .. import LANGS

QUIET_ZONE = 4
"""Modules of light margin around the symbol, as ISO/IEC 18004 requires for QR codes."""
ERROR_LEVEL = "m"
"""15 % recovery: survives a smudge or a staple; segno raises it for free when the version allows."""


def page_url(base_url: str, page: str, lang: str) -> str:
    """The published address of a page in a language: base_url + [en/] + <slug>.html."""
    name = "index.html" if page == "index" else f"{page}.html"
    prefix = "" if lang == LANGS[0] else f"{lang}/"
    return f"{base_url}{prefix}{name}"


def shown_url(url: str) -> str:
    """The address as printed under the code: without the scheme, which nobody types."""
    return url.split("://", 1)[-1]


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

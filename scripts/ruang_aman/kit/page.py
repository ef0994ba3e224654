"""The kit page (kit.html, en/kit.html): every kit file with its size and what it is for.

The page's Markdown holds `{{ kit }}`, which the page renderer turns into an empty marker; the kit
stage fills the marker once the files exist, so the sizes shown are those of the files published.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from ..model import Content
from ..problems import Problems, Where
from .model import Words
from .run import KitFile, KitReport

MARKER_RE = re.compile(r'<div class="ra-kit" data-ra-kit="(?P<lang>[a-z]+)"></div>')
KINDS = ("deck", "guide", "leaflet", "social", "captions")


def marker(lang: str) -> str:
    """What `{{ kit }}` becomes in a page, until the kit stage fills it."""
    return f'<div class="ra-kit" data-ra-kit="{lang}"></div>'


def size_text(size: int, lang: str) -> str:
    """'35 KB' or '1,2 MB' (decimal comma in Indonesian)."""
    kb = size / 1024
    if kb < 1024:
        return f"{kb:.0f} KB"
    mb = f"{kb / 1024:.1f}"
    return f"{mb.replace('.', ',') if lang == 'id' else mb} MB"


def kit_html(content: Content, words: Words, files: list[KitFile], lang: str, prefix: str, site_dir: Path) -> str:
    """The kit list in `lang`: a table of this language's files, then links to the other languages' files."""

    def w(key: str) -> str:
        return escape(words.get(key, lang))

    own = sorted((f for f in files if f.lang == lang), key=lambda f: (KINDS.index(f.kind), f.name))
    rows = []
    for f in own:
        size = size_text((site_dir / f.path).stat().st_size, lang)
        kind = words.get("guide" if f.kind == "guide" else f.kind if f.kind in ("deck", "leaflet", "social") else "social", lang)
        rows.append(f'<tr><td><a href="{escape(prefix + f.path)}" download>{escape(f.title)}</a>'
                    f'<br><small>{escape(kind)} · {escape(f.name)}</small></td>'
                    f'<td>{escape(f.purpose)}</td><td class="ra-kit__size">{escape(size)}</td></tr>')
    parts = [f'<div class="ra-kit" data-ra-kit="{lang}">',
             f'<table class="ra-kit__files"><thead><tr><th scope="col">{w("file")}</th><th scope="col">{w("purpose")}</th>'
             f'<th scope="col">{w("size")}</th></tr></thead><tbody>', *rows, "</tbody></table>"]
    for other in (o for o in content.site.codes() if o != lang):
        name = content.site.language(other).name
        links = " · ".join(f'<a href="{escape(prefix + f.path)}" hreflang="{other}" download>{escape(f.title)}</a>'
                           for f in sorted((f for f in files if f.lang == other), key=lambda f: (KINDS.index(f.kind), f.name)))
        parts.append(f'<p class="ra-kit__other-lang"><span lang="{other}">{escape(name)}</span>: {links}</p>')
    parts.append(f'<p class="ra-kit__manifest"><a href="{escape(prefix)}kit/manifest.json">manifest.json</a>: {w("purpose_manifest")}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def fill_kit_pages(staging: Path, content: Content, words: Words, report: KitReport, problems: Problems) -> list[Path]:
    """Fill the `{{ kit }}` marker of every built page; returns the pages filled."""
    filled = []
    for page in sorted(staging.glob("*.html")) + sorted(staging.glob("*/*.html")):
        html = page.read_text(encoding="utf-8")
        if 'data-ra-kit="' not in html:
            continue
        prefix = "../" * (len(page.relative_to(staging).parts) - 1)

        def one(match: re.Match) -> str:
            return kit_html(content, words, report.files, match.group("lang"), prefix, staging)

        new, count = MARKER_RE.subn(one, html)
        if not count:
            problems.error("kit-page", Where(f"site/{page.relative_to(staging).as_posix()}"), "the kit list marker was changed on its way through MkDocs.",
                           "keep {{ kit }} on a line of its own in the page.")
            continue
        page.write_text(new, encoding="utf-8")
        filled.append(page)
    return filled

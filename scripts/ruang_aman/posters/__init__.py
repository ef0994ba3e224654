"""Posters and social cards: content_src/posters/*.yml -> site/posters/ (PDF, PNG, manifest.json).

The API the build calls:

    report = render_posters(content, positions, site_dir, cache_dir, problems, progress=True)
        Renders every poster x language x size (layouts.yml: A4 and A3 as PDF + PNG, a 1080x1080
        square card and a 1080x1920 story card as PNG, plus a gallery thumbnail) into
        site_dir/posters/, writes site_dir/posters/manifest.json, and reuses what
        cache_dir/posters/ already holds under the same input hash. Text that does not fit, a
        theme below 7:1 contrast or an unusable hotline becomes a positioned problem
        (error[poster-overflow], [poster-contrast], [poster-hotline], [poster-qr], [unknown-theme]).
        report.rendered / report.reused: file paths relative to site_dir; report.summary().

    html = gallery_html(content, lang, prefix, site_dir=None)
        The gallery page's body in `lang`, without rendering: thumbnails (lazy, sized, with alt
        text) and download links for every size and format, and the other language's files.
        `prefix` is the path from the page to the site root: "" for site/*.html, "../" for
        site/en/*.html.

Stages, one module each: spec (layouts.yml, themes.yml, contrast), text (fonts, wrapping,
shrinking), qr, plan (layout into a Plan or Faults), paint (Pillow, palette PNG), pdf (the same
plan as a vector PDF, drawn by ../vector_pdf.py), cache, files (names), run (the stage itself),
gallery.
"""

from .gallery import gallery_html
from .run import PosterReport, render_posters

__all__ = ["PosterReport", "gallery_html", "render_posters"]

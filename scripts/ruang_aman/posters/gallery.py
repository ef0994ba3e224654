"""The gallery page body: thumbnails and download links, computed from content alone (no render)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from ..model import Content, Language
from .files import outputs, thumb_path
from .spec import Spec, load_spec


def _size_note(site_dir: Path | None, path: str, lang: Language) -> str:
    """' (240 KB)' when the file is already on disk, else nothing."""
    if site_dir is None or not (site_dir / path).is_file():
        return ""
    kb = (site_dir / path).stat().st_size / 1024
    if kb < 1024:
        return f" ({kb:.0f} KB)"
    return f" ({lang.numbers.format(kb / 1024, 1)} MB)"


def _link_label(content: Content, spec: Spec, size: str, fmt: str, lang: str) -> str:
    label = f"{content.site.label(spec.sizes[size].label_key, lang)} · {fmt.upper()}"
    if fmt == "pdf":
        label += f" {content.site.label('poster_for_print', lang)}"
    return label


def gallery_html(content: Content, language: Language, prefix: str, site_dir: Path | None = None, spec: Spec | None = None) -> str:
    """HTML for the gallery page in `language`; `prefix` leads from the page to the site root ("" or "../").

    File sizes are shown only when `site_dir` is given and the posters are already rendered there.
    The other languages' files are those of every other language of `content` (the build's languages).
    """
    spec = spec or load_spec()
    lang = language.code
    others = [other for other in content.site.languages if other.code != lang]
    width, height = spec.thumbnail.width_px, spec.thumb_height()
    parts = ['<div class="poster-gallery">', f'<p class="poster-print-note">{escape(content.site.label("poster_print_note", lang))}</p>']
    for poster in sorted(content.posters, key=lambda p: p.slug):
        headline = poster.headline.pick(lang)
        first = outputs(spec, poster.slug, lang)[0]
        parts += [
            f'<figure class="poster-card" id="poster-{escape(poster.slug)}">',
            f'<a href="{escape(prefix + first.path)}"><img src="{escape(prefix + thumb_path(poster.slug, lang))}" loading="lazy" '
            f'decoding="async" width="{width}" height="{height}" alt="{escape(content.site.label("poster_alt", lang))}: {escape(headline)}"></a>',
            f'<figcaption><h2>{escape(headline)}</h2>',
            f'<p>{escape(poster.message.pick(lang))}</p>',
            f'<ul class="poster-downloads" aria-label="{escape(content.site.label("poster_downloads", lang))}">',
        ]
        for out in outputs(spec, poster.slug, lang):
            parts.append(f'<li><a href="{escape(prefix + out.path)}" download>{escape(_link_label(content, spec, out.size, out.format, lang))}</a>'
                         f'{escape(_size_note(site_dir, out.path, language))}</li>')
        parts.append("</ul>")
        for other in others:
            links = " · ".join(
                f'<a href="{escape(prefix + out.path)}" hreflang="{other.code}" download>{escape(_link_label(content, spec, out.size, out.format, lang))}</a>'
                for out in outputs(spec, poster.slug, other.code))
            parts.append(f'<p class="poster-other-lang">{escape(content.site.label("poster_also_in", lang))} <span lang="{other.code}">{escape(other.name)}</span>: {links}</p>')
        parts += ["</figcaption>", "</figure>"]
    parts.append("</div>")
    return "\n".join(parts) + "\n"

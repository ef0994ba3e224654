"""Every address the site uses, made in this one module: page files, relative links between languages,
absolute URLs (hreflang, sitemap, QR codes) derived from the one base URL in content_src/site.yml.

One slug per page in every language: `<slug>.html` at the root for the default language,
`<folder>/<slug>.html` for the others (file:// needs the .html).
"""

from __future__ import annotations

from .model import Language


def page_file(slug: str) -> str:
    """The file name of a page in every language."""
    return f"{slug}.html"


def lang_dir(lang: Language) -> str:
    """Folder of a language below the site root: '' for the default language, e.g. 'en/' otherwise."""
    return f"{lang.folder}/" if lang.folder else ""


def to_root(lang: Language) -> str:
    """Relative path from a page of `lang` back to the site root ('' or '../')."""
    return "../" * lang_dir(lang).count("/")


def site_path(slug: str, lang: Language) -> str:
    """A page's path below the site root, e.g. 'en/bantuan.html'."""
    return f"{lang_dir(lang)}{page_file(slug)}"


def relative_url(slug: str, lang: Language, from_lang: Language) -> str:
    """Link from any page of `from_lang` to the page `slug` in `lang`."""
    return f"{to_root(from_lang)}{site_path(slug, lang)}"


def language_root(base_url: str, lang: Language) -> str:
    """The absolute address of a language's folder (MkDocs' site_url for that language)."""
    return f"{base_url}{lang_dir(lang)}"


def page_url(base_url: str, slug: str, lang: Language) -> str:
    """Absolute URL of a page in a language, derived from the one base URL."""
    return f"{base_url}{site_path(slug, lang)}"


def shown_url(url: str) -> str:
    """An address as printed (under a QR code): without the scheme, which nobody types."""
    return url.split("://", 1)[-1]

"""sitemap.xml: every published page in every published language, each with its alternates (hreflang),
all made from the one base URL. Replaces MkDocs' per-language sitemaps (one per folder, dated by the build).
The search and not-found pages are left out (they carry noindex)."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from .contract import BuildContext, StageResult
from .model import Language, Page
from .urls import lang_dir, page_url

SITEMAP = "sitemap.xml"


def sitemap_xml(base_url: str, pages: tuple[Page, ...], languages: tuple[Language, ...]) -> str:
    """The sitemap: one <url> per page and language, with every language's address as an alternate."""
    default = next(lang for lang in languages if lang.default)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for page in pages:
        alternates = [f'<xhtml:link rel="alternate" hreflang="{lang.code}" href={quoteattr(page_url(base_url, page.slug, lang))}/>'
                      for lang in languages]
        alternates.append(f'<xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(page_url(base_url, page.slug, default))}/>')
        for lang in languages:
            out.append(f"<url><loc>{page_url(base_url, page.slug, lang)}</loc>{''.join(alternates)}</url>")
    out.append("</urlset>")
    return "\n".join(out) + "\n"


def sitemap_stage(ctx: BuildContext) -> StageResult:
    """Build stage: one sitemap.xml at the site root, in place of MkDocs' one per language."""
    staging = ctx.paths.staging
    for lang in ctx.languages:
        for name in (SITEMAP, SITEMAP + ".gz"):
            (staging / lang_dir(lang) / name).unlink(missing_ok=True)
    (staging / SITEMAP).write_text(sitemap_xml(ctx.content.site.base_url, ctx.pages, ctx.languages), encoding="utf-8")
    return StageResult(outputs=[("sitemap", f"{SITEMAP} ({len(ctx.pages) * len(ctx.languages)} addresses)")])

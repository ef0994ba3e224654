"""Render each page record into one Markdown file per language for MkDocs (docs/<lang>/)."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import yaml

from .contract import BuildContext, StageResult
from .placeholders import BY_NAME, MACRO_RE, find_macros
from .model import Content, Language, Page
from .parallel import pmap
from .translations import page_outdated
from .urls import page_url, relative_url, to_root

GENERATED = "GENERATED from {src} by scripts/ruang_aman/pages.py - do not edit; edit {src} and run make site."
PAGE_LINK_RE = re.compile(r"\]\(([a-z0-9-]+)\.html(#[^)]*)?\)")
# LibYAML's emitter writes the same text as PyYAML's ten times faster (the front matter of every page).
FRONT_MATTER_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class Renderer:
    """Fills a page's placeholders for one language; what each one shows is its record in placeholders.REGISTRY."""

    def __init__(self, content: Content, language: Language):
        self.content, self.language, self.lang = content, language, language.code
        self.site = content.site
        self.root = to_root(language)

    def t(self, text) -> str:
        """A translated text of the content in this language, escaped for HTML."""
        return escape(text.pick(self.lang) if text is not None else "")

    def label(self, key: str) -> str:
        """An interface word from site.yml in this language, escaped for HTML."""
        return escape(self.site.label(key, self.lang))

    def poster_gallery(self) -> str:
        """The poster gallery (the posters package draws it)."""
        from .posters import gallery_html

        return gallery_html(self.content, self.language, self.root)

    def kit_marker(self) -> str:
        """The marker the kit stage fills with the session kit's files (the kit package writes it)."""
        from .kit.page import marker

        return marker(self.lang)

    def render(self, name: str, *args: str) -> str:
        """What `{{ name args }}` shows in this language."""
        return BY_NAME[name].render(self, *args)

    def expand(self, markdown: str) -> str:
        """Replace every placeholder; page links become .md links so MkDocs checks them."""

        def one(match: re.Match) -> str:
            placeholder = BY_NAME[match.group(1)]
            html = placeholder.render(self, *match.group(2).split())
            return html if placeholder.inline else f"\n\n{html}\n\n"

        text = MACRO_RE.sub(one, markdown)
        return PAGE_LINK_RE.sub(lambda m: f"]({m.group(1)}.md{m.group(2) or ''})", text)


def render_page(page: Page, lang: Language, content: Content, languages: tuple[Language, ...]) -> str:
    """One language of one page as Markdown with front matter for the theme.

    Every language the build publishes is an alternate: hreflang (absolute) and the language switch.
    """
    site = content.site
    code = lang.code
    body = page.bodies.get(code)
    alternates = [
        {"lang": other.code, "href": relative_url(page.slug, other, lang),
         "url": page_url(site.base_url, page.slug, other), "name": escape(other.name), "default": other.default}
        for other in languages
    ]
    meta = {
        # Escaped: the theme prints page titles and descriptions as they are (data is text, never markup).
        "title": escape(page.title.pick(code)),
        "description": escape(page.description.pick(code)),
        "ra_lang": code,
        "ra_slug": page.slug,
        "ra_root": to_root(lang),
        "ra_alternates": alternates,
        "ra_draft": page.draft or not page.is_complete(tuple(x.code for x in languages)),
        "ra_outdated": not lang.default and page_outdated(page, content, code),
        # Page code loaded by this page only (theme/main.html): the self-check's script where it is shown.
        "ra_scripts": ["ra-check.js"] if body and any(m.name == "self-check" for m in find_macros(body.markdown)) else [],
    }
    header = "# " + GENERATED.format(src=page.path) + "\n"
    markdown = Renderer(content, lang).expand(body.markdown) if body else ""
    return "---\n" + header + yaml.dump(meta, Dumper=FRONT_MATTER_DUMPER, allow_unicode=True, sort_keys=False) + "---\n\n" + markdown


def doc_name(slug: str) -> str:
    """The generated Markdown file of a page (MkDocs turns it into page_file(slug))."""
    return f"{slug}.md"


def nav_for(pages: tuple[Page, ...], lang: Language, doors=()) -> list[dict]:
    """The navigation of one language: home, then one section per door (site.yml), then any page behind none."""
    published = {p.slug: p for p in pages}

    def entry(p: Page) -> dict[str, str]:
        return {escape(p.title.pick(lang.code)): doc_name(p.slug)}

    ordered = sorted((p for p in pages if p.nav is not None), key=lambda p: (p.nav, p.slug))
    behind = {slug for door in doors for slug in door.pages}
    nav: list[dict] = [entry(p) for p in ordered if p.slug == "index"]
    for door in doors:
        items = [entry(published[slug]) for slug in door.pages if slug in published]
        if items:
            nav.append({escape(door.title.pick(lang.code)): items})
    return nav + [entry(p) for p in ordered if p.slug != "index" and p.slug not in behind]


def write_pages(content: Content, docs_dir: Path, pages: tuple[Page, ...], languages: tuple[Language, ...]) -> None:
    """Write docs/<lang>/*.md for every published page; stale generated files and folders are removed.

    Files are rewritten only when their text changed, so a live preview does not loop.
    """
    docs_dir.mkdir(parents=True, exist_ok=True)
    for lang in languages:
        (docs_dir / lang.code).mkdir(parents=True, exist_ok=True)
    jobs = [(page, lang) for lang in languages for page in pages]
    # Rendering is light (0.3 ms a page): workers cost more than they save even at 2,000 pages (measured 0.7 s
    # here, 1.1-2.4 s with two workers), so only a very large site spreads it.
    pmap(_write_page, jobs, shared=(content, docs_dir, languages), min_items=10_000)
    for lang in languages:
        wanted = {doc_name(page.slug) for page in pages}
        for stale in (docs_dir / lang.code).glob("*.md"):
            if stale.name not in wanted:
                stale.unlink()


def _write_page(shared: tuple[Content, Path, tuple[Language, ...]], job: tuple[Page, Language]) -> None:
    """One page in one language, written only when its text changed."""
    content, docs_dir, languages = shared
    page, lang = job
    target = docs_dir / lang.code / doc_name(page.slug)
    text = render_page(page, lang, content, languages)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def pages_stage(ctx: BuildContext) -> StageResult:
    """Build stage: the generated Markdown of every published page in every published language."""
    write_pages(ctx.content, ctx.paths.docs, ctx.pages, ctx.languages)
    return StageResult()

"""Render each page record into one Markdown file per language for MkDocs (docs/<lang>/)."""

from __future__ import annotations

import re
from html import escape
from urllib.parse import urlsplit
from pathlib import Path

import yaml

from .charts import stats_html
from .contract import BuildContext, StageResult
from .macros import MACRO_RE
from .model import Contact, Content, Language, Page
from .parallel import pmap
from .phones import parse_phone
from .tokens import illustration
from .translations import page_outdated
from .urls import page_file, page_url, relative_url, to_root

GENERATED = "GENERATED from {src} by scripts/ruang_aman/pages.py - do not edit; edit {src} and run make site."
PAGE_LINK_RE = re.compile(r"\]\(([a-z0-9-]+)\.html(#[^)]*)?\)")


def page_showing(content: Content, macro: str) -> str:
    """The file of the first page whose text uses a placeholder (e.g. the poster gallery), else the home page."""
    from .macros import find_macros

    for page in content.pages:
        body = page.bodies.get(content.site.default.code)
        if body and any(m.name == macro for m in find_macros(body.markdown)):
            return page_file(page.slug)
    return page_file("index")


class Renderer:
    """Fills a page's placeholders for one language."""

    def __init__(self, content: Content, language: Language):
        self.content, self.language, self.lang = content, language, language.code
        self.site = content.site
        self.root = to_root(language)

    def t(self, text) -> str:
        return escape(text.pick(self.lang) if text is not None else "")

    def label(self, key: str) -> str:
        return escape(self.site.label(key, self.lang))

    def source_title(self, key: str) -> str:
        source = next((s for s in self.content.sources if s.key == key), None)
        return source.title if source else key

    # --- placeholders -------------------------------------------------------------------
    def hotlines(self) -> str:
        buttons = "".join(self._call_buttons(self.content.contact(k), big=True) for k in self.site.hotlines)
        return f'<div class="ra-hotlines" role="group" aria-label="{self.label("hotlines_title")}">{buttons}</div>'

    def _call_buttons(self, contact: Contact | None, big: bool = False) -> str:
        if contact is None:
            return ""
        out = []
        name = self.t(contact.name)
        if contact.phone:
            phone = parse_phone(contact.phone)
            out.append(
                f'<a class="ra-call{" ra-call--big" if big else ""}" href="{phone.tel}">'
                f'<span class="ra-call__label">{self.label("call")} {name}</span> '
                f'<span class="ra-call__number">{escape(phone.display)}</span></a>'
            )
        if contact.phone_alt:
            alt = parse_phone(contact.phone_alt)
            out.append(
                f'<a class="ra-call ra-call--alt" href="{alt.tel}">'
                f'<span class="ra-call__label">{self.label("phone_alt")} {name}</span> '
                f'<span class="ra-call__number">{escape(alt.display)}</span></a>'
            )
        if contact.whatsapp:
            wa = parse_phone(contact.whatsapp)
            out.append(
                f'<a class="ra-call ra-call--wa{" ra-call--big" if big else ""}" href="{wa.wa_me}" rel="noreferrer">'
                f'<span class="ra-call__label">{self.label("whatsapp")} {name}</span> '
                f'<span class="ra-call__number">{escape(wa.display)}</span></a>'
            )
        return "".join(out)

    def contact(self, key: str) -> str:
        return self._card(self.content.contact(key))

    def _card(self, contact: Contact | None) -> str:
        if contact is None:
            return ""
        rows = []
        if contact.address:
            rows.append(f"<dt>{self.label('address')}</dt><dd>{self.t(contact.address)}</dd>")
        if contact.hours:
            rows.append(f"<dt>{self.label('hours')}</dt><dd>{self.t(contact.hours)}</dd>")
        if contact.cost:
            rows.append(f"<dt>{self.label('cost')}</dt><dd>{self.t(contact.cost)}</dd>")
        source = escape(contact.source)
        if re.match(r"^https?://\S+$", contact.source):
            host = urlsplit(contact.source).netloc.removeprefix("www.")
            source = f'<a href="{source}" rel="noreferrer">{escape(host)}</a>'
        rows.append(f"<dt>{self.label('source')}</dt><dd>{source} ({self.label('verified_on')} {self.language.date(contact.verified_on)})</dd>")
        note = self.t(contact.note) if contact.note else self.label("no_number")
        buttons = self._call_buttons(contact) or f'<p class="ra-no-number">{note}</p>'
        if contact.note and (contact.phone or contact.whatsapp):
            buttons += f'<p class="ra-card__note">{note}</p>'
        return (
            f'<section class="ra-card" id="kontak-{contact.key}" data-contact="{contact.key}">'
            f'<h3>{self.t(contact.name)}</h3><p>{self.t(contact.role)}</p>'
            f'<div class="ra-card__actions">{buttons}</div>{self._caveat(contact)}<dl>{"".join(rows)}</dl></section>'
        )

    def _caveat(self, contact: Contact) -> str:
        """What a reader must know before relying on a contact, right below its numbers."""
        if contact.caveat is None:
            return ""
        return f'<p class="ra-caveat" role="note"><strong>{self.label("caveat")}:</strong> {self.t(contact.caveat)}</p>'

    def contacts(self, scope: str | None = None) -> str:
        cards = [self._card(c) for c in self.content.contacts if scope is None or c.scope == scope]
        return f'<div class="ra-cards">{"".join(cards)}</div>'

    def violence(self, group: str | None = None) -> str:
        out = []
        for kind in self.content.violence:
            if group and kind.group != group:
                continue
            examples = "".join(f"<li>{escape(x)}</li>" for x in kind.examples.pick(self.lang))
            signs = "".join(f"<li>{escape(x)}</li>" for x in kind.signs.pick(self.lang))
            out.append(
                f'<section class="ra-kind" id="{kind.key}"><h3>{self.t(kind.name)}</h3><p>{self.t(kind.definition)}</p>'
                f'<h4>{self.label("examples")}</h4><ul>{examples}</ul>'
                f'<h4>{self.label("signs")}</h4><ul>{signs}</ul>{self._signs_note(kind)}</section>'
            )
        return "".join(out)

    def _signs_note(self, kind) -> str:
        """Signs that no cited source lists are marked as the team's own (the study lists none)."""
        if kind.signs_source:
            return ""
        return f'<p class="ra-signs-note">{self.label("signs_unsourced")}</p>'

    def impacts(self) -> str:
        items = "".join(f"<li><strong>{self.t(i.name)}</strong>: {self.t(i.description)}</li>" for i in self.content.impacts)
        return f'<ul class="ra-impacts">{items}</ul>'

    def laws(self) -> str:
        out = []
        for law in self.content.laws:
            points = "".join(f"<li>{escape(x)}</li>" for x in law.protects.pick(self.lang))
            out.append(f'<section class="ra-law" id="{law.key}"><h3>{escape(law.short)}: {self.t(law.title)}</h3><ul>{points}</ul></section>')
        return "".join(out)

    def myths(self) -> str:
        out = [
            f'<div class="ra-myth"><p class="ra-myth__myth"><strong>{self.label("myth")}:</strong> {self.t(m.myth)}</p>'
            f'<p class="ra-myth__fact"><strong>{self.label("fact")}:</strong> {self.t(m.fact)}</p></div>'
            for m in self.content.myths
        ]
        return "".join(out)

    def steps(self) -> str:
        items = "".join(
            f'<li class="ra-step" id="langkah-{s.key}"><strong>{self.t(s.title)}</strong><span>{self.t(s.text)}</span></li>'
            for s in self.content.steps
        )
        return f'<ol class="ra-steps">{items}</ol>'

    def stats(self, key: str) -> str:
        dataset = next(d for d in self.content.datasets if d.key == key)
        labels = {k: self.site.label(k, self.lang) for k in ("total", "source", "category")}
        return stats_html(dataset, self.language, labels, self.source_title(dataset.source))

    def fact(self, key: str) -> str:
        fact = next(f for f in self.content.facts if f.key == key)
        return f'<span class="ra-fact" data-fact="{fact.key}">{fact.value}</span>'

    def sources(self) -> str:
        items = []
        for s in self.content.sources:
            bits = [escape(s.author)] if s.author else []
            bits.append(f"<cite>{escape(s.title)}</cite>")
            bits += [escape(str(x)) for x in (s.publisher, s.year) if x]
            where = f' <a href="{escape(s.url)}" rel="noreferrer">{escape(s.url)}</a>' if s.url else ""
            note = f" {self.t(s.note)}" if s.note else ""
            items.append(f'<li id="sumber-{s.key}">{", ".join(bits)}.{where}{note}</li>')
        return f'<ol class="ra-sources">{"".join(items)}</ol>'

    def erase(self) -> str:
        """The erase control: ruang-aman.js clears this site's data and leaves; without JavaScript it leads to the instructions."""
        return (
            f'<p class="ra-erase-box"><a class="ra-erase" href="#cara-menghapus" data-erase>{self.label("erase")}</a>'
            f'<span class="ra-erase__hint">{self.label("erase_hint")}</span></p>'
        )

    def link(self, slug: str) -> str:
        page = self.content.page(slug)
        # Link text in Markdown: escaped as HTML, and brackets escaped so a title cannot end the link early.
        title = escape(page.title.pick(self.lang)).replace("[", "\\[").replace("]", "\\]")
        return f"[{title}]({slug}.md)"

    def doors(self) -> str:
        """The home page's doors (site.yml doors): big ones with a picture first, then the rest as a list."""
        big, small = [], []
        for door in self.site.doors:
            page = self.content.page(door.pages[0])
            if page is None:
                continue
            picture = illustration(door.key)
            title = self.t(door.title)
            if picture:
                big.append(
                    f'<li><a class="ra-door ra-door--{door.key}" href="{page_file(page.slug)}">{picture}'
                    f'<span class="ra-door__title">{title}</span>'
                    f'<span class="ra-door__text">{self.t(page.description)}</span></a></li>'
                )
            else:
                small.append(f'<li><a href="{page_file(page.slug)}">{title}</a></li>')
        more = f'<ul class="ra-more">{"".join(small)}</ul>' if small else ""
        return f'<ul class="ra-doors">{"".join(big)}</ul>{more}'

    def self_check(self) -> str:
        """The self-check (self-check.yml): a list of questions with the explanations and hotlines; ra-check.js
        turns it into a form that shows a result without storing or sending anything."""
        from .selfcheck import self_check_html

        if self.content.self_check is None:
            return ""
        return self_check_html(self, self.content.self_check)

    def posters(self) -> str:
        from .posters import gallery_html

        return gallery_html(self.content, self.language, self.root)

    def kit(self) -> str:
        from .kit.page import marker

        return marker(self.lang)

    def expand(self, markdown: str) -> str:
        """Replace every placeholder; page links become .md links so MkDocs checks them."""

        def one(match: re.Match) -> str:
            name, args = match.group(1), match.group(2).split()
            html = getattr(self, name.replace("-", "_"))(*args)
            return html if name in ("fact", "link") else f"\n\n{html}\n\n"

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
        "ra_outdated": not lang.default and page_outdated(page, content),
    }
    header = "# " + GENERATED.format(src=page.path) + "\n"
    markdown = Renderer(content, lang).expand(body.markdown) if body else ""
    return "---\n" + header + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + markdown


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
    pmap(_write_page, jobs, shared=(content, docs_dir, languages))
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

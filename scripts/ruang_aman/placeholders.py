"""Placeholders in page Markdown that pull data in: `{{ contact sapa-129 }}`, `{{ myths }}`.

Numbers, statistics and contacts live in data files; prose names them with a placeholder and the page
renderer fills them in, so a number is typed once and every language shows the same.

Each placeholder is ONE record in REGISTRY: its arguments (how many, which values), the data it reads
(for the translation tracker), how it renders and how it is checked. The checker (checks.py), the
renderer (pages.Renderer), the list in the error hints and data_used_by (translations.py) all loop over
REGISTRY; adding a placeholder is adding a record here (and its words to the editing guide).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Callable, Iterable
from urllib.parse import urlsplit

from .charts import stats_html
from .model import Contact, Content
from .phones import parse_phone
from .tokens import illustration
from .urls import page_file

if TYPE_CHECKING:  # the renderer lives above (pages.py); placeholders only call its small helpers
    from .pages import Renderer

MACRO_RE = re.compile(r"\{\{\s*([a-z][a-z-]*)((?:\s+[a-z0-9-]+)*)\s*\}\}")


@dataclass(frozen=True)
class Placeholder:
    """One `{{ name args }}` placeholder: arguments, the data it reads, how it renders."""

    name: str
    help: str
    """What it shows and how to write it (printed in error hints)."""
    render: Callable[..., str]
    """(renderer, *args) -> HTML; Markdown for inline placeholders."""
    args: tuple[int, int] = (0, 0)
    """Fewest and most arguments."""
    choices: Callable[[Content], Iterable[str]] | None = None
    """The values an argument may take (None: any)."""
    reads: str | None = None
    """The content field whose keys the argument names: when that file could not be read, its error is
    already reported and arguments are not checked against it."""
    uses: Callable[[Content, tuple[str, ...]], list[str]] = lambda content, args: []
    """Translation keys (prefixes) of the data texts it shows: its English is outdated when they are."""
    inline: bool = False
    """Sits inside a sentence (fact, link); otherwise it is a block of its own."""
    same_in_every_language: bool = True
    """Every language of a page must show it in the same order (links may differ by language)."""
    links_to_page: bool = False
    """Its argument is a page slug: unknown is a broken link; a published page must not link to a draft."""

    def takes(self) -> str:
        low, high = self.args
        return f"{low}" if low == high else f"{low} to {high}"


# --- how each placeholder renders (r: pages.Renderer for one language) ------------------------------------

def _call_buttons(r: Renderer, contact: Contact | None, big: bool = False) -> str:
    if contact is None:
        return ""
    out = []
    name = r.t(contact.name)
    kinds = (("phone", "call", "", big), ("phone_alt", "phone_alt", " ra-call--alt", False), ("whatsapp", "whatsapp", " ra-call--wa", big))
    for field, label, extra, large in kinds:
        raw = getattr(contact, field)
        if not raw:
            continue
        number = parse_phone(raw)
        href, rel = (number.wa_me, ' rel="noreferrer"') if field == "whatsapp" else (number.tel, "")
        out.append(
            f'<a class="ra-call{extra}{" ra-call--big" if large else ""}" href="{href}"{rel}>'
            f'<span class="ra-call__label">{r.label(label)} {name}</span> '
            f'<span class="ra-call__number">{escape(number.display)}</span></a>'
        )
    return "".join(out)


def _caveat(r: Renderer, contact: Contact) -> str:
    """What a reader must know before relying on a contact, right below its numbers."""
    if contact.caveat is None:
        return ""
    return f'<p class="ra-caveat" role="note"><strong>{r.label("caveat")}:</strong> {r.t(contact.caveat)}</p>'


def _card(r: Renderer, contact: Contact | None) -> str:
    if contact is None:
        return ""
    rows = []
    for field in ("address", "hours", "cost"):
        if getattr(contact, field):
            rows.append(f"<dt>{r.label(field)}</dt><dd>{r.t(getattr(contact, field))}</dd>")
    source = escape(contact.source)
    if re.match(r"^https?://\S+$", contact.source):
        host = urlsplit(contact.source).netloc.removeprefix("www.")
        source = f'<a href="{source}" rel="noreferrer">{escape(host)}</a>'
    rows.append(f"<dt>{r.label('source')}</dt><dd>{source} ({r.label('verified_on')} {r.language.date(contact.verified_on)})</dd>")
    note = r.t(contact.note) if contact.note else r.label("no_number")
    buttons = _call_buttons(r, contact) or f'<p class="ra-no-number">{note}</p>'
    if contact.note and (contact.phone or contact.whatsapp):
        buttons += f'<p class="ra-card__note">{note}</p>'
    return (
        f'<section class="ra-card" id="kontak-{contact.key}" data-contact="{contact.key}">'
        f'<h3>{r.t(contact.name)}</h3><p>{r.t(contact.role)}</p>'
        f'<div class="ra-card__actions">{buttons}</div>{_caveat(r, contact)}<dl>{"".join(rows)}</dl></section>'
    )


def _hotlines(r: Renderer) -> str:
    buttons = "".join(_call_buttons(r, r.content.contact(k), big=True) for k in r.site.hotlines)
    return f'<div class="ra-hotlines" role="group" aria-label="{r.label("hotlines_title")}">{buttons}</div>'


def _contacts(r: Renderer, scope: str | None = None) -> str:
    cards = [_card(r, c) for c in r.content.contacts if scope is None or c.scope == scope]
    return f'<div class="ra-cards">{"".join(cards)}</div>'


def _violence(r: Renderer, group: str | None = None) -> str:
    out = []
    for kind in r.content.violence:
        if group and kind.group != group:
            continue
        examples = "".join(f"<li>{escape(x)}</li>" for x in kind.examples.pick(r.lang))
        signs = "".join(f"<li>{escape(x)}</li>" for x in kind.signs.pick(r.lang))
        # signs that no cited source lists are marked as the team's own (the study lists none)
        note = "" if kind.signs_source else f'<p class="ra-signs-note">{r.label("signs_unsourced")}</p>'
        out.append(
            f'<section class="ra-kind" id="{kind.key}"><h3>{r.t(kind.name)}</h3><p>{r.t(kind.definition)}</p>'
            f'<h4>{r.label("examples")}</h4><ul>{examples}</ul>'
            f'<h4>{r.label("signs")}</h4><ul>{signs}</ul>{note}</section>'
        )
    return "".join(out)


def _impacts(r: Renderer) -> str:
    items = "".join(f"<li><strong>{r.t(i.name)}</strong>: {r.t(i.description)}</li>" for i in r.content.impacts)
    return f'<ul class="ra-impacts">{items}</ul>'


def _laws(r: Renderer) -> str:
    out = []
    for law in r.content.laws:
        points = "".join(f"<li>{escape(x)}</li>" for x in law.protects.pick(r.lang))
        out.append(f'<section class="ra-law" id="{law.key}"><h3>{escape(law.short)}: {r.t(law.title)}</h3><ul>{points}</ul></section>')
    return "".join(out)


def _myths(r: Renderer) -> str:
    return "".join(
        f'<div class="ra-myth"><p class="ra-myth__myth"><strong>{r.label("myth")}:</strong> {r.t(m.myth)}</p>'
        f'<p class="ra-myth__fact"><strong>{r.label("fact")}:</strong> {r.t(m.fact)}</p></div>'
        for m in r.content.myths
    )


def _steps(r: Renderer) -> str:
    items = "".join(
        f'<li class="ra-step" id="langkah-{s.key}"><strong>{r.t(s.title)}</strong><span>{r.t(s.text)}</span></li>'
        for s in r.content.steps
    )
    return f'<ol class="ra-steps">{items}</ol>'


def _stats(r: Renderer, key: str) -> str:
    dataset = next(d for d in r.content.datasets if d.key == key)
    source = next((s.title for s in r.content.sources if s.key == dataset.source), dataset.source)
    labels = {k: r.site.label(k, r.lang) for k in ("total", "source", "category")}
    return stats_html(dataset, r.language, labels, source)


def _fact(r: Renderer, key: str) -> str:
    fact = next(f for f in r.content.facts if f.key == key)
    return f'<span class="ra-fact" data-fact="{fact.key}">{fact.value}</span>'


def _sources(r: Renderer) -> str:
    items = []
    for s in r.content.sources:
        bits = [escape(s.author)] if s.author else []
        bits.append(f"<cite>{escape(s.title)}</cite>")
        bits += [escape(str(x)) for x in (s.publisher, s.year) if x]
        where = f' <a href="{escape(s.url)}" rel="noreferrer">{escape(s.url)}</a>' if s.url else ""
        note = f" {r.t(s.note)}" if s.note else ""
        items.append(f'<li id="sumber-{s.key}">{", ".join(bits)}.{where}{note}</li>')
    return f'<ol class="ra-sources">{"".join(items)}</ol>'


def _link(r: Renderer, slug: str) -> str:
    # A .md link, so MkDocs checks it and turns it into the page's address. Link text in Markdown: escaped as
    # HTML, and brackets escaped so a title cannot end the link early.
    title = escape(r.content.page(slug).title.pick(r.lang)).replace("[", "\\[").replace("]", "\\]")
    return f"[{title}]({slug}.md)"


def _erase(r: Renderer) -> str:
    """The erase control: ruang-aman.js clears this site's data and leaves; without JavaScript it leads to the instructions."""
    return (
        f'<p class="ra-erase-box"><a class="ra-erase" href="#cara-menghapus" data-erase>{r.label("erase")}</a>'
        f'<span class="ra-erase__hint">{r.label("erase_hint")}</span></p>'
    )


def _doors(r: Renderer) -> str:
    """The home page's doors (site.yml doors): big ones with a picture first, then the rest as a list."""
    big, small = [], []
    for door in r.site.doors:
        page = r.content.page(door.pages[0])
        if page is None:
            continue
        picture = illustration(door.key)
        title = r.t(door.title)
        if picture:
            big.append(
                f'<li><a class="ra-door ra-door--{door.key}" href="{page_file(page.slug)}">{picture}'
                f'<span class="ra-door__title">{title}</span>'
                f'<span class="ra-door__text">{r.t(page.description)}</span></a></li>'
            )
        else:
            small.append(f'<li><a href="{page_file(page.slug)}">{title}</a></li>')
    more = f'<ul class="ra-more">{"".join(small)}</ul>' if small else ""
    return f'<ul class="ra-doors">{"".join(big)}</ul>{more}'


def _self_check(r: Renderer) -> str:
    """The self-check (self-check.yml): a list of questions with the explanations and hotlines; ra-check.js
    turns it into a form that shows a result without storing or sending anything."""
    from .selfcheck import self_check_html  # it calls back into the registry (hotlines, page_showing)

    return "" if r.content.self_check is None else self_check_html(r, r.content.self_check)


def _self_check_uses(content: Content, args: tuple[str, ...]) -> list[str]:
    check = content.self_check
    if check is None:
        return []
    return (["self-check.yml:"] + [f"violence.yml:{k}." for q in check.questions for k in q.kinds]
            + [f"myths.yml:{k}." for q in check.questions for k in q.myths])


def _all_of(file: str) -> Callable[[Content, tuple[str, ...]], list[str]]:
    return lambda content, args: [f"{file}:"]


def _keyed(file: str, records: str, attr: str | None = None) -> Callable[[Content, tuple[str, ...]], list[str]]:
    """Translation keys of the records of `file` an argument picks (by key, or by `attr` such as scope)."""
    def uses(content: Content, args: tuple[str, ...]) -> list[str]:
        items = getattr(content, records)
        if attr is None:
            return [f"{file}:{a}." for a in args]
        return [f"{file}:{x.key}." for x in items if not args or getattr(x, attr) == args[0]]
    return uses


REGISTRY: tuple[Placeholder, ...] = (
    Placeholder("hotlines", "the site's hotlines as tap-to-call buttons", _hotlines,
                uses=lambda content, args: [f"contacts.yml:{k}." for k in content.site.hotlines]),
    Placeholder("contact", "one contact as a tap-to-call card: {{ contact KEY }}", lambda r, key: _card(r, r.content.contact(key)),
                args=(1, 1), choices=lambda c: (x.key for x in c.contacts), reads="contacts", uses=_keyed("contacts.yml", "contacts")),
    Placeholder("contacts", "the service directory; optional scope: national or local", _contacts,
                args=(0, 1), choices=lambda c: ("national", "local"), uses=_keyed("contacts.yml", "contacts", "scope")),
    Placeholder("violence", "kinds of violence; optional group: general or child", _violence,
                args=(0, 1), choices=lambda c: ("general", "child"), uses=_keyed("violence.yml", "violence", "group")),
    Placeholder("impacts", "effects of violence on victims", _impacts, uses=_all_of("impacts.yml")),
    Placeholder("laws", "the laws and what they protect", _laws, uses=_all_of("laws.yml")),
    Placeholder("myths", "myths and facts", _myths, uses=_all_of("myths.yml")),
    Placeholder("steps", "the path after a report, as a step diagram", _steps, uses=_all_of("steps.yml")),
    Placeholder("stats", "a dataset as a chart with its table: {{ stats KEY }}", _stats,
                args=(1, 1), choices=lambda c: (d.key for d in c.datasets), reads="datasets", uses=_keyed("statistics.yml", "datasets")),
    Placeholder("fact", "one sourced figure inline: {{ fact KEY }}", _fact,
                args=(1, 1), choices=lambda c: (f.key for f in c.facts), reads="facts", inline=True),
    Placeholder("sources", "every source, for the About page", _sources, uses=_all_of("sources.yml")),
    Placeholder("link", "a link to another page with its title: {{ link SLUG }}", _link,
                args=(1, 1), choices=lambda c: (p.slug for p in c.pages), inline=True, same_in_every_language=False, links_to_page=True),
    Placeholder("posters", "the poster gallery", lambda r: r.poster_gallery(), uses=lambda content, args: ["posters/"]),
    Placeholder("erase", "the control that removes this site from the device (browsing-safety page)", _erase),
    Placeholder("kit", "the session kit's files with their sizes (filled in by the kit stage)", lambda r: r.kit_marker()),
    Placeholder("self-check", "the self-check 'Is this violence?' (self-check.yml), readable without JavaScript", _self_check,
                uses=_self_check_uses),
    Placeholder("doors", "the home page's doors (site.yml doors:), with their pictures", _doors,
                uses=lambda content, args: ["site.yml:doors."]),
)
BY_NAME: dict[str, Placeholder] = {p.name: p for p in REGISTRY}


@dataclass(frozen=True)
class Macro:
    """One placeholder found in a page, with its position in the page's file."""

    name: str
    args: tuple[str, ...]
    line: int
    col: int
    span: tuple[int, int]


def find_macros(markdown: str, first_line: int = 1) -> list[Macro]:
    """Every placeholder in a Markdown text, positioned relative to the file."""
    found = []
    for match in MACRO_RE.finditer(markdown):
        before = markdown[: match.start()]
        line = first_line + before.count("\n")
        col = match.start() - (before.rfind("\n") + 1) + 1
        found.append(Macro(match.group(1), tuple(match.group(2).split()), line, col, match.span()))
    return found


def page_showing(content: Content, name: str) -> str:
    """The file of the first page whose text uses a placeholder (e.g. the poster gallery), else the home page."""
    for page in content.pages:
        body = page.bodies.get(content.site.default.code)
        if body and any(m.name == name for m in find_macros(body.markdown)):
            return page_file(page.slug)
    return page_file("index")


def signature(markdown: str) -> list[tuple[str, tuple[str, ...]]]:
    """The data a text shows, in order: every language of a page must show the same."""
    return [(m.name, m.args) for m in find_macros(markdown)
            if m.name not in BY_NAME or BY_NAME[m.name].same_in_every_language]

"""The tri-fold leaflet: A4 landscape, two sides of three panels each, with fold marks."""

from __future__ import annotations

from ..model import Content
from ..posters.spec import Theme
from ..urls import page_url
from .blocks import caveat, contact_numbers, hotline_rows
from .deck import first_sentence
from .flow import MM, Block, Entries, Lines, Op, PageOps, Rule, Space, fit, moved, qr_block
from .model import Leaflet, Panel, Words
from .spec import LeafletSpec

PANELS = 3
SIDES = ("outside", "inside")
COVER = ("outside", 2)
"""The panel that is the front once folded: the right-hand panel of the outside."""


class LeafletLayout:
    """Lays out both sides; `pages()` raises flow.Overflow for a panel whose text cannot fit."""

    def __init__(self, content: Content, leaflet: Leaflet, lang: str, spec: LeafletSpec, theme: Theme, words: Words):
        self.content, self.leaflet, self.lang, self.spec, self.theme, self.words = content, leaflet, lang, spec, theme, words
        self.w, self.h = spec.page_pt
        self.panel_w = self.w / PANELS

    def t(self, text) -> str:
        return text.pick(self.lang)

    def pages(self) -> list[PageOps]:
        return [self.side(side) for side in SIDES]

    def side(self, side: str) -> PageOps:
        s, th = self.spec, self.theme
        ops: list[Op] = []
        pad = s.panel_margin_mm * MM
        for i, panel in enumerate(getattr(self.leaflet, side)):
            x = i * self.panel_w
            laid, _ = fit(self.blocks(panel, (side, i)), self.panel_w - 2 * pad, self.h - 2 * pad)
            ops += moved(laid, x + pad, pad)
        mark = s.fold_mark_mm * MM
        for i in range(1, PANELS):  # fold marks in the margins only: nothing printed on the fold itself
            x = i * self.panel_w
            ops += [Rule(x, 0, x, mark, th.text, 0.5, dash=1.5), Rule(x, self.h - mark, x, self.h, th.text, 0.5, dash=1.5)]
        return PageOps((self.w, self.h), th.background, tuple(ops))

    def blocks(self, panel: Panel, at: tuple) -> list[Block]:
        s, th, lang, site = self.spec, self.theme, self.lang, self.content.site
        blocks: list[Block] = []
        if at == COVER:
            blocks += [Lines((), [self.t(site.name).upper()], "bold", s.title.model_copy(update={"max_pt": 12, "min_pt": 10}), th.accent),
                       Space(mm=s.gap_mm)]
        title_style = s.cover_title if at == COVER else s.title
        blocks += [Lines(at + ("title", lang), [self.t(panel.title)], "bold", title_style, th.accent), Space(mm=s.gap_mm)]
        if panel.text:
            blocks += [Lines(at + ("text", lang), [self.t(panel.text)], "regular", s.text, th.text), Space(mm=s.gap_mm)]
        if panel.points:
            blocks += [Lines(at + ("points", lang), list(panel.points.pick(lang)), "regular", s.points, th.text, marker=th.accent),
                       Space(mm=s.gap_mm)]
        if panel.kinds:
            kinds = [k for k in self.content.violence if k.group == panel.kinds]
            blocks += [Entries(at + ("kinds",), [(self.t(k.name), first_sentence(self.t(k.definition))) for k in kinds], s.entry, th.text, th.accent),
                       Space(mm=s.gap_mm)]
        if panel.contacts:
            entries = []
            for key in panel.contacts:
                contact = self.content.contact(key)
                if contact is None:
                    continue
                shown = [number for _, number in contact_numbers(self.content, contact, lang)]
                name = self.t(contact.name) + (f": {' / '.join(shown)}" if shown else "")
                entries.append((name, " ".join(filter(None, [first_sentence(self.t(contact.role)), caveat(contact, lang)]))))
            blocks += [Entries(at + ("contacts",), entries, s.entry, th.text, th.accent), Space(mm=s.gap_mm)]
        if panel.hotlines:
            blocks += [hotline_rows(self.content, panel.hotlines, lang, s.hotline, th.text, th.accent, at + ("hotlines",)), Space(mm=s.gap_mm)]
        if panel.qr:
            url = page_url(site.base_url, panel.qr, site.language(lang))
            caption = self.words.get("scan_help" if panel.qr != "index" else "scan_site", lang)
            blocks.append(qr_block(url, s.qr_mm, caption, th.text, th.background, th.accent, 9, 8))
        return blocks


def leaflet_pages(content: Content, leaflet: Leaflet, lang: str, spec: LeafletSpec, theme: Theme, words: Words) -> list[PageOps]:
    """Both sides of the leaflet in a language (raises flow.Overflow)."""
    return LeafletLayout(content, leaflet, lang, spec, theme, words).pages()

"""A slide deck: every slide laid out on a 16:9 page, its facilitator notes attached as a PDF note."""

from __future__ import annotations

import re

from ..model import Content
from ..posters.spec import Theme
from ..urls import page_url
from .blocks import chart_block, facts_block, hotline_rows
from .flow import MM, Block, Box, Entries, Lines, Note, Op, PageOps, Space, Txt, fit, moved, qr_block, width
from .model import Deck, Slide, Words
from .spec import SlideSpec


def first_sentence(text: str) -> str:
    """The first sentence of a data text (slides show the short form; the site shows it all)."""
    match = re.match(r"(.+?[.!?])(\s|$)", text.strip())
    return match.group(1) if match else text.strip()


def source_line(content: Content, key: str, lang: str, words: Words) -> str:
    """'Sumber: Anissa Triana (2019), ...': the study a figure comes from."""
    source = next((s for s in content.sources if s.key == key), None)
    if source is None:
        return ""
    who = f"{source.author} ({source.year})" if source.author and source.year else source.title
    return f"{words.get('source', lang)}: {who}, {source.publisher or source.title}"


class DeckLayout:
    """Lays out one deck in one language; `pages()` raises flow.Overflow for text that cannot fit."""

    def __init__(self, content: Content, deck: Deck, lang: str, spec: SlideSpec, theme: Theme, words: Words):
        self.content, self.deck, self.lang, self.spec, self.theme, self.words = content, deck, lang, spec, theme, words
        self.w, self.h = spec.page_pt
        top, right, bottom, left = (m * MM for m in spec.margin_mm)
        self.x0, self.x1, self.top, self.bottom = left, self.w - right, top, self.h - bottom

    def t(self, text) -> str:
        return text.pick(self.lang)

    def pages(self) -> list[PageOps]:
        return [self.slide(i, slide) for i, slide in enumerate(self.deck.slides)]

    def _footer(self, i: int) -> list[Op]:
        s, th = self.spec, self.theme
        pt = s.footer_pt
        y = self.h - s.margin_mm[2] * MM / 2 + pt / 3
        right = f"{self.words.get('slide', self.lang)} {i + 1} {self.words.get('of', self.lang)} {len(self.deck.slides)}"
        brand = self.t(self.content.site.name).upper()
        return [Txt(self.x0, y, f"{brand} · {self.t(self.deck.title)}", "regular", pt, th.text),
                Txt(self.x1 - width(right, "regular", pt), y, right, "regular", pt, th.text)]

    def slide(self, i: int, slide: Slide) -> PageOps:
        s, th = self.spec, self.theme
        at = ("slides", i)
        ops: list[Op] = []
        w = self.x1 - self.x0
        if slide.kind == "title":
            ops.append(Box(0, 0, self.w, self.h * 0.62, th.panel))
            blocks: list[Block] = [
                Lines(at + ("title", self.lang), [self.t(slide.title)], "bold", s.cover_title, th.panel_text),
                Space(mm=s.gap_mm),
            ]
            if slide.text:
                blocks.append(Lines(at + ("text", self.lang), [self.t(slide.text)], "regular", s.text, th.panel_text))
            laid, h = fit(blocks, w, self.h * 0.62 - self.top - 10 * MM)
            ops += moved(laid, self.x0, self.h * 0.62 - 10 * MM - h)
            audience = Lines(("audience", self.lang), [self.t(self.deck.audience)], "regular", s.text, th.text)
            laid, h = fit([audience], w, self.bottom - self.h * 0.62 - 12 * MM)
            ops += moved(laid, self.x0, self.h * 0.62 + 10 * MM)
        else:
            ops.append(Box(self.x0, self.top, 40 * MM, s.bar_mm * MM, th.accent))
            y = self.top + s.bar_mm * MM + 4 * MM
            title, h = fit([Lines(at + ("title", self.lang), [self.t(slide.title)], "bold", s.title, th.accent)], w, 40 * MM)
            ops += moved(title, self.x0, y)
            y += h + s.gap_mm * MM
            body_h = self.bottom - y - 4 * MM
            if slide.kind == "help":
                ops += self._help(slide, at, y, body_h)
            else:
                laid, _ = fit(self._body(slide, at), w, body_h)
                ops += moved(laid, self.x0, y)
        ops += self._footer(i)
        ops.append(Note(self.w - 18, self.h - 18, self.t(slide.notes)))
        return PageOps((self.w, self.h), th.background, tuple(ops))

    def _body(self, slide: Slide, at: tuple) -> list[Block]:
        s, th, lang = self.spec, self.theme, self.lang
        blocks: list[Block] = []
        if slide.text:
            blocks += [Lines(at + ("text", lang), [self.t(slide.text)], "regular", s.text, th.text), Space(mm=s.gap_mm)]
        if slide.points:
            blocks.append(Lines(at + ("points", lang), list(slide.points.pick(lang)), "regular", s.points, th.text, marker=th.accent))
        if slide.kind == "facts":
            blocks.append(facts_block(self.content, slide.facts or [], lang, s.fact_number_pt, s.text.max_pt, th.text, th.accent))
        elif slide.kind == "kinds":
            kinds = [k for k in self.content.violence if k.group == slide.kinds]
            entries = [(self.t(k.name), first_sentence(self.t(k.definition))) for k in kinds]
            blocks.append(Entries(at + ("kinds",), entries, s.points.model_copy(update={"max_lines": 14}), th.text, th.accent))
        elif slide.kind == "myths":
            site = self.content.site
            myths = [m for key in slide.myths or [] for m in self.content.myths if m.key == key]
            entries = [(f"{site.label('myth', lang)}: {self.t(m.myth)}", f"{site.label('fact', lang)}: {first_sentence(self.t(m.fact))}") for m in myths]
            blocks.append(Entries(at + ("myths",), entries, s.points.model_copy(update={"max_lines": 14}), th.text, th.accent))
        elif slide.kind == "chart":
            dataset = next(d for d in self.content.datasets if d.key == slide.chart)
            note = f"{self.content.site.label('chart_note', lang)} {source_line(self.content, dataset.source, lang, self.words)}."
            blocks.append(chart_block(dataset, slide.series, lang, s.chart, th.text, th.accent, note))
        return blocks

    def _help(self, slide: Slide, at: tuple, y: float, body_h: float) -> list[Op]:
        s, th, lang = self.spec, self.theme, self.lang
        qr_w = s.qr_mm * MM
        left_w = self.x1 - self.x0 - qr_w - 12 * MM
        blocks: list[Block] = []
        if slide.text:
            blocks += [Lines(at + ("text", lang), [self.t(slide.text)], "regular", s.text.model_copy(update={"max_lines": 3}), th.text), Space(mm=s.gap_mm)]
        keys = slide.hotlines or list(self.content.site.hotlines)
        blocks.append(hotline_rows(self.content, keys, lang, s.hotline, th.text, th.accent, at + ("hotlines",)))
        laid, _ = fit(blocks, left_w, body_h)
        url = page_url(self.content.site.base_url, slide.page, self.content.site.language(lang))
        code, _ = fit([qr_block(url, s.qr_mm, self.words.get("scan_help", lang), th.text, th.background, th.accent, 14, 11)], qr_w, body_h + 4 * MM)
        return moved(laid, self.x0, y) + moved(code, self.x1 - qr_w, y)


def deck_pages(content: Content, deck: Deck, lang: str, spec: SlideSpec, theme: Theme, words: Words) -> list[PageOps]:
    """Every slide of a deck in a language as pages to draw (raises flow.Overflow)."""
    return DeckLayout(content, deck, lang, spec, theme, words).pages()

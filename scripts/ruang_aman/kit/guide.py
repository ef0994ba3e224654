"""The facilitator guide: an A4 document that flows onto as many pages as it needs."""

from __future__ import annotations

from ..model import Content
from .blocks import caveat, contact_numbers
from .deck import first_sentence
from .flow import MM, Box, Op, PageOps, Txt, metrics, width, wrap
from .model import Deck, Guide, Words
from ..posters.spec import Theme
from .spec import GuideSpec


class Writer:
    """Writes lines down A4 pages; a heading never ends a page without the text that follows it."""

    def __init__(self, spec: GuideSpec, title: str, theme: Theme):
        self.spec, self.title, self.ink, self.accent = spec, title, theme.text, theme.accent
        self.w, self.h = spec.page_pt
        top, right, bottom, left = (m * MM for m in spec.margin_mm)
        self.x0, self.x1, self.top, self.bottom = left, self.w - right, top, self.h - bottom
        self.pages: list[list[Op]] = []
        self.new_page()

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.top

    def room(self, needed: float) -> None:
        if self.y + needed > self.bottom:
            self.new_page()

    def lines(self, text: str, weight: str = "regular", pt: float | None = None, colour: str | None = None,
              indent: float = 0.0, marker: str | None = None, keep: float = 0.0) -> None:
        """A paragraph; `keep` asks for that much more room below its first line (headings)."""
        pt = pt or self.spec.body_pt
        colour = colour or self.ink
        step = pt * self.spec.leading
        ascent, _ = metrics(weight, pt)
        lines = wrap(text, weight, pt, self.x1 - self.x0 - indent) or [text]
        for i, line in enumerate(lines):
            self.room(step + (keep if i == 0 else 0))
            if marker and i == 0:
                self.pages[-1].append(Txt(self.x0 + indent - 4 * MM, self.y + ascent, marker, weight, pt, self.accent))
            self.pages[-1].append(Txt(self.x0 + indent, self.y + ascent, line, weight, pt, colour))
            self.y += step

    def gap(self, factor: float = 1.0) -> None:
        self.y += self.spec.gap_mm * MM * factor

    def heading(self, text: str, level: int = 2) -> None:
        s = self.spec
        pt = s.h2_pt if level == 2 else s.h3_pt
        self.gap(1.5 if level == 2 else 0.6)
        if level == 2:
            self.room(pt * 1.3 + 3 * s.body_pt * s.leading)
            self.pages[-1].append(Box(self.x0, self.y, 18 * MM, 1.2 * MM, self.accent))
            self.y += 3 * MM
        self.lines(text, "bold", pt, self.accent if level == 2 else self.ink, keep=2 * s.body_pt * s.leading)
        self.gap(0.4)

    def finish(self) -> list[PageOps]:
        s = self.spec
        out = []
        for n, ops in enumerate(self.pages, 1):
            footer = f"{self.title} · {n}/{len(self.pages)}"
            y = self.h - s.margin_mm[2] * MM / 2
            ops = ops + [Txt(self.x1 - width(footer, "regular", s.footer_pt), y, footer, "regular", s.footer_pt, self.ink)]
            out.append(PageOps((self.w, self.h), "#FFFFFF", tuple(ops)))
        return out


def guide_pages(content: Content, guide: Guide, decks: list[Deck], lang: str, spec: GuideSpec, theme: Theme,
                words: Words) -> list[PageOps]:
    """The whole guide in a language: session plan, safety, who to call, questions, notes per slide."""

    def t(text) -> str:
        return text.pick(lang)

    title = t(guide.title)
    w = Writer(spec, title, theme)
    w.lines(t(content.site.name).upper(), "bold", spec.h3_pt, theme.accent)
    w.gap(0.5)
    w.lines(title, "bold", spec.title_pt, theme.accent)
    w.gap()
    w.lines(t(guide.intro))
    w.heading(f"{t(guide.session_title)} ({guide.session_minutes} {words.get('minutes', lang)})")
    start = 0
    for step in guide.session:
        w.heading(f"{start}-{start + step.minutes} {words.get('minutes', lang)}: {t(step.title)}", 3)
        w.lines(t(step.text))
        start += step.minutes
    for section in guide.sections:
        w.heading(t(section.title))
        if section.text:
            w.lines(t(section.text))
            w.gap(0.5)
        for point in (section.points.pick(lang)) if section.points else []:
            w.lines(point, indent=5 * MM, marker="•")
            w.gap(0.3)
    w.heading(t(guide.contacts_title))
    for key in guide.contacts:
        contact = content.contact(key)
        if contact is None:
            continue
        numbers = [f"{label} {shown}" for label, shown in contact_numbers(content, contact, lang)]
        w.lines(t(contact.name) + (": " + " · ".join(numbers) if numbers else ""), "bold", keep=spec.body_pt * spec.leading)
        w.lines(" ".join(filter(None, [first_sentence(t(contact.role)), t(contact.note) if contact.note and not numbers else "",
                                       caveat(contact, lang)])))
        w.gap(0.5)
    w.heading(t(guide.questions_title))
    for item in guide.questions:
        w.lines(t(item.q), "bold", keep=spec.body_pt * spec.leading)
        w.lines(t(item.a))
        w.gap(0.6)
    w.heading(t(guide.notes_title))
    w.lines(t(guide.notes_intro))
    for deck in decks:
        w.heading(f"{words.get('deck', lang)}: {t(deck.title)} ({t(deck.audience)})")
        for i, slide in enumerate(deck.slides, 1):
            w.lines(f"{words.get('slide', lang)} {i}: {t(slide.title)}", "bold", keep=spec.body_pt * spec.leading)
            w.lines(t(slide.notes))
            w.gap(0.5)
    return w.finish()

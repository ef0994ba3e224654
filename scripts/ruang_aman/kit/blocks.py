"""Blocks the kit draws from the data files: hotline numbers, facts, and the study's figures as bar charts."""

from __future__ import annotations

from ..model import Contact, Content, Dataset
from ..phones import InvalidPhone, parse_phone
from .flow import MM, Box, Drawn, Op, Txt, metrics, moved, width, wrap
from .spec import Chart, Hotline


def number(value: int, lang: str) -> str:
    """A figure as the language writes it (1.234 in Indonesian, 1,234 in English)."""
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "id" else text


def contact_numbers(content: Content, contact: Contact, lang: str) -> list[tuple[str, str]]:
    """(label, number) for each way to reach a contact, as the site shows them: phone, its other dialling, WhatsApp."""
    out = []
    for attr, label in (("phone", "call"), ("phone_alt", "phone_alt"), ("whatsapp", "whatsapp")):
        raw = getattr(contact, attr, None)
        if raw:
            try:
                out.append((content.site.label(label, lang), parse_phone(raw).display))
            except InvalidPhone:  # the loader has reported it; print nothing rather than a wrong number
                continue
    return out


def caveat(contact: Contact, lang: str) -> str:
    """What a reader must know before relying on a contact's details (shown next to its number)."""
    text = getattr(contact, "caveat", None)
    return (text.pick(lang)) if text else ""


TWO_COLUMNS_MM = 150
"""From this width on, three or more contacts are set in two columns: the numbers stay large."""


def hotline_rows(content: Content, keys: list[str], lang: str, spec: Hotline, colour: str, accent: str, path: tuple = ()) -> Drawn:
    """Each contact's name, then its numbers in large bold type, then its caveat in small type."""
    groups: list[list[tuple[str, str, str]]] = []  # per contact: (label, number, small print)
    for key in keys:
        contact = content.contact(key)
        if contact is None:
            continue
        name = contact.name.pick(lang)
        numbers = contact_numbers(content, contact, lang)
        rows = []
        if not numbers:
            note = contact.note.get(lang) if contact.note else content.site.label("no_number", lang)
            rows.append((name, "", note or ""))
        for i, (label, shown) in enumerate(numbers):
            rows.append((f"{label} {name}" if i == 0 else label, shown, ""))
        if caveat(contact, lang):
            rows.append(("", "", caveat(contact, lang)))
        groups.append(rows)

    def column(rows: list[tuple[str, str, str]], w: float, s: float) -> tuple[list[Op], float]:
        name_pt, number_pt, small_pt = spec.name_pt * s, spec.number_pt * s, spec.name_pt * s * 0.72
        ops: list[Op] = []
        y = 0.0
        for label, shown, small in rows:
            for text, pt in ((label, name_pt), (small, small_pt)):
                if not text:
                    continue
                a, _ = metrics("regular", pt)
                for line in wrap(text, "regular", pt, w) or [text]:
                    ops.append(Txt(0, y + a, line, "regular", pt, colour))
                    y += pt * 1.2
                if text is small:
                    y += spec.row_gap_mm * MM * s
            if shown:
                pt = number_pt
                while width(shown, "bold", pt) > w and pt > 6:
                    pt *= 0.95
                a, d = metrics("bold", pt)
                ops.append(Txt(0, y + a * 0.8, shown, "bold", pt, accent))  # digits have no accents above
                y += a * 0.8 + d + spec.row_gap_mm * MM * s
        return ops, y

    def draw(w: float, scale: float) -> tuple[list[Op], float]:
        s = max(scale, 0.45)
        if len(groups) < 3 or w < TWO_COLUMNS_MM * MM:
            return column([row for rows in groups for row in rows], w, s)
        gap = 8 * MM
        half = (w - gap) / 2
        heights = [column(rows, half, s)[1] for rows in groups]
        # the split that makes the taller column shortest; contacts keep their order, left then right
        split = min(range(1, len(groups)), key=lambda k: max(sum(heights[:k]), sum(heights[k:])))
        left, h_left = column([row for rows in groups[:split] for row in rows], half, s)
        right, h_right = column([row for rows in groups[split:] for row in rows], half, s)
        return left + moved(right, half + gap, 0), max(h_left, h_right)

    return Drawn(path, draw=draw, min_scale=0.45,
                 advice="list fewer hotlines here (hotlines: [...]), or shorten the text above them.")


def facts_block(content: Content, keys: list[str], lang: str, number_pt: float, text_pt: float, colour: str, accent: str) -> Drawn:
    """Each fact as its figure in large type with its label beside it."""
    facts = [f for key in keys for f in content.facts if f.key == key]

    def draw(w: float, scale: float) -> tuple[list[Op], float]:
        big, small = number_pt * max(scale, 0.6), text_pt * max(scale, 0.7)
        col = max(width(number(f.value, lang), "bold", big) for f in facts) + 6 * MM
        ops: list[Op] = []
        y = 0.0
        for fact in facts:
            a, _ = metrics("bold", big)
            lines = wrap(fact.label.pick(lang), "regular", small, w - col) or [""]
            ops.append(Txt(col - 6 * MM - width(number(fact.value, lang), "bold", big), y + a * 0.8, number(fact.value, lang), "bold", big, accent))
            ty = y + a * 0.8 - (len(lines) - 1) * small * 1.25 / 2
            for line in lines:
                ops.append(Txt(col, ty, line, "regular", small, colour))
                ty += small * 1.25
            y += max(a * 0.8, len(lines) * small * 1.25) + 5 * MM * max(scale, 0.5)
        return ops, y

    return Drawn(draw=draw)


def chart_block(dataset: Dataset, series_key: str | None, lang: str, spec: Chart,
                colour: str, accent: str, note: str) -> Drawn:
    """Horizontal bars with each value written beside its bar, so the chart reads in black and white.

    Without a series: one bar per series, its total over all periods. With one: its value per period.
    """
    if series_key is None:
        bars = [(s.label.pick(lang), s.total if s.total is not None else sum(s.values)) for s in dataset.series]
    else:
        series = next(s for s in dataset.series if s.key == series_key)
        bars = [(str(period), value) for period, value in zip(dataset.periods, series.values)]
    peak = max(v for _, v in bars) or 1

    def draw(w: float, scale: float) -> tuple[list[Op], float]:
        label_pt, value_pt, note_pt = spec.label_pt * max(scale, 0.75), spec.value_pt * max(scale, 0.75), spec.note_pt
        label_w = min(w * 0.38, max(width(label, "regular", label_pt) for label, _ in bars) + 4 * MM)
        value_w = max(width(number(v, lang), "bold", value_pt) for _, v in bars) + 3 * MM
        bar_h = label_pt * 1.35
        gap = spec.bar_gap_mm * MM * max(scale, 0.5)
        ops: list[Op] = []
        y = 0.0
        for label, value in bars:
            a, _ = metrics("regular", label_pt)
            base = y + bar_h / 2 + a / 2.6
            ops.append(Txt(label_w - 3 * MM - width(label, "regular", label_pt), base, label, "regular", label_pt, colour))
            length = (w - label_w - value_w) * value / peak
            if length > 0:
                ops.append(Box(label_w, y, length, bar_h, accent))
            ops.append(Txt(label_w + length + 2 * MM, base, number(value, lang), "bold", value_pt, colour))
            y += bar_h + gap
        y += 1 * MM
        for line in wrap(note, "regular", note_pt, w) or [note]:
            a, _ = metrics("regular", note_pt)
            ops.append(Txt(0, y + a, line, "regular", note_pt, colour))
            y += note_pt * 1.3
        return ops, y

    return Drawn(draw=draw)

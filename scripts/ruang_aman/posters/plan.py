"""Layout: a poster, a language and a size become a Plan (what to draw where, in pixels) or Faults.

All measuring happens here, in the main process and before anything is drawn, so a text that does
not fit is reported for every poster at once, and the Plan itself (plain data) is what the cache
key hashes and what the painter draws.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ..model import Content, Contact, Poster
from ..phones import InvalidPhone, parse_phone
from . import text as T
from ..urls import page_url, shown_url
from .qr import modules
from .spec import Range, Size, TextField, Theme

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class TextOp:
    """One line of text, drawn from its left end on its baseline."""

    x: int
    y: int
    text: str
    weight: str
    px: int
    colour: str
    role: str


@dataclass(frozen=True)
class RectOp:
    box: tuple[int, int, int, int]
    colour: str
    radius: int = 0


@dataclass(frozen=True)
class QrOp:
    """A QR code, quiet zone included, with square modules of `module` pixels."""

    x: int
    y: int
    module: int
    url: str
    dark: str
    light: str

    @property
    def width(self) -> int:
        return self.module * modules(self.url)


Op = TextOp | RectOp | QrOp


@dataclass(frozen=True)
class Plan:
    """Everything the painter needs, and nothing else: the cache key is a hash of it."""

    slug: str
    lang: str
    size: str
    width: int
    height: int
    dpi: int
    palette: tuple[str, ...]
    title: str
    url: str
    ops: tuple[Op, ...] = field(default=())

    def texts(self, role: str | None = None) -> list[TextOp]:
        return [op for op in self.ops if isinstance(op, TextOp) and (role is None or op.role == role)]

    def qr(self) -> QrOp:
        return next(op for op in self.ops if isinstance(op, QrOp))

    def as_data(self) -> dict:
        """Plain data for hashing: every op tagged with its kind."""
        return {**{k: v for k, v in dataclasses.asdict(self).items() if k != "ops"},
                "ops": [[type(op).__name__, dataclasses.asdict(op)] for op in self.ops]}


@dataclass(frozen=True)
class Fault:
    """A poster that cannot be laid out: the code, the path of the field inside the record, why."""

    code: str
    path: Path_
    name: str
    detail: str
    hint: str


class _NoFit(Exception):
    def __init__(self, fault: Fault):
        self.fault = fault


def text_bbox(op: TextOp) -> tuple[int, int, int, int]:
    """The ink box of a text op in page pixels."""
    l, t, r, b = T.font(op.weight, op.px).getbbox(op.text, anchor="ls")
    return (op.x + l, op.y + t, op.x + r, op.y + b)


def shift(ops: list[Op], dx: int, dy: int) -> list[Op]:
    out: list[Op] = []
    for op in ops:
        if isinstance(op, RectOp):
            x0, y0, x1, y1 = op.box
            out.append(dataclasses.replace(op, box=(x0 + dx, y0 + dy, x1 + dx, y1 + dy)))
        else:
            out.append(dataclasses.replace(op, x=op.x + dx, y=op.y + dy))
    return out


class Layout:
    """Lays out one poster in one language at one size; `plan()` returns a Plan or raises _NoFit."""

    def __init__(self, content: Content, poster: Poster, lang: str, size: Size, theme: Theme):
        self.content, self.poster, self.lang, self.size, self.theme = content, poster, lang, size, theme
        s = size
        self.top, self.right, self.bottom, self.left = (s.px(m) for m in s.margin_mm)
        self.x0, self.x1 = self.left, s.width_px - self.right
        self.url = page_url(content.site.base_url, poster.page, content.site.language(lang))

    # -- text blocks -------------------------------------------------------------------------

    def _text(self, value) -> str:
        """A poster text in this language; the first language stands in for a missing one."""
        return value.pick(self.lang)

    def _fit(self, items: list[str], weight: str, rng: Range, width: int, max_lines: int, path: Path_,
             name: str, scale: float = 1.0, breaks: str = T.WORD_BREAKS) -> T.Fit:
        s = self.size
        min_px = s.pt_px(rng.min_pt)
        max_px = max(min_px, round(s.pt_px(rng.max_pt) * scale))
        result = T.fit(items, weight, max_px, min_px, width, max_lines, breaks)
        if isinstance(result, T.Fit):
            return result
        where = path + ((result.item,) if result.item is not None and len(items) > 1 else ())
        label = name + (f"[{result.item}]" if result.item is not None and len(items) > 1 else "")
        smallest = f"{rng.min_pt:.0f} pt" if s.kind == "poster" else f"{min_px} px"
        if result.lines_needed is None:
            raise _NoFit(Fault("poster-overflow", where, label,
                               f"the word '{result.word}' is wider than the line even at {smallest}",
                               "use a shorter word, or split it with a hyphen."))
        chars = sum(len(i) for i in items)
        about = max(1, chars * max_lines // result.lines_needed)
        raise _NoFit(Fault("poster-overflow", where, label,
                           f"needs {result.lines_needed} lines at {smallest} (the smallest size) but there is room for {max_lines}",
                           f"shorten it to about {about} characters (now {chars})."))

    def _lines(self, fitted: T.Fit, weight: str, colour: str, x: int, y: int, leading: float, role: str,
               item_gap: int = 0, marker: tuple[str, str, int] | None = None, tight: bool = False) -> tuple[list[Op], int]:
        """Draw fitted lines from top y; returns ops and the bottom of the last line's descent.

        `tight` measures the ink of the text itself (a number has no accents and no descenders).
        """
        asc, desc = T.metrics(weight, fitted.px)
        if tight:
            _, top, _, bottom = T.font(weight, fitted.px).getbbox(" ".join(fitted.items[0]), anchor="ls")
            asc, desc = -top, bottom
        step = round(fitted.px * leading)
        ops: list[Op] = []
        baseline = y + asc
        for n, item in enumerate(fitted.items):
            if n:
                baseline += item_gap
            for i, line in enumerate(item):
                if marker and i == 0:
                    ops.append(TextOp(x - marker[2], baseline, marker[0], weight, fitted.px, marker[1], role + "-marker"))
                ops.append(TextOp(x + T.overhang(line, weight, fitted.px), baseline, line, weight, fitted.px, colour, role))
                baseline += step
        return ops, baseline - step + desc

    def _block(self, items: list[str], weight: str, spec: TextField, colour: str, y: int, path: Path_, name: str,
               scale: float, bullets: bool = False) -> tuple[list[Op], int]:
        s = self.size
        indent = s.px(spec.indent_mm) if bullets else 0
        fitted = self._fit(items, weight, spec, self.x1 - self.x0 - indent, spec.max_lines, path, name, scale)
        marker = ("•", self.theme.accent, indent) if bullets else None
        return self._lines(fitted, weight, colour, self.x0 + indent, y, spec.leading, name,
                           item_gap=s.px(spec.item_gap_mm), marker=marker)

    # -- the top: brand, headline, message, bullets -----------------------------------------

    def _top(self, scale: float) -> tuple[list[Op], int, str]:
        s, th, p = self.size, self.theme, self.poster
        ops: list[Op] = [RectOp((self.x0, self.top, self.x1, self.top + s.px(s.brand.bar_mm)), th.accent)]
        y = self.top + s.px(s.brand.bar_mm) + s.px(s.brand.gap_mm)
        brand = self._fit([self._text(self.content.site.name).upper()], "bold", Range(max_pt=s.brand.size_pt, min_pt=s.brand.size_pt * 0.6),
                          self.x1 - self.x0, 1, (), "site name")
        more, y = self._lines(brand, "bold", th.accent, self.x0, y, 1.0, "brand")
        ops += more
        last = "headline"
        y += s.px(s.gap_mm)
        more, y = self._block([self._text(p.headline)], "bold", s.headline, th.accent, y, ("headline", self.lang), "headline", scale)
        ops += more
        if s.message is not None:
            y += s.px(s.gap_mm)
            more, y = self._block([self._text(p.message)], "regular", s.message, th.text, y, ("message", self.lang), "message", scale)
            ops += more
            last = "message"
        if s.bullets is not None and p.bullets is not None:
            y += s.px(s.gap_mm)
            more, y = self._block(list(self._text(p.bullets)), "regular", s.bullets, th.text, y, ("bullets", self.lang), "bullets", scale, bullets=True)
            ops += more
            last = "bullets"
        return ops, y, last

    # -- the bottom: hotline panel and QR column -------------------------------------------

    def _number(self, contact: Contact, i: int, attrs: tuple[str, ...] = ("phone", "whatsapp")) -> tuple[str, str] | None:
        """(label, number) of a contact: the phone, else the WhatsApp number."""
        for attr, label in (("phone", "call"), ("whatsapp", "whatsapp")):
            if attr not in attrs:
                continue
            raw = getattr(contact, attr)
            if raw:
                try:
                    return self.content.site.label(label, self.lang), parse_phone(raw).display
                except InvalidPhone:
                    raise _NoFit(Fault("poster-hotline", ("hotlines", i), f"hotlines[{i}]",
                                       f"contact '{contact.key}' has an invalid {attr} number", "fix it in contacts.yml.")) from None
        return None

    def _contact(self, i: int) -> Contact:
        key = self.poster.hotlines[i]
        contact = self.content.contact(key)
        if contact is None:
            raise _NoFit(Fault("poster-hotline", ("hotlines", i), f"hotlines[{i}]", f"'{key}' is not a contact in contacts.yml",
                               "use a key from contacts.yml."))
        return contact

    def _panel(self, width: int) -> tuple[list[Op], int]:
        s, th, h = self.size, self.theme, self.size.hotlines
        pad, gap = s.px(h.padding_mm), s.px(h.line_gap_mm)
        inner = width - 2 * pad
        x = pad
        ops: list[Op] = []
        y = pad

        def line(texts: list[str], weight: str, rng: Range, lines: int, path: Path_, name: str, role: str) -> None:
            nonlocal y
            fitted = self._fit(texts, weight, rng, inner, lines, path, name)
            tight = role.endswith("number")
            if tight:
                y += gap  # the number's own ink box: give it air above
            more, y = self._lines(fitted, weight, th.panel_text, x, y, 1.1, role, tight=tight)
            if tight:
                y += gap
            ops.extend(more)
            y += gap

        def fixed(pt: float) -> Range:
            return Range(max_pt=pt, min_pt=pt * 0.75)

        if h.title_pt is not None:
            line([self.content.site.label("hotlines_title", self.lang)], "bold", fixed(h.title_pt), 2, ("hotlines",), "hotlines title", "panel-title")
        first = self._contact(0)
        name = self._text(first.name)
        phone = self._number(first, 0) if first.phone else None
        if phone:
            line([f"{phone[0]} {name}"], "regular", fixed(h.label_pt), 2, ("hotlines", 0), "hotlines[0]", "hotline-label")
            line([phone[1]], "bold", h.number, 1, ("hotlines", 0), "hotlines[0]", "hotline-number")
            if first.phone_alt:  # the same service dialled another way (SAPA: 021-129), as the site shows it
                alt = f"{self.content.site.label('phone_alt', self.lang)}: {parse_phone(first.phone_alt).display}"
                line([alt], "regular", fixed(h.label_pt), 2, ("hotlines", 0), "hotlines[0]", "hotline-alt")
        if first.whatsapp:
            label = self.content.site.label("whatsapp", self.lang)
            line([label if phone else f"{label} {name}"], "regular", fixed(h.label_pt), 2, ("hotlines", 0), "hotlines[0]", "whatsapp-label")
            wa = self._number(first, 0, ("whatsapp",))
            line([wa[1]], "bold", h.whatsapp if phone else h.number, 1, ("hotlines", 0), "hotlines[0]", "whatsapp-number")
        if not phone and not first.whatsapp:
            raise _NoFit(Fault("poster-hotline", ("hotlines", 0), "hotlines[0]", f"contact '{first.key}' has no number to print",
                               "put a contact with a phone or WhatsApp number first."))
        if h.others is not None and len(self.poster.hotlines) > 1:
            rule = max(1, s.px(0.4))
            ops.append(RectOp((x, y, x + inner, y + rule), th.panel_text))
            y += rule + gap
            for i in range(1, len(self.poster.hotlines)):
                contact = self._contact(i)
                number = self._number(contact, i)
                if number is None:
                    raise _NoFit(Fault("poster-hotline", ("hotlines", i), f"hotlines[{i}]", f"contact '{contact.key}' has no number to print",
                                       "choose a contact with a phone or WhatsApp number."))
                y = self._row(ops, self._text(contact.name), number[1], x, y, inner, i) + gap
        return ops, y - gap + pad

    def _row(self, ops: list[Op], name: str, number: str, x: int, y: int, inner: int, i: int) -> int:
        """A further hotline: its name on the left, its number on the right, one baseline."""
        s, th, rng = self.size, self.theme, self.size.hotlines.others
        space = s.px(3)
        for px in T.sizes(s.pt_px(rng.max_pt), s.pt_px(rng.min_pt)):
            name_px = round(px * 0.7)
            wn, wd = T.width(name, "regular", name_px), T.width(number, "bold", px)
            if wn + space + wd <= inner:
                asc, desc = T.metrics("bold", px)
                ops.append(TextOp(x, y + asc, name, "regular", name_px, th.panel_text, "other-name"))
                ops.append(TextOp(x + inner - round(wd), y + asc, number, "bold", px, th.panel_text, "other-number"))
                return y + asc + desc
        raise _NoFit(Fault("poster-overflow", ("hotlines", i), f"hotlines[{i}]",
                           f"'{name} {number}' does not fit on one line at {rng.min_pt:.0f} pt", "use a contact with a shorter name."))

    def _qr_column(self, width: int) -> tuple[list[Op], int]:
        s, th, q = self.size, self.theme, self.size.qr
        n = modules(self.url)
        module = min(s.px(q.size_mm), width) // n
        if s.mm(module) < q.module_min_mm:
            raise _NoFit(Fault("poster-qr", ("page",), "page",
                               f"the QR code for {self.url} would have {s.mm(module):.2f} mm modules, below {q.module_min_mm:.2f} mm",
                               "a shorter base_url or page slug makes a smaller code."))
        side = module * n
        ops: list[Op] = [QrOp((width - side) // 2, 0, module, self.url, th.text, th.background)]
        y = side + s.px(q.gap_mm) // 2
        caption = self._fit([self.content.site.label("poster_scan", self.lang)], "bold", Range(max_pt=q.caption_pt, min_pt=q.caption_pt * 0.7), width, q.caption_lines,
                            ("page",), "QR caption")
        more, y = self._lines(caption, "bold", th.accent, 0, y, 1.15, "qr-caption")
        ops += more
        y += s.px(1.5)
        url = self._fit([shown_url(self.url)], "regular", q.url, width, q.url_lines, ("page",), "QR address", breaks=T.URL_BREAKS)
        more, y = self._lines(url, "regular", th.text, 0, y, 1.2, "qr-url")
        return ops + more, y

    # -- the whole page ---------------------------------------------------------------------

    def plan(self) -> Plan:
        s, h = self.size, self.size.hotlines
        panel_w = min(s.px(h.width_mm), self.x1 - self.x0)
        qx = self.x0 + panel_w + s.px(s.qr.gap_mm)
        panel, panel_h = self._panel(panel_w)
        column, column_h = self._qr_column(self.x1 - qx)
        bottom_h = max(panel_h, column_h)
        y_bottom = s.height_px - self.bottom - bottom_h
        ops: list[Op] = [RectOp((self.x0, y_bottom, self.x0 + panel_w, y_bottom + bottom_h), self.theme.panel, s.px(h.radius_mm))]
        ops += shift(panel, self.x0, y_bottom) + shift(column, qx, y_bottom)
        limit = y_bottom - s.px(s.gap_mm)
        scale = 1.0
        while True:
            top, y, last = self._top(scale)
            if y <= limit:
                break
            if scale < 0.3:  # every field is at its minimum by now
                over = s.mm(y - limit)
                raise _NoFit(Fault("poster-overflow", (last, self.lang), last,
                                   f"the texts together are {over:.0f} mm too tall for the page even at their smallest sizes",
                                   f"shorten the {last} (or the headline and message above it)."))
            scale *= 0.95
        return Plan(self.poster.slug, self.lang, s.name, s.width_px, s.height_px, s.dpi, self.theme.colours(),
                    self._text(self.poster.headline), self.url, tuple(top + ops))


def plan_poster(content: Content, poster: Poster, lang: str, size: Size, theme: Theme) -> Plan | Fault:
    """Lay out one poster in one language at one size."""
    try:
        return Layout(content, poster, lang, size, theme).plan()
    except _NoFit as exc:
        return exc.fault

"""The poster layouts and colour themes as typed data (layouts.yml, themes.yml beside this file)."""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..tokens import contrast, load_tokens, luminance  # noqa: F401 (contrast: re-exported for the poster tests)

HERE = Path(__file__).resolve().parent
LAYOUTS_FILE = HERE / "layouts.yml"
THEMES_FILE = HERE / "themes.yml"
MIN_CONTRAST = 7.0
"""Luminance contrast every text needs on its background (WCAG AAA): survives black-and-white print."""

MM_PER_INCH = 25.4
PT_PER_INCH = 72.0


class Spec_(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Range(Spec_):
    """A type size that may shrink from max_pt down to min_pt, never further."""

    max_pt: float = Field(gt=0)
    min_pt: float = Field(gt=0)


class Brand(Spec_):
    bar_mm: float
    size_pt: float
    gap_mm: float


class TextField(Range):
    """A text block: at most max_lines lines at a size between min_pt and max_pt."""

    max_lines: int = Field(ge=1)
    leading: float = Field(ge=1.0)
    item_gap_mm: float = 0.0
    indent_mm: float = 0.0


class Hotlines(Spec_):
    width_mm: float
    padding_mm: float
    radius_mm: float
    line_gap_mm: float
    title_pt: float | None = None  # None: no title line (cards)
    label_pt: float
    number: Range
    whatsapp: Range
    others: Range | None = None


class Qr(Spec_):
    size_mm: float
    module_min_mm: float
    gap_mm: float
    caption_pt: float
    caption_lines: int = Field(default=2, ge=1)
    url: Range
    url_lines: int = Field(ge=1)


class Size(Spec_):
    """One output size: page, DPI, margins and every block's measures."""

    name: str
    page_mm: tuple[float, float]
    dpi: int = Field(ge=72)
    formats: tuple[Literal["pdf", "png"], ...]
    margin_mm: tuple[float, float, float, float]
    gap_mm: float
    brand: Brand
    headline: TextField
    message: TextField | None = None
    bullets: TextField | None = None
    hotlines: Hotlines
    qr: Qr

    def px(self, mm: float) -> int:
        """Millimetres to whole pixels at this size's DPI."""
        return round(mm * self.dpi / MM_PER_INCH)

    def pt_px(self, pt: float) -> int:
        """Points to whole pixels (a font's em size) at this size's DPI."""
        return max(1, round(pt * self.dpi / PT_PER_INCH))

    def mm(self, px: float) -> float:
        return px * MM_PER_INCH / self.dpi

    @property
    def width_px(self) -> int:
        return self.px(self.page_mm[0])

    @property
    def height_px(self) -> int:
        return self.px(self.page_mm[1])

    @property
    def page_pt(self) -> tuple[float, float]:
        return tuple(v * PT_PER_INCH / MM_PER_INCH for v in self.page_mm)  # type: ignore[return-value]

    @property
    def kind(self) -> str:
        return "poster" if "pdf" in self.formats else "card"

    @property
    def label_key(self) -> str:
        """The site label (content_src/site.yml labels:) that names this size for readers, in every language."""
        return f"poster_size_{self.name}"


class Theme(Spec_):
    """A colour theme: five colours as #RRGGBB."""

    name: str
    background: str = Field(pattern=r"^#[0-9A-Fa-f]{6}$")
    text: str = Field(pattern=r"^#[0-9A-Fa-f]{6}$")
    accent: str = Field(pattern=r"^#[0-9A-Fa-f]{6}$")
    panel: str = Field(pattern=r"^#[0-9A-Fa-f]{6}$")
    panel_text: str = Field(pattern=r"^#[0-9A-Fa-f]{6}$")

    def colours(self) -> tuple[str, ...]:
        """The distinct colours, in a fixed order (the palette of the PNGs starts with them)."""
        return tuple(dict.fromkeys(c.upper() for c in (self.background, self.text, self.accent, self.panel, self.panel_text)))

    def text_pairs(self) -> list[tuple[str, str, str]]:
        """(what, foreground, background) for every text the layouts draw."""
        return [
            ("text on background", self.text, self.background),
            ("accent on background", self.accent, self.background),
            ("panel_text on panel", self.panel_text, self.panel),
        ]


class Thumbnail(Spec_):
    size: str
    width_px: int = Field(ge=16)


class Spec(Spec_):
    """Everything the renderer needs besides the content: sizes in order, themes, thumbnail."""

    sizes: dict[str, Size]
    themes: dict[str, Theme]
    thumbnail: Thumbnail

    @field_validator("sizes")
    @classmethod
    def _sizes(cls, value: dict[str, Size]) -> dict[str, Size]:
        if not value:
            raise ValueError("at least one size")
        return value

    def thumb_height(self) -> int:
        size = self.sizes[self.thumbnail.size]
        return round(self.thumbnail.width_px * size.height_px / size.width_px)


# Keys whose numbers are lengths or type sizes, so `scale:` multiplies them.
_SCALED_SUFFIXES = ("_mm", "_pt")


def _scaled(value: Any, factor: float, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _scaled(v, factor, k) for k, v in value.items()}
    if isinstance(value, list) and key.endswith(_SCALED_SUFFIXES):
        return [v * factor for v in value]
    if isinstance(value, (int, float)) and not isinstance(value, bool) and key.endswith(_SCALED_SUFFIXES):
        return value * factor
    return value


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _resolve(name: str, raw: dict[str, Any], seen: tuple[str, ...] = ()) -> dict[str, Any]:
    """A size's full data: its `like:` base merged with its own keys, then scaled."""
    data = dict(raw[name])
    base_name = data.pop("like", None)
    factor = float(data.pop("scale", 1.0))
    page_px = data.pop("page_px", None)
    if base_name is not None:
        if base_name in seen or base_name not in raw:
            raise ValueError(f"size {name}: like: {base_name} is unknown or circular")
        base = _resolve(base_name, raw, seen + (name,))
        page = {k: data.pop(k) for k in ("page_mm",) if k in data}
        data = _scaled(_merge(base, data), factor)
        data.update(page)
    if page_px is not None:
        data["page_mm"] = [v * MM_PER_INCH / data["dpi"] for v in page_px]
    data["name"] = name
    return data


def parse_spec(layouts: dict[str, Any], themes: dict[str, Any]) -> Spec:
    """Build the typed spec from the two YAML documents (tests pass their own).

    Theme colours are design token names (design/tokens.yml) or literal #RRGGBB.
    """
    raw = layouts["sizes"]
    sizes = {name: _resolve(name, raw) for name in raw}
    tokens = load_tokens()
    return Spec(
        sizes=sizes,
        themes={name: {**{k: tokens.colour(v) if isinstance(v, str) and v in tokens.colours else v for k, v in value.items()},
                       "name": name} for name, value in themes["themes"].items()},
        thumbnail=layouts["thumbnail"],
    )


@lru_cache(maxsize=1)
def load_spec() -> Spec:
    """The spec from layouts.yml and themes.yml (read once per process)."""
    return parse_spec(
        yaml.safe_load(LAYOUTS_FILE.read_text(encoding="utf-8")),
        yaml.safe_load(THEMES_FILE.read_text(encoding="utf-8")),
    )


def theme_faults(theme: Theme) -> list[str]:
    """What makes a theme unfit for print; empty when every text pair reaches 7:1."""
    faults = []
    for what, fg, bg in theme.text_pairs():
        ratio = contrast(fg, bg)
        if ratio < MIN_CONTRAST:
            faults.append(f"{what} ({fg} on {bg}) has contrast {ratio:.1f}:1, below {MIN_CONTRAST:g}:1")
    if luminance(theme.text) >= luminance(theme.background):
        faults.append("the QR code would be light on dark (text lighter than background); phones read dark on light")
    return faults

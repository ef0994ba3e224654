"""Design tokens (design/tokens.yml): the campaign's colours, type scale, spacing and radii.

One file read by the site's CSS (as --ra-* custom properties, see `css_variables`) and by the poster
themes (colour names resolved by `colour`), so the site and the posters stay one campaign.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

ROOT = Path(__file__).resolve().parents[2]
TOKENS_FILE = ROOT / "design" / "tokens.yml"
ILLUSTRATIONS = ROOT / "design" / "illustrations"
AA_TEXT, AA_LARGE = 4.5, 3.0
HEX = r"^#[0-9A-Fa-f]{6}$"


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TypeScale(_Frozen):
    """Font stack and sizes in rem; `line` is the line height of running text."""

    font: str
    small: float
    body: float
    lead: float
    h3: float
    h2: float
    h1: float
    display: float
    line: float


class Tokens(_Frozen):
    """Every token, typed; `pairs` are the text/background combinations the site draws."""

    colours: dict[str, str]
    pairs: list[tuple[str, str]]
    type: TypeScale
    space: dict[str, float]
    radius: dict[str, float]
    measure: float = Field(gt=0)

    @model_validator(mode="after")
    def _known(self) -> "Tokens":
        import re

        bad = [f"{k}: {v}" for k, v in self.colours.items() if not re.match(HEX, v)]
        unknown = sorted({c for pair in self.pairs for c in pair} - set(self.colours))
        if bad or unknown:
            raise ValueError("; ".join(
                ([f"colours must be #RRGGBB ({', '.join(bad)})"] if bad else [])
                + ([f"pairs name unknown colours: {', '.join(unknown)}"] if unknown else [])))
        return self

    def colour(self, name_or_hex: str) -> str:
        """A colour by token name; a literal #RRGGBB is returned as it is."""
        return name_or_hex if name_or_hex.startswith("#") else self.colours[name_or_hex]


@lru_cache(maxsize=1)
def load_tokens(path: Path = TOKENS_FILE) -> Tokens:
    """The tokens from design/tokens.yml (read once per process)."""
    return Tokens.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def luminance(colour: str) -> float:
    """Relative luminance of #RRGGBB (WCAG 2.x)."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """Luminance contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def contrast_faults(tokens: Tokens) -> list[str]:
    """Every declared text/background pair below WCAG AA (4.5:1), named with its ratio."""
    faults = []
    for fg, bg in tokens.pairs:
        ratio = contrast(tokens.colours[fg], tokens.colours[bg])
        if ratio < AA_TEXT:
            faults.append(f"{fg} on {bg} ({tokens.colours[fg]} on {tokens.colours[bg]}) has contrast {ratio:.2f}:1, below {AA_TEXT}:1")
    return faults


def css_variables(tokens: Tokens) -> str:
    """The tokens as one :root rule of --ra-* custom properties (prepended to the site's CSS)."""
    props = [f"--ra-{name}:{value.lower()}" for name, value in tokens.colours.items()]
    props.append(f"--ra-font:{tokens.type.font}")
    props += [f"--ra-size-{name}:{getattr(tokens.type, name):g}rem" for name in ("small", "body", "lead", "h3", "h2", "h1", "display")]
    props.append(f"--ra-line:{tokens.type.line:g}")
    props += [f"--ra-space-{name}:{value:g}rem" for name, value in tokens.space.items()]
    props += [f"--ra-radius-{name}:{value:g}rem" for name, value in tokens.radius.items()]
    props.append(f"--ra-measure:{tokens.measure:g}rem")
    return ":root{" + ";".join(props) + "}"


@lru_cache(maxsize=None)
def illustration(name: str) -> str | None:
    """The campaign's own SVG drawing design/illustrations/<name>.svg, for inlining (decorative); None if absent."""
    path = ILLUSTRATIONS / f"{name}.svg"
    return path.read_text(encoding="utf-8").strip() if path.is_file() else None

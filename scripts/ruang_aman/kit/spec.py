"""The kit's layouts (layouts.yml beside this file) as typed data."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from ..posters.spec import TextField as TextStyle  # the same text measures as a poster's blocks
from ..vector_pdf import MM

LAYOUTS_FILE = Path(__file__).resolve().parent / "layouts.yml"


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Chart(_Spec):
    label_pt: float
    value_pt: float
    bar_gap_mm: float
    note_pt: float


class Hotline(_Spec):
    name_pt: float
    number_pt: float
    row_gap_mm: float


class Page(_Spec):
    page_mm: tuple[float, float]

    @property
    def page_pt(self) -> tuple[float, float]:
        return (self.page_mm[0] * MM, self.page_mm[1] * MM)


class SlideSpec(Page):
    margin_mm: tuple[float, float, float, float]
    bar_mm: float
    gap_mm: float
    title: TextStyle
    cover_title: TextStyle
    text: TextStyle
    points: TextStyle
    fact_number_pt: float
    chart: Chart
    hotline: Hotline
    qr_mm: float
    footer_pt: float


class GuideSpec(Page):
    margin_mm: tuple[float, float, float, float]
    title_pt: float
    h2_pt: float
    h3_pt: float
    body_pt: float
    leading: float
    gap_mm: float
    footer_pt: float


class LeafletSpec(Page):
    panel_margin_mm: float
    fold_mark_mm: float
    gap_mm: float
    title: TextStyle
    cover_title: TextStyle
    text: TextStyle
    points: TextStyle
    entry: TextStyle
    hotline: Hotline
    qr_mm: float


class KitSpec(_Spec):
    slide: SlideSpec
    guide: GuideSpec
    leaflet: LeafletSpec


@lru_cache(maxsize=1)
def load_kit_spec() -> KitSpec:
    """The kit's layouts from layouts.yml (read once per process)."""
    return KitSpec.model_validate(yaml.safe_load(LAYOUTS_FILE.read_text(encoding="utf-8")))

"""Layout of the real posters, without drawing: everything fits, the number is big, the QR scans from 1 m."""

from __future__ import annotations

import itertools

import pytest

from ruang_aman.posters import text as T
from ruang_aman.posters.plan import Fault, QrOp, RectOp, plan_poster, text_bbox
from ruang_aman.posters.qr import QUIET_ZONE, modules
from ruang_aman.posters.spec import load_spec

SPEC = load_spec()


def plans(real):
    content, _ = real
    for poster in content.posters:
        for lang in content.site.codes():
            for size in SPEC.sizes.values():
                yield poster, lang, size, plan_poster(content, poster, lang, size, SPEC.themes[poster.theme])


def test_every_real_poster_fits_every_size(real):
    faults = [(p.slug, lang, size.name, plan) for p, lang, size, plan in plans(real) if isinstance(plan, Fault)]
    assert not faults


def test_text_stays_inside_the_margins_and_never_overlaps(real):
    for poster, lang, size, plan in plans(real):
        top, right, bottom, left = (size.px(m) for m in size.margin_mm)
        boxes = [(op, text_bbox(op)) for op in plan.texts()]
        for op, (x0, y0, x1, y1) in boxes:
            assert left <= x0 and x1 <= size.width_px - right and top <= y0 and y1 <= size.height_px - bottom, (poster.slug, lang, size.name, op.text)
        for (a, ba), (b, bb) in itertools.combinations(boxes, 2):
            overlap = ba[0] < bb[2] and bb[0] < ba[2] and ba[1] < bb[3] and bb[1] < ba[3]
            assert not overlap, (poster.slug, lang, size.name, a.text, b.text)


def test_panel_text_stays_inside_the_panel(real):
    for poster, lang, size, plan in plans(real):
        panel = next(op for op in plan.ops if isinstance(op, RectOp) and op.radius)
        px0, py0, px1, py1 = panel.box
        for op in plan.texts():
            if op.colour == SPEC.themes[poster.theme].panel_text and op.role.startswith(("panel", "hotline", "whatsapp", "other")):
                x0, y0, x1, y1 = text_bbox(op)
                assert px0 < x0 and x1 < px1 and py0 < y0 and y1 < py1, (poster.slug, lang, size.name, op.text)


def test_hotline_number_reads_across_a_classroom(real):
    """Digits at least 25 mm tall on A4: readable from about 8-10 m (signage rule of thumb)."""
    for poster, lang, size, plan in plans(real):
        if size.name not in ("a4", "a3"):
            continue
        number = plan.texts("hotline-number")[0]
        height_mm = size.mm(T.cap_height(number.weight, number.px, number.text))
        assert height_mm >= 25 * size.page_mm[0] / 210, (poster.slug, lang, size.name, height_mm)


def test_qr_scans_from_a_metre_on_a4(real):
    """Modules of at least 1.1 mm and a symbol of at least 30 mm, quiet zone of 4 modules kept."""
    for poster, lang, size, plan in plans(real):
        if size.name != "a4":
            continue
        qr = plan.qr()
        n = modules(qr.url) - 2 * QUIET_ZONE
        assert size.mm(qr.module) >= 1.1
        assert size.mm(qr.module * n) >= 30
        assert qr.light == SPEC.themes[poster.theme].background
        # the quiet zone is not covered by anything else
        for op in plan.ops:
            if isinstance(op, QrOp):
                continue
            box = text_bbox(op) if not isinstance(op, RectOp) else op.box
            assert not (box[0] < qr.x + qr.width and qr.x < box[2] and box[1] < qr.y + qr.width and qr.y < box[3]), op


@pytest.mark.parametrize("size", list(SPEC.sizes))
def test_sizes_have_the_right_pixels(size):
    s = SPEC.sizes[size]
    expected = {"a4": (2480, 3508), "a3": (3508, 4961), "square": (1080, 1080), "story": (1080, 1920)}[size]
    assert (s.width_px, s.height_px) == expected

"""Accessible statistics: an SVG bar chart with the same numbers in a real table beside it."""

from __future__ import annotations

from html import escape

from .model import Dataset, Language

BAR_H, GAP, LABEL_W, CHART_W, ROW_GAP, HEAD_H = 16, 3, 44, 340, 12, 20


def chart_svg(dataset: Dataset, language: Language, title_id: str) -> str:
    """Grouped horizontal bars: one group per series under its own label, each value written beside
    its bar, so the chart reads without colour (prints in black and white)."""
    lang, number = language.code, language.numbers.format
    peak = max(max(s.values) for s in dataset.series) or 1
    per_group = HEAD_H + len(dataset.periods) * (BAR_H + GAP) + ROW_GAP
    height = len(dataset.series) * per_group + 4
    width = LABEL_W + CHART_W + 40
    parts = [
        f'<svg class="ra-chart" role="img" aria-labelledby="{title_id}" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}">{escape(dataset.title.pick(lang))}</title>',
    ]
    shades = ["#1b1b1b", "#555555", "#8a8a8a", "#bdbdbd", "#333333", "#707070"]
    y = 4
    for series in dataset.series:
        parts.append(f'<text x="0" y="{y + 14}" font-weight="bold" class="ra-chart__label">{escape(series.label.pick(lang))}</text>')
        y += HEAD_H
        for i, (period, value) in enumerate(zip(dataset.periods, series.values)):
            w = round(CHART_W * value / peak, 1)
            fill = shades[i % len(shades)]
            parts.append(
                f'<g data-series="{series.key}" data-period="{period}" data-value="{value}">'
                f'<text x="{LABEL_W - 6}" y="{y + 12}" text-anchor="end" class="ra-chart__period">{period}</text>'
                f'<rect x="{LABEL_W}" y="{y}" width="{w}" height="{BAR_H}" fill="{fill}"/>'
                f'<text x="{LABEL_W + w + 4}" y="{y + 12}" class="ra-chart__value">{number(value)}</text></g>'
            )
            y += BAR_H + GAP
        y += ROW_GAP
    parts.append("</svg>")
    return "".join(parts)


def stats_html(dataset: Dataset, language: Language, labels: dict[str, str], source_title: str) -> str:
    """The chart and its table: the table is the accessible, copyable form of the same numbers."""
    lang, number = language.code, language.numbers.format
    title = escape(dataset.title.pick(lang))
    head = "".join(f'<th scope="col">{p}</th>' for p in dataset.periods)
    rows = []
    for series in dataset.series:
        cells = "".join(f'<td data-period="{p}">{number(v)}</td>' for p, v in zip(dataset.periods, series.values))
        rows.append(
            f'<tr data-series="{series.key}"><th scope="row">{escape(series.label.pick(lang))}</th>{cells}'
            f'<td class="ra-total">{number(sum(series.values))}</td></tr>'
        )
    table = (
        f'<table class="ra-table"><caption>{title} ({escape(dataset.unit.pick(lang))})</caption>'
        f'<thead><tr><th scope="col">{escape(labels["category"])}</th>{head}<th scope="col">{escape(labels["total"])}</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table>'
    )
    return (
        f'<figure class="ra-stats" id="data-{dataset.key}" data-dataset="{dataset.key}">'
        f'{chart_svg(dataset, language, f"chart-{dataset.key}-title")}'
        # a wide table scrolls sideways on a phone: focusable, so a keyboard can scroll it too
        f'<div class="ra-table-wrap" tabindex="0" role="region" aria-label="{title}">{table}</div>'
        f'<figcaption><strong>{escape(dataset.note.pick(lang))}</strong> '
        f'{escape(labels["source"])}: {escape(source_title)}</figcaption></figure>'
    )

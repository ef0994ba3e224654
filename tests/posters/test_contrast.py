"""Every theme is legible in black-and-white print (7:1), and a theme that is not fails the build."""

from __future__ import annotations

import pytest
import yaml

from .conftest import write_content
from ruang_aman.load import load_content
from ruang_aman.posters import render_posters
from ruang_aman.problems import Problems
from ruang_aman.posters.spec import LAYOUTS_FILE, THEMES_FILE, contrast, load_spec, parse_spec, theme_faults

POSTER = """slug: pale
headline: {id: Kamu tidak sendirian, en: You are not alone}
message: {id: Ada yang siap membantu., en: People are ready to help.}
hotlines: [sapa-129]
page: bantuan
theme: pale
"""


def test_contrast_formula():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("name", list(load_spec().themes))
def test_every_shipped_theme_reaches_7_to_1(name):
    theme = load_spec().themes[name]
    assert theme_faults(theme) == []
    for what, fg, bg in theme.text_pairs():
        assert contrast(fg, bg) >= 7.0, what


def _spec_with_pale_theme():
    layouts = yaml.safe_load(LAYOUTS_FILE.read_text(encoding="utf-8"))
    themes = yaml.safe_load(THEMES_FILE.read_text(encoding="utf-8"))
    themes["themes"]["pale"] = {"background": "#FFFFFF", "text": "#1D1A24", "accent": "#E08A9B", "panel": "#F2C14E", "panel_text": "#FFFFFF"}
    return parse_spec(layouts, themes)


def test_a_low_contrast_theme_is_named_with_its_ratios():
    faults = theme_faults(_spec_with_pale_theme().themes["pale"])
    assert any("accent on background" in f and "below 7:1" in f for f in faults)
    assert any("panel_text on panel" in f for f in faults)


def test_a_poster_with_a_low_contrast_theme_fails_the_build(tmp_path):
    root = write_content(tmp_path, {"pale": POSTER})
    content, _, positions = load_content(root)
    problems = Problems()
    report = render_posters(content, positions, tmp_path / "site", tmp_path / "cache", problems, progress=False,
                            spec=_spec_with_pale_theme())
    [problem] = problems.items
    assert problem.code == "poster-contrast"
    assert str(problem.where) == "content_src/posters/pale.yml:6:8"
    assert "'pale'" in problem.message and "black-and-white" in problem.message
    assert report.rendered == []


def test_an_unknown_theme_is_an_error(tmp_path):
    root = write_content(tmp_path, {"pale": POSTER})
    content, _, positions = load_content(root)
    problems = Problems()
    render_posters(content, positions, tmp_path / "site", tmp_path / "cache", problems, progress=False)
    assert [p.code for p in problems.items] == ["unknown-theme"]


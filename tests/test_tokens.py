"""Design tokens (design/tokens.yml): one palette for the site's CSS and the poster themes, AA contrast."""

from __future__ import annotations

import pytest
import yaml

from ruang_aman.minify import minify_site
from ruang_aman.posters.spec import LAYOUTS_FILE, THEMES_FILE, parse_spec
from ruang_aman.tokens import TOKENS_FILE, Tokens, contrast, contrast_faults, css_variables, load_tokens

RAW = yaml.safe_load(TOKENS_FILE.read_text(encoding="utf-8"))


def test_every_text_pair_the_site_draws_meets_wcag_aa():
    tokens = load_tokens()
    assert contrast_faults(tokens) == []
    for fg, bg in tokens.pairs:
        assert contrast(tokens.colours[fg], tokens.colours[bg]) >= 4.5, (fg, bg)


def test_a_low_contrast_pair_is_named_with_its_ratio():
    tokens = Tokens.model_validate({**RAW, "colours": {**RAW["colours"], "ink-soft": "#999999"}})
    [fault] = contrast_faults(tokens)
    assert fault.startswith("ink-soft on paper (#999999 on #FFFFFF) has contrast 2.85:1")


def test_a_pair_naming_an_unknown_colour_is_refused():
    with pytest.raises(ValueError, match="unknown colours: pink"):
        Tokens.model_validate({**RAW, "pairs": [["pink", "paper"]]})


def test_the_site_css_starts_with_every_token_as_a_custom_property(tmp_path):
    """The built stylesheet carries the token values, so a token change reaches the site."""
    (tmp_path / "assets" / "ra").mkdir(parents=True)
    (tmp_path / "assets" / "ra" / "ruang-aman.css").write_text(".ra-x{color:var(--ra-violet)}", encoding="utf-8")
    (tmp_path / "index.html").write_text('<p class="ra-x">x</p>', encoding="utf-8")
    css, *_ = minify_site(tmp_path)
    text = css.read_text(encoding="utf-8")
    assert text.startswith(css_variables(load_tokens()))
    for name, value in RAW["colours"].items():
        assert f"--ra-{name}:{value.lower()}" in text
    assert f"--ra-size-h1:{RAW['type']['h1']:g}rem" in text and f"--ra-radius-m:{RAW['radius']['m']:g}rem" in text
    assert text.endswith(".ra-x{color:var(--ra-violet)}")


def test_the_site_css_uses_token_colours_not_its_own():
    """Colours in the hand-written CSS come from the tokens (black and white for the exit's edges aside)."""
    import re
    from ruang_aman.tokens import ROOT

    css = (ROOT / "theme" / "assets" / "ra" / "ruang-aman.css").read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    literal = set(re.findall(r"#[0-9a-fA-F]{3,8}\b", css)) - {"#fff", "#000", "#0006", "#ffffff40"}
    assert literal == set(), literal


def test_poster_themes_take_their_colours_from_the_tokens():
    themes = yaml.safe_load(THEMES_FILE.read_text(encoding="utf-8"))
    layouts = yaml.safe_load(LAYOUTS_FILE.read_text(encoding="utf-8"))
    spec = parse_spec(layouts, themes)
    assert themes["themes"]["default"]["accent"] == "violet"
    assert spec.themes["default"].accent == RAW["colours"]["violet"]
    assert spec.themes["teal"].panel == RAW["colours"]["teal"]
    assert spec.themes["sunrise"].background == RAW["colours"]["cream"]

"""Text that does not fit shrinks to a minimum; below it the build fails naming poster, language, field."""

from __future__ import annotations

from .conftest import write_content
from ruang_aman.load import load_content
from ruang_aman.posters import render_posters
from ruang_aman.posters.plan import Fault, plan_poster
from ruang_aman.posters.spec import load_spec
from ruang_aman.problems import Problems

TEMPLATE = """slug: {slug}
headline:
  id: Kamu tidak sendirian
  en: {headline}
message:
  id: Ada orang yang siap mendengarkan dan membantu.
  en: People are ready to listen and to help.
hotlines: [sapa-129]
page: bantuan
"""


def _load(tmp_path, slug, headline):
    root = write_content(tmp_path, {slug: TEMPLATE.format(slug=slug, headline=headline)})
    content, _, positions = load_content(root)
    return content, positions


def test_too_long_headline_fails_naming_poster_language_and_field(tmp_path):
    long = " ".join(["Reporting is safe, free and confidential"] * 6)
    content, positions = _load(tmp_path, "long", long)
    problems = Problems()
    report = render_posters(content, positions, tmp_path / "site", tmp_path / "cache", problems,
                            progress=False, sizes=["square"])
    overflow = [p for p in problems.items if p.code == "poster-overflow"]
    assert len(overflow) == 1, [p.format() for p in problems.items]
    problem = overflow[0]
    assert str(problem.where) == "content_src/posters/long.yml:4:7"  # the English headline's line
    assert problem.message.startswith("poster 'long' (en), headline: needs ")
    assert "Social media card" in problem.message
    assert "shorten it to about" in problem.hint
    assert report.rendered == ["posters/long-id-square.png"]  # the Indonesian card is fine


def test_a_word_wider_than_the_line_is_named(tmp_path):
    content, positions = _load(tmp_path, "word", "Reporting " + "x" * 60)
    problems = Problems()
    render_posters(content, positions, tmp_path / "site", tmp_path / "cache", problems, progress=False, sizes=["a4"])
    [problem] = [p for p in problems.items if p.code == "poster-overflow"]
    assert "poster 'word' (en), headline: the word 'xxxx" in problem.message
    assert "wider than the line" in problem.message


def test_a_longer_headline_shrinks_but_stays_above_the_minimum(tmp_path):
    content, _ = _load(tmp_path, "shrink", "Reporting violence is safe, free of charge and kept confidential")
    spec = load_spec()
    size = spec.sizes["a4"]
    plan = plan_poster(content, content.posters[0], "en", size, spec.themes["default"])
    assert not isinstance(plan, Fault)
    px = plan.texts("headline")[0].px
    assert size.pt_px(size.headline.min_pt) <= px < size.pt_px(size.headline.max_pt)
    assert len(plan.texts("headline")) <= size.headline.max_lines

"""Bad kit content: every problem named with its file, line and field, and what to do."""

from __future__ import annotations

import shutil

from .conftest import ROOT
from ruang_aman.kit import build_kit
from ruang_aman.kit.load import load_kit
from ruang_aman.load import load_content
from ruang_aman.problems import Problems


def _root(tmp_path, edit=None):
    """A copy of this checkout's content_src/ with one kit file edited: (root, text before, text after)."""
    shutil.copytree(ROOT / "content_src", tmp_path / "content_src")
    if edit:
        name, old, new = edit
        path = tmp_path / "content_src" / "kit" / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


def _line_of(root, name, needle) -> int:
    lines = (root / "content_src" / "kit" / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def _problems(root, build=False):
    content, _, positions = load_content(root)
    problems = Problems()
    if build:
        build_kit(content, positions, root, root / "site", root / "cache", problems)
    else:
        load_kit(root, content, positions, problems)
    return problems


def test_the_real_kit_has_no_problems():
    content, _, positions = load_content(ROOT)
    problems = Problems()
    assert load_kit(ROOT, content, positions, problems) is not None
    assert [p.format() for p in problems.items] == []


def test_text_that_does_not_fit_names_file_line_field_and_characters_to_cut(tmp_path):
    long = "Dengarkan dengan tenang dan jangan menyalahkan siapa pun yang bercerita kepadamu. " * 15
    root = _root(tmp_path, ("decks/kenali-kekerasan.yml", "        - Dengarkan dengan tenang. Jangan menyalahkan atau menghakimi.",
                            f"        - {long.strip()}"))
    problems = _problems(root, build=True)
    [problem] = [p for p in problems.items if p.code == "kit-overflow"]
    assert problem.where.path == "content_src/kit/decks/kenali-kekerasan.yml"
    assert problem.where.line == _line_of(root, "decks/kenali-kekerasan.yml", "Dengarkan dengan tenang dan jangan")  # the list starts there
    assert problem.message.startswith("deck 'kenali-kekerasan' (id), slides[8].points: ")
    assert "cut about" in problem.hint and "characters" in problem.hint


def test_too_few_slides(tmp_path):
    root = _root(tmp_path)
    path = root / "content_src" / "kit" / "decks" / "tubuhku-milikku.yml"
    text = path.read_text(encoding="utf-8")
    head, slides = text.split("slides:\n", 1)
    items = slides.split("\n  - kind: ")
    path.write_text(head + "slides:\n" + "\n  - kind: ".join(items[:2] + items[-1:]), encoding="utf-8")
    [problem] = [p for p in _problems(root).items if p.code == "kit-slide-count"]
    assert problem.where.path.endswith("decks/tubuhku-milikku.yml") and problem.where.line == _line_of(root, "decks/tubuhku-milikku.yml", "slides:") + 1
    assert "has 3 slides; a deck has 8 to 15" in problem.message


def test_last_slide_must_be_the_help_slide(tmp_path):
    root = _root(tmp_path, ("decks/bukan-aib.yml", "  - kind: help", "  - kind: points\n    points: {id: [a], en: [a]}"))
    [problem] = [p for p in _problems(root).items if p.code == "kit-last-slide"]
    assert problem.where.line == _line_of(root, "decks/bukan-aib.yml", "points: {id: [a]") - 1
    assert "help" in problem.hint


def test_unknown_fact_is_named_with_its_line(tmp_path):
    root = _root(tmp_path, ("decks/bukan-aib.yml", "facts: [kdrt-2014-2017,", "facts: [kdrt-2041-2017,"))
    [problem] = [p for p in _problems(root).items if p.code == "unknown-reference"]
    assert problem.where.line == _line_of(root, "decks/bukan-aib.yml", "kdrt-2041-2017")
    assert "'kdrt-2041-2017' is not a fact in facts.yml" in problem.message


def test_missing_translation_and_typed_number(tmp_path):
    root = _root(tmp_path, ("leaflet.yml", "      en: You can report for yourself or for someone else.\n",
                            ""))
    path = root / "content_src" / "kit" / "guide.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("Tidak. Melapor itu gratis.", "Tidak. Telepon 0812-3456-7890, gratis.", 1), encoding="utf-8")
    problems = _problems(root)
    [missing] = [p for p in problems.items if p.code == "missing-translation"]
    assert missing.where.path == "content_src/kit/leaflet.yml" and missing.level.name == "ERROR"
    [typed] = [p for p in problems.items if p.code == "kit-typed-number"]
    # a folded text (>-) is placed at its `id: >-` line, just above the number
    assert typed.where.path == "content_src/kit/guide.yml" and typed.where.line == _line_of(root, "guide.yml", "0812-3456-7890") - 1
    assert "data files" in typed.message


def test_poster_without_social_post(tmp_path):
    root = _root(tmp_path)
    path = root / "content_src" / "kit" / "social.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("  - poster: tubuhku-milikku")], encoding="utf-8")
    [problem] = [p for p in _problems(root).items if p.code == "kit-social-missing"]
    assert "poster 'tubuhku-milikku' has no social post" in problem.message


def test_the_editing_guides_slide_example_loads(tmp_path):
    import re

    guide = (ROOT / "content_src" / "README.md").read_text(encoding="utf-8")
    found = re.findall(r"<!-- example: (kit/\S+) -->\n```\w*\n(.*?)```", guide, re.DOTALL)
    assert found
    root = _root(tmp_path)
    for target, text in found:
        path = root / "content_src" / target
        before = path.read_text(encoding="utf-8")
        path.write_text(before.replace("  - kind: help", text + "  - kind: help", 1), encoding="utf-8")
    content, _, positions = load_content(root)
    problems = Problems()
    kit = load_kit(root, content, positions, problems)
    assert kit is not None and [p.format() for p in problems.items] == []
    deck = next(d for d in kit.decks if d.slug == "kenali-kekerasan")
    assert deck.slides[-2].title.get("en") == "Who can help at school" and deck.slides[-1].kind == "help"

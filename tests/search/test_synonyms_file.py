"""The synonyms files (content_src/synonyms/<lang>.yml): records when right, every mistake with file:line:col."""

from __future__ import annotations

from pathlib import Path

from ra_testing import ROOT

from ruang_aman.load import load_content
from ruang_aman.problems import Level, Problems
from ruang_aman.staff import translation_status
from ruang_aman.synonyms import SynonymGroup, load_synonyms


def write(root: Path, lang: str, text: str) -> Path:
    path = root / "content_src" / "synonyms" / f"{lang}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def load(root: Path):
    problems = Problems()
    return load_synonyms(root / "content_src", root, problems, ("id", "en")), problems


def codes(problems: Problems) -> list[tuple[str, str, int, int]]:
    return [(p.code, p.where.path, p.where.line, p.where.col) for p in problems.items]


def test_groups_load_as_records_with_their_line(tmp_path):
    write(tmp_path, "id", "synonyms:\n  - [KDRT, kekerasan  dalam rumah tangga]\n  - [wartawan, jurnalis]\n")
    groups, problems = load(tmp_path)
    assert not problems.items
    assert groups["id"] == (SynonymGroup(("kdrt", "kekerasan dalam rumah tangga"), "content_src/synonyms/id.yml", 2, 5),
                            SynonymGroup(("wartawan", "jurnalis"), "content_src/synonyms/id.yml", 3, 5))
    assert groups["en"] == ()   # a language without a file has no synonyms


def test_a_word_the_search_cannot_match_is_an_error_at_its_column(tmp_path):
    write(tmp_path, "id", "synonyms:\n  - [kdrt, \"kekerasan; rumah\"]\n  - [a, '']\n")
    _, problems = load(tmp_path)
    assert codes(problems) == [("synonym-word", "content_src/synonyms/id.yml", 2, 12),
                               ("synonym-word", "content_src/synonyms/id.yml", 3, 9)]
    assert "letters, digits, spaces" in problems.items[0].hint
    assert all(p.level == Level.ERROR for p in problems.items)


def test_a_word_in_two_groups_names_both_lines(tmp_path):
    write(tmp_path, "en", "synonyms:\n  - [abuse, violence]\n  - [rape, sexual violence]\n  - [Violence, harm]\n")
    _, problems = load(tmp_path)
    assert codes(problems) == [("synonym-duplicate", "content_src/synonyms/en.yml", 4, 6)]
    assert "line 2" in problems.items[0].message and "merge" in problems.items[0].hint


def test_a_group_of_one_is_an_error(tmp_path):
    write(tmp_path, "id", "synonyms:\n  - [kdrt]\n  - [trauma, dampak psikis]\n")
    groups, problems = load(tmp_path)
    assert codes(problems) == [("synonym-group", "content_src/synonyms/id.yml", 2, 5)]
    assert [g.terms for g in groups["id"]] == [("trauma", "dampak psikis")]


def test_wrong_shapes_are_errors_and_every_one_is_reported(tmp_path):
    write(tmp_path, "id", "synonym:\n  - [a, b]\n")
    write(tmp_path, "en", "synonyms:\n  - abuse = violence\n  - [rape, sexual violence]\nwords: []\n")
    write(tmp_path, "jv", "synonyms: []\n")
    _, problems = load(tmp_path)
    assert codes(problems) == [
        ("synonyms-file", "content_src/synonyms/jv.yml", 0, 0),
        ("synonyms-shape", "content_src/synonyms/id.yml", 1, 1),
        ("unknown-key", "content_src/synonyms/en.yml", 4, 1),
        ("synonyms-shape", "content_src/synonyms/en.yml", 2, 5),
    ]


def test_yaml_errors_in_a_synonyms_file_are_positioned(tmp_path):
    write(tmp_path, "id", "synonyms:\n  - [kdrt, kekerasan\n")
    _, problems = load(tmp_path)
    assert [(p.code, p.where.path) for p in problems.items] == [("yaml-syntax", "content_src/synonyms/id.yml")]


def test_the_loader_reads_the_synonyms_of_the_real_content_without_problems():
    content, problems, _ = load_content(ROOT)
    assert content is not None
    assert not [p for p in problems.items if "synonym" in p.code]
    for lang in ("id", "en"):
        assert len(content.synonyms[lang]) >= 20
    kdrt = next(g for g in content.synonyms["id"] if "kdrt" in g.terms)
    assert "kekerasan dalam rumah tangga" in kdrt.terms and kdrt.path == "content_src/synonyms/id.yml"


def test_translations_report_lists_the_synonyms_of_each_language():
    rows = {name: (states, status) for name, states, status in translation_status(ROOT)}
    states, status = rows["synonyms/"]
    assert states["id"].endswith(" groups") and states["en"].endswith(" groups") and status == "own words per language"

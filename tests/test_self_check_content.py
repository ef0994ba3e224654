"""The self-check's data file (content_src/self-check.yml): typed, cross-checked, translated, privacy-scanned.

One case per problem: the code, the file, the line and the message a staff member sees."""

from __future__ import annotations

from pathlib import Path

from ra_testing import TODAY

from ruang_aman.load import load_content
from ruang_aman.problems import Level

CHECK = "content_src/self-check.yml"


def edit(root: Path, old: str, new: str) -> None:
    path = root / CHECK
    text = path.read_text(encoding="utf-8")
    assert old in text, f"self-check.yml changed: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(root: Path, needle: str) -> int:
    lines = (root / CHECK).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def found(root: Path, code: str):
    content, problems, _ = load_content(root, on=TODAY)
    hits = [p for p in problems.items if p.code == code and p.where.path == CHECK]
    assert hits, f"no {code} in {CHECK}: " + "\n".join(p.format() for p in problems.items)
    return content, hits[0]


def test_the_real_self_check_loads_as_a_record_with_at_least_8_questions(project_copy):
    content, problems, _ = load_content(project_copy, on=TODAY)
    assert not problems.fails(strict=True), [p.format() for p in problems.items if p.level != Level.NOTICE]
    check = content.self_check
    assert check is not None and len(check.questions) >= 8
    kinds = {k for q in check.questions for k in q.kinds}
    assert {"fisik", "psikis", "seksual", "penelantaran-rumah-tangga"} <= kinds, "the study's kinds"
    assert {"disiplin", "aib-keluarga"} <= {m for q in check.questions for m in q.myths}, "the two beliefs"


def test_an_unknown_kind_is_an_error_at_its_line(project_copy):
    edit(project_copy, "    kinds: [fisik]", "    kinds: [fisikk]")
    _, p = found(project_copy, "unknown-reference")
    assert p.level == Level.ERROR and p.where.line == line_of(project_copy, "kinds: [fisikk]")
    assert "'fisikk'" in p.message and "violence.yml" in p.message and "fisik" in p.hint


def test_an_unknown_belief_is_an_error_at_its_line(project_copy):
    edit(project_copy, "myths: [disiplin, aib-keluarga]", "myths: [disiplin, aib]")
    _, p = found(project_copy, "unknown-reference")
    assert p.where.line == line_of(project_copy, "myths: [disiplin, aib]") and "myths.yml" in p.message


def test_a_missing_word_is_named(project_copy):
    edit(project_copy, "  show_result: {id: Lihat hasil, en: See the result}\n", "")
    content, p = found(project_copy, "invalid-value")
    assert "show_result" in p.message and p.level == Level.ERROR


def test_fewer_than_8_questions_is_an_error(project_copy):
    text = (project_copy / CHECK).read_text(encoding="utf-8")
    head, questions = text.split("questions:\n  - key:", 1)
    kept = "  - key:".join(questions.split("  - key:")[:3])
    (project_copy / CHECK).write_text(head + "questions:\n  - key:" + kept, encoding="utf-8")
    _, p = found(project_copy, "invalid-value")
    lines = (project_copy / CHECK).read_text(encoding="utf-8").splitlines()
    assert "at least 8" in p.message and lines[p.where.line - 2] == "questions:", "points at the list"


def test_a_question_pointing_nowhere_is_an_error(project_copy):
    edit(project_copy, "  - key: dipukul\n    kinds: [fisik]\n", "  - key: dipukul\n")
    _, p = found(project_copy, "invalid-value")
    assert "kinds" in p.message and p.where.line == line_of(project_copy, "key: dipukul")


def test_a_missing_english_text_is_reported_like_any_content(project_copy):
    edit(project_copy, "        en: Does someone hit, slap, kick, push or pinch you, or pull your hair?\n", "")
    _, p = found(project_copy, "missing-translation")
    assert p.level == Level.WARNING and "questions.0.ask.me" in p.message
    assert p.where.line in (line_of(project_copy, "menjambakmu?") - 1, line_of(project_copy, "menjambakmu?"))


def test_its_texts_have_translation_records(project_copy):
    from ruang_aman.translations import units

    content, _, positions = load_content(project_copy, on=TODAY)
    keys = [k for k in units(content, positions) if k.startswith("self-check.yml:")]
    assert "self-check.yml:questions.0.ask.me" in keys and "self-check.yml:words.intro" in keys


def test_the_privacy_guard_scans_it(project_copy):
    from ruang_aman.privacy import scan_paths

    edit(project_copy, "  - key: dipukul\n", "  # NIK korban: 6471054507900003\n  - key: dipukul\n")
    result = scan_paths([project_copy / CHECK], root=project_copy)
    assert [(f.path, f.rule) for f in result.findings] == [(CHECK, "nik")]

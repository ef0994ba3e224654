"""The corpus: every leak is stopped (as an error, with the expected rule); every trap passes clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import LEAKS, NAMES, TRAPS, Case
from privacy_helpers import write
from ruang_aman.privacy import scan_paths


def scan_case(project: Path, case: Case):
    """Write the case's files into the project and scan them with the corpus names."""
    paths = []
    for rel, content in case.files.items():
        data = content() if callable(content) else content
        paths.append(write(project / rel, data))
    return scan_paths(paths, root=project, names=NAMES, jobs=1)


def test_corpus_is_big_enough() -> None:
    assert len(LEAKS) >= 45 and len(TRAPS) >= 25
    assert len({c.id for c in LEAKS + TRAPS}) == len(LEAKS) + len(TRAPS)


@pytest.mark.parametrize("case", LEAKS, ids=[c.id for c in LEAKS])
def test_leak_is_stopped(project: Path, case: Case) -> None:
    result = scan_case(project, case)
    errors = {(f.rule, f.severity) for f in result.findings}
    assert (case.rule, "error") in errors, result.findings


@pytest.mark.parametrize("case", TRAPS, ids=[c.id for c in TRAPS])
def test_trap_passes_clean(project: Path, case: Case) -> None:
    result = scan_case(project, case)
    if case.warn_ok:
        assert result.error_count == 0 and result.warning_count >= 1, result.findings
    else:
        assert result.findings == []

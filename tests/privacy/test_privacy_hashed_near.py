"""Names kept only as salted fingerprints (--protect-name) get near forms too, without the name in clear."""

from __future__ import annotations

from pathlib import Path

import pytest
from privacy_helpers import run_guard, run_json, write

from ruang_aman.privacy import scan_paths
from ruang_aman.privacy.hashes import load_store
from ruang_aman.privacy.normalize import name_key

NAME = "Sri Wahyuni Utami"   # fictional; protected only as fingerprints in these tests


def protect(project: Path, *names: str) -> None:
    """Store names as `--protect-name` does (the real command, reading standard input)."""
    proc = run_guard(project, "--protect-name", "-", stdin="\n".join(names) + "\n")
    assert proc.returncode == 0, proc.stderr


def findings(project: Path, text: str) -> list:
    write(project / "content_src" / "pages" / "berita.md", text)
    result = scan_paths([project / "content_src" / "pages"], root=project, jobs=1)
    return [f for f in result.findings if f.rule == "protected-name"]


@pytest.mark.parametrize("text", [
    "Korban, Sri Wahyuni, kini didampingi psikolog.",            # two words of three, victim context
    "Mbak Wahyuni Utami datang ke posko kemarin.",                # two words after a familiar honorific
    "Pelaku mengenal Sri W. Utami sejak lama.",                   # middle name as its initial
    "Utami, Sri Wahyuni (14) tinggal bersama neneknya.",          # surname first with a comma
    "Sri Wahjoeni Oetami bercerita kepada pendamping.",           # old spelling (oe = u, j = y)
    "Sri Wahyyuni Utamii bercerita kepada pendamping.",           # doubled letters
    "Sri Wahyu-\nni Utami bercerita kepada pendamping.",          # hyphenated across a line break
])
def test_near_forms_of_a_hashed_name_are_errors(project: Path, text: str) -> None:
    protect(project, NAME)
    found = findings(project, text)
    assert found and all(f.severity == "error" for f in found), (text, found)


@pytest.mark.parametrize("text", [
    "Sri Wahyuni membuka acara pelatihan kader di aula kelurahan.",   # two words, no victim, no honorific
    "Psikolog Sri Wahyuni, S.Psi., mendampingi korban.",              # staff with a degree in a victim sentence
])
def test_two_words_of_a_hashed_name_outside_a_victim_context_are_not_errors(project: Path, text: str) -> None:
    protect(project, NAME)
    assert findings(project, text) == []


def test_the_full_hashed_name_next_to_a_role_is_a_warning_never_silent(project: Path) -> None:
    protect(project, NAME)
    found = findings(project, "Kepala UPTD PPA, Sri Wahyuni Utami, membuka acara.")
    assert [f.severity for f in found] == ["warning"]


def test_the_store_holds_every_form_and_no_name_in_clear(project: Path) -> None:
    protect(project, NAME)
    saved = (project / "content_src" / "privacy-hashes.yml").read_text()
    for word in ("sri", "wahyuni", "utami"):
        assert word not in saved.lower()
    store = load_store(project / "content_src" / "privacy-hashes.yml")
    kinds = sorted(n.kind for n in store.names)
    # full, joined (a full form), surname first, the middle name as initial, two runs of two words
    assert kinds == ["full", "full", "initial", "partial", "partial", "reversed"]
    assert len({n.of for n in store.names}) == 1


LEGACY = """\
salt: 00112233445566778899aabbccddeeff
names:
- hash: {full}
  words: 3
- hash: {joined}
  words: 1
photos: []
"""


def test_entries_stored_before_near_forms_get_a_notice_with_the_command(project: Path) -> None:
    store = load_store(project / "content_src" / "privacy-hashes.yml")
    key = name_key(NAME)
    hashes = project / "content_src" / "privacy-hashes.yml"
    hashes.write_text(LEGACY.format(full=store.name_hash(key), joined=store.name_hash(key.replace(" ", ""))))
    write(project / "content_src" / "pages" / "berita.md", "Korban, Sri Wahyuni, kini didampingi psikolog.\n")
    code, data = run_json(project)
    notices = [f for f in data["findings"] if f["rule"] == "name-hash-old"]
    assert code == 0 and [f["severity"] for f in notices] == ["notice"]
    assert notices[0]["path"] == "content_src/privacy-hashes.yml" and notices[0]["line"] == 3
    assert "names[0]" in notices[0]["message"] and "--protect-name -" in notices[0]["message"]
    assert not [f for f in data["findings"] if f["rule"] == "protected-name"]   # the near form is missed...
    protect(project, NAME)                                                      # ...until the name is typed again
    code, data = run_json(project)
    assert code == 1 and not [f for f in data["findings"] if f["rule"] == "name-hash-old"]
    assert [f["severity"] for f in data["findings"] if f["rule"] == "protected-name"] == ["error"]


def test_a_notice_is_a_note_in_sarif_and_never_fails(project: Path) -> None:
    store = load_store(project / "content_src" / "privacy-hashes.yml")
    key = name_key(NAME)
    (project / "content_src" / "privacy-hashes.yml").write_text(
        LEGACY.format(full=store.name_hash(key), joined=store.name_hash(key.replace(" ", ""))))
    proc = run_guard(project, "--format", "sarif")
    assert proc.returncode == 0 and '"level": "note"' in proc.stdout

"""One case per error class: the code, the file, the line and the message a staff member sees."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from ra_testing import ROOT, TODAY

from ruang_aman.load import load_content
from ruang_aman.problems import Level


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def problems_of(root: Path, on=TODAY):
    content, problems, _ = load_content(root, on=on)
    return content, problems


def only(problems, code: str):
    found = [p for p in problems.items if p.code == code]
    assert found, f"no {code} in: " + "\n".join(p.format() for p in problems.items)
    return found[0]


def test_minimal_content_is_clean(scratch):
    content, problems = problems_of(scratch)
    assert content is not None
    assert not problems.fails(strict=True), [p.format() for p in problems.items]


def test_yaml_syntax_error_names_file_line_and_column(scratch):
    contacts = scratch / "content_src" / "contacts.yml"
    edit(contacts, "    scope: national\n    phone: \"129\"", "    scope: national\n    phone: \"129\n")
    _, problems = problems_of(scratch)
    p = only(problems, "yaml-syntax")
    assert p.level == Level.ERROR and p.where.path == "content_src/contacts.yml" and p.where.line >= 8
    assert "not valid YAML" in p.message and "indentation" in p.hint


def test_unknown_key_is_an_error_with_a_did_you_mean(scratch):
    page = scratch / "content_src" / "pages" / "index.md"
    edit(page, "title:\n", "titel:\n")
    _, problems = problems_of(scratch)
    p = only(problems, "unknown-key")
    assert (p.where.path, p.where.line, p.where.col) == ("content_src/pages/index.md", 2, 1)
    assert "'titel'" in p.message and "did you mean 'title'" in p.hint


def test_duplicate_key_in_yaml(scratch):
    site = scratch / "content_src" / "site.yml"
    edit(site, "contact_max_age_days: 180\n", "contact_max_age_days: 180\ncontact_max_age_days: 180\n")
    _, problems = problems_of(scratch)
    p = only(problems, "duplicate-key")
    assert p.where.line == line_of(site, "contact_max_age_days") + 1 and "written twice" in p.message


def test_missing_field(scratch):
    contacts = scratch / "content_src" / "contacts.yml"
    edit(contacts, "    source: Kepolisian Negara Republik Indonesia (polri.go.id)\n", "")
    _, problems = problems_of(scratch)
    p = only(problems, "missing-field")
    assert p.where.path == "content_src/contacts.yml" and "contacts[1].source is missing" in p.message


def test_invalid_date(scratch):
    contacts = scratch / "content_src" / "contacts.yml"
    edit(contacts, "verified_on: 2026-11-29", "verified_on: 29-11-2026")
    _, problems = problems_of(scratch)
    p = only(problems, "invalid-value")
    assert p.where.line == line_of(contacts, "29-11-2026") and "YYYY-MM-DD" in p.hint


def test_invalid_phone(scratch):
    contacts = scratch / "content_src" / "contacts.yml"
    edit(contacts, "whatsapp: 08111-129-129", "whatsapp: 0812-34")
    _, problems = problems_of(scratch)
    p = only(problems, "invalid-phone")
    assert (p.where.line, p.where.col) == (line_of(contacts, "0812-34"), 15)
    assert 'whatsapp "0812-34" is not a valid Indonesian number' in p.message
    assert "0811-1129-129" in p.hint


def test_unknown_reference(scratch):
    site = scratch / "content_src" / "site.yml"
    edit(site, "hotlines: [sapa-129, police-110, emergency-112]", "hotlines: [sapa-129, polisi]")
    _, problems = problems_of(scratch)
    p = only(problems, "unknown-reference")
    assert p.where.line == line_of(site, "hotlines: [") and "'polisi'" in p.message


def test_missing_translation_is_a_warning_that_fails_strict(scratch):
    site = scratch / "content_src" / "site.yml"
    edit(site, "  en: Ruang Aman\n", "")
    _, problems = problems_of(scratch)
    p = only(problems, "missing-translation")
    assert p.level == Level.WARNING and p.where.path == "content_src/site.yml"
    assert problems.fails(strict=True) and not problems.fails(strict=False)


def test_missing_language_section_of_a_page(scratch):
    page = scratch / "content_src" / "pages" / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.split("<!-- lang: en -->")[0], encoding="utf-8")
    content, problems = problems_of(scratch)
    p = only(problems, "missing-translation")
    assert "no en section" in p.message and p.where.path == "content_src/pages/index.md"
    assert content.published_pages() == []  # never published in one language only


def test_translation_mismatch_of_placeholders(scratch):
    page = scratch / "content_src" / "pages" / "index.md"
    text = page.read_text(encoding="utf-8")
    head, en = text.split("<!-- lang: en -->")
    page.write_text(head + "<!-- lang: en -->" + en.replace("{{ hotlines }}", ""), encoding="utf-8")
    _, problems = problems_of(scratch)
    p = only(problems, "translation-mismatch")
    assert p.where.line == line_of(page, "<!-- lang: en -->") + 1 and "{{ hotlines }}" in p.message


def test_phone_number_typed_into_prose(scratch):
    page = scratch / "content_src" / "pages" / "index.md"
    edit(page, "# Kamu tidak sendirian\n", "# Kamu tidak sendirian\n\nTelepon 0811-1129-129 sekarang.\n")
    _, problems = problems_of(scratch)
    p = only(problems, "number-in-prose")
    assert (p.where.line, p.where.col) == (line_of(page, "Telepon 0811"), 9)
    assert "{{ contact KEY }}" in p.hint


def test_unknown_placeholder(scratch):
    page = scratch / "content_src" / "pages" / "index.md"
    edit(page, "{{ hotlines }}", "{{ hotline }}")
    _, problems = problems_of(scratch)
    p = only(problems, "unknown-placeholder")
    assert (p.where.line, p.where.col) == (line_of(page, "{{ hotline }}"), 1) and "hotlines" in p.hint


def test_broken_link(scratch):
    page = scratch / "content_src" / "pages" / "index.md"
    edit(page, "# You are not alone\n", "# You are not alone\n\nSee [help](bantuan.html).\n")
    _, problems = problems_of(scratch)
    p = only(problems, "broken-link")
    assert p.where.line == line_of(page, "[help](bantuan.html)") and "'bantuan.html'" in p.message


def test_front_matter_missing(scratch):
    page = scratch / "content_src" / "pages" / "other.md"
    page.write_text("# Just a heading\n", encoding="utf-8")
    _, problems = problems_of(scratch)
    p = only(problems, "front-matter")
    assert (p.where.path, p.where.line) == ("content_src/pages/other.md", 1)


def test_text_outside_a_language_section(scratch):
    page = scratch / "content_src" / "pages" / "index.md"
    edit(page, "<!-- lang: id -->\n", "Stray text\n<!-- lang: id -->\n")
    _, problems = problems_of(scratch)
    p = only(problems, "text-outside-language")
    assert p.where.line == line_of(page, "Stray text")


def test_placeholder_text_is_a_warning(scratch):
    page = scratch / "content_src" / "pages" / "index.md"
    edit(page, "# You are not alone\n", "# You are not alone\n\nTODO translate the rest\n")
    _, problems = problems_of(scratch)
    p = only(problems, "placeholder")
    assert p.level == Level.WARNING and p.where.line == line_of(page, "TODO translate")


def test_totals_must_add_up(scratch):
    (scratch / "content_src" / "statistics.yml").write_text(
        "datasets:\n  - key: cases\n    title: {id: Kasus, en: Cases}\n    unit: {id: kasus, en: cases}\n"
        "    note: {id: Kasus tercatat., en: Recorded cases.}\n    periods: [2014, 2015]\n    source: triana-2019\n"
        "    series:\n      - key: kdrt\n        label: {id: KDRT, en: Domestic violence}\n        values: [29, 37]\n        total: 67\n",
        encoding="utf-8",
    )
    _, problems = problems_of(scratch)
    p = only(problems, "total-mismatch")
    assert (p.where.path, p.where.line) == ("content_src/statistics.yml", 12) and "add up to 66" in p.message


def test_unknown_file_is_reported(scratch):
    (scratch / "content_src" / "kontak.yml").write_text("contacts: []\n", encoding="utf-8")
    _, problems = problems_of(scratch)
    p = only(problems, "unknown-file")
    assert p.where.path == "content_src/kontak.yml" and "contacts.yml" in p.hint


def test_contact_freshness_is_a_notice_judged_on_the_injected_date(scratch):
    import datetime as dt

    _, fresh = problems_of(scratch, on=TODAY)
    assert not [p for p in fresh.items if p.code == "stale-contact"]
    _, old = problems_of(scratch, on=TODAY + dt.timedelta(days=181))
    p = only(old, "stale-contact")
    assert p.level == Level.NOTICE and not old.fails(strict=True) and "kemenpppa.go.id" in p.hint


def test_every_problem_is_reported_in_one_run_by_the_cli(scratch):
    edit(scratch / "content_src" / "pages" / "index.md", "title:\n", "titel:\n")
    edit(scratch / "content_src" / "contacts.yml", "whatsapp: 08111-129-129", "whatsapp: 0812-34")
    edit(scratch / "content_src" / "site.yml", "hotlines: [sapa-129, police-110, emergency-112]", "hotlines: [nope]")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--root", str(scratch), "--today", "2026-11-29", "check", "--strict"],
        capture_output=True, text=True,
    )
    assert result.returncode == 1
    lines = [l for l in result.stderr.splitlines() if re.match(r"^content_src/\S+:\d+:\d+: error\[", l)]
    codes = {re.search(r"error\[([a-z-]+)\]", l).group(1) for l in lines}
    assert {"unknown-key", "invalid-phone", "unknown-reference"} <= codes
    assert "Traceback" not in result.stderr


def test_a_page_that_is_not_utf8_is_an_encoding_error_not_a_crash(scratch):
    page = scratch / "content_src" / "pages" / "lain.md"
    page.write_bytes("---\ntitle:\n  id: Lain\n---\n<!-- lang: id -->\nKata \u00e9\n".encode("latin-1"))
    _, problems = problems_of(scratch)
    p = only(problems, "encoding")
    assert (p.where.path, p.where.line) == ("content_src/pages/lain.md", 6) and "UTF-8" in p.hint


def test_a_byte_order_mark_is_accepted(scratch):
    page = scratch / "content_src" / "pages" / "index.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    content, problems = problems_of(scratch)
    assert content is not None and not problems.fails(strict=True), [p.format() for p in problems.items]


def test_unknown_and_repeated_language_markers(scratch):
    page = scratch / "content_src" / "pages" / "index.md"
    edit(page, "<!-- lang: en -->\n", "<!-- lang: fr -->\nBonjour\n<!-- lang: id -->\n<!-- lang: en -->\n")
    _, problems = problems_of(scratch)
    assert only(problems, "unknown-language").where.line == line_of(page, "<!-- lang: fr -->")
    assert only(problems, "duplicate-language").where.line == line_of(page, "<!-- lang: fr -->") + 2


def test_missing_site_settings(scratch):
    (scratch / "content_src" / "site.yml").unlink()
    content, problems = problems_of(scratch)
    p = only(problems, "missing-file")
    assert content is None and p.where.path == "content_src/site.yml" and "restore" in p.hint


def test_an_unreadable_data_file_is_reported_once_not_at_every_reference(scratch):
    contacts = scratch / "content_src" / "contacts.yml"
    contacts.write_text(contacts.read_text(encoding="utf-8").replace("  - key: police-110\n", "  - key: police-110\n   bad: [\n", 1), encoding="utf-8")
    _, problems = problems_of(scratch)
    assert only(problems, "yaml-syntax").where.path == "content_src/contacts.yml"
    assert [p.code for p in problems.items if p.level == Level.ERROR] == ["yaml-syntax"]


def test_a_published_page_linking_to_a_draft_fails_strict(scratch):
    pages = scratch / "content_src" / "pages"
    (pages / "draf.md").write_text("---\ntitle:\n  id: Draf\ndescription:\n  id: Draf.\ndraft: true\n---\n<!-- lang: id -->\n# Draf\n", encoding="utf-8")
    edit(pages / "index.md", "# You are not alone\n", "# You are not alone\n\nSee {{ link draf }}.\n")
    _, problems = problems_of(scratch)
    p = only(problems, "broken-link")
    assert p.level == Level.WARNING and p.where.line == line_of(pages / "index.md", "{{ link draf }}") and "draft" in p.message


def test_a_future_check_date_is_only_a_notice(scratch):
    contacts = scratch / "content_src" / "contacts.yml"
    edit(contacts, "verified_on: 2026-11-29", "verified_on: 2026-11-30")
    _, problems = problems_of(scratch)
    assert not problems.fails(strict=True)
    assert only(problems, "stale-contact").level == Level.NOTICE


def test_the_unknown_key_message_names_where_it_is(scratch):
    contacts = scratch / "content_src" / "contacts.yml"
    edit(contacts, "    scope: national\n    phone: \"110\"", "    scope: national\n    telepon: \"110\"")
    _, problems = problems_of(scratch)
    p = only(problems, "unknown-key")
    assert p.message == "unknown key 'telepon' in contacts[1]." and "slug" not in p.hint


def test_a_doubt_about_a_contact_needs_a_caveat_for_readers(scratch):
    """needs_verification is for staff; without a bilingual `caveat` readers would never see the doubt."""
    contacts = scratch / "content_src" / "contacts.yml"
    edit(contacts, "    phone: \"110\"\n", "    phone: \"110\"\n    needs_verification: only in one news report\n")
    _, problems = problems_of(scratch)
    p = only(problems, "invalid-value")
    assert p.level == Level.ERROR and p.where.path == "content_src/contacts.yml"
    assert p.where.line == line_of(contacts, "key: police-110")
    assert "needs a `caveat`" in p.message and "readers see next to the number" in p.message


def test_a_second_way_to_dial_is_checked_like_the_number(scratch):
    contacts = scratch / "content_src" / "contacts.yml"
    edit(contacts, "    phone: \"129\"\n", "    phone: \"129\"\n    phone_alt: \"021-999\"\n")
    _, problems = problems_of(scratch)
    p = only(problems, "invalid-phone")
    assert (p.where.line, p.where.col) == (line_of(contacts, "021-999"), 16)
    assert 'phone_alt "021-999" is not a valid Indonesian number' in p.message


# --- languages are data (site.yml: languages) --------------------------------------------------------


def test_a_text_in_an_undeclared_language_is_an_error_at_its_key(scratch):
    contacts = scratch / "content_src" / "contacts.yml"
    edit(contacts, "    name: {id: Polisi, en: Police}\n", "    name: {id: Polisi, en: Police, jv: Pulisi}\n")
    _, problems = problems_of(scratch)
    p = only(problems, "unknown-language")
    assert p.level == Level.ERROR
    assert (p.where.path, p.where.line, p.where.col) == ("content_src/contacts.yml", line_of(contacts, "jv: Pulisi"), 36)
    assert p.message == "contacts[1].name: 'jv' is not a language of this site."
    assert "id, en" in p.hint and "make new-language" in p.hint


def test_a_text_without_the_default_language_is_an_error_at_the_text(scratch):
    contacts = scratch / "content_src" / "contacts.yml"
    edit(contacts, "    name: {id: Polisi, en: Police}\n", "    name: {en: Police}\n")
    _, problems = problems_of(scratch)
    p = only(problems, "missing-field")
    assert (p.where.path, p.where.line, p.where.col) == ("content_src/contacts.yml", line_of(contacts, "{en: Police}"), 11)
    assert p.message == "contacts[1].name: the id text is missing." and "add 'id:'" in p.hint


def test_a_missing_translation_names_the_language(scratch):
    contacts = scratch / "content_src" / "contacts.yml"
    edit(contacts, "    name: {id: Polisi, en: Police}\n", "    name: {id: Polisi}\n")
    _, problems = problems_of(scratch)
    p = only(problems, "missing-translation")
    assert p.level == Level.WARNING and p.where.line == line_of(contacts, "{id: Polisi}")
    assert "the English (en) text of 'name' is missing" in p.message and "add a 'en:' line" in p.hint


def test_a_page_section_in_an_undeclared_language_is_an_error(scratch):
    page = next((scratch / "content_src" / "pages").glob("*.md"))
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n<!-- lang: jv -->\nTeks.\n", encoding="utf-8")
    _, problems = problems_of(scratch)
    p = only(problems, "unknown-language")
    assert p.where.line == len(text.split("\n")) + 1 and "(this site's languages: id, en)" in p.message


def test_a_third_language_is_accepted_and_its_gaps_are_warnings(scratch):
    site = scratch / "content_src" / "site.yml"
    edit(site, "    stemmer: en\n", "    stemmer: en\n  - code: jv\n    name: Basa Jawa\n    folder: jv\n    numbers: {decimal: ',', group: '.'}\n")
    content, problems = problems_of(scratch)
    assert content is not None and content.site.codes() == ("id", "en", "jv")
    gaps = [p for p in problems.items if p.code == "missing-translation"]
    assert gaps and all(p.level == Level.WARNING and "jv" in p.message for p in gaps)


def test_two_default_languages_are_refused(scratch):
    site = scratch / "content_src" / "site.yml"
    edit(site, "    folder: en\n", "    folder: en\n    default: true\n")
    content, problems = problems_of(scratch)
    assert content is None
    p = only(problems, "invalid-value")
    assert p.where.path == "content_src/site.yml" and "exactly one language must have 'default: true'" in p.message
def test_a_page_behind_no_door_is_a_warning_and_a_door_to_nowhere_an_error(scratch):
    site = scratch / "content_src" / "site.yml"
    text = site.read_text(encoding="utf-8")
    site.write_text(text + "doors:\n  - key: satu\n    title: {id: Satu, en: One}\n    pages: [tidak-ada]\n", encoding="utf-8")
    page = scratch / "content_src" / "pages" / "index.md"
    (scratch / "content_src" / "pages" / "lain.md").write_text(
        page.read_text(encoding="utf-8").replace("nav: 1", "nav: 2") if "nav: 1" in page.read_text(encoding="utf-8")
        else page.read_text(encoding="utf-8").replace("---\n<!--", "nav: 2\n---\n<!--", 1), encoding="utf-8")
    _, problems = problems_of(scratch)
    p = only(problems, "unknown-reference")
    assert p.where.path == "content_src/site.yml" and p.where.line == line_of(site, "pages: [tidak-ada]")
    assert "door 'satu' lists page 'tidak-ada'" in p.message
    w = only(problems, "door")
    assert w.level == Level.NOTICE and "page 'lain' is behind no door" in w.message and "site.yml" in w.hint

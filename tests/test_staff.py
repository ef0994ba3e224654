"""The make targets campaign staff use, driven on a scratch copy of the project."""

from __future__ import annotations

import re
import subprocess

from ra_testing import ROOT, make

from ruang_aman.load import load_content


def test_new_page_writes_a_draft_that_builds_and_is_left_out_of_the_site(staff_copy):
    result = make(staff_copy, "new-page", "SLUG=kontak-sekolah")
    assert result.returncode == 0, result.stderr
    page = staff_copy / "content_src" / "pages" / "kontak-sekolah.md"
    assert "draft: true" in page.read_text(encoding="utf-8")
    check = make(staff_copy, "check")
    assert check.returncode == 0, check.stderr
    assert re.search(r"content_src/pages/kontak-sekolah\.md:\d+:\d+: notice\[draft\]", check.stderr)
    again = make(staff_copy, "new-page", "SLUG=kontak-sekolah")
    assert again.returncode != 0 and "already exists" in again.stderr
    bad = make(staff_copy, "new-page", "SLUG=Bad Slug")
    assert bad.returncode != 0 and "not a valid slug" in bad.stderr


def test_new_poster_writes_a_valid_poster(staff_copy):
    result = make(staff_copy, "new-poster", "SLUG=poster-baru")
    assert result.returncode == 0, result.stderr
    content, problems, _ = load_content(staff_copy)
    assert content is not None and any(p.slug == "poster-baru" for p in content.posters)
    assert not [p for p in problems.items if "poster-baru" in p.where.path and p.level > 0]


def test_a_broken_edit_names_file_and_line(staff_copy):
    contacts = staff_copy / "content_src" / "contacts.yml"
    text = contacts.read_text(encoding="utf-8")
    contacts.write_text(text.replace("whatsapp: 08111-129-129", "whatsapp: 0812-34", 1), encoding="utf-8")
    line = next(i for i, l in enumerate(contacts.read_text(encoding="utf-8").splitlines(), 1) if "0812-34" in l)
    result = make(staff_copy, "check")
    assert result.returncode != 0
    assert f"content_src/contacts.yml:{line}:" in result.stderr and "error[invalid-phone]" in result.stderr
    assert "hint:" in result.stderr


def test_an_indonesian_change_marks_the_english_outdated(staff_copy):
    assert make(staff_copy, "mark-translated", "SLUG=index").returncode == 0
    table = make(staff_copy, "translations").stdout
    assert re.search(r"^index\s+written\s+written\s+complete$", table, re.MULTILINE), table
    page = staff_copy / "content_src" / "pages" / "index.md"
    text = page.read_text(encoding="utf-8")
    head, rest = text.split("<!-- lang: id -->", 1)
    page.write_text(head + "<!-- lang: id -->\nKalimat baru di awal.\n" + rest, encoding="utf-8")
    table = make(staff_copy, "translations").stdout
    assert re.search(r"^index\s+written\s+outdated\s+outdated$", table, re.MULTILINE), table
    check = make(staff_copy, "check")
    assert "notice[outdated-translation]" in check.stderr and check.returncode == 0
    from ruang_aman.build import build

    site = staff_copy / "site"
    assert build(staff_copy, strict=True, site_dir=site, posters=False, quiet=True) == 0
    assert "ra-banner--outdated" in (site / "en" / "index.html").read_text(encoding="utf-8")
    assert "ra-banner--outdated" not in (site / "index.html").read_text(encoding="utf-8")


def test_an_old_contact_is_reported_with_its_source(staff_copy):
    result = subprocess.run(
        [str(staff_copy / ".venv" / "bin" / "python"), "scripts/build_site.py", "--today", "2031-01-01", "check"],
        cwd=staff_copy, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"content_src/contacts\.yml:\d+:\d+: notice\[stale-contact\]: contact 'sapa-129'", result.stderr)
    assert "check it again at" in result.stderr


def test_make_help_lists_every_staff_target():
    text = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True).stdout
    for target in ("site", "test", "serve", "check", "new-page", "new-poster", "new-language", "translations", "mark-translated", "privacy", "bench"):
        assert re.search(rf"^{target}\s", text, re.MULTILINE), target


def test_a_changed_indonesian_data_text_marks_its_english_outdated(staff_copy):
    assert make(staff_copy, "mark-translated").returncode == 0
    contacts = staff_copy / "content_src" / "contacts.yml"
    text = contacts.read_text(encoding="utf-8")
    contacts.write_text(text.replace("name: {id: Polisi,", "name: {id: Polisi Republik Indonesia,", 1), encoding="utf-8")
    table = make(staff_copy, "translations").stdout
    assert re.search(r"^contacts\.yml\s+written\s+outdated\s+outdated \(1 of \d+ texts\)$", table, re.MULTILINE), table
    check = make(staff_copy, "check")
    line = next(i for i, l in enumerate(contacts.read_text(encoding="utf-8").splitlines(), 1) if "Polisi Republik" in l)
    assert re.search(rf"content_src/contacts\.yml:{line}:\d+: notice\[outdated-translation\]: the Bahasa Indonesia text of 'contacts\.yml:police-110\.name' changed after its English \(en\) translation", check.stderr), check.stderr


def test_a_new_page_cannot_be_published_before_its_english_is_written(staff_copy):
    assert make(staff_copy, "new-page", "SLUG=halaman-baru").returncode == 0
    page = staff_copy / "content_src" / "pages" / "halaman-baru.md"
    page.write_text(page.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    check = make(staff_copy, "check")
    assert check.returncode != 0 and "warning[missing-translation]" in check.stderr
    assert "content_src/pages/halaman-baru.md" in check.stderr


def test_a_new_poster_is_a_draft_that_is_not_published(staff_copy):
    from ruang_aman.build import build

    assert make(staff_copy, "new-poster", "SLUG=poster-baru").returncode == 0
    check = make(staff_copy, "check")
    assert re.search(r"content_src/posters/poster-baru\.yml:\d+:\d+: notice\[draft\]", check.stderr), check.stderr
    site = staff_copy / "site"
    assert build(staff_copy, strict=True, site_dir=site, posters=False, quiet=True) == 0
    assert "poster-baru" not in (site / "poster.html").read_text(encoding="utf-8")

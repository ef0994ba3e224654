"""The real content in content_src/: complete, bilingual, sourced, and true to its sources.

These tests read content_src/ through the real loader, so they fail when an edit breaks the
promises the site makes to its readers: every page in both languages with the same sections and
the same data, every number sourced and dated, every figure equal to the source.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
TODAY = dt.date(2026, 12, 3)  # the latest date a contact was checked on; nothing here reads the clock

from ruang_aman.checks import PLACEHOLDER_RE  # noqa: E402
from ruang_aman.load import load_content  # noqa: E402
from ruang_aman.placeholders import find_macros, signature  # noqa: E402
from ruang_aman.phones import parse_phone  # noqa: E402
from ruang_aman.problems import Level  # noqa: E402

CONTENT_DIR = ROOT / "content_src"
# The languages site.yml declares, read here without the loader: every page must have all of them.
LANGS = tuple(lang["code"] for lang in yaml.safe_load((CONTENT_DIR / "site.yml").read_text(encoding="utf-8"))["languages"])

# The pages the issue asks for (and the theme and poster writer link to), plus the poster gallery.
REQUIRED_SLUGS = (
    "index", "bantuan", "jenis-kekerasan", "dampak", "hak-dan-hukum", "cara-melapor", "pencegahan",
    "anak-dan-remaja", "mitos-dan-fakta", "statistik", "media", "aman-menjelajah", "tentang", "poster",
    # issue 12: what a reader in danger needs
    "rencana-keselamatan", "setelah-kekerasan-seksual", "lapor-polisi", "untuk-orang-tua-dan-sekolah",
    "untuk-saksi-dan-tetangga", "kekerasan-online", "perdagangan-orang-dan-perkawinan-anak", "hak-asuh-anak",
    "kelompok-rentan",
)

# What each page must show (a placeholder signature that must appear in every language).
REQUIRED_DATA = {
    "index": [("hotlines", ())],
    "bantuan": [("contacts", ("local",)), ("steps", ())],
    "jenis-kekerasan": [("violence", ("general",)), ("violence", ("child",))],
    "hak-dan-hukum": [("laws", ())],
    "mitos-dan-fakta": [("myths", ())],
    "statistik": [("stats", ("p2tp2a-2014-2017",))],
    "tentang": [("sources", ())],
    "poster": [("posters", ())],
    "hak-asuh-anak": [("fact", ("hak-asuh-anak-2014-2017",))],
    "dampak": [("impacts", ()), ("contact", ("kemenkes-kesehatan-jiwa",))],
    "lapor-polisi": [("contact", ("lpsk",))],
}

# The P2TP2A table exactly as the study (Triana 2019) reports it: values 2014-2017 and the total it states.
STUDY_TABLE = {
    "kdrt": ([29, 37, 31, 48], 145),
    "kekerasan-seksual": ([14, 27, 37, 15], 93),
    "penelantaran": ([8, 15, 9, 9], 41),
    "hak-asuh-anak": ([2, 17, 14, 18], 51),
    "kekerasan-fisik": ([4, 1, 0, 23], 28),
    "lain-lain": ([0, 8, 26, 28], 62),
}

HEADING_LINE_RE = re.compile(r"^(#{2,3})\s+\S", re.MULTILINE)
PAGE_LINK_RE = re.compile(r"\]\(([a-z0-9-]+)\.html(?:#[^)]*)?\)")


@pytest.fixture(scope="module")
def loaded():
    content, problems, _ = load_content(ROOT, on=TODAY)
    return content, problems


@pytest.fixture(scope="module")
def content(loaded):
    content, problems = loaded
    assert content is not None, "content_src/ does not load: run `scripts/build_site.py check --strict`"
    return content


def _shown(problems, level: Level) -> str:
    return "\n".join(p.format() for p in problems.at(level))


# --- The whole set -----------------------------------------------------------------------------------


def test_content_passes_the_strict_check(loaded):
    """No errors and no warnings: the state `make site` (strict) needs."""
    _, problems = loaded
    assert not problems.at(Level.ERROR), _shown(problems, Level.ERROR)
    assert not problems.at(Level.WARNING), _shown(problems, Level.WARNING)


def test_only_expected_notices(loaded):
    """Notices are allowed only for contacts listed without a number (needs-verification)."""
    _, problems = loaded
    unexpected = [p for p in problems.at(Level.NOTICE) if p.code != "needs-verification"]
    assert not unexpected, "\n".join(p.format() for p in unexpected)


# --- Pages -------------------------------------------------------------------------------------------


def test_every_required_page_exists_and_is_published(content):
    slugs = {p.slug for p in content.published_pages()}
    missing = [s for s in REQUIRED_SLUGS if s not in slugs]
    assert not missing, f"missing or draft pages: {missing}"


@pytest.mark.parametrize("slug", REQUIRED_SLUGS)
def test_page_has_both_languages_with_title_and_description(content, slug):
    page = content.page(slug)
    assert page is not None and not page.draft
    for lang in LANGS:
        assert lang in page.bodies, f"{slug}: no {lang} text"
        assert page.bodies[lang].markdown.strip(), f"{slug}: empty {lang} text"
        assert page.title.get(lang), f"{slug}: no {lang} title"
        assert page.description.get(lang), f"{slug}: no {lang} description"


@pytest.mark.parametrize("slug", REQUIRED_SLUGS)
def test_languages_have_the_same_section_structure(content, slug):
    """Same ## / ### headings, in the same order and at the same levels."""
    page = content.page(slug)
    structures = {lang: HEADING_LINE_RE.findall(page.bodies[lang].markdown) for lang in LANGS}
    assert len({tuple(s) for s in structures.values()}) == 1, f"{slug}: {structures}"


@pytest.mark.parametrize("slug", REQUIRED_SLUGS)
def test_languages_show_the_same_data(content, slug):
    """Same placeholders in the same order (the loader's own signature), and links to the same pages."""
    page = content.page(slug)
    signatures = {lang: signature(page.bodies[lang].markdown) for lang in LANGS}
    assert len({tuple(s) for s in signatures.values()}) == 1, f"{slug}: {signatures}"

    def linked(markdown: str) -> Counter:
        macros = [m.args[0] for m in find_macros(markdown) if m.name == "link"]
        return Counter(macros + PAGE_LINK_RE.findall(markdown))

    links = {lang: linked(page.bodies[lang].markdown) for lang in LANGS}
    assert len({tuple(sorted(c.items())) for c in links.values()}) == 1, f"{slug}: {links}"


@pytest.mark.parametrize("slug", sorted(REQUIRED_DATA))
def test_page_shows_the_data_it_is_for(content, slug):
    page = content.page(slug)
    for lang in LANGS:
        shown = signature(page.bodies[lang].markdown)
        for wanted in REQUIRED_DATA[slug]:
            assert wanted in shown, f"{slug} ({lang}) does not show {{{{ {' '.join((wanted[0],) + wanted[1])} }}}}"


def test_home_puts_the_hotlines_before_the_doors(content):
    """A landing page: the hotlines once, then the doors (site.yml doors:), danger first; one opens the self-check."""
    page = content.page("index")
    for lang in LANGS:
        markdown = page.bodies[lang].markdown
        hotlines = markdown.find("{{ hotlines }}")
        assert hotlines != -1 and markdown.count("{{ hotlines }}") == 1, lang
        assert markdown.find("{{ doors }}") > hotlines, lang
    doors = {door.key: door.pages[0] for door in content.site.doors}
    assert content.site.doors[0].pages[0] == "bantuan", "danger first"
    assert doors["memahami"] == "apakah-ini-kekerasan", "'Is this violence?' opens the self-check"


def test_navigation_positions_are_unique_and_home_comes_first(content):
    positions = [p.nav for p in content.pages if p.nav is not None]
    assert len(positions) == len(set(positions)), sorted(positions)
    assert content.page("index").nav == min(positions)
    assert all(content.page(s).nav is not None for s in REQUIRED_SLUGS)


# --- Contacts ----------------------------------------------------------------------------------------


def test_every_contact_has_a_source_and_a_check_date(content):
    assert content.contacts
    for contact in content.contacts:
        assert contact.source.strip(), contact.key
        assert contact.verified_on <= TODAY, f"{contact.key}: verified in the future"


def test_every_number_is_valid_and_comes_from_a_page_that_can_be_rechecked(content, loaded):
    """A number is only shown with the address of the page it was read on (validity: the loader's check)."""
    assert not [p for p in loaded[1].items if p.code == "invalid-phone"]
    for contact in content.contacts:
        if contact.phone or contact.whatsapp:
            assert re.match(r"^https?://\S+$", contact.source), f"{contact.key}: numbers need a page address as source"


def test_hotlines_are_reachable_contacts(content):
    for key in content.site.hotlines:
        contact = content.contact(key)
        assert contact is not None, key
        assert contact.phone or contact.whatsapp, f"hotline {key} has no number"


def test_national_numbers_are_the_published_ones(content):
    """The national numbers are fixed by the ministry and the police: a typo here would be dangerous."""
    expected = {"sapa-129": ("129", "+628111129129"), "police-110": ("110", None), "emergency-112": ("112", None)}
    for key, (phone, whatsapp) in expected.items():
        contact = content.contact(key)
        assert contact is not None, key
        assert parse_phone(contact.phone).e164 == phone
        assert (parse_phone(contact.whatsapp).e164 if contact.whatsapp else None) == whatsapp


def test_contact_sources_are_citations_only(content):
    """`source` is shown as-is on every language's page: a page address, or a short citation, never prose."""
    for contact in content.contacts:
        source = contact.source
        if re.match(r"^https?://\S+$", source):
            continue
        assert len(source) <= 80 and ";" not in source, f"{contact.key}: source must be a citation only: {source!r}"
        assert re.search(r"\(\d{4}\)", source), f"{contact.key}: a citation names its year, e.g. 'Triana (2019), ...'"


def test_contact_texts_shown_on_pages_are_bilingual(content):
    """Every text a contact card shows has an English version (the address included)."""
    for contact in content.contacts:
        for field in ("name", "role", "address", "hours", "cost", "note"):
            text = getattr(contact, field)
            if text is not None:
                assert text.get("en"), f"{contact.key}.{field}: no English"


def test_numbers_sourced_only_to_news_are_flagged_for_staff(content):
    """PUSPAGA's and DP3AKB's numbers come from news reports, not from the services' own pages."""
    for key in ("puspaga-balikpapan", "dp3akb-balikpapan"):
        contact = content.contact(key)
        assert contact.needs_verification, f"{key}: say why the number still needs checking"


def test_balikpapan_services_are_listed(content):
    local = {c.key for c in content.contacts if c.scope == "local"}
    for key in ("uptd-ppa-balikpapan", "puspaga-balikpapan", "dp3akb-balikpapan"):
        assert key in local, key


# --- Figures -----------------------------------------------------------------------------------------


def test_every_dataset_row_adds_up_to_the_total_the_source_states(content):
    assert content.datasets
    for dataset in content.datasets:
        for series in dataset.series:
            assert len(series.values) == len(dataset.periods), f"{dataset.key}/{series.key}"
            assert series.total is not None, f"{dataset.key}/{series.key}: state the source's total"
            assert sum(series.values) == series.total, f"{dataset.key}/{series.key}"


def test_p2tp2a_figures_equal_the_study(content):
    dataset = next(d for d in content.datasets if d.key == "p2tp2a-2014-2017")
    assert dataset.periods == [2014, 2015, 2016, 2017]
    assert dataset.source == "triana-2019"
    got = {s.key: (s.values, s.total) for s in dataset.series}
    assert got == STUDY_TABLE


def test_facts_that_repeat_a_dataset_total_equal_it(content):
    dataset = next(d for d in content.datasets if d.key == "p2tp2a-2014-2017")
    totals = {s.key: s.total for s in dataset.series}
    facts = {f.key: f.value for f in content.facts}
    assert facts["kdrt-2014-2017"] == totals["kdrt"]
    assert facts["kekerasan-seksual-2014-2017"] == totals["kekerasan-seksual"]
    assert facts["kasus-anak-mei-2018"] == 22  # by May 2018, as quoted in the study
    assert facts["hak-asuh-anak-2014-2017"] == totals["hak-asuh-anak"]


# --- Records -----------------------------------------------------------------------------------------


def test_violence_covers_the_general_forms_and_the_four_forms_of_child_abuse(content):
    general = {v.key for v in content.violence if v.group == "general"}
    child = [v.key for v in content.violence if v.group == "child"]
    assert {"fisik", "psikis", "verbal", "seksual", "penelantaran-rumah-tangga"} <= general
    assert len(child) == 4, child
    for kind in content.violence:
        for field in ("examples", "signs"):
            items = getattr(kind, field)
            assert len(items.get("id")) == len(items.get("en") or []), f"{kind.key}.{field}"


def test_the_four_laws_are_described(content):
    shorts = {law.short for law in content.laws}
    assert {"UU 23/2004", "UU 35/2014", "UU 12/2022", "UU 11/2012"} <= shorts
    for law in content.laws:
        assert len(law.protects.get("id")) == len(law.protects.get("en") or []), law.key


def test_every_record_cites_a_known_source(content):
    sources = {s.key for s in content.sources}
    for field in ("violence", "impacts", "laws", "myths", "steps", "datasets", "facts"):
        for record in getattr(content, field):
            assert record.source in sources, f"{field}/{record.key}: {record.source}"


def test_every_law_has_a_source_entry_with_its_year(content):
    by_key = {s.key: s for s in content.sources}
    for law in content.laws:
        source = by_key[law.source]
        year = law.short.rsplit("/", 1)[1]
        assert source.year == int(year), law.key
        assert year in source.title, law.key


def test_every_source_has_a_readable_title_a_year_and_where_to_find_it(content):
    """Title, year (or a note saying the page shows none) and a URL or publisher, as the About page lists them."""
    for source in content.sources:
        assert source.title and "tidak terbaca" not in source.title.lower(), f"{source.key}: unreadable title"
        assert source.url or source.publisher, f"{source.key}: say where to find it"
        if source.year is None:
            assert source.note and source.note.get("en"), f"{source.key}: no year; add a note saying the page shows none"
            assert "tahun" in source.note.get("id").lower() and "year" in source.note.get("en").lower(), (
                f"{source.key}: the note must say that the page shows no year"
            )


# --- Text hygiene ------------------------------------------------------------------------------------


# Guides for editors explain the placeholder rule by naming the words; they are not published.
EDITOR_GUIDES = {"README.md", "EDITING.md"}


def _content_files() -> list[Path]:
    """Every file in content_src/ whose text can reach the site."""
    return sorted(
        p for p in CONTENT_DIR.rglob("*")
        if p.is_file() and p.suffix in (".md", ".yml", ".yaml") and p.name not in EDITOR_GUIDES
    )


def test_no_placeholder_text_anywhere_in_content_src():
    found = []
    for path in _content_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if PLACEHOLDER_RE.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:80]}")
    assert not found, "\n".join(found)


def test_no_unknown_placeholders_in_pages(content):
    from ruang_aman.placeholders import BY_NAME as MACROS

    for page in content.pages:
        for lang, body in page.bodies.items():
            unknown = [m.name for m in find_macros(body.markdown) if m.name not in MACROS]
            assert not unknown, f"{page.slug} ({lang}): {unknown}"

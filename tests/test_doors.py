"""The site's doors (site.yml `doors:`): a reader finds their way in one step, and every page has one door."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

LANGS = ("id", "en")  # the languages this content is written in (content_src/site.yml)
from ruang_aman.load import load_content  # noqa: E402
from ruang_aman.pages import nav_for  # noqa: E402


@pytest.fixture(scope="module")
def content():
    loaded, _, _ = load_content(ROOT)
    assert loaded is not None
    return loaded


def test_every_page_in_the_navigation_is_behind_exactly_one_door(content):
    behind = [slug for door in content.site.doors for slug in door.pages]
    assert len(behind) == len(set(behind)), "a page behind two doors"
    navigable = {p.slug for p in content.published_pages() if p.nav is not None and p.slug != "index"}
    assert navigable == set(behind), navigable ^ set(behind)


def test_the_first_door_is_for_a_reader_in_danger_now(content):
    first = content.site.doors[0]
    assert first.key == "bahaya-sekarang" and first.pages[0] == "bantuan"
    assert {"rencana-keselamatan", "aman-menjelajah"} <= set(first.pages)
    assert "bahaya sekarang" in first.title.pick("id") and "danger now" in first.title.pick("en")


def test_the_doors_cover_the_readers_the_issue_names(content):
    doors = {d.key: set(d.pages) for d in content.site.doors}
    assert {"setelah-kekerasan-seksual", "lapor-polisi"} <= doors["cari-bantuan"]
    assert {"jenis-kekerasan", "kekerasan-online"} <= doors["memahami"]
    assert {"untuk-orang-tua-dan-sekolah", "untuk-saksi-dan-tetangga"} <= doors["orang-lain"]
    assert doors["media"] == {"media"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_navigation_is_home_then_one_section_per_door_in_order(content, lang):
    nav = nav_for(tuple(content.published_pages()), content.site.language(lang), content.site.doors)
    assert list(nav[0].values()) == ["index.md"], "home comes first"
    sections = nav[1:]
    assert [list(s)[0] for s in sections] == [d.title.pick(lang) for d in content.site.doors]
    for section, door in zip(sections, content.site.doors):
        pages = [list(item.values())[0] for item in list(section.values())[0]]
        assert pages == [f"{slug}.md" for slug in door.pages]

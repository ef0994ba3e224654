"""The one module that makes addresses: checked against addresses written out by hand."""

from __future__ import annotations

from ra_testing import language

from ruang_aman.urls import lang_dir, language_root, page_url, relative_url, shown_url, site_path, to_root

BASE = "https://ruang-aman.github.io/ruang-aman/"
ID, EN, JV = language("id", ""), language("en"), language("jv", "basa-jawa")


def test_absolute_page_urls():
    assert page_url(BASE, "index", ID) == "https://ruang-aman.github.io/ruang-aman/index.html"
    assert page_url(BASE, "bantuan", ID) == "https://ruang-aman.github.io/ruang-aman/bantuan.html"
    assert page_url(BASE, "bantuan", EN) == "https://ruang-aman.github.io/ruang-aman/en/bantuan.html"
    assert page_url(BASE, "cara-melapor", JV) == "https://ruang-aman.github.io/ruang-aman/basa-jawa/cara-melapor.html"


def test_language_folders_and_relative_links():
    assert (lang_dir(ID), lang_dir(EN), lang_dir(JV)) == ("", "en/", "basa-jawa/")
    assert (to_root(ID), to_root(EN)) == ("", "../")
    assert site_path("bantuan", EN) == "en/bantuan.html"
    assert relative_url("bantuan", EN, ID) == "en/bantuan.html"
    assert relative_url("bantuan", ID, EN) == "../bantuan.html"
    assert relative_url("bantuan", JV, EN) == "../basa-jawa/bantuan.html"
    assert language_root(BASE, EN) == "https://ruang-aman.github.io/ruang-aman/en/"
    assert language_root(BASE, ID) == "https://ruang-aman.github.io/ruang-aman/"


def test_printed_address_has_no_scheme():
    assert shown_url("https://ruang-aman.github.io/ruang-aman/en/bantuan.html") == "ruang-aman.github.io/ruang-aman/en/bantuan.html"

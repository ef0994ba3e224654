"""Poster size names are words, so they live with every other interface word: site.yml labels, one per size
(poster_size_<size>), in every declared language. A third language gets its own (make new-language copies them;
see tests/test_new_language.py), and a name missing for a language is reported at its line."""

from __future__ import annotations

import yaml
from ra_testing import ROOT, TODAY

from ruang_aman.load import load_content
from ruang_aman.model import LABELS
from ruang_aman.posters.spec import LAYOUTS_FILE, load_spec


def test_every_size_is_named_by_a_label_that_site_yml_must_have():
    sizes = load_spec().sizes
    assert [size.label_key for size in sizes.values()] == [f"poster_size_{name}" for name in sizes]
    assert {size.label_key for size in sizes.values()} <= set(LABELS)
    raw = yaml.safe_load(LAYOUTS_FILE.read_text(encoding="utf-8"))["sizes"]
    assert not [name for name, size in raw.items() if "label" in size], "no words in the layout data"


def test_the_gallery_names_sizes_in_the_page_language(real):
    from ruang_aman.posters import gallery_html

    content, _ = real
    id_html = gallery_html(content, content.site.language("id"), "")
    en_html = gallery_html(content, content.site.language("en"), "../")
    assert "Kartu media sosial (1080×1080) · PNG" in id_html and "Social media card" not in id_html
    assert "Social media card (1080×1080) · PNG" in en_html and "Kartu media sosial" not in en_html


def _site_line(site_yml, key: str) -> int:
    return next(i for i, line in enumerate(site_yml.read_text(encoding="utf-8").split("\n"), 1) if line.startswith(f"  {key}:"))


def test_a_size_name_without_a_language_is_reported_at_its_line(scratch):
    site_yml = scratch / "content_src" / "site.yml"
    text = site_yml.read_text(encoding="utf-8")
    line = _site_line(site_yml, "poster_size_square")
    site_yml.write_text(text.replace(', en: "Social media card (1080×1080)"}', "}"), encoding="utf-8")
    _, problems, _ = load_content(scratch, on=TODAY)
    found = [p for p in problems.items if p.code == "missing-translation"]
    assert [(p.where.path, p.where.line) for p in found] == [("content_src/site.yml", line)]
    assert "labels.poster_size_square" in found[0].message and "English (en)" in found[0].message


def test_a_size_without_a_name_is_an_error_naming_the_label(scratch):
    site_yml = scratch / "content_src" / "site.yml"
    text = site_yml.read_text(encoding="utf-8")
    site_yml.write_text("\n".join(x for x in text.split("\n") if not x.startswith("  poster_size_story:")), encoding="utf-8")
    content, problems, _ = load_content(scratch, on=TODAY)
    errors = [p for p in problems.items if p.level >= 2]
    assert content is None and len(errors) == 1 and "labels is missing poster_size_story" in errors[0].message
    assert errors[0].where.path == "content_src/site.yml"


def test_the_real_site_names_every_size_in_every_language():
    content, _, _ = load_content(ROOT, on=TODAY)
    for size in load_spec().sizes.values():
        assert set(content.site.labels[size.label_key].root) == set(content.site.codes()), size.name

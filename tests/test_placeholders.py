"""Placeholders are one registry: the checker, the renderer and the translation tracker all read it."""

from __future__ import annotations

from pathlib import Path

from ra_testing import TODAY

from ruang_aman import placeholders
from ruang_aman.load import load_content
from ruang_aman.pages import Renderer
from ruang_aman.placeholders import REGISTRY, Placeholder
from ruang_aman.translations import data_used_by

GREETING = Placeholder(
    "greeting", "a greeting for one audience: {{ greeting WHO }}", lambda r, who: f'<p class="hi">{r.label("call")} {who}</p>',
    args=(1, 1), choices=lambda content: ("parents", "teachers"), uses=lambda content, args: [f"greetings.yml:{args[0]}."],
)


def _with_body(root: Path, id_text: str, en_text: str) -> None:
    page = root / "content_src" / "pages" / "index.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("{{ hotlines }}\n\n<!-- lang: en -->", f"{{{{ hotlines }}}}\n\n{id_text}\n\n<!-- lang: en -->")
    page.write_text(text.rstrip("\n") + f"\n\n{en_text}\n", encoding="utf-8")


def test_every_placeholder_has_a_help_text_and_a_sane_argument_range():
    assert len({p.name for p in REGISTRY}) == len(REGISTRY)
    for p in REGISTRY:
        assert p.help and 0 <= p.args[0] <= p.args[1] <= 1, p.name


def test_a_new_placeholder_is_one_record_that_checker_renderer_and_tracker_all_know(scratch, monkeypatch):
    monkeypatch.setitem(placeholders.BY_NAME, "greeting", GREETING)
    _with_body(scratch, "{{ greeting parents }}", "{{ greeting parents }}")
    content, problems, _ = load_content(scratch, on=TODAY)
    assert not problems.fails(strict=True), [p.format() for p in problems.items]
    page = content.page("index")
    assert data_used_by(page, content)[-1] == "greetings.yml:parents."
    html = Renderer(content, content.site.language("en")).expand(page.bodies["en"].markdown)
    assert '<p class="hi">Call parents</p>' in html


def test_an_argument_outside_the_records_choices_is_an_error_at_its_place(scratch, monkeypatch):
    monkeypatch.setitem(placeholders.BY_NAME, "greeting", GREETING)
    _with_body(scratch, "{{ greeting parents }}", "Hello {{ greeting pupils }}")
    _, problems, _ = load_content(scratch, on=TODAY)
    found = [p for p in problems.items if p.code == "unknown-reference"]
    assert len(found) == 1
    lines = (scratch / "content_src" / "pages" / "index.md").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, start=1) if "pupils" in text)
    assert (found[0].where.path, found[0].where.line, found[0].where.col) == ("content_src/pages/index.md", line, 7)
    assert found[0].message == "'{{ greeting pupils }}': no such greeting 'pupils'."
    assert found[0].hint == "known: parents, teachers."


def test_without_its_record_the_placeholder_is_unknown_and_the_hint_lists_the_registry(scratch):
    _with_body(scratch, "{{ greeting parents }}", "{{ greeting parents }}")
    _, problems, _ = load_content(scratch, on=TODAY)
    unknown = [p for p in problems.items if p.code == "unknown-placeholder"]
    assert len(unknown) == 2
    listed = unknown[0].hint.removeprefix("placeholders: ").rstrip(".").split(", ")
    assert {"contact", "hotlines", "link", "stats"} <= set(listed) and set(listed) == {p.name for p in REGISTRY}


def test_the_data_a_page_shows_is_what_its_placeholders_read(scratch):
    _with_body(scratch, "{{ contact police-110 }} {{ link index }}", "{{ contact police-110 }} {{ link index }}")
    content, problems, _ = load_content(scratch, on=TODAY)
    assert data_used_by(content.page("index"), content) == [
        "contacts.yml:sapa-129.", "contacts.yml:police-110.", "contacts.yml:emergency-112.",  # {{ hotlines }}
        "contacts.yml:police-110.",                                                           # {{ contact police-110 }}
    ]

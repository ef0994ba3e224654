"""YAML that cannot exhaust memory, and files too large to accept: positioned errors, never a traceback or a hang."""

from __future__ import annotations

import re
import resource
import subprocess
import sys

import pytest
from ra_testing import ROOT, TODAY

from ruang_aman import limits
from ruang_aman.load import load_content
from ruang_aman.problems import Level

# Nine nested anchors: 9^9 (387 million) strings once expanded; the file is 600 bytes.
BOMB = """
bomb:
  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
  h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
  i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""
GIB = 1024 ** 3


def where_in(path, needle: str) -> tuple[int, int]:
    """1-based line and column of the first occurrence of needle in a file (found by reading it)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(f"{needle!r} not in {path}")


def only(problems, code: str):
    found = [p for p in problems.items if p.code == code]
    assert found, f"no {code} in: " + "\n".join(p.format() for p in problems.items)
    return found[0]


def _cap_memory():
    # 2 GiB of address space: an expanding bomb dies with MemoryError instead of taking the machine.
    resource.setrlimit(resource.RLIMIT_AS, (2 * GIB, 2 * GIB))


def test_an_alias_bomb_stops_make_check_with_a_positioned_error_and_no_traceback(project_copy):
    facts = project_copy / "content_src" / "facts.yml"
    facts.write_text(facts.read_text(encoding="utf-8") + BOMB, encoding="utf-8")
    line, col = where_in(facts, "&a")
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--root", str(project_copy), "--today",
         TODAY.isoformat(), "check", "--strict"],
        capture_output=True, text=True, timeout=120, preexec_fn=_cap_memory)
    assert run.returncode == 1, run.stderr[-2000:]
    assert f"content_src/facts.yml:{line}:{col}: error[yaml-alias]: " in run.stderr, run.stderr[-2000:]
    assert "hint: write the value out in full" in run.stderr
    assert "Traceback" not in run.stderr and "MemoryError" not in run.stderr


def test_an_anchor_in_a_page_front_matter_is_refused_at_its_line(scratch):
    page = scratch / "content_src" / "pages" / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("title:", "title: &t", 1), encoding="utf-8")
    line, col = where_in(page, "&t")
    _, problems, _ = load_content(scratch, on=TODAY)
    p = only(problems, "yaml-alias")
    assert p.level == Level.ERROR and (p.where.path, p.where.line, p.where.col) == ("content_src/pages/index.md", line, col)


def test_nesting_thousands_deep_is_an_error_not_a_recursion_crash(scratch):
    contacts = scratch / "content_src" / "contacts.yml"
    contacts.write_text("contacts: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    _, problems, _ = load_content(scratch, on=TODAY)
    p = only(problems, "yaml-too-deep")
    assert p.where.path == "content_src/contacts.yml" and p.where.line == 1
    assert f"more than {20} levels" in p.message


def test_a_data_file_over_the_limit_is_refused_with_its_size_and_the_limit(scratch):
    sources = scratch / "content_src" / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8") + "# padding\n" * 60_000, encoding="utf-8")
    size_kb = round(sources.stat().st_size / 1024)
    _, problems, _ = load_content(scratch, on=TODAY)
    p = only(problems, "file-too-large")
    assert p.where.path == "content_src/sources.yml"
    assert p.message == f"this data file is {size_kb} KB; the build accepts at most 512 KB."


def test_a_page_over_the_limit_is_refused_with_its_size_and_the_limit(scratch):
    page = scratch / "content_src" / "pages" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + ("Teks. " * 20 + "\n") * 5000, encoding="utf-8")
    size_kb = round(page.stat().st_size / 1024)
    _, problems, _ = load_content(scratch, on=TODAY)
    p = only(problems, "file-too-large")
    assert p.where.path == "content_src/pages/index.md"
    assert p.message == f"this page is {size_kb} KB; the build accepts at most 512 KB."


def test_an_alias_in_the_translation_record_is_refused(scratch):
    (scratch / "content_src" / "translations.yml").write_text("a: &x 1\nb: *x\n", encoding="utf-8")
    _, problems, _ = load_content(scratch, on=TODAY)
    p = only(problems, "yaml-alias")
    assert (p.where.path, p.where.line, p.where.col) == ("content_src/translations.yml", 1, 4)


@pytest.mark.parametrize("reader", ["hashes", "identifiers"])
def test_the_privacy_guard_reads_content_yaml_with_the_same_refusals(tmp_path, reader):
    from ruang_aman.privacy import hashes, identifiers
    from ruang_aman.privacy.findings import ConfigError

    path = tmp_path / "x.yml"
    path.write_text("contacts: &a [1]\nsalt: *a\n" + BOMB, encoding="utf-8")
    if reader == "hashes":
        with pytest.raises(ConfigError):
            hashes.load_store(path)
    else:
        assert identifiers.load_services(path) == (frozenset(), ())


def test_the_limits_are_stated_in_the_editing_guide():
    guide = (ROOT / "content_src" / "README.md").read_text(encoding="utf-8")
    section = guide[guide.index("- **Limits**"):]
    section = section[:section.index("\n- **", 3)]
    for figure in (limits.size_text(limits.MAX_DATA_BYTES), limits.size_text(limits.MAX_PAGE_BYTES),
                   limits.size_text(limits.MAX_IMAGE_BYTES), f"{limits.MAX_IMAGE_PIXELS // 1_000_000} megapixels"):
        assert figure in section, f"{figure} not stated under 'Limits' in content_src/README.md"
    assert re.search(r"anchors?.{0,40}aliases?", section, re.I), "the YAML refusal is explained"


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims width x height (1-bit grey) and whose data is one empty chunk: opening it costs
    nothing, decoding it would cost width*height bits."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def test_a_400_megapixel_image_is_refused_with_its_size_and_the_limit_not_the_privacy_hint(scratch):
    images = scratch / "content_src" / "images"
    images.mkdir()
    (images / "huge.png").write_bytes(png_header(20_000, 20_000))
    (images / "fine.png").write_bytes(png_header(800, 600))
    _, problems, _ = load_content(scratch, on=TODAY)
    found = [p for p in problems.items if p.code == "image-too-large"]
    assert [p.where.path for p in found] == ["content_src/images/huge.png"]
    assert found[0].level == Level.ERROR
    assert found[0].message == "the image has 400 megapixels; the build accepts at most 40 megapixels."
    assert "resize it" in found[0].hint and "privacy" not in found[0].hint


def test_an_image_just_over_the_pixel_limit_names_its_width_and_height(scratch):
    images = scratch / "content_src" / "images"
    images.mkdir()
    (images / "big.png").write_bytes(png_header(8001, 5000))
    _, problems, _ = load_content(scratch, on=TODAY)
    p = only(problems, "image-too-large")
    assert p.message == "the image is 8001 x 5000 pixels (40 megapixels); the build accepts at most 40 megapixels."


def test_an_image_file_over_the_byte_limit_is_refused(scratch):
    images = scratch / "content_src" / "images"
    images.mkdir()
    (images / "heavy.png").write_bytes(png_header(100, 100) + b"\0" * (11 * 1024 * 1024))
    _, problems, _ = load_content(scratch, on=TODAY)
    p = only(problems, "image-too-large")
    assert p.message == "the image file is 11.0 MB; the build accepts at most 10.0 MB."

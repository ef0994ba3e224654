"""The HTML check skips rendering only Markdown that cannot render anything outside the allow-list."""

from __future__ import annotations

import pytest
from ra_testing import ROOT

from ruang_aman.html_policy import plainly_safe, rendered_findings, unsafe_html, without_placeholders

DANGEROUS = [
    "[x](javascript:alert(1))",
    "[x]( JAVASCRIPT:alert(1))",
    "[a [nested] b](javascript:alert(1))",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "[x](&#106;avascript:alert(1))",
    "[x](/\\evil.example)",
    "![tracker](https://evil.example/pixel.png)",
    "text <script>alert(1)</script>",
    "# Title {: onclick=\"alert(1)\" }",
]


@pytest.mark.parametrize("text", DANGEROUS)
def test_anything_that_could_be_unsafe_takes_the_full_check(text):
    assert not plainly_safe(text)
    assert unsafe_html(text), "the full check still finds it"


def test_plain_prose_with_page_links_and_web_addresses_is_plainly_safe():
    assert plainly_safe("See [the help page](bantuan.html#sapa), [LPSK](https://lpsk.go.id) or [call](tel:129).\n\n- a list\n")


def test_every_real_section_the_fast_path_skips_is_clean_by_the_full_check_too():
    sections = [s for path in sorted((ROOT / "content_src" / "pages").glob("*.md"))
                for s in path.read_text(encoding="utf-8").split("<!-- lang:")[1:]]
    skipped = [without_placeholders(s) for s in sections if plainly_safe(without_placeholders(s))]
    assert len(skipped) > len(sections) // 2
    assert all(rendered_findings(s) == [] for s in skipped)

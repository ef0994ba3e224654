"""How the HTML allow-list library was chosen: nh3 vs bleach vs justhtml on this site's pages and on attacks.

Run (the two candidates that lost are not in requirements.txt):
    .venv/bin/python -m pip install nh3==0.3.8 bleach==6.4.0 tinycss2==1.5.1 && .venv/bin/python scripts/bench_sanitizers.py
Prints, per library: milliseconds to clean every page of the site (both languages, rendered by Python-Markdown
as MkDocs does), how many of the attacks it removes, whether the site's own pages come through unchanged, and
whether it says *where* (line and column) it removed something, which staff need to fix the source.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from ruang_aman import html_policy  # noqa: E402
from ruang_aman.load import load_content  # noqa: E402

ATTACKS = [
    "<script>alert(1)</script>", "<p onclick=\"alert(1)\">x</p>", "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">x</a>", "<a href=\"java&#x09;script:alert(1)\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>", "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
    "<iframe src=\"https://example.org/\"></iframe>", "<object data=\"x.swf\"></object>", "<embed src=\"x.swf\">",
    "<form action=\"https://example.org/\"><input name=\"q\"></form>", "<meta http-equiv=\"refresh\" content=\"0;url=https://example.org/\">",
    "<link rel=\"stylesheet\" href=\"https://example.org/x.css\">", "<base href=\"https://example.org/\">",
    "<style>body{display:none}</style>", "<p style=\"background:url(https://example.org/t.gif)\">x</p>",
    "<img src=\"x.png\" onerror=\"alert(1)\">", "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<details open ontoggle=\"alert(1)\"><summary>x</summary></details>",
]
BAD = ("<script", "onclick", "onerror", "ontoggle", "javascript:", "vbscript:", "data:text", "<iframe", "<object",
       "<embed", "<form", "<input", "<meta", "<link", "<base", "<style", "style=", "<svg", "<math")


def pages_html() -> list[str]:
    content, _, _ = load_content(ROOT)
    out = []
    for page in content.pages:
        for text in page.bodies.values():
            out.append(html_policy.markdown_converter().reset().convert(html_policy.without_placeholders(text.markdown)))
    return out


def candidates():
    try:
        import nh3
        tags = set(html_policy.TAGS)
        attrs = {k: set(v) for k, v in html_policy.ATTRIBUTES.items() if k != "*"}
        generic = set(html_policy.ATTRIBUTES["*"])
        yield "nh3", lambda h: nh3.clean(h, tags=tags, attributes={**attrs, "*": generic},
                                          url_schemes={"http", "https", "mailto", "tel"}, link_rel=None), False
    except ImportError:
        print("nh3: not installed (pip install nh3==0.3.8)")
    try:
        import bleach
        from bleach.css_sanitizer import CSSSanitizer

        css = CSSSanitizer(allowed_css_properties=["text-align"])
        yield "bleach", lambda h: bleach.clean(h, tags=html_policy.TAGS, attributes=dict(html_policy.ATTRIBUTES),
                                               protocols=["http", "https", "mailto", "tel"], strip=True,
                                               css_sanitizer=css), False
    except ImportError:
        print("bleach: not installed (pip install bleach==6.4.0 tinycss2==1.5.1)")
    yield "justhtml", lambda h: html_policy.clean(h), True


def main() -> None:
    pages = pages_html()
    print(f"{len(pages)} page bodies, {sum(map(len, pages)) // 1024} KB of HTML; {len(ATTACKS)} attacks")
    for name, clean, positions in candidates():
        best = float("inf")
        for _ in range(5):
            start = time.perf_counter()
            for page in pages:
                clean(page)
            best = min(best, time.perf_counter() - start)
        stopped = sum(not any(b in clean(a).lower() for b in BAD) for a in ATTACKS)
        changed = sum(" ".join(clean(p).split()) != " ".join(html_policy.clean(p).split()) for p in pages)
        print(f"{name:9s} {best * 1000:7.1f} ms for all pages   attacks removed {stopped}/{len(ATTACKS)}   "
              f"pages differing from justhtml's output {changed}/{len(pages)}   says where: {'yes' if positions else 'no'}")


if __name__ == "__main__":
    main()

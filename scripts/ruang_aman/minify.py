"""Make the built site small for a cheap phone on a slow connection.

- CSS: the design tokens (design/tokens.yml) as custom properties, then our stylesheet keeping only the rules
  whose classes some built page (or our script) uses, in one file named by its hash.
- HTML: comments removed and whitespace runs collapsed, except inside pre, textarea, script and style.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .contract import BuildContext, StageResult
from .parallel import pmap
from .problems import Where
from .theme_adapter import MERGED_LINK_RE, OUR_STYLESHEET, SCRIPT_CLASSES, STYLESHEET_LINK_RE
from .tokens import css_variables, load_tokens

OUT_CSS = "assets/ra/site.{hash}.css"
CLASS_RE = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")
CLASS_ATTR_RE = re.compile(r'\sclass="([^"]*)"')
KEEP_RAW_RE = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.S | re.I)


# ---- CSS ------------------------------------------------------------------------------------------------------
def split_rules(css: str) -> list[tuple[str, str]]:
    """Top-level (prelude, body) pairs of a stylesheet (comments already removed); strings and nesting respected."""
    rules, i, n, start = [], 0, len(css), 0
    while i < n:
        c = css[i]
        if c in "\"'":
            i = css.index(c, i + 1) + 1
            continue
        if c == ";" and "{" not in css[start:i]:  # @charset, @import: a statement without a block
            rules.append((css[start:i].strip(), ""))
            start = i = i + 1
            continue
        if c == "{":
            depth, j = 1, i + 1
            while depth:
                d = css[j]
                if d in "\"'":
                    j = css.index(d, j + 1)
                elif d == "{":
                    depth += 1
                elif d == "}":
                    depth -= 1
                j += 1
            rules.append((css[start:i].strip(), css[i + 1 : j - 1]))
            start = i = j
            continue
        i += 1
    return rules


def _outside_parens(selector: str) -> str:
    """The selector without :not(...), :is(...) and the like: a class in there does not have to be used."""
    out, depth = [], 0
    for c in selector:
        depth += c == "("
        if not depth:
            out.append(c)
        depth -= c == ")" and depth > 0
    return "".join(out)


def selector_used(selector: str, used: set[str]) -> bool:
    """False only when the selector needs a class that no page has (so it can never match)."""
    plain = re.sub(r"\[[^\]]*\]", "", _outside_parens(selector))
    return all(name in used for name in CLASS_RE.findall(plain))


def purge(css: str, used: set[str]) -> str:
    """Only the rules that can match something on the site; at-rules are kept (their content purged)."""
    out = []
    for prelude, body in split_rules(css):
        if not body and prelude.startswith("@"):
            out.append(prelude + ";")
        elif prelude.startswith(("@media", "@supports", "@layer", "@container")):
            inner = purge(body, used)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")  # @keyframes, @font-face, @page: kept whole
        else:
            kept = [s for s in split_selectors(prelude) if selector_used(s, used)]
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
    return "".join(out)


def split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas."""
    parts, depth, start = [], 0, 0
    for i, c in enumerate(prelude):
        depth += c in "(["
        depth -= c in ")]"
        if c == "," and not depth:
            parts.append(prelude[start:i].strip())
            start = i + 1
    parts.append(prelude[start:].strip())
    return [p for p in parts if p]


def minify_css(css: str) -> str:
    """Comments and needless whitespace out (our CSS is written readable)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r"\s*([{};,>])\s*", r"\1", css)
    return css.replace(";}", "}").strip()


def classes_of(page: Path) -> set[str]:
    """Every class one built page uses."""
    return {name for value in CLASS_ATTR_RE.findall(page.read_text(encoding="utf-8")) for name in value.split()}


def used_classes(pages: list[Path]) -> set[str]:
    """Every class any built page uses (the pages read on every core), plus those our script sets."""
    return set(SCRIPT_CLASSES).union(*pmap(classes_of, pages))


# ---- HTML -----------------------------------------------------------------------------------------------------
def minify_html(html: str) -> str:
    """Comments out, whitespace runs collapsed (to a newline when they held one), raw blocks untouched."""
    parts = KEEP_RAW_RE.split(html)
    out = []
    for i, part in enumerate(parts):
        kind = i % 3
        if kind == 1:
            out.append(part)
        elif kind == 0:
            part = re.sub(r"<!--(?!\[).*?-->", "", part, flags=re.S)
            part = re.sub(r"[ \t\r\f\v]*\n\s*", "\n", part)
            part = re.sub(r"[ \t\r\f\v]{2,}", " ", part)
            out.append(part)
    return "".join(out).strip() + "\n"


def rewrite_page(css_name: str, page: Path) -> bool:
    """One page minified, its stylesheet links replaced by one link to the joined stylesheet; True when the
    page still links a stylesheet that was merged (the theme loads it some other way)."""
    first = True

    def one(m: re.Match) -> str:
        nonlocal first
        keep, first = first, False
        return f'<link rel="stylesheet" href="{m.group(1)}{css_name}">' if keep else ""

    html = minify_html(STYLESHEET_LINK_RE.sub(one, page.read_text(encoding="utf-8")))
    page.write_text(html, encoding="utf-8")
    return MERGED_LINK_RE.search(html) is not None


def minify_site(staging: Path) -> tuple[Path, int, int, list[Path]]:
    """Purge and join the CSS, point every page at it, minify every page.

    Returns (css, bytes before, after, pages that still link a merged stylesheet)."""
    for extra_404 in staging.glob("*/404.html"):
        extra_404.unlink()  # only the root 404.html is ever served (GitHub Pages); a language's copy is dead weight
    pages = sorted(staging.rglob("*.html"))
    ours = staging / OUR_STYLESHEET
    original = ours.read_text(encoding="utf-8")
    css = css_variables(load_tokens()) + purge(minify_css(original), used_classes(pages))
    name = OUT_CSS.format(hash=hashlib.sha256(css.encode()).hexdigest()[:8])
    (staging / name).write_text(css, encoding="utf-8")
    stale = [page for page, left in zip(pages, pmap(rewrite_page, pages, shared=name)) if left]
    ours.unlink()
    return staging / name, len(original.encode()), len(css.encode()), stale


def minify_stage(ctx: BuildContext) -> StageResult:
    """Build stage: smaller CSS (purged, one file) and HTML; an error if a page still points at a removed file."""
    result, staging = StageResult(), ctx.paths.staging
    css, before, after, stale = minify_site(staging)
    for page in stale:
        result.problems.error("minify", Where(str(page.relative_to(staging))), "the page still links a stylesheet that was merged.",
                              "theme/main.html must load the stylesheets only through MkDocs' extra_css.")
    result.outputs.append(("css", f"{css.relative_to(staging)} ({before // 1024} KB -> {after // 1024} KB)"))
    return result

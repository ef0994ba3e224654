"""The short list of HTML that content may use, checked per page source with file:line:col (error `unsafe-html`).

Each language of a page is rendered by Python-Markdown with the site's own extensions (so attribute lists such as
`{: onclick=... }` and Markdown links such as `[x](javascript:...)` are seen as well as pasted HTML), then parsed
by justhtml against the allow-list below. justhtml was chosen over nh3 and bleach after measuring
(scripts/bench_sanitizers.py, README "Readers' safety and security"): it is the only one of the three that says
where it found each unsafe construct, which staff need to fix the source. Each finding is traced back to the
page's line in content_src/ by the tag, attribute or address it names. Placeholders ({{ ... }}) are the build's
own, already-escaped HTML and are not checked here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import markdown
import yaml
from justhtml import JustHTML, SanitizationPolicy, UrlPolicy, UrlRule

from .placeholders import MACRO_RE
from .problems import Problems, Where

# What Markdown itself writes, and the few tags staff may add by hand (editing guide, "HTML in pages").
MARKDOWN_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "img", "em", "strong", "code", "pre",
                 "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "div")
HAND_TAGS = ("details", "summary", "abbr", "sup", "sub", "mark", "kbd", "small", "dl", "dt", "dd", "span", "figure",
             "figcaption", "s", "del", "ins", "q", "cite", "b", "i")
TAGS = frozenset(MARKDOWN_TAGS + HAND_TAGS)
ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"id", "class", "title", "lang", "dir"}),
    "a": frozenset({"href", "hreflang", "rel"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "th": frozenset({"colspan", "rowspan", "style"}),   # style: only text-align, which Markdown tables write
    "td": frozenset({"colspan", "rowspan", "style"}),
    "details": frozenset({"open"}),
    "ol": frozenset({"start", "reversed"}),
}
# Links: pages of the site (relative), web pages, e-mail and phone numbers. Images: only the site's own files.
URLS = UrlPolicy(
    default_handling="strip",
    default_allow_relative=True,
    allow_rules={
        ("a", "href"): UrlRule(allowed_schemes=frozenset({"https", "http", "mailto", "tel"}), allow_relative=True,
                               handling="allow"),
        ("img", "src"): UrlRule(allowed_schemes=frozenset(), resolve_protocol_relative=None, allow_relative=True,
                                handling="allow"),
    },
)
MKDOCS_YML = Path(__file__).resolve().parents[2] / "mkdocs.yml"
HINT = ("content may use Markdown and the few HTML tags listed in content_src/README.md ('HTML in pages'): "
        "remove this, or ask a developer to add a safe way to show it.")
EMBEDS = ("script", "iframe", "object", "embed", "video", "audio")
EMBED_HINT = "embedded players and scripts do not run here: link to the page instead, e.g. [title](https://...)."
FORMS = ("form", "input", "button", "select", "textarea")
FORM_HINT = "forms are not possible in content: link to the service's own form instead."
ATTRIBUTE_HINT = "remove the attribute; the site's look and behaviour come from the theme."
IMAGE_HINT = "copy the image into content_src/images/, register it in media.yml and link it by its path."
URL_HINT = "link to a page of this site, an https:// address, mailto: or tel:; never javascript:, vbscript: or data:."


def policy() -> SanitizationPolicy:
    """A fresh policy that collects (rather than silently strips) every construct outside the allow-list."""
    return SanitizationPolicy(allowed_tags=TAGS, allowed_attributes=ATTRIBUTES, url_policy=URLS,
                              allowed_css_properties=frozenset({"text-align"}), unsafe_handling="collect")


def clean(html: str) -> str:
    """The HTML with everything outside the allow-list removed (for comparison in the benchmark)."""
    return JustHTML(html, fragment=True, sanitize=True, policy=policy()).to_html(pretty=False)


@dataclass(frozen=True)
class Unsafe:
    """One construct outside the allow-list: what it is, and a piece of source text that shows where it is."""

    what: str
    needle: str
    hint: str
    code: str = "unsafe-html"


def _describe(message: str, element) -> Unsafe:
    """Turn justhtml's finding and the element it was found on into words staff read, and a needle to find it."""
    name = (getattr(element, "name", "") or "").lower()
    attrs = dict(getattr(element, "attrs", None) or {})
    quoted = message.split("'")[1] if message.count("'") >= 2 else ""
    if message.startswith("Unsafe tag"):
        hint = EMBED_HINT if quoted in EMBEDS else FORM_HINT if quoted in FORMS else HINT
        return Unsafe(f"the <{quoted}> tag is not allowed in content.", f"<{quoted}", hint)
    if message.startswith("Unsafe attribute"):
        hint = ATTRIBUTE_HINT if quoted == "style" or quoted.startswith("on") else HINT
        return Unsafe(f"the attribute '{quoted}' on <{name}> is not allowed in content.", quoted, hint)
    if message.startswith("Unsafe URL"):
        value = str(attrs.get(quoted, ""))
        if name == "img":
            return Unsafe(f"the image '{value[:80]}' is not a file of this site (an off-site resource).",
                          value or "src", IMAGE_HINT, "offsite-resource")
        return Unsafe(f"the address '{value[:80]}' in <{name} {quoted}> is not allowed.", value or quoted, URL_HINT)
    return Unsafe(f"{message}.", name or quoted, HINT)


def _element_at(root, line: int, col: int):
    """The element that starts at (line, col) in a parsed fragment (justhtml reports findings there)."""
    stack = [root]
    while stack:
        node = stack.pop()
        if getattr(node, "origin_location", None) == (line, col) and not node.name.startswith("#"):
            return node
        stack.extend(reversed(getattr(node, "children", None) or []))
    return None


@cache
def markdown_converter() -> markdown.Markdown:
    """A Markdown converter with the extensions of mkdocs.yml (content is checked as MkDocs will render it);
    made once, as setting up the extensions costs more than converting a page."""
    names, configs = [], {}
    for item in yaml.safe_load(MKDOCS_YML.read_text(encoding="utf-8")).get("markdown_extensions") or []:
        if isinstance(item, dict):
            (name, config), = item.items()
            names.append(name)
            configs[name] = config or {}
        else:
            names.append(item)
    return markdown.Markdown(extensions=names, extension_configs=configs)


def without_placeholders(text: str) -> str:
    """The Markdown with every {{ ... }} blanked (same length, same lines): the build fills those itself."""
    return MACRO_RE.sub(lambda m: " " * len(m.group(0)), text)


# Markdown whose output can only hold allow-listed tags and attributes: no raw HTML ("<"), no attribute lists
# ("{"), no character references ("&", which could spell a scheme), no backslash in a link target, and every
# target after "](" or "]:" (whatever the brackets before it hold) a relative path, or, when the text has no
# image, an http(s), mailto or tel address.
LINK_TARGET_RE = re.compile(r"\]\(\s*([^)\s]*)|\]:\s*(\S+)")
SAFE_SCHEME_RE = re.compile(r"(?:https?://|mailto:|tel:)", re.I)


def plainly_safe(text: str) -> bool:
    """True when Markdown cannot render anything outside the allow-list, so the check need not render it
    (rendering and parsing is most of loading a large site). Anything in doubt takes the full check."""
    if "<" in text or "{" in text or "&" in text:
        return False
    images = "![" in text
    for match in LINK_TARGET_RE.finditer(text):
        target = match.group(1) if match.group(1) is not None else match.group(2)
        if "\\" in target:
            return False
        relative = not target.startswith("//") and ":" not in target.split("/", 1)[0]
        if not relative and (images or not SAFE_SCHEME_RE.match(target)):
            return False
    return True


def unsafe_html(text: str) -> list[Unsafe]:
    """Every construct outside the allow-list in one language of a page's Markdown, in document order."""
    text = without_placeholders(text)
    return [] if plainly_safe(text) else rendered_findings(text)


def rendered_findings(text: str) -> list[Unsafe]:
    """The full check of one text (placeholders blanked): rendered as MkDocs will, then sanitized by the policy."""
    html = markdown_converter().reset().convert(text)
    rules = policy()
    JustHTML(html, fragment=True, sanitize=True, policy=rules, track_node_locations=True)
    found = rules.collected_security_errors()
    if not found:
        return []
    raw = JustHTML(html, fragment=True, sanitize=False, track_node_locations=True).root
    return [_describe(e.message, _element_at(raw, e.line, e.column)) for e in found]


def locate(lines: list[str], start: int, needle: str, taken: set[tuple[int, int]]) -> tuple[int, int]:
    """(line, column) of the first occurrence of needle at or after line `start` not already reported; the
    section's first line when the text cannot be found (e.g. Markdown rewrote it)."""
    wanted = needle.lower()
    for number in range(start, len(lines) + 1):
        line = lines[number - 1].lower()
        col = line.find(wanted)
        while col >= 0:
            if (number, col + 1) not in taken:
                taken.add((number, col + 1))
                return number, col + 1
            col = line.find(wanted, col + 1)
    return start, 1


def check_pages_html(content, root: Path, problems: Problems) -> None:
    """An `unsafe-html` error, at its file:line:col, for every construct outside the allow-list in every page."""
    for page in content.pages:
        check_page_html(page, root, problems)


def check_page_html(page, root: Path, problems: Problems) -> None:
    """An `unsafe-html` error, at its file:line:col, for every construct outside the allow-list in one page."""
    source: list[str] | None = None
    taken: set[tuple[int, int]] = set()
    for body in page.bodies.values():
        for found in unsafe_html(body.markdown):
            source = source or (root / page.path).read_text(encoding="utf-8-sig").split("\n")
            line, col = locate(source, body.line, found.needle, taken)
            problems.error(found.code, Where(page.path, line, col), found.what, found.hint)


def page_source_of(content, root: Path, site_file: str, needle: str) -> Where | None:
    """Where in content_src/ a built page's text came from (`site_file` such as "en/bantuan.html"), found by a
    piece of its text; None when the file is not a content page or the text is not in its source."""
    folder, _, name = site_file.rpartition("/")
    lang = next((language.code for language in content.site.languages if language.folder == folder), None)
    page = content.page(name.removesuffix(".html")) if lang else None
    body = page.bodies.get(lang) if page else None
    if body is None or not needle:
        return None
    source = (root / page.path).read_text(encoding="utf-8-sig").split("\n")
    taken: set[tuple[int, int]] = set()
    line, col = locate(source, body.line, needle, taken)
    return Where(page.path, line, col) if taken else None

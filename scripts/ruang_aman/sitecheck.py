"""Checks of the finished site: nothing loads from another host; every internal link and anchor resolves."""

from __future__ import annotations

import re
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.etree

from .contract import BuildContext, StageResult
from .html_policy import page_source_of
from .parallel import pmap
from .problems import Where

# A resource (script, style, font, image, frame, worker import) from another host.
EXTERNAL_RESOURCE_RE = re.compile(
    r"""<(?:script|img|iframe|source|audio|video|embed|object|track)\b[^>]*\b(?:src|data|srcset|poster)\s*=\s*["']?\s*(?:https?:)?//"""
    r"""|<link\b(?=[^>]*\brel\s*=\s*["']?(?:stylesheet|icon|preload|prefetch|preconnect|dns-prefetch|manifest|modulepreload))[^>]*\bhref\s*=\s*["']?\s*(?:https?:)?//"""
    r"""|url\(\s*["']?\s*(?:https?:)?//|@import\s+["']?(?:url\()?\s*["']?(?:https?:)?//|importScripts\(\s*["'](?:https?:)?//"""
    r"""|\b(?:fetch|import)\(\s*["'](?:https?:)?//"""
    r"""|\bsrcset\s*=\s*["'][^"']*(?:https?:)?//"""
    r"""|<(?:image|use|feImage)\b[^>]*\b(?:xlink:)?href\s*=\s*["']?\s*(?:https?:)?//""",
    re.IGNORECASE,
)
HOST_PATH_RE = re.compile(r"""[^\s"'<>)]*""")   # what follows the '//' of an off-site address
# The same pattern for lower-cased text, without IGNORECASE and with each alternative starting on a literal
# character (a leading \b is checked after the word instead), which lets the regex engine skip ahead: three
# times faster on a built page. Used where it finds exactly what EXTERNAL_RESOURCE_RE finds (_lower_is_same).
_LOWER_RESOURCE_RE = re.compile(
    EXTERNAL_RESOURCE_RE.pattern.replace("feImage", "feimage").replace("importScripts", "importscripts")
    .replace(r"|\b(?:fetch|import)\(", r"|(?:fetch|import)(?<!\wfetch)(?<!\wimport)\(")
    .replace(r"|\bsrcset\s*=", r"|srcset(?<!\wsrcset)\s*=")
)
# Characters that IGNORECASE matches to an ASCII letter of the pattern but str.lower() does not turn into it.
_SPECIAL_CASE_RE = re.compile("[\u0130\u0131\u017f\u212a]")   # İ ı ſ K (Kelvin)
_HTML_PARSER = lxml.etree.HTMLParser()
TEXT_SUFFIXES = {".html", ".css", ".js", ".svg", ".xml", ".json", ".webmanifest"}


def external_references(site: Path) -> list[tuple[str, int, str, str]]:
    """Every place a built file would load something from another host: (file, line, snippet, host and path)."""
    return read_site(site).external


@dataclass(frozen=True)
class SiteFiles:
    """The finished site read once: every file, each page's ids and links, every off-site reference."""

    files: set[str]
    pages: dict[str, tuple[set[str], list[tuple[str, int]]]]
    """page -> (its ids and names, its links with their lines), for every .html file."""
    external: list[tuple[str, int, str, str]]


def read_site(site: Path) -> SiteFiles:
    """Every text file of the site read once, on every core: off-site references, and the ids and links of pages."""
    paths = sorted(p for p in site.rglob("*") if p.is_file())
    files = [p.relative_to(site).as_posix() for p in paths]
    texts = [rel for rel, path in zip(files, paths) if path.suffix in TEXT_SUFFIXES or rel.endswith(".html")]
    read = pmap(_read_one, texts, shared=site)
    return SiteFiles(files=set(files), pages={rel: links for rel, (_, links) in zip(texts, read) if links is not None},
                     external=[hit for hits, _ in read for hit in hits])


def _read_one(site: Path, rel: str) -> tuple[list[tuple[str, int, str, str]], tuple[set[str], list[tuple[str, int]]] | None]:
    data = (site / rel).read_bytes()
    hits = _external_in(rel, data) if Path(rel).suffix in TEXT_SUFFIXES else []
    return hits, (page_links(data) if rel.endswith(".html") else None)


def _external_in(rel: str, data: bytes) -> list[tuple[str, int, str, str]]:
    # as Path.read_text reads it: universal newlines
    text = data.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    lower = text.lower()
    matches = (_LOWER_RESOURCE_RE.finditer(lower) if _lower_is_same(text, lower)
               else EXTERNAL_RESOURCE_RE.finditer(text))
    found = []
    for match in matches:
        line = text.count("\n", 0, match.start()) + 1
        address = HOST_PATH_RE.match(text, match.end()).group(0)
        found.append((rel, line, text[match.start():match.end()][:80], address))
    return found


def _lower_is_same(text: str, lower: str) -> bool:
    """Whether the lower-cased text keeps every position and every letter the case-blind pattern would match."""
    return text.isascii() or (len(lower) == len(text) and _SPECIAL_CASE_RE.search(text) is None)


def page_links(data: bytes) -> tuple[set[str], list[tuple[str, int]]]:
    """The ids (and names) of one built page, and the href/src of its links and resources with their lines."""
    ids: set[str] = set()
    links: list[tuple[str, int]] = []
    if not data.strip():
        return ids, links
    tree = lxml.etree.fromstring(data, _HTML_PARSER)  # lxml.html's parser without its element classes: faster
    for element in tree.iter(lxml.etree.Element) if tree is not None else ():  # elements: no comments
        get = element.get
        for key in ("id", "name"):
            value = get(key)
            if value:
                ids.add(value)
        if element.tag == "form":
            continue
        for key in ("href", "src"):
            value = get(key)
            if value:
                links.append((value, element.sourceline or 0))
    return ids, links


def broken_links(site: Path, base_path: str = "/", read: SiteFiles | None = None) -> list[tuple[str, int, str]]:
    """Links that lead to no file, and #anchors that name no element: (file, line, link).

    Linear in the size of the site: the files are listed once into a set, each page is parsed once (on every
    core), and each link is looked up in that set and in its target's ids; nothing touches the disk per link.
    Absolute paths (as in 404.html, which hosts serve at any address) are read below `base_path`, the path
    part of the site's base URL.
    """
    read = read or read_site(site)
    files = read.files
    folders = {posixpath.dirname(f) for f in files} | {""}
    for folder in list(folders):
        while folder:
            folder = posixpath.dirname(folder)
            folders.add(folder)
    parsed = read.pages
    broken = []
    for rel in sorted(parsed):
        for link, line in parsed[rel][1]:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "tel:", "data:", "javascript:")):
                continue
            if parts.path.startswith("/"):
                if not parts.path.startswith(base_path):
                    broken.append((rel, line, link))
                    continue
                target = posixpath.normpath(unquote(parts.path[len(base_path):]) or ".")
            elif parts.path:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(parts.path)))
            else:
                target = rel
            if target == ".":
                target = ""
            if parts.path.endswith("/") or target in folders:
                target = posixpath.join(target, "index.html")
            if target not in files:
                broken.append((rel, line, link))
            elif parts.fragment and target.endswith(".html") and parts.fragment not in parsed[target][0]:
                broken.append((rel, line, link))
    return broken


def site_check_stage(ctx: BuildContext) -> StageResult:
    """Build stage: any off-site resource or broken internal link in the finished site is an error."""
    result, staging = StageResult(), ctx.paths.staging
    read = read_site(staging)
    for file, line, snippet, address in read.external:
        # From a page's source: name its line in content_src/, where staff fix it; else the built file (the theme).
        source = page_source_of(ctx.content, ctx.paths.root, file, address)
        where = source or Where(f"site/{file}", line)
        hint = ("ship the file inside the site (theme/assets/) instead of linking to a CDN." if source is None else
                "copy the file into content_src/images/ (register it in media.yml) and link it by its path.")
        result.problems.error("offsite-resource", where, f"loads something from another host: {snippet}", hint)
    for file, line, link in broken_links(staging, urlsplit(ctx.content.site.base_url).path, read):
        if not ctx.options.posters and "posters/" in link:
            continue  # a build without posters (preview, --no-posters) links to files it did not render
        if _only_the_anchor_is_missing(staging, file, link):
            # the page opens, only the jump inside it fails: a warning (strict builds stop on it), as in MkDocs
            result.problems.warning("broken-link", Where(f"site/{file}", line), f"link '{link}': the page has no such #anchor.", "check the #anchor in the page's source in content_src/pages/.")
        else:
            result.problems.error("broken-link", Where(f"site/{file}", line), f"link '{link}' leads nowhere in the built site.", "check the slug or #anchor in the page's source in content_src/pages/.")
    return result


def _only_the_anchor_is_missing(site: Path, file: str, link: str) -> bool:
    """Whether a broken link's page exists (so only its #fragment names nothing)."""
    path, _, fragment = link.partition("#")
    if not fragment or path.startswith("/") or urlsplit(path).scheme:
        return False
    return not path or ((site / file).parent / unquote(path)).is_file()

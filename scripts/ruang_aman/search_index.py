"""Per-language search: one index per language, built from the rendered pages, loaded once a reader starts a search.

The index is a script (assets/ra/search-<lang>.js), not JSON, so the search also works from file://, where
browsers refuse fetch() of local files. Per page: url, title, headings, description and the body as a bag of roots;
besides the pages, the root of every word on the site (found here by the language's dictionary stemmer, see
stemming.py) and the readers' synonyms, so the browser needs no dictionary.
Stop words and the light rules for words not on the site live in the browser (theme/assets/ra/ra-search.js).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Callable

import lxml.html

from .contract import BuildContext, StageResult
from .model import Content, Language
from .parallel import pmap
from .problems import Problems, Where
from .stemming import STOP_WORDS, pack_roots, roots, stem_cache, stemmer_for, words
from .synonyms import SynonymGroup
from .theme_adapter import ALTERNATES_MARK, ARTICLE_XPATH, CHROME_XPATH
from .urls import lang_dir, to_root

NOT_PAGES = {"404.html", "search.html", "keluar.html"}
SEARCH_CODE = "ra-search.js"
# The get-help page: a search that finds nothing offers it first (with the hotlines and every topic).
HELP_PAGE = "bantuan.html"




@dataclass(frozen=True)
class Entry:
    """One page read from the built site: url relative to its language's root, title, headings, text, description."""

    u: str
    t: str
    h: list[str]
    x: str
    d: str = ""


def _text(node) -> str:
    # itertext with spaces: "129</span><span>WhatsApp" must not read as one word.
    return re.sub(r"\s+", " ", " ".join(node.itertext())).strip()


def page_entry(path: Path, url: str) -> Entry | None:
    """The index entry of one built page, or None when it has no article."""
    tree = lxml.html.fromstring(path.read_bytes())
    articles = tree.xpath(ARTICLE_XPATH)
    if not articles:
        return None
    article = articles[0]
    for node in article.xpath("." + CHROME_XPATH.replace(" | //", " | .//")):
        node.drop_tree()
    h1 = article.xpath(".//h1")
    title = _text(h1[0]) if h1 else (tree.findtext(".//title") or url).split(" - ")[0].strip()
    headings = [_text(h) for h in article.xpath(".//h2 | .//h3")]
    if h1:
        h1[0].drop_tree()
    description = tree.xpath("//meta[@name='description']/@content")
    return Entry(u=url, t=title, h=[h for h in headings if h], x=_text(article), d=description[0] if description else "")


def bag(text: str, stem: Callable[[str], str] | None, stop: frozenset[str] = frozenset()) -> str:
    """A page's text as the browser needs it for matching: each root (or word) once, sorted, stop words left out.

    A quarter of the text's size gzipped, so the search of a site four times this size still loads on a slow
    phone; the reader sees the matching heading and the page's description instead of an excerpt."""
    found = {stem(w) if stem and len(w) > 2 and not w.isdigit() else w for w in _words_of(text) if w not in stop}
    return " ".join(sorted(found))


def language_index(folder: Path, lang: str) -> list[Entry]:
    """Entries for every page of one language, in file-name order (the home page first)."""
    paths = [path for path in sorted(folder.glob("*.html"), key=lambda p: (p.name != "index.html", p.name))
             if path.name not in NOT_PAGES]
    return [entry for entry in pmap(_entry_of, paths) if entry]


def _entry_of(path: Path) -> Entry | None:
    return page_entry(path, path.name)


@functools.lru_cache(maxsize=4096)
def _words_of(text: str) -> tuple[str, ...]:
    # A page's text is split into words three times (its bag, and the vocabulary for the roots and for the
    # synonym check): once is enough.
    return tuple(words(text))


def vocabulary(entries: list[Entry], groups: tuple[SynonymGroup, ...] = ()) -> set[str]:
    """Every word of the pages and of the synonyms, as the browser splits them."""
    out: set[str] = set()
    for e in entries:
        for text in (e.t, *e.h, e.x):
            out.update(_words_of(text))
    for group in groups:
        for term in group.terms:
            out.update(words(term))
    return out


def index_data(lang: Language, entries: list[Entry], groups: tuple[SynonymGroup, ...] = ()) -> dict:
    """What the browser gets for one language: pages, roots (when the language has a stemmer), synonyms.

    `stemmer` names the browser's light rules for this language, or null: a language without one gets none.
    """
    stem = stemmer_for(lang.stemmer)
    stop = STOP_WORDS.get(lang.code, frozenset())
    data: dict = {"lang": lang.code, "stemmer": lang.stemmer, "stop": " ".join(sorted(stop)),
                  "docs": [{"u": e.u, "t": e.t, "h": e.h, "d": e.d, "b": bag(e.x, stem, stop)} for e in entries]}
    if any(e.u == HELP_PAGE for e in entries):
        data["help"] = HELP_PAGE
    if stem is not None:
        data["r"] = pack_roots(roots(vocabulary(entries, groups), stem))
    if groups:
        data["s"] = [list(g.terms) for g in groups]
        phrases = phrase_pages(entries, groups)
        if phrases:
            data["ph"] = phrases
    return data


def phrase_pages(entries: list[Entry], groups: tuple[SynonymGroup, ...]) -> dict[str, list[int]]:
    """For each phrase of the synonyms, the pages (by position) that hold it as written: the bag of roots cannot
    tell "rumah aman" from a page that says "rumah" here and "aman" there."""
    texts = [" " + " ".join(words(" ".join((e.t, *e.h, e.d, e.x)))) + " " for e in entries]
    out = {}
    for term in sorted({t for g in groups for t in g.terms if " " in t}):
        needle = " " + " ".join(words(term)) + " "
        found = [i for i, text in enumerate(texts) if needle in text]
        if found:
            out[term] = found
    return out


def index_script(lang: Language, entries: list[Entry], groups: tuple[SynonymGroup, ...] = ()) -> str:
    """The index as a script that sets window.RuangAmanIndex (loadable from file://)."""
    data = json.dumps(index_data(lang, entries, groups), ensure_ascii=False, separators=(",", ":"))
    # "</" never appears inside a script's data; json escapes nothing else that matters here.
    return "window.RuangAmanIndex=" + data.replace("</", "<\\/") + ";\n"


def alternates_html(lang: Language, languages: tuple[Language, ...]) -> str:
    """Links from one language's search page to the search page of each other language, by its own name."""
    return "".join(
        f'<a class="ra-lang" href="{to_root(lang)}{lang_dir(other)}search.html" hreflang="{other.code}" lang="{other.code}">'
        f"{escape(other.name)}</a>"
        for other in languages if other.code != lang.code
    )


def unused_groups(entries: list[Entry], groups: tuple[SynonymGroup, ...], lang: Language) -> list[SynonymGroup]:
    """Synonym groups none of whose terms is on any page: a search for them cannot lead anywhere.

    A word counts as on the site when it is, when its root is (dilaporkan: lapor), or when a word on the site
    begins with it (threat: threats)."""
    on_site = vocabulary(entries)
    stem = stemmer_for(lang.stemmer)
    site_roots = {stem(w) for w in on_site} if stem else set()

    def present(word: str) -> bool:
        return (word in on_site or (stem is not None and stem(word) in site_roots)
                or (len(word) >= 4 and any(w.startswith(word) for w in on_site)))

    return [g for g in groups if not any(all(present(w) for w in words(t)) for t in g.terms)]


def write_search_indexes(content: Content, staging: Path, languages: tuple[Language, ...],
                         problems: Problems | None = None) -> list[Path]:
    """Write assets/ra/search-<lang>.js for every language and complete each language's search page."""
    written = []
    for lang in languages:
        folder = staging / lang_dir(lang)
        target = staging / "assets" / "ra" / f"search-{lang.code}.js"
        target.parent.mkdir(parents=True, exist_ok=True)
        entries, groups = language_index(folder, lang.code), content.synonyms.get(lang.code, ())
        for group in unused_groups(entries, groups, lang) if problems is not None else ():
            problems.notice("synonym-unused", group.where, f"[{lang.code}] none of {', '.join(group.terms)} is on any page, so this group finds nothing.",
                            "add one of these words to the page about this topic, or remove the group.")
        target.write_text(index_script(lang, entries, groups), encoding="utf-8")
        written.append(target)
        search_page = folder / "search.html"
        if search_page.exists():
            text = search_page.read_text(encoding="utf-8")
            text = text.replace(ALTERNATES_MARK, alternates_html(lang, languages))
            search_page.write_text(text, encoding="utf-8")
    return written


def minify_search_code(staging: Path) -> Path:
    """The search code without comments and spare whitespace (it loads on a slow phone when the reader searches)."""
    import rjsmin

    code = staging / "assets" / "ra" / SEARCH_CODE
    code.write_text(rjsmin.jsmin(code.read_text(encoding="utf-8")) + "\n", encoding="utf-8")
    return code


def search_stage(ctx: BuildContext) -> StageResult:
    """Build stage: the search indexes and the (minified) search code; a language without its search page is an error."""
    result = StageResult()
    staging = ctx.paths.staging
    for lang in ctx.languages:
        if not (staging / lang_dir(lang) / "search.html").exists():
            result.problems.error("search", Where("theme/search.html"), f"[{lang.code}] the search page was not built.",
                                  "keep `static_templates: [search.html]` under theme: in mkdocs.yml.")
    if result.problems.has_errors():
        return result
    with stem_cache(ctx.paths.cache):
        written = write_search_indexes(ctx.content, staging, ctx.languages, result.problems)
    if (staging / "assets" / "ra" / SEARCH_CODE).exists():
        minify_search_code(staging)
    result.outputs.append(("search", ", ".join(str(p.relative_to(staging)) for p in written)))
    return result

"""Per-language search: one index per language, built from the rendered pages, loaded once a reader starts a search.

The index is a script (assets/ra/search-<lang>.js), not JSON, so the search also works from file://, where
browsers refuse fetch() of local files. Stemming and stop words live in the browser (theme/assets/ra/ra-search.js)
so documents and queries go through the same code.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from html import escape
from pathlib import Path

import lxml.html

from .contract import BuildContext, StageResult
from .model import Content, Language
from .problems import Where
from .urls import lang_dir, to_root

NOT_PAGES = {"404.html", "search.html", "keluar.html"}
# Chrome repeated on every page: it would make every page match every hotline query.
SKIP = ("//*[contains(concat(' ', @class, ' '), ' ra-hotline-box ')] | //*[@id='ra-content'] | //*[@id='ra-search-panel'] | "
        "//*[contains(concat(' ', @class, ' '), ' headerlink ')] | //script | //style")
ARTICLE = "//article[contains(concat(' ', @class, ' '), ' md-content__inner ')]"
ALTERNATES_MARK = "<!--ra-alternates-->"


@dataclass(frozen=True)
class Entry:
    """One page in the index: url relative to its language's root, title, headings, text."""

    u: str
    t: str
    h: list[str]
    x: str


def _text(node) -> str:
    # itertext with spaces: "129</span><span>WhatsApp" must not read as one word.
    return re.sub(r"\s+", " ", " ".join(node.itertext())).strip()


def page_entry(path: Path, url: str) -> Entry | None:
    """The index entry of one built page, or None when it has no article."""
    tree = lxml.html.fromstring(path.read_bytes())
    articles = tree.xpath(ARTICLE)
    if not articles:
        return None
    article = articles[0]
    for node in article.xpath("." + SKIP.replace(" | //", " | .//")):
        node.drop_tree()
    h1 = article.xpath(".//h1")
    title = _text(h1[0]) if h1 else (tree.findtext(".//title") or url).split(" - ")[0].strip()
    headings = [_text(h) for h in article.xpath(".//h2 | .//h3")]
    if h1:
        h1[0].drop_tree()
    return Entry(u=url, t=title, h=[h for h in headings if h], x=_text(article))


def language_index(folder: Path, lang: str) -> list[Entry]:
    """Entries for every page of one language, in file-name order (the home page first)."""
    entries = []
    for path in sorted(folder.glob("*.html"), key=lambda p: (p.name != "index.html", p.name)):
        if path.name in NOT_PAGES:
            continue
        entry = page_entry(path, path.name)
        if entry:
            entries.append(entry)
    return entries


def index_script(lang: Language, entries: list[Entry]) -> str:
    """The index as a script that sets window.RuangAmanIndex (loadable from file://).

    `stemmer` names the browser's stemmer for this language, or null: a language without one gets none.
    """
    data = json.dumps({"lang": lang.code, "stemmer": lang.stemmer, "docs": [asdict(e) for e in entries]},
                      ensure_ascii=False, separators=(",", ":"))
    # "</" never appears inside a script's data; json escapes nothing else that matters here.
    return "window.RuangAmanIndex=" + data.replace("</", "<\\/") + ";\n"


def alternates_html(lang: Language, languages: tuple[Language, ...]) -> str:
    """Links from one language's search page to the search page of each other language, by its own name."""
    return "".join(
        f'<a class="ra-lang" href="{to_root(lang)}{lang_dir(other)}search.html" hreflang="{other.code}" lang="{other.code}">'
        f"{escape(other.name)}</a>"
        for other in languages if other.code != lang.code
    )


def write_search_indexes(staging: Path, languages: tuple[Language, ...]) -> list[Path]:
    """Write assets/ra/search-<lang>.js for every language and complete each language's search page."""
    written = []
    for lang in languages:
        folder = staging / lang_dir(lang)
        target = staging / "assets" / "ra" / f"search-{lang.code}.js"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(index_script(lang, language_index(folder, lang.code)), encoding="utf-8")
        written.append(target)
        search_page = folder / "search.html"
        if search_page.exists():
            text = search_page.read_text(encoding="utf-8")
            text = text.replace(ALTERNATES_MARK, alternates_html(lang, languages))
            search_page.write_text(text, encoding="utf-8")
    return written


def search_stage(ctx: BuildContext) -> StageResult:
    """Build stage: the search indexes; a language without its search page is an error."""
    result = StageResult()
    for lang in ctx.languages:
        if not (ctx.paths.staging / lang_dir(lang) / "search.html").exists():
            result.problems.error("search", Where("theme/search.html"), f"[{lang.code}] the search page was not built.",
                                  "keep `static_templates: [search.html]` under theme: in mkdocs.yml.")
    if result.problems.has_errors():
        return result
    written = write_search_indexes(ctx.paths.staging, ctx.languages)
    result.outputs.append(("search", ", ".join(str(p.relative_to(ctx.paths.staging)) for p in written)))
    return result

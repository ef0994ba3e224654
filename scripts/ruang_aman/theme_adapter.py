"""What the pipeline knows about the theme: every class name, marker and file of the theme's HTML that a
stage reads or rewrites, in this one module (the templates themselves live in theme/).

The page template is the project's own (theme/main.html writes the whole document); Material for MkDocs is
only the template engine's base (mkdocs.yml `theme: name: material`): its files are copied by MkDocs and
removed here. Moving to another engine (Zensical, when Material reaches end of life in 2027) changes
theme/, mkdocs.yml and the ENGINE_* names below; the stages keep reading the names of this module.
"""

from __future__ import annotations

import re
from pathlib import Path

# --- the engine's files (Material): copied into every build by MkDocs, used by no page -----------------------
ENGINE_UNUSED_FILES = (
    "assets/javascripts", "assets/stylesheets/*.map", "assets/stylesheets/palette.*.css", "assets/images/favicon.png",
)
ENGINE_STYLESHEETS = "assets/stylesheets/main.*.min.css"
ENGINE_LANGUAGE_PARTIAL = "partials/languages/{code}.html"   # the engine's interface words for one language


def engine_knows_language(theme_dirs: list[str], code: str, folder: Path) -> None:
    """Material ships interface words for many languages, not all (no Javanese): for one it lacks, write a partial
    into `folder` that names the language (html lang, direction; Material takes its words from English), and put
    `folder` in the template search path after our theme, before Material's and MkDocs' own (the last two)."""
    name = ENGINE_LANGUAGE_PARTIAL.format(code=code)
    if any((Path(d) / name).is_file() for d in theme_dirs):
        return
    target = folder / name
    target.parent.mkdir(parents=True, exist_ok=True)
    text = '{%% macro t(key) %%}{{ {"language": "%s", "direction": "ltr"}[key] }}{%% endmacro %%}\n' % code
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    theme_dirs.insert(len(theme_dirs) - 2, str(folder))
ENGINE_STYLESHEET_LINK = r"assets/stylesheets/main\.[0-9a-f]+\.min\.css"

# --- our theme's files and markers ---------------------------------------------------------------------------
OUR_STYLESHEET = "assets/ra/ruang-aman.css"
SCRIPT_CLASSES = frozenset({"js", "ra-leaving"})   # classes only theme/assets/ra/*.js sets (kept by the CSS purge)
ARTICLE_XPATH = "//main[@id='ra-content']"          # a page's own text, without header, menu and footer
# Chrome repeated inside the article on every page: it would make every page match every hotline query.
CHROME_XPATH = ("//*[contains(concat(' ', @class, ' '), ' ra-hotline-box ')] | //*[contains(concat(' ', @class, ' '), ' ra-offers ')] | "
                "//*[@id='ra-search-panel'] | //*[contains(concat(' ', @class, ' '), ' headerlink ')] | //script | //style")
ALTERNATES_MARK = "<!--ra-alternates-->"           # theme/search.html: where the other languages' search links go
# theme/partials/ra-exit.html: the quick exit's target (the offline bundle points it at a local page)
EXIT_LINK_RE = re.compile(r'(<a class="ra-exit" id="ra-exit" href=")[^"]*(" rel="noreferrer" data-exit=")[^"]*(")')
# theme/partials/ra-footer.html: the link to the offline bundle (left out of the bundle itself)
OFFLINE_LINK_RE = re.compile(r'<p class="ra-offline">.*?</p>', re.S)
# A page's stylesheet links (the engine's and ours) that the minify stage replaces by one joined stylesheet.
STYLESHEET_LINK_RE = re.compile(r'<link rel="stylesheet" href="([^"]*?)(?:' + ENGINE_STYLESHEET_LINK + "|"
                                + re.escape(OUR_STYLESHEET) + r')">\s*')
MERGED_LINK_RE = re.compile(r'href="[^"]*(assets/stylesheets/main\.|ruang-aman\.css)')

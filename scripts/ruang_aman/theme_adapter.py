"""What the pipeline knows about the theme: every class name, marker and file of the theme's HTML that a
stage reads or rewrites, in this one module (the templates themselves live in theme/).

The page template is the project's own (theme/main.html writes the whole document) and MkDocs runs with no
engine theme (mkdocs.yml `theme: name: null`, our templates in `custom_dir`): no engine file is copied into
the site. Moving to another engine (Zensical, when Material reaches end of life in 2027) changes theme/ and
mkdocs.yml; the stages keep reading the names of this module.
"""

from __future__ import annotations

import re

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
# A page's stylesheet links that the minify stage replaces by one link to the joined stylesheet.
STYLESHEET_LINK_RE = re.compile(r'<link rel="stylesheet" href="([^"]*?)' + re.escape(OUR_STYLESHEET) + r'">\s*')
MERGED_LINK_RE = re.compile(r'href="[^"]*ruang-aman\.css')

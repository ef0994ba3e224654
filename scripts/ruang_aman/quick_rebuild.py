"""The preview's fast path: an edit to the text of one page rebuilds that page only, in every language.

A full build reads, renders and checks every page; at 1,000 pages per language that takes far longer than
the seconds between saving a file and looking at the browser. When only the body of existing pages changed
(not a title, description, menu position or draft flag, which other pages show), the preview reloads those
files, checks them, renders their Markdown, lets MkDocs render just those pages with the navigation of the
last full build, and writes them into the preview. Anything else, or any error, falls back to the full build.
The search index and the offline bundle of the preview stay those of the last full build.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

from .checks import _check_page
from .contract import BuildContext
from .html_policy import check_page_html
from .load import Source_, load_page
from .minify import minify_html
from .model import Language, Page
from .pages import doc_name, render_page
from .problems import Problems
from .sitebuild import mkdocs_config, shared_assets_html
from .urls import lang_dir, page_file

SHOWN_ELSEWHERE = ("title", "description", "nav", "draft")  # other pages show these: a change needs the full build
ENGINE_PAGE_FUNCTIONS = ("_populate_page", "_build_page")
"""MkDocs 1.6's private functions that render one page; another MkDocs may lack them (then: full builds)."""


def engine_renders_single_pages() -> bool:
    """True when this MkDocs has the private functions the fast path uses; else says so on stderr (once per save)."""
    import mkdocs
    from mkdocs.commands import build as engine

    missing = [name for name in ENGINE_PAGE_FUNCTIONS if not callable(getattr(engine, name, None))]
    if missing:
        print(f"preview: MkDocs {mkdocs.__version__} has no {' / '.join(missing)} (private to MkDocs 1.6), so every save "
              "takes the full build; pin mkdocs as requirements.txt does for page-only rebuilds.", file=sys.stderr)
    return not missing


def quick_rebuild(ctx: BuildContext, changed: list[Path]) -> tuple[BuildContext, Problems] | None:
    """Rebuild the changed pages into the live site; the new context and the problems found, or None when
    the change needs a full build (the caller runs it)."""
    pages_dir = ctx.paths.content / "pages"
    if not changed or any(path.parent != pages_dir or path.suffix != ".md" for path in changed):
        return None
    if not engine_renders_single_pages():
        return None
    problems = Problems()
    content = ctx.content
    codes = tuple(lang.code for lang in content.site.languages)
    edited: list[Page] = []
    for path in changed:
        old = content.page(path.stem)
        loaded = load_page(path, ctx.paths.root, problems, codes) if path.exists() else None
        if old is None or loaded is None or problems.has_errors():
            return None
        page = loaded[0]
        if any(getattr(page, field) != getattr(old, field) for field in SHOWN_ELSEWHERE):
            return None
        ctx.positions.add(Source_(page.path, loaded[1]), (), page)
        check_page_html(page, ctx.paths.root, problems)
        edited.append(page)
    swapped = {page.slug: page for page in edited}
    content = content.model_copy(update={"pages": [swapped.get(p.slug, p) for p in content.pages]})
    for page in edited:
        _check_page(page, content, ctx.positions, problems)
    if problems.has_errors():
        return None
    ctx = BuildContext(content, ctx.positions, ctx.paths, ctx.options)
    for lang in ctx.languages:
        for page in edited:
            (ctx.paths.docs / lang.code / doc_name(page.slug)).write_text(
                render_page(page, lang, content, ctx.languages), encoding="utf-8")
        _render_into_site(ctx, lang, [page.slug for page in edited])
    return ctx, problems


def _render_into_site(ctx: BuildContext, lang: Language, slugs: list[str]) -> None:
    """MkDocs renders the given pages of one language (their navigation as in the full build) into the site."""
    from mkdocs.commands.build import _build_page, _populate_page
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import get_navigation

    site = ctx.paths.site
    css = next(iter(sorted((site / "assets" / "ra").glob("site.*.css"))), None)
    with tempfile.TemporaryDirectory(dir=site.parent) as scratch:
        cfg = mkdocs_config(ctx, lang, Path(scratch))
        files = get_files(cfg)
        env = cfg.theme.get_env()
        files.add_files_from_theme(env, cfg)
        nav = get_navigation(files, cfg)
        doc_files = files.documentation_pages()
        for slug in slugs:
            file = files.get_file_from_path(doc_name(slug))
            _populate_page(file.page, cfg, files)
            _build_page(file.page, cfg, doc_files, nav, env)
            html = Path(file.abs_dest_path).read_text(encoding="utf-8")
            if lang_dir(lang):
                html = shared_assets_html(html)
            if css is not None:  # the joined stylesheet of the last full build
                html = re.sub(r'<link rel="stylesheet" href="[^"]*?assets/ra/ruang-aman\.css">\s*',
                              f'<link rel="stylesheet" href="{"../" * lang_dir(lang).count("/")}assets/ra/{css.name}">', html)
            target = site / lang_dir(lang) / page_file(slug)
            temporary = target.with_suffix(".html.new")
            temporary.write_text(minify_html(html), encoding="utf-8")
            os.replace(temporary, target)

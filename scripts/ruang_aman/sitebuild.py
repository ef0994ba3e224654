"""Run MkDocs once per language (the default language at the root, the others in their folders) into staging."""

from __future__ import annotations

import logging
import os
import re
import shutil
from pathlib import Path

from markupsafe import escape
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError, ConfigurationError

from .contract import BuildContext, StageResult
from .model import Content, Language
from .pages import nav_for
from .parallel import pmap
from .phones import parse_phone
from .placeholders import page_showing
from .problems import Problems, Where
from .urls import lang_dir, language_root, to_root
from .tokens import load_tokens

ERASE_PAGE = "aman-menjelajah"
"""The page whose #cara-menghapus section the erase control leads to without JavaScript."""

# Everything the pages load comes from the site itself; nothing from another host.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-src 'none'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; manifest-src 'self'; worker-src 'self'"
)


class _Collect(logging.Handler):
    """Turns MkDocs' warnings into problems, pointed back at the source page and line."""

    def __init__(self, problems: Problems, lang: str, content: Content, root: Path):
        super().__init__(logging.WARNING)
        self.problems, self.lang, self.content, self.root = problems, lang, content, root

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage().strip()
        self.problems.warning("mkdocs", self.source_of(message), f"[{self.lang}] {message}", "fix it in the page's source (named here) and build again.")

    def source_of(self, message: str) -> Where:
        """The content_src page a warning is about, at the line of the link it names if any."""
        doc = re.search(r"Doc file '([^']+)\.md'", message)
        page = self.content.page(doc.group(1)) if doc else None
        if page is None:
            return Where(f"docs/{self.lang}/{doc.group(1)}.md" if doc else "mkdocs.yml")
        link = re.search(r"contains a link '([^'#]*?)(?:\.md)?(#[^']*)?'", message)
        if link:
            wanted = [f"{link.group(1)}.html{link.group(2) or ''}", f"{link.group(1)}.md{link.group(2) or ''}"]
            body = page.bodies.get(self.lang)
            lines = (self.root / page.path).read_text(encoding="utf-8-sig").split("\n")
            start = body.line if body else 1
            for number in range(start, len(lines) + 1):
                for target in wanted:
                    col = lines[number - 1].find(target)
                    if col >= 0:
                        return Where(page.path, number, col + 1)
        return Where(page.path)


def theme_data(content: Content, language: Language) -> dict:
    """What the templates need from the content: labels, hotlines, exit site, CSP, the languages
    (those of `content`: a build's content holds only the languages it publishes).

    Every value that comes from content_src/ is escaped here (markupsafe's Markup): MkDocs' templates do not
    escape, and Markup is never escaped twice where a template adds `| e`. Data is text, never markup."""
    from urllib.parse import urlsplit

    site = content.site
    lang = language.code
    hotlines = []
    for key in site.hotlines:
        contact = content.contact(key)
        if contact and contact.phone:
            phone = parse_phone(contact.phone)
            alt = parse_phone(contact.phone_alt) if contact.phone_alt else None
            hotlines.append({"name": escape(contact.name.pick(lang)), "display": escape(phone.display),
                             "tel": escape(phone.tel),
                             "alt": {"display": escape(alt.display), "tel": escape(alt.tel)} if alt else None})
    return {
        "lang": lang,
        "lang_dir": lang_dir(language),
        "root": to_root(language),
        "labels": {key: escape(site.label(key, lang)) for key in site.labels},
        # The erase control's no-JavaScript target: the manual steps on the browsing-safety page, when published.
        "erase_page": f"{ERASE_PAGE}.html" if content.is_published(ERASE_PAGE) else None,
        "hotlines": hotlines,
        "exit_url": escape(site.exit_url),
        "tagline": escape(site.tagline.pick(lang)),
        "brand_colour": load_tokens().colours["violet"],
        # the page that lists the print material (the one showing {{ posters }}): the home page offers it
        "print_page": page_showing(content, "posters"),
        "csp": CSP,
        "base_url": escape(site.base_url),
        # The path of the base URL ("/ruang-aman/" on GitHub Pages): links on pages served at any address (404.html).
        "base_path": escape(urlsplit(site.base_url).path),
        # Every published language's folder, name and labels: the not-found page speaks all of them.
        "langs": [{"lang": other.code, "dir": lang_dir(other), "name": escape(other.name), "default": other.default,
                   "labels": {key: escape(site.label(key, other.code)) for key in site.labels}}
                  for other in content.site.languages],
    }


def mkdocs_config(ctx: BuildContext, lang: Language, site_dir: Path):
    """MkDocs' configuration for one language: site.yml's names and address, the navigation, the theme's data."""
    site = ctx.content.site
    cfg = load_config(
        config_file=str(ctx.paths.mkdocs_yml),
        docs_dir=str(ctx.paths.docs / lang.code),
        site_dir=str(site_dir),
        site_name=escape(site.name.pick(lang.code)),
        site_description=escape(site.description.pick(lang.code)),
        site_url=language_root(site.base_url, lang),
        nav=nav_for(ctx.pages, lang, site.doors),
        strict=ctx.options.strict,
        extra={"ra": theme_data(ctx.content, lang)},
    )
    return cfg


def build_language(ctx: BuildContext, lang: Language, problems: Problems) -> bool:
    """One MkDocs build for one language; returns False (with problems added) when it failed.

    MkDocs gets the build's real strict flag; its warnings become our problems either way, and
    build.py alone decides whether they fail the build.
    """
    content, paths = ctx.content, ctx.paths
    cfg = mkdocs_config(ctx, lang, _own_folder(ctx, lang))
    handler = _Collect(problems, lang.code, content, paths.root)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        cfg.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(cfg)
    except (Abort, BuildError, ConfigurationError) as exc:
        if isinstance(exc, Abort) and "in strict mode" in str(exc):
            return True  # MkDocs wrote every page, then stopped on warnings we already hold: build.py judges them
        problems.error("mkdocs", Where("mkdocs.yml"), f"[{lang.code}] MkDocs failed: {exc}")
        return False
    finally:
        cfg.plugins.on_shutdown()
        logger.removeHandler(handler)
    return True


def share_assets(out_dir: Path, languages: tuple[Language, ...]) -> None:
    """Serve every language from the root's assets/: one copy deployed, one copy cached."""
    for lang in languages:
        if lang.default:
            continue
        folder = out_dir / lang_dir(lang)
        shutil.rmtree(folder / "assets", ignore_errors=True)
        for html in folder.glob("*.html"):
            html.write_text(shared_assets_html(html.read_text(encoding="utf-8")), encoding="utf-8")


def shared_assets_html(text: str) -> str:
    """A page of a language folder pointed at the root's assets/."""
    # static templates (search.html) write "./assets/", pages "assets/": both move to the root's copy
    return re.sub(r'((?:href|src)=")(?:\./)?assets/', r"\1../assets/", text)


def _own_folder(ctx: BuildContext, lang: Language) -> Path:
    """Where MkDocs writes one language: a folder of its own, since MkDocs empties its site_dir first and the
    languages are built side by side; place_languages() moves it to its place afterwards."""
    return ctx.paths.staging / f".mkdocs-{lang.code}"


def place_languages(ctx: BuildContext) -> None:
    """Each language's MkDocs output to its folder of the site (the default language at the root)."""
    for lang in ctx.languages:
        built = _own_folder(ctx, lang)
        if lang_dir(lang):
            os.replace(built, ctx.paths.staging / lang_dir(lang))
            continue
        for child in built.iterdir():
            os.replace(child, ctx.paths.staging / child.name)
        built.rmdir()


def _build_one(ctx: BuildContext, lang: Language) -> tuple[bool, Problems]:
    problems = Problems()
    return build_language(ctx, lang, problems), problems


def mkdocs_stage(ctx: BuildContext) -> StageResult:
    """Build stage: every published language into staging (the languages side by side, one process each),
    then the shared clean-up."""
    result = StageResult()
    built = []
    for ok, problems in pmap(_build_one, ctx.languages, shared=ctx, min_items=2):
        built.append(ok)
        result.problems.extend(problems)
    if all(built):
        place_languages(ctx)
        share_assets(ctx.paths.staging, ctx.languages)
    elif not result.problems.has_errors():
        result.problems.error("mkdocs", Where("mkdocs.yml"), "MkDocs did not finish; see the problems above.")
    return result

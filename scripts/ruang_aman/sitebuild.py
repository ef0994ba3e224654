"""Run MkDocs once per language (Indonesian at the root, English under en/) into a staging folder."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError, ConfigurationError

from . import LANGS
from .model import Content
from .pages import lang_dir, nav_for, page_url, to_root
from .phones import parse_phone
from .problems import Problems, Where

# Everything the pages load comes from the site itself; nothing from another host.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-src 'none'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; manifest-src 'self'; worker-src 'self'"
)
# Files of the Material theme that no page uses: its JavaScript (ours replaces it), source maps.
UNUSED_THEME_FILES = (
    "assets/javascripts", "assets/stylesheets/*.map", "assets/stylesheets/palette.*.css", "assets/images/favicon.png",
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


def theme_data(content: Content, lang: str) -> dict:
    """What the templates need from the content: labels, hotlines, exit site, CSP."""
    from urllib.parse import urlsplit

    site = content.site
    hotlines = []
    for key in site.hotlines:
        contact = content.contact(key)
        if contact and contact.phone:
            phone = parse_phone(contact.phone)
            alt = parse_phone(contact.phone_alt) if contact.phone_alt else None
            hotlines.append({"name": contact.name.get(lang) or contact.name.id, "display": phone.display, "tel": phone.tel,
                             "alt": {"display": alt.display, "tel": alt.tel} if alt else None})
    return {
        "lang": lang,
        "lang_dir": lang_dir(lang),
        "root": to_root(lang),
        "labels": {key: site.label(key, lang) for key in site.labels},
        "hotlines": hotlines,
        "exit_url": site.exit_url,
        "csp": CSP,
        "base_url": site.base_url,
        # The path of the base URL ("/ruang-aman/" on GitHub Pages): links on pages served at any address (404.html).
        "base_path": urlsplit(site.base_url).path,
        # Every language's folder and labels: the not-found page speaks all of them.
        "langs": [{"lang": other, "dir": lang_dir(other), "labels": {key: site.label(key, other) for key in site.labels}}
                  for other in LANGS],
    }


def build_language(content: Content, lang: str, root: Path, docs_dir: Path, out_dir: Path, nav_pages, problems: Problems) -> bool:
    """One MkDocs build for one language; returns False (with problems added) when it failed."""
    site = content.site
    cfg = load_config(
        config_file=str(root / "mkdocs.yml"),
        docs_dir=str(docs_dir / lang),
        site_dir=str(out_dir / lang_dir(lang)),
        site_name=site.name.get(lang) or site.name.id,
        site_description=site.description.get(lang) or site.description.id,
        site_url=page_url(site.base_url, "index", lang).rsplit("index.html", 1)[0],
        nav=nav_for(nav_pages, lang),
        extra={"ra": theme_data(content, lang)},
    )
    cfg.theme["language"] = lang
    handler = _Collect(problems, lang, content, root)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        cfg.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(cfg)
    except (Abort, BuildError, ConfigurationError) as exc:
        if not handler.problems.items:
            problems.error("mkdocs", Where("mkdocs.yml"), f"[{lang}] MkDocs failed: {exc}")
        return False
    finally:
        cfg.plugins.on_shutdown()
        logger.removeHandler(handler)
    return True


def share_assets(out_dir: Path) -> None:
    """Serve every language from the root's assets/: one copy deployed, one copy cached."""
    for lang in LANGS[1:]:
        folder = out_dir / lang_dir(lang)
        shutil.rmtree(folder / "assets", ignore_errors=True)
        for html in folder.glob("*.html"):
            text = html.read_text(encoding="utf-8")
            # static templates (search.html) write "./assets/", pages "assets/": both move to the root's copy
            text = re.sub(r'((?:href|src)=")(?:\./)?assets/', r"\1../assets/", text)
            html.write_text(text, encoding="utf-8")


def prune_unused(out_dir: Path) -> None:
    """Remove theme files that no page loads (Material's JavaScript, source maps, its favicon)."""
    for pattern in UNUSED_THEME_FILES:
        for path in out_dir.glob(pattern):
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def build_site(content: Content, root: Path, docs_dir: Path, out_dir: Path, pages_by_lang, problems: Problems) -> bool:
    """Both languages into out_dir, then the shared clean-up; False when any language failed."""
    ok = all([build_language(content, lang, root, docs_dir, out_dir, pages_by_lang[lang], problems) for lang in LANGS])
    if ok:
        share_assets(out_dir)
        prune_unused(out_dir)
    return ok

"""Offline reading: the service worker (return visits without a connection) and the downloadable bundle
(the whole site as a zip for file:// use, copied to phones and laptops by schools and outreach workers)."""

from __future__ import annotations

import hashlib
import io
import json
import posixpath
import re
import zipfile
from pathlib import Path

from .contract import BuildContext, StageResult
from .model import Language, Page
from .parallel import pmap
from .problems import Where
from .theme_adapter import EXIT_LINK_RE, OFFLINE_LINK_RE
from .urls import lang_dir, site_path

SW_TEMPLATE = Path("theme") / "sw.js"
BUNDLE = "ruang-aman-offline.zip"
BUNDLE_FOLDER = "ruang-aman"           # everything unzips into one folder; readers open ruang-aman/index.html
NEUTRAL_PAGE = "keluar.html"           # the quick exit's target inside the bundle
CORE_SLUGS = ("index", "bantuan")      # home and get help: what a reader needs first, kept for return visits
SEARCH_CODE = "assets/ra/ra-search.js"  # with the index of a language: search without a connection
SEARCH_INDEX = "assets/ra/search-{lang}.js"
NOT_IN_BUNDLE = ("sw.js", BUNDLE, "404.html", "sitemap.xml", "sitemap.xml.gz")
# Posters in the bundle: the A4 files (to print) and the thumbnails the gallery page shows. The other sizes
# (A3, social-media square and story) stay online: the gallery inside the bundle does not link them.
BUNDLE_POSTER_RE = re.compile(r"posters/[^/]+-(?:a4\.(?:pdf|png)|thumb\.png)")
# The session kit's PDFs go in (a facilitator may run a session without a connection); its social ZIPs
# repeat the poster cards, which stay online.
KIT_NOT_IN_BUNDLE_RE = re.compile(r"kit/[^/]+\.zip")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)        # fixed: the same site gives the same bytes
# A list item that is one link, and a link; a dropped link's " · " separator goes with it (SEPARATED_RE).
LINK_ITEM_RE = re.compile(r'<li>\s*<a\b[^>]*?\bhref="([^"]*)"[^>]*>(?:(?!</?a\b).)*</a>\s*</li>\s*', re.S)
LINK_RE = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"[^>]*>.*?</a>', re.S)
DROPPED = "\0"
HREF_RE = re.compile(r'\bhref="([^"]*)"')   # every href LINK_ITEM_RE and LINK_RE can capture, and more
SEPARATED_RE = re.compile(r"\s*·\s*\0|\0\s*·\s*|\0")

# A page with nothing about the site: what the reader's screen shows after a quick exit in the bundle.
NEUTRAL_HTML = """<!doctype html>
<html lang="id">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Catatan</title></head>
<body style="font-family:sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5">
<h1>Catatan belanja</h1>
<ul><li>Beras 5 kg</li><li>Minyak goreng</li><li>Telur 1 kg</li><li>Gula</li><li>Sabun cuci</li><li>Sayur bayam</li></ul>
<p>Bayar listrik sebelum tanggal 20.</p>
</body>
</html>
"""


def core_urls(pages: tuple[Page, ...], languages: tuple[Language, ...], staging: Path) -> dict[str, list[str]]:
    """What the service worker keeps of each language once a reader of that language interacts with a page:
    its home and get-help pages and its search (code and index, so search works offline too); the files a page
    used are sent by the page itself, see theme/sw.js."""
    published = {p.slug for p in pages}
    core = {}
    for lang in languages:
        urls = [site_path(slug, lang) for slug in CORE_SLUGS if slug in published]
        urls += [SEARCH_CODE, SEARCH_INDEX.format(lang=lang.code)]
        core[lang.code] = [u for u in urls if (staging / u).is_file()]
    return core


def site_version(staging: Path) -> str:
    """A hash of every deployed file: a new build with any change gets a new cache."""
    digest = hashlib.sha256()
    for path in sorted(p for p in staging.rglob("*") if p.is_file()):
        rel = path.relative_to(staging).as_posix()
        if rel in ("sw.js", BUNDLE):
            continue
        digest.update(rel.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def write_service_worker(ctx: BuildContext) -> Path:
    """sw.js at the site root (its scope is the site's folder); copies MkDocs made in language folders go."""
    staging = ctx.paths.staging
    template = (ctx.paths.root / SW_TEMPLATE).read_text(encoding="utf-8")
    text = template.replace("__VERSION__", site_version(staging))
    text = text.replace("__CORE__", json.dumps(core_urls(ctx.pages, ctx.languages, staging)))
    for lang in ctx.languages:
        if not lang.default:
            (staging / lang_dir(lang) / "sw.js").unlink(missing_ok=True)
    target = staging / "sw.js"
    target.write_text(text, encoding="utf-8")
    return target


def bundle_page(html: str, root: str) -> str:
    """One page as it goes into the bundle: the exit leads to the local neutral page; no link to the bundle."""
    html = EXIT_LINK_RE.sub(lambda m: f"{m.group(1)}{root}{NEUTRAL_PAGE}{m.group(2)}{root}{NEUTRAL_PAGE}{m.group(3)}", html)
    return OFFLINE_LINK_RE.sub("", html)


def link_target(page: str, href: str) -> str | None:
    """The file a relative link of `page` (a path in the site) opens, or None for other links."""
    path = href.split("#", 1)[0].split("?", 1)[0]
    if not path or ":" in path or href.startswith(("/", "//")):
        return None
    if path.endswith("/") or posixpath.basename(path) in (".", ".."):
        path = posixpath.join(path, "index.html")        # a folder's address opens its index.html
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


def drop_missing_links(html: str, page: str, present: set[str]) -> str:
    """Links to files that are not in the bundle go, with their list item or their " · " separator."""
    def missing(href: str) -> bool:
        target = link_target(page, href)
        return target is not None and target not in present

    if DROPPED not in html and not any(missing(href) for href in set(HREF_RE.findall(html))):
        return html  # nothing to drop, the common case: the passes below would return the page unchanged
    html = LINK_ITEM_RE.sub(lambda m: "" if missing(m.group(1)) else m.group(0), html)
    html = LINK_RE.sub(lambda m: DROPPED if missing(m.group(1)) else m.group(0), html)
    return SEPARATED_RE.sub("", html)


def in_bundle(rel: str) -> bool:
    """Whether a file of the site goes into the bundle."""
    if rel.rsplit("/", 1)[-1] in NOT_IN_BUNDLE or KIT_NOT_IN_BUNDLE_RE.fullmatch(rel):
        return False
    return not rel.startswith("posters/") or BUNDLE_POSTER_RE.fullmatch(rel) is not None


def bundle_files(staging: Path) -> list[tuple[str, bytes]]:
    """(path in the zip, bytes) for every file of the bundle, sorted; no link inside it leads out of it."""
    rels = [p.relative_to(staging).as_posix() for p in sorted(staging.rglob("*")) if p.is_file()]
    rels = [rel for rel in rels if in_bundle(rel)]
    present = set(rels) | {NEUTRAL_PAGE}
    files = [(f"{BUNDLE_FOLDER}/{NEUTRAL_PAGE}", NEUTRAL_HTML.encode("utf-8"))]
    files += zip((f"{BUNDLE_FOLDER}/{rel}" for rel in rels), pmap(_bundled, rels, shared=(staging, present)))
    return sorted(files)


def _bundled(shared: tuple[Path, set[str]], rel: str) -> bytes:
    """One file as the bundle holds it (pages adapted on every core)."""
    staging, present = shared
    data = (staging / rel).read_bytes()
    if rel.endswith(".html"):
        html = bundle_page(data.decode("utf-8"), "../" * rel.count("/"))
        data = drop_missing_links(html, rel, present).encode("utf-8")
    return data


def zip_bytes(files: list[tuple[str, bytes]]) -> bytes:
    """A deterministic zip: sorted entries, fixed timestamps and permissions."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in files:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED if name.endswith((".png", ".pdf", ".gz", ".jpg")) else zipfile.ZIP_DEFLATED
            zf.writestr(info, data, compresslevel=9)
    return out.getvalue()


def write_offline_bundle(staging: Path) -> Path:
    """site/ruang-aman-offline.zip: the site for file:// use, with the A4 posters when they were built."""
    target = staging / BUNDLE
    target.write_bytes(zip_bytes(bundle_files(staging)))
    return target


def service_worker_stage(ctx: BuildContext) -> StageResult:
    """Build stage: the service worker, versioned by the finished site's files."""
    result = StageResult()
    if not (ctx.paths.root / SW_TEMPLATE).exists():
        result.problems.error("offline", Where(str(SW_TEMPLATE)), "the service worker template is missing.")
        return result
    target = write_service_worker(ctx)
    result.outputs.append(("service worker", str(target.relative_to(ctx.paths.staging))))
    return result


def offline_bundle_stage(ctx: BuildContext) -> StageResult:
    """Build stage: the downloadable offline bundle, linked from every page's footer."""
    target = write_offline_bundle(ctx.paths.staging)
    size = target.stat().st_size // 1024
    return StageResult(outputs=[("offline bundle", f"{target.relative_to(ctx.paths.staging)} ({size} KB)")])

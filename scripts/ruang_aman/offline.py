"""Offline reading: the service worker (return visits without a connection) and the downloadable bundle
(the whole site as a zip for file:// use, copied to phones and laptops by schools and outreach workers)."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

from . import LANGS
from .model import Content
from .pages import lang_dir, to_root
from .problems import Problems, Where

SW_TEMPLATE = Path("theme") / "sw.js"
BUNDLE = "ruang-aman-offline.zip"
BUNDLE_FOLDER = "ruang-aman"           # everything unzips into one folder; readers open ruang-aman/index.html
NEUTRAL_PAGE = "keluar.html"           # the quick exit's target inside the bundle
CORE_PAGES = 3                          # home, get help, how to report: the first pages of the navigation
NOT_IN_BUNDLE = ("sw.js", BUNDLE, "404.html", "sitemap.xml", "sitemap.xml.gz")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)        # fixed: the same site gives the same bytes
EXIT_RE = re.compile(r'(<a class="ra-exit" id="ra-exit" href=")[^"]*(" rel="noreferrer" data-exit=")[^"]*(")')
OFFLINE_LINK_RE = re.compile(r'<p class="ra-offline">.*?</p>', re.S)

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


def core_urls(content: Content, staging: Path) -> list[str]:
    """What the service worker stores on the first visit: the core pages of every language and their files."""
    slugs = [p.slug for p in sorted((p for p in content.published_pages(False) if p.nav is not None),
                                    key=lambda p: (p.nav, p.slug))][:CORE_PAGES]
    urls = ["./"]
    for lang in LANGS:
        urls += [f"{lang_dir(lang)}{'index' if s == 'index' else s}.html" for s in slugs]
    home = (staging / "index.html").read_text(encoding="utf-8")
    urls += [u for u in re.findall(r'(?:href|src)="(assets/[^"]+)"', home)]
    return [u for u in dict.fromkeys(urls) if u == "./" or (staging / u).exists()]


def site_version(staging: Path) -> str:
    """A hash of every deployed file: a new build with any change gets a new cache."""
    digest = hashlib.sha256()
    for path in sorted(p for p in staging.rglob("*") if p.is_file()):
        rel = path.relative_to(staging).as_posix()
        if rel in ("sw.js", BUNDLE):
            continue
        digest.update(rel.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def write_service_worker(content: Content, root: Path, staging: Path) -> Path:
    """sw.js at the site root (its scope is the site's folder); copies MkDocs made in language folders go."""
    template = (root / SW_TEMPLATE).read_text(encoding="utf-8")
    text = template.replace("__VERSION__", site_version(staging))
    text = text.replace("__CORE__", json.dumps(core_urls(content, staging)))
    for lang in LANGS[1:]:
        (staging / lang_dir(lang) / "sw.js").unlink(missing_ok=True)
    target = staging / "sw.js"
    target.write_text(text, encoding="utf-8")
    return target


def bundle_page(html: str, root: str) -> str:
    """One page as it goes into the bundle: the exit leads to the local neutral page; no link to the bundle."""
    html = EXIT_RE.sub(lambda m: f"{m.group(1)}{root}{NEUTRAL_PAGE}{m.group(2)}{root}{NEUTRAL_PAGE}{m.group(3)}", html)
    return OFFLINE_LINK_RE.sub("", html)


def bundle_files(staging: Path) -> list[tuple[str, bytes]]:
    """(path in the zip, bytes) for every file of the bundle, sorted."""
    files = [(f"{BUNDLE_FOLDER}/{NEUTRAL_PAGE}", NEUTRAL_HTML.encode("utf-8"))]
    for path in sorted(p for p in staging.rglob("*") if p.is_file()):
        rel = path.relative_to(staging).as_posix()
        if rel.rsplit("/", 1)[-1] in NOT_IN_BUNDLE:
            continue
        data = path.read_bytes()
        if rel.endswith(".html"):
            data = bundle_page(data.decode("utf-8"), "../" * rel.count("/")).encode("utf-8")
        files.append((f"{BUNDLE_FOLDER}/{rel}", data))
    return sorted(files)


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


def write_offline_bundle(content: Content, staging: Path) -> Path:
    """site/ruang-aman-offline.zip: the site for file:// use, posters included when built."""
    target = staging / BUNDLE
    target.write_bytes(zip_bytes(bundle_files(staging)))
    return target


def service_worker_stage(*, content: Content, root: Path, staging: Path, problems: Problems, outcome, **_) -> bool:
    """Build stage: the service worker, versioned by the finished site's files."""
    if not (root / SW_TEMPLATE).exists():
        problems.error("offline", Where(str(SW_TEMPLATE)), "the service worker template is missing.")
        return False
    target = write_service_worker(content, root, staging)
    outcome.outputs.append(("service worker", str(target.relative_to(staging))))
    return True


def offline_bundle_stage(*, content: Content, staging: Path, problems: Problems, outcome, **_) -> bool:
    """Build stage: the downloadable offline bundle, linked from every page's footer."""
    target = write_offline_bundle(content, staging)
    outcome.outputs.append(("offline bundle", f"{target.relative_to(staging)} ({target.stat().st_size // 1024} KB)"))
    return True

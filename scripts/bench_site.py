"""`make bench`: the site's size and speed figures, each beside its budget (issue 6). Prints; asserts nothing.

Builds site/ (or uses it with --use-site), serves it from 127.0.0.1 under a sub-path like GitHub Pages, and
measures in Debian's headless Chromium: first-load bytes and requests per page type, HTML sizes, deploy size,
files no page uses, axe-core violations, and Lighthouse 12.2.3 (mobile, median of 5) where installed.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
NODE = ROOT / "build" / "node_modules"


def _subpath() -> str:
    """The sub-path the site is published under, derived from content_src/site.yml's base_url."""
    from ruang_aman.load import load_content

    content, _, _ = load_content(ROOT)
    return urlsplit(content.site.base_url).path.strip("/") if content else "ruang-aman"


SUBPATH = _subpath()
PAGE_TYPES = {  # page type -> address below the site root
    "home (id)": "index.html",
    "home (en)": "en/index.html",
    "content page": "bantuan.html",
    "self-check": "apakah-ini-kekerasan.html",
    "search page": "search.html",
    "not found": "404.html",
}
BUDGET = {"first_bytes": 20_000, "first_requests": 4, "median_html": 4_500,
          "lh_perf": 100, "lh_other": 100}


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def row(what: str, figure: str, budget: str = "", ok: bool | None = None) -> None:
    mark = "" if ok is None else ("ok" if ok else "OVER")
    print(f"  {what:<44} {figure:>16}   {budget:<16} {mark}")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path):
    www = Path(tempfile.mkdtemp(prefix="bench-"))
    (www / SUBPATH).symlink_to(site.resolve())
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Quiet, directory=str(www)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{port}/{SUBPATH}/"


def local_file(site: Path, url: str) -> Path:
    path = unquote(urlsplit(url).path)[len(f"/{SUBPATH}/"):] or "index.html"
    return site / path


def first_loads(browser, base: str, site: Path) -> None:
    print("\nFirst load (cold cache, service worker allowed, everything fetched before any interaction; gzip -9 of the files)")
    for kind, rel in PAGE_TYPES.items():
        if not (site / rel).exists():
            continue
        # service workers allowed: whatever the worker fetches before any interaction counts too
        context = browser.new_context(viewport={"width": 412, "height": 823})
        outside = []
        context.route("**/*", lambda r: (outside.append(r.request.url), r.abort()) if urlsplit(r.request.url).hostname
                      not in ("127.0.0.1", None) else r.continue_())
        page = context.new_page()
        done = []
        page.on("requestfinished", lambda r: done.append(r))
        page.on("requestfailed", lambda r: done.append(r))
        page.goto(base + rel, wait_until="networkidle")
        failed = [r.url for r in done if not r.response() or r.response().status >= 400]
        size = sum(gz(local_file(site, r.url)) for r in done if local_file(site, r.url).is_file())
        # the self-check page loads its own code (one more file); the request budget is the home page's
        most = BUDGET["first_requests"] + (1 if kind == "self-check" else 0)
        ok = size <= BUDGET["first_bytes"] and len(done) <= most and not failed and not outside
        row(kind, f"{size:,} B / {len(done)} req", f"<=20,000 B / <={most}", ok)
        for url in failed + outside:
            print(f"      failing or off-site: {url}")
        context.close()
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    seen = []
    page.on("requestfinished", lambda r: seen.append(r))
    page.goto(base + "index.html", wait_until="networkidle")
    page.fill("#ra-q", "kekerasan")          # search in place: the code and index load now
    page.wait_for_selector("#ra-search-status:not(:empty)")
    extra = [r for r in seen if "search" in r.url.rsplit("/", 1)[-1] and r.url.endswith(".js")]
    row("search started: code + index (id)", f"{sum(gz(local_file(site, r.url)) for r in extra) / 1024:.1f} KB",
        "only once searching")
    context.close()


def html_sizes(site: Path) -> None:
    pages = sorted(p for p in site.rglob("*.html"))
    sizes = sorted(gz(p) for p in pages)
    median = statistics.median(sizes)
    print("\nHTML")
    row("pages", str(len(pages)))
    row("median page HTML (gzip)", f"{median:,.0f} B", "<=4,500 B", median <= BUDGET["median_html"])
    row("largest page HTML (gzip)", f"{sizes[-1] / 1024:.2f} KB")


def deploy(site: Path) -> None:
    files = [p for p in site.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    bundle = site / "ruang-aman-offline.zip"
    print("\nDeploy")
    row("deployed size", f"{total / 1024:.0f} KB")
    if bundle.exists():
        row("  of it the offline bundle (zip)", f"{bundle.stat().st_size / 1024:.0f} KB")
    maps = [p for p in files if p.suffix == ".map"]
    row("source maps", str(len(maps)), "0", not maps)
    langs = sorted(p.name for p in site.glob("assets/ra/search-*.js"))
    row("search indexes", ", ".join(langs) or "none", "one per language")
    # posters/manifest.json is for tools, not pages: the poster contract requires it at that path
    unused = [f for f in unreferenced(site, files) if f.relative_to(site).as_posix() != "posters/manifest.json"]
    row("files no page uses", str(len(unused)), "0", not unused)
    for p in unused[:10]:
        print(f"      {p.relative_to(site)}")


def unreferenced(site: Path, files: list[Path]) -> list[Path]:
    """Files that no page, script or the service worker refers to (sitemaps count as used: crawlers read them)."""
    used = {site / "index.html", site / "404.html", site / "sw.js"}
    for page in site.rglob("*.html"):
        for ref in re.findall(r'(?:href|src)="([^"#?]+)', page.read_text(encoding="utf-8")):
            if "://" not in ref and not ref.startswith(("tel:", "mailto:")):
                base = site if ref.startswith("/") else page.parent
                used.add((base / ref.lstrip("/").removeprefix(f"{SUBPATH}/")).resolve())
    for script in site.glob("assets/ra/*.js"):
        for name in re.findall(r'([a-z-]+\.js)"', script.read_text(encoding="utf-8")):
            used.add((site / "assets" / "ra" / name).resolve())
    used |= {p.resolve() for p in site.glob("assets/ra/search-*.js")}  # loaded by the search page, per language
    return sorted(p for p in files if p.resolve() not in used and not p.name.startswith("sitemap"))


def nu_checker(site: Path) -> None:
    """The W3C Nu HTML Checker (vnu-jar, run with Java) over every page: errors (budget 0)."""
    import shutil

    jar = NODE / "vnu-jar" / "build" / "dist" / "vnu.jar"
    print("\nNu HTML Checker (every page)")
    if not jar.exists() or not shutil.which("java"):
        row("vnu", "not installed", "0 errors")
        return
    pages = sorted(str(p) for p in site.rglob("*.html"))
    out = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "json", *pages],
                         capture_output=True, text=True, timeout=600)
    errors = [m for m in json.loads(out.stderr or '{"messages": []}')["messages"] if m.get("type") == "error"]
    row(f"errors, {len(pages)} pages", str(len(errors)), "0", not errors)


def axe(browser, base: str, site: Path) -> None:
    script = NODE / "axe-core" / "axe.min.js"
    print("\naxe-core (every page)")
    if not script.exists():
        row("axe-core", "not installed", "0 violations")
        return
    context = browser.new_context(bypass_csp=True, service_workers="block")
    page = context.new_page()
    total, worst = 0, []
    for p in sorted(site.rglob("*.html")):
        page.goto(base + p.relative_to(site).as_posix())
        page.add_script_tag(path=str(script))
        ids = page.evaluate("axe.run(document,{resultTypes:['violations']}).then(r=>r.violations.map(v=>v.id))")
        total += len(ids)
        worst += [f"{p.relative_to(site)}: {i}" for i in ids]
    row("violations, all pages", str(total), "0", total == 0)
    for line in worst[:10]:
        print(f"      {line}")
    context.close()


def lighthouse(base: str, runs: int, pages: list[str]) -> None:
    binary = NODE / ".bin" / "lighthouse"
    print(f"\nLighthouse 12.2.3, mobile, median of {runs}")
    if not binary.exists():
        row("lighthouse", "not installed")
        return
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    for rel in pages:
        scores: dict[str, list[float]] = {}
        for _ in range(runs):
            out = subprocess.run(
                [str(binary), base + rel, "--output=json", "--output-path=stdout", "--quiet",
                 "--only-categories=performance,accessibility,best-practices,seo", f"--chrome-flags={' '.join(FLAGS)}"],
                capture_output=True, text=True, env=env, timeout=300)
            if out.returncode:
                print(f"      lighthouse failed: {out.stderr.strip()[-300:]}")
                break
            report = json.loads(out.stdout)
            for key, cat in report["categories"].items():
                scores.setdefault(key, []).append(round(cat["score"] * 100))
            audits = report["audits"]
            scores.setdefault("fcp", []).append(audits["first-contentful-paint"]["numericValue"] / 1000)
            scores.setdefault("lcp", []).append(audits["largest-contentful-paint"]["numericValue"] / 1000)
        if not scores:
            continue
        med = {k: statistics.median(v) for k, v in scores.items()}
        perf = med.get("performance", 0)
        row(f"{rel}: performance", f"{perf:.0f}", ">=100", perf >= BUDGET["lh_perf"])
        for key in ("accessibility", "best-practices", "seo"):
            row(f"{rel}: {key}", f"{med.get(key, 0):.0f}", "100", med.get(key, 0) >= BUDGET["lh_other"])
        row(f"{rel}: first contentful paint", f"{med['fcp']:.2f} s", "(was 1.95 s)")
        row(f"{rel}: largest contentful paint", f"{med['lcp']:.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--use-site", action="store_true", help="measure the existing site/ instead of building")
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=5, help="Lighthouse runs per page (median)")
    parser.add_argument("--lighthouse-pages", nargs="*", default=["index.html", "bantuan.html", "apakah-ini-kekerasan.html"])
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args()
    site = args.site
    if not args.use_site:
        from ruang_aman.build import build

        if build(ROOT, site_dir=site, strict=True, quiet=True) != 0:
            print("bench: the site did not build; run `make site` for the problems.", file=sys.stderr)
            return 1
    from playwright.sync_api import sync_playwright

    httpd, base = serve(site)
    print(f"Ruang Aman bench: {site} served at {base}")
    print(f"  {'figure':<44} {'measured':>16}   {'budget':<16}")
    try:
        html_sizes(site)
        deploy(site)
        nu_checker(site)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
            first_loads(browser, base, site)
            axe(browser, base, site)
            browser.close()
        if not args.no_lighthouse:
            lighthouse(base, args.runs, args.lighthouse_pages)
    finally:
        httpd.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Search quality and size: the query set (tests/search_queries.yml) run through the site's real search code.

The search code and index run in node (scripts/search_eval.js) exactly as the browser loads them; nothing is
re-implemented here. `make bench` prints success in the first three results per language, the queries that miss,
and the search's size per language (index + code, gzip -9) beside its 25 KB budget.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "tests" / "search_queries.yml"
EVAL_JS = ROOT / "scripts" / "search_eval.js"
BAR = 0.90
BUDGET_KB = 25.0


@dataclass(frozen=True)
class Outcome:
    """One query of the set: what it should find and what the search returned."""

    q: str
    expect: tuple[str, ...]
    urls: tuple[str, ...]
    fixed: tuple

    @property
    def rank(self) -> int | None:
        """1-based position of the first expected page, or None."""
        pages = [u.removesuffix(".html") for u in self.urls]
        return next((i + 1 for i, p in enumerate(pages) if p in self.expect), None)

    @property
    def top3(self) -> bool:
        return self.rank is not None and self.rank <= 3


def run_search(site: Path, lang: str, request: dict) -> dict:
    """Answer a request (queries and/or calls, see search_eval.js) with the site's own search code in node."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node is not installed: run `make test` or scripts/ensure_tools.sh")
    out = subprocess.run([node, str(EVAL_JS), str(site), lang], input=json.dumps(request), capture_output=True,
                         text=True, check=True, timeout=120)
    return json.loads(out.stdout)


def query_set(path: Path = QUERIES) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """language -> [(query, pages that answer it)]; a page is its slug, several mean 'any of these'."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {lang: [(item["q"], tuple(item["page"]) if isinstance(item["page"], list) else (item["page"],))
                   for item in items] for lang, items in data.items()}


def evaluate(site: Path, path: Path = QUERIES) -> dict[str, list[Outcome]]:
    """Every query of the set, per language, through the real search."""
    out = {}
    for lang, items in query_set(path).items():
        answer = run_search(site, lang, {"queries": [q for q, _ in items]})["queries"]
        out[lang] = [Outcome(q, expect, tuple(a["urls"]), tuple(map(tuple, a["fixed"]))) for (q, expect), a in zip(items, answer)]
    return out


def search_kb(site: Path, lang: str) -> float:
    """The search's weight for one language: its index plus the search code, each gzip -9, in KB."""
    files = [site / "assets" / "ra" / f"search-{lang}.js", site / "assets" / "ra" / "ra-search.js"]
    return sum(len(gzip.compress(f.read_bytes(), 9)) for f in files) / 1024


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    if not (site / "assets" / "ra" / "ra-search.js").exists():
        print(f"  no built site at {site}: run `make site` first")
        return 1
    print("\nSearch quality: the query set (tests/search_queries.yml) through the site's own search code (node)")
    for lang, outcomes in evaluate(site).items():
        hit = sum(o.top3 for o in outcomes)
        empty = [o for o in outcomes if not o.urls]
        share = hit / len(outcomes)
        mark = "ok" if share >= BAR and not empty else "UNDER"
        print(f"  {lang}: success in the first three {hit}/{len(outcomes)} = {share:.0%} (bar {BAR:.0%}), "
              f"queries that find nothing: {len(empty)}   {mark}")
        for o in outcomes:
            if not o.top3:
                got = ", ".join(u.removesuffix(".html") for u in o.urls[:3]) or "nothing"
                print(f"      miss: {o.q!r} wants {'/'.join(o.expect)}, got {got}")
        kb = search_kb(site, lang)
        print(f"  {lang}: search index + code, gzip -9: {kb:.1f} KB (budget {BUDGET_KB:.0f} KB)   "
              f"{'ok' if kb <= BUDGET_KB else 'OVER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

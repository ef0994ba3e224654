"""Stages that run on the staged site after MkDocs, in order. Each returns False to stop.

Order matters: the search index reads the pages before they are minified; the service worker's cache
version hashes the final files; the offline bundle zips the final site.
"""

from __future__ import annotations

from .search_index import search_stage


def posters_stage(*, content, positions, root, staging, problems, outcome, posters, **_) -> bool:
    """Render posters and cards into staging/posters/ (reusing cached ones) and the manifest."""
    if not posters:
        return True
    from .posters import render_posters

    report = render_posters(content, positions, staging, root / "build" / "cache", problems, progress=True)
    outcome.outputs.append(("posters", f"site/posters/ ({len(report.rendered)} rendered, {len(report.reused)} reused; manifest.json)"))
    return True

STAGES: list = [
    posters_stage,
    search_stage,
    # privacy_stage,       (privacy guard, added by the lead)
]

"""The posters stage of the build (see ruang_aman.stages)."""

from __future__ import annotations


def posters_stage(*, content, positions, root, staging, problems, outcome, posters, **_) -> bool:
    """Render posters and cards into staging/posters/ (reusing cached ones) and the manifest."""
    if not posters:
        return True
    from . import render_posters

    report = render_posters(content, positions, staging, root / "build" / "cache", problems, progress=True)
    outcome.outputs.append(("posters", f"site/posters/ ({len(report.rendered)} rendered, {len(report.reused)} reused; manifest.json)"))
    return True

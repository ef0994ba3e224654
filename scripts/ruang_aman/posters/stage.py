"""The posters stage of the build (see ruang_aman.build)."""

from __future__ import annotations

from ..contract import BuildContext, StageResult


def posters_stage(ctx: BuildContext) -> StageResult:
    """Render posters and cards into staging/posters/ (reusing cached ones) and the manifest."""
    result = StageResult()
    if not ctx.options.posters:
        return result
    from . import render_posters

    # ctx.content holds only the languages this build publishes: render_posters loops over those
    report = render_posters(ctx.content, ctx.positions, ctx.paths.staging, ctx.paths.cache, result.problems, progress=True)
    result.outputs.append(("posters", f"site/posters/ ({len(report.rendered)} rendered, {len(report.reused)} reused; manifest.json)"))
    return result

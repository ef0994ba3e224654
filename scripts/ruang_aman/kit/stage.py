"""The kit stage of the build (see ruang_aman.build): after the posters, before search and privacy."""

from __future__ import annotations

from ..contract import BuildContext, StageResult


def kit_stage(ctx: BuildContext) -> StageResult:
    """The session kit into staging/kit/ (cached PDFs reused), its manifest, and the kit pages' file list."""
    result = StageResult()
    if not ctx.options.posters:  # the social kit zips the poster cards: no posters, no kit
        return result
    from .page import fill_kit_pages
    from .run import build_kit

    # ctx.content holds only the languages this build publishes: the kit loops over those
    report = build_kit(ctx.content, ctx.positions, ctx.paths.root, ctx.paths.staging, ctx.paths.cache, result.problems,
                       content_dir=ctx.paths.content)
    if report is not None:
        fill_kit_pages(ctx.paths.staging, ctx.content, report.words, report, result.problems)
        result.outputs.append(("kit", report.summary()))
    return result

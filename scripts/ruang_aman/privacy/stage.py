"""The privacy stage of the build: the guard over the sources and the staged site."""

from __future__ import annotations

from ..contract import BuildContext, StageResult


def privacy_stage(ctx: BuildContext) -> StageResult:
    """The privacy guard over the sources and the staged site: any finding stops publication."""
    from ..problems import Where
    from . import ConfigError, scan_paths, shown_path

    root, staging, stage = ctx.paths.root, ctx.paths.staging, StageResult()
    problems = stage.problems
    try:  # the guard's settings (protected names, contacts, media register, allow-list) come from this content root
        result = scan_paths([ctx.paths.content, staging], root=root, site_dirs=[staging], content=ctx.paths.content)
    except ConfigError as exc:
        settings = shown_path(ctx.paths.content / "privacy-hashes.yml", root.resolve())
        problems.error("privacy", Where(settings), f"the privacy guard cannot run: {exc}", "see the README, 'When the privacy guard stops you'.")
        return stage
    staged = staging.relative_to(root).as_posix() + "/" if staging.is_relative_to(root) else str(staging) + "/"
    for finding in result.findings:
        path = str(finding.path)
        if path.startswith(staged):  # the staged site is what will become site/
            path = "site/" + path[len(staged):]
        if finding.severity == "notice":  # something for staff to do that never stops publication
            problems.notice("privacy", Where(path, finding.line or 0), f"{finding.rule}: {finding.message}", finding.hint)
            continue
        add = problems.error if finding.severity == "error" else problems.warning
        add("privacy", Where(path, finding.line or 0), f"{finding.rule}: {finding.message}", "remove or replace the identifying detail; see 'When the privacy guard stops you' in content_src/README.md.")
    stage.outputs.append(("privacy", f"{result.scanned.get('text_files', 0)} text files, {result.scanned.get('images', 0)} images scanned, {result.error_count} finding(s)"))
    return stage

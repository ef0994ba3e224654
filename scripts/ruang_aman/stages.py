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

def privacy_stage(*, root, staging, problems, outcome, **_) -> bool:
    """The privacy guard over the sources and the staged site: any finding stops publication."""
    from .privacy import ConfigError, scan_paths
    from .problems import Where

    try:
        result = scan_paths([root / "content_src", staging], root=root, site_dirs=[staging])
    except ConfigError as exc:
        problems.error("privacy", Where("content_src/privacy-hashes.yml"), f"the privacy guard cannot run: {exc}", "see the README, 'When the privacy guard stops you'.")
        return False
    for finding in result.findings:
        path = str(finding.path).replace(str(staging), "site").replace(staging.name, "site")
        add = problems.error if finding.severity == "error" else problems.warning
        add("privacy", Where(path, finding.line or 0), f"{finding.rule}: {finding.message}", "remove or replace the identifying detail; see 'When the privacy guard stops you' in content_src/README.md.")
    outcome.outputs.append(("privacy", f"{result.scanned.get('text_files', 0)} text files, {result.scanned.get('images', 0)} images scanned, {result.error_count} finding(s)"))
    return result.error_count == 0


STAGES: list = [
    posters_stage,
    search_stage,
    privacy_stage,
]

"""The privacy stage of the build: the guard over the sources and the staged site."""

from __future__ import annotations


def privacy_stage(*, root, staging, problems, outcome, **_) -> bool:
    """The privacy guard over the sources and the staged site: any finding stops publication."""
    from ..problems import Where
    from . import ConfigError, scan_paths

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

"""The allow-list (content_src/privacy-allow.yml): findings allowed on purpose, each with a reason.

    allow:
      - fingerprint: content_src/pages/layanan.md:personal-phone:14   # path:rule:line
        reason: Nomor kantor LBH APIK, dicantumkan atas izin mereka (surat 2026-03-02).
      - id: personal-phone:1a2b3c4d5e6f        # hash of the match, shown as [id: ...] in the output
        path: content_src/pages/layanan.md     # optional: only in this file
        reason: ...

Entries never hold the matched text itself, only a place or a keyed hash of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..positions import YamlSyntaxError, load_positioned
from .findings import ConfigError, Finding

FIELDS = {"fingerprint", "id", "path", "reason"}


@dataclass(frozen=True)
class Allow:
    """One allowed finding: by fingerprint (path:rule:line) or by match id, with a reason."""

    fingerprint: str
    id: str
    path: str
    reason: str
    line: int

    def covers(self, finding: Finding) -> bool:
        if self.fingerprint:
            return self.fingerprint == finding.fingerprint
        return bool(finding.match_id) and self.id == finding.match_id and (not self.path or self.path == finding.path)


def load_allow(path: Path, shown: str) -> list[Allow]:
    """Read the allow-list; any entry without a reason or a key is a ConfigError (exit 2)."""
    if not path.exists():
        return []
    try:
        doc = load_positioned(path.read_text(encoding="utf-8"))
    except YamlSyntaxError as exc:
        raise ConfigError(f"{shown}:{exc.line}:{exc.col}: the allow-list is not valid YAML ({exc}).") from None
    data = doc.data
    items = data.get("allow") if isinstance(data, dict) else None
    if not isinstance(data, dict) or items is not None and not isinstance(items, list):
        raise ConfigError(f"{shown}:1: the allow-list must be a mapping with an `allow:` list (`allow: []`).")
    out, problems = [], []
    for i, item in enumerate(items or []):
        line = doc.find(("allow", i))[0]
        if not isinstance(item, dict):
            problems.append(f"{shown}:{line}: allow[{i}] must be a mapping with fingerprint or id, and reason")
            continue
        unknown = sorted(set(item) - FIELDS)
        fingerprint, ident = str(item.get("fingerprint") or ""), str(item.get("id") or "")
        reason = str(item.get("reason") or "").strip()
        if unknown:
            problems.append(f"{shown}:{line}: allow[{i}] has unknown field(s) {', '.join(unknown)}")
        if bool(fingerprint) == bool(ident):
            problems.append(f"{shown}:{line}: allow[{i}] needs exactly one of fingerprint (path:rule:line) or id")
        if not reason:
            problems.append(f"{shown}:{line}: allow[{i}] has no reason; every allowed finding needs one")
        out.append(Allow(fingerprint, ident, str(item.get("path") or ""), reason, line))
    if problems:
        raise ConfigError("\n".join(problems + ["fix these entries in the allow-list, then run the guard again."]))
    return out


def apply_allow(findings: list[Finding], allows: list[Allow], scanned_paths: set[str],
                shown: str) -> tuple[list[Finding], int]:
    """Findings not allowed, plus stale-entry warnings; and how many findings were allowed."""
    kept, used, allowed = [], set(), 0
    for finding in findings:
        match = next((a for a in allows if a.covers(finding)), None)
        if match is None:
            kept.append(finding)
        else:
            used.add(match)
            allowed += 1
    for entry in allows:
        target = entry.fingerprint.rsplit(":", 2)[0] if entry.fingerprint else entry.path
        if entry not in used and target and target in scanned_paths:
            kept.append(Finding(shown, entry.line, "allow-stale",
                                f"allow-list entry matches no finding in {target}"))
    return kept, allowed

"""Output formats: text for people, JSON for tools, SARIF 2.1.0 for code-scanning.

Findings carry only masked values (name#3f2a), so no format can print a name in clear.
"""

from __future__ import annotations

import json
from collections import Counter

from .findings import RULES, ScanResult

TOOL = "ruang-aman-privacy"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def as_text(result: ScanResult) -> str:
    """`path:line: error[rule]: message [id: ...]` lines, a hint per rule, then a summary."""
    lines, hinted = [], set()
    for f in result.findings:
        where = f"{f.path}:{f.line}" if f.line else f.path
        ident = f"  [id: {f.match_id}]" if f.match_id else ""
        lines.append(f"{where}: {f.severity}[{f.rule}]: {f.message}{ident}")
        if f.rule not in hinted:
            hinted.add(f.rule)
            lines.append(f"  hint: {f.hint}")
    s = result.scanned
    summary = (f"privacy: {result.error_count} error(s), {result.warning_count} warning(s)"
               + (f", {result.notice_count} notice(s)" if result.notice_count else "")
               + f" in {s.get('text_files', 0)} text file(s) and {s.get('images', 0)} image(s)")
    if s.get("allowed"):
        summary += f"; {s['allowed']} allowed by content_src/privacy-allow.yml"
    if s.get("fixed"):
        summary += f"; metadata stripped from {s['fixed']} image(s)"
    if result.error_count:
        codes = Counter(f.rule for f in result.findings if f.severity == "error")
        summary += " (" + ", ".join(f"{n} x {c}" for c, n in codes.most_common()) + ")"
        summary += "\nPublication stopped. See 'Privacy guard' in README.md for what to do."
    lines.append(summary)
    return "\n".join(lines)


def as_json(result: ScanResult) -> str:
    return json.dumps({
        "findings": [{"path": f.path, "line": f.line, "rule": f.rule, "severity": f.severity,
                      "message": f.message, "fingerprint": f.fingerprint, "id": f.match_id or None}
                     for f in result.findings],
        "scanned": result.scanned,
    }, ensure_ascii=False, indent=2)


def _level(severity: str) -> str:
    """SARIF's word for a severity (it has 'note', not 'notice')."""
    return "note" if severity == "notice" else severity


def as_sarif(result: ScanResult) -> str:
    used = sorted({f.rule for f in result.findings})
    rules = [{"id": r, "name": r, "shortDescription": {"text": RULES[r].title},
              "help": {"text": RULES[r].hint},
              "defaultConfiguration": {"level": _level(RULES[r].severity)}} for r in used]
    results = []
    for f in result.findings:
        location: dict = {"artifactLocation": {"uri": f.path}}
        if f.line:
            location["region"] = {"startLine": f.line}
        results.append({
            "ruleId": f.rule, "ruleIndex": used.index(f.rule), "level": _level(f.severity),
            "message": {"text": f.message},
            "locations": [{"physicalLocation": location}],
            "partialFingerprints": {"privacyFingerprint/v1": f.match_id or f.fingerprint},
        })
    return json.dumps({
        "$schema": SARIF_SCHEMA, "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": TOOL, "informationUri": "https://ruang-aman.github.io/ruang-aman/",
                                      "rules": rules}},
                  "results": results,
                  "properties": {"scanned": result.scanned}}],
    }, ensure_ascii=False, indent=2)


def format_result(result: ScanResult, fmt: str = "text") -> str:
    """The result in one of the formats: text, json, sarif."""
    return {"text": as_text, "json": as_json, "sarif": as_sarif}[fmt](result)

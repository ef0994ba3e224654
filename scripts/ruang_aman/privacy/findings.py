"""Findings of the privacy guard: typed records, the rule catalogue, and the configuration error."""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"
NOTICE = "notice"   # tells staff something to do; never fails a build or the guard


class ConfigError(Exception):
    """A usage or configuration problem (exit 2): what is wrong and what to do about it."""


@dataclass(frozen=True)
class Rule:
    """One kind of finding: its id, default severity, a short title and what staff should do."""

    id: str
    severity: str
    title: str
    hint: str


RULES: dict[str, Rule] = {r.id: r for r in (
    Rule("protected-name", ERROR, "A protected name (a known victim) appears",
         "Remove the name, or replace it with a pseudonym the press would use ('sebut saja Bunga')."),
    Rule("nik", ERROR, "A national identity number (NIK) appears",
         "Delete the number. A NIK is never needed on a public page."),
    Rule("child-initials", ERROR, "A child is identifiable: initials and age together with a school, village or address",
         "Drop the initials, the exact age or the place; a child victim must not be traceable (UU 11/2012 art. 19)."),
    Rule("initials-age", WARNING, "A person is described by initials and exact age",
         "Check that nothing nearby (school, village, family) makes the person traceable; prefer an age range."),
    Rule("victim-named", ERROR, "A victim is named or given initials",
         "Remove the name, or say clearly that it is a pseudonym ('sebut saja Bunga', 'not her real name')."),
    Rule("relative-named", ERROR, "A victim's parent or relative is named in relation to the victim",
         "Remove the relative's name (and the perpetrator's, when he is family): naming the family names the child."),
    Rule("child-described", ERROR, "A child is identifiable: a nickname or initials with an age, a school or a class",
         "Drop the nickname or initials, or the age, school and class; a child victim must not be traceable."),
    Rule("address", ERROR, "A home or street address appears in a victim or safe-house context",
         "Remove the address (housing block, RT/RW, 'kawasan ... dekat ...' too); give the district at most. "
         "Service offices belong in contacts.yml."),
    Rule("personal-phone", ERROR, "A phone number that is not one of the project's service contacts",
         "Remove it. If it is a service's number, add the service to content_src/contacts.yml first."),
    Rule("image-gps", ERROR, "Image metadata holds a GPS position",
         "Run the guard with --fix to strip the metadata (lossless for JPEG), then commit the stripped file."),
    Rule("image-device", ERROR, "Image metadata holds device serial numbers or maker notes",
         "Run the guard with --fix to strip the metadata."),
    Rule("image-author", ERROR, "Image metadata names an owner, artist or author",
         "Run the guard with --fix to strip the metadata; credit the source in content_src/media.yml instead."),
    Rule("image-metadata", ERROR, "Image metadata holds an embedded thumbnail or extra data",
         "Run the guard with --fix; a thumbnail can show the uncropped original."),
    Rule("protected-photo", ERROR, "A copy of a protected photo (matched by perceptual hash)",
         "Remove the image. Resizing, recompressing or converting does not make a protected photo safe."),
    Rule("face", ERROR, "The image shows a human face and is not a consented photo",
         "Use an illustration, or record the photo in content_src/media.yml with kind: photo and its consent reference."),
    Rule("unregistered-image", ERROR, "The image is not in the media register",
         "Add it to content_src/media.yml (path, kind, source; consent for photos)."),
    Rule("image-unreadable", ERROR, "The image cannot be read, so it cannot be checked",
         "Re-export the image as JPEG or PNG (HEIC/HEIF and AVIF need a decoder that may not be installed)."),
    Rule("unreadable", ERROR, "A file cannot be read, so it cannot be checked",
         "Re-export it (PDF without encryption, a ZIP that opens), or leave it out of what is published."),
    Rule("unsupported-file", ERROR, "A file the guard cannot check would be published",
         "Publish it in a format the guard reads (Markdown, HTML, JSON, CSV, PDF, JPEG, PNG, WebP), "
         "or leave it out of content_src/ and the site."),
    Rule("image-too-large", ERROR, "The image is larger than the build accepts (content_src/README.md, 'Limits')",
         "Resize it to at most 2400 pixels on its longest side and save it as JPEG (photos) or PNG (drawings)."),
    Rule("register-entry", ERROR, "A media register entry is incomplete or invalid",
         "Fix the entry in content_src/media.yml: path, kind (illustration, chart, photo), source; consent for photos."),
    Rule("register-missing-file", WARNING, "A media register entry points at a file that does not exist",
         "Remove the entry or fix its path."),
    Rule("photo-without-windows", NOTICE, "A protected photo was stored before the window hashes",
         "Protect the original again: python scripts/check_privacy.py --protect-photo FILE (the photo stays "
         "outside the repository); the entry then also matches cropped, captioned, mirrored and turned copies."),
    Rule("allow-stale", WARNING, "An allow-list entry no longer matches any finding",
         "Remove the entry from content_src/privacy-allow.yml."),
    Rule("name-hash-old", NOTICE, "Protected names stored before near forms match only when written in full",
         "Type those names again: python scripts/check_privacy.py --protect-name - (the guard cannot recover a name "
         "from its fingerprint; ask the case lead for the list)."),
)}


@dataclass(frozen=True)
class Finding:
    """One finding: where, which rule, and a message that never shows the sensitive text itself."""

    path: str
    line: int | None
    rule: str
    message: str
    match_id: str = ""   # keyed hash of the matched text (rule-scoped); used by the allow-list
    severity: str = ""

    def __post_init__(self) -> None:
        if not self.severity:
            object.__setattr__(self, "severity", RULES[self.rule].severity)

    @property
    def fingerprint(self) -> str:
        """Allow-list key by place: path:rule:line (line 0 when unknown)."""
        return f"{self.path}:{self.rule}:{self.line or 0}"

    @property
    def hint(self) -> str:
        return RULES[self.rule].hint

    def sort_key(self) -> tuple[int, str, int, str]:
        return ({ERROR: 0, WARNING: 1}.get(self.severity, 2), self.path, self.line or 0, self.rule)


@dataclass
class ScanResult:
    """Everything one run found, plus counts of what it looked at."""

    findings: list[Finding] = field(default_factory=list)
    scanned: dict[str, int] = field(default_factory=dict)

    @property
    def error_count(self) -> int:
        return sum(1 for f in self.findings if f.severity == ERROR)

    @property
    def warning_count(self) -> int:
        return sum(1 for f in self.findings if f.severity == WARNING)

    @property
    def notice_count(self) -> int:
        return sum(1 for f in self.findings if f.severity == NOTICE)

    @property
    def ok(self) -> bool:
        """True when nothing stops publication (no error-severity finding)."""
        return self.error_count == 0

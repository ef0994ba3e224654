"""The media register (content_src/media.yml) and the images the build renders itself.

    images:
      - path: media/pelatihan-2026.jpg   # relative to content_src/
        kind: photo                      # illustration | chart | photo
        source: Dokumentasi pelatihan kader, 2026
        consent: "PERSETUJUAN/2026/014"  # required for photos: the signed consent record

An image is known when the register lists it (by path, or by identical bytes for copies in
docs/ and site/), when it is a poster listed in a site's posters/manifest.json, or when its bytes
equal a file in theme/ (site/assets/ is copied from there).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..positions import YamlSyntaxError, load_positioned
from .findings import ConfigError, Finding

KINDS = ("illustration", "chart", "photo")
FIELDS = {"path", "kind", "source", "consent"}


@dataclass(frozen=True)
class MediaEntry:
    """One registered image; line is its position in media.yml."""

    path: str
    kind: str
    source: str
    consent: str
    line: int

    @property
    def consented_photo(self) -> bool:
        return self.kind == "photo" and bool(self.consent.strip())


@dataclass
class Register:
    """Entries by path and by content hash, plus the build's own images."""

    entries: dict[str, MediaEntry] = field(default_factory=dict)
    by_sha: dict[str, MediaEntry] = field(default_factory=dict)
    build_sha: set[str] = field(default_factory=set)
    build_files: set[Path] = field(default_factory=set)
    build_prefixes: set[tuple[Path, str]] = field(default_factory=set)
    problems: list[Finding] = field(default_factory=list)
    _build_bytes: set[str] | None = None   # hashes of the build's files, read on first use (archive members)

    def lookup(self, rel_to_content: str | None, rel_to_site: str | None, sha: str) -> MediaEntry | None:
        """The register entry of an image: by its path under content_src/ or a site, else by bytes."""
        for key in (rel_to_content, rel_to_site):
            if key and key in self.entries:
                return self.entries[key]
        return self.by_sha.get(sha)

    def built(self, path: Path, sha: str) -> bool:
        """True for posters in a manifest and for theme images (by identical bytes)."""
        resolved = path.resolve()
        if resolved in self.build_files or sha in self.build_sha:
            return True
        return (resolved.parent, resolved.name[:resolved.name.rfind("-") + 1]) in self.build_prefixes

    def built_bytes(self, sha: str) -> bool:
        """True when the bytes equal a build image (a poster rendition, a theme image): a copy inside a ZIP."""
        if self._build_bytes is None:
            files = set(self.build_files)
            for folder, prefix in self.build_prefixes:
                if folder.is_dir():
                    files.update(f for f in folder.iterdir() if f.name.startswith(prefix))
            self._build_bytes = self.build_sha | {_sha(f) for f in files if f.is_file()}
        return sha in self._build_bytes


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_register(content: Path, shown: str, images: frozenset[str]) -> Register:
    """Read media.yml of the content root (`shown` as findings name it); an unreadable file is a ConfigError,
    a bad entry a finding."""
    path = content / "media.yml"
    reg = Register()
    if not path.exists():
        return reg
    try:
        doc = load_positioned(path.read_text(encoding="utf-8"))
    except YamlSyntaxError as exc:
        raise ConfigError(f"{shown}:{exc.line}:{exc.col}: the media register is not valid YAML ({exc}); "
                          f"fix the file (compare with `git diff {shown}`).") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{shown}: cannot read the media register ({exc.__class__.__name__}).") from None
    data = doc.data
    items = data.get("images") if isinstance(data, dict) else None
    if not isinstance(data, dict) or not isinstance(items, list) and items is not None:
        raise ConfigError(f"{shown}:1: the media register must be a mapping with an `images:` list "
                          f"(`images: []` when empty).")
    for i, item in enumerate(items or []):
        line = doc.find(("images", i))[0]

        def bad(message: str, key: str | None = None) -> None:
            where = doc.find(("images", i, key))[0] if key else line
            reg.problems.append(Finding(shown, where, "register-entry", f"images[{i}]: {message}"))

        if not isinstance(item, dict):
            bad("each entry is a mapping with path, kind, source (and consent for photos)")
            continue
        for key in sorted(set(item) - FIELDS):
            bad(f"unknown field '{key}' (allowed: {', '.join(sorted(FIELDS))})", key)
        rel = str(item.get("path") or "").strip()
        kind = str(item.get("kind") or "").strip()
        source = str(item.get("source") or "").strip()
        consent = str(item.get("consent") or "").strip()
        if not rel or rel.startswith("/") or ".." in Path(rel).parts:
            bad("path is required, relative to content_src/ (e.g. media/poster-bg.png)", "path")
            continue
        if kind not in KINDS:
            bad(f"kind must be one of {', '.join(KINDS)}", "kind" if "kind" in item else None)
        if not source:
            bad("source is required (who made or took the image)", "source" if "source" in item else None)
        if kind == "photo" and not consent:
            bad("a photo needs consent: the reference of the signed consent record",
                "consent" if "consent" in item else None)
        if rel in reg.entries:
            bad(f"'{rel}' is registered twice", "path")
        entry = MediaEntry(rel, kind, source, consent if kind == "photo" else "", line)
        reg.entries[rel] = entry
        file = content / rel
        if file.is_file():
            reg.by_sha.setdefault(_sha(file), entry)
        else:
            folder = shown.rpartition("/")[0] or "."
            reg.problems.append(Finding(shown, line, "register-missing-file", f"images[{i}]: no file at {folder}/{rel}"))
    return reg


def add_build_images(reg: Register, root: Path, site_roots: list[Path], image_exts: frozenset[str]) -> None:
    """Posters from each site's manifest and every theme image are the build's own."""
    theme = root / "theme"
    if theme.is_dir():
        for file in theme.rglob("*"):
            if file.suffix.lower() in image_exts and file.is_file():
                reg.build_sha.add(_sha(file))
    for site in site_roots:
        manifest = site / "posters" / "manifest.json"
        if not manifest.is_file():
            continue
        try:
            posters = json.loads(manifest.read_text(encoding="utf-8")).get("posters") or []
        except (OSError, ValueError, AttributeError) as exc:
            raise ConfigError(f"{manifest}: cannot read the posters manifest ({exc.__class__.__name__}); "
                              f"rebuild the site.") from None
        for poster in posters:
            if not isinstance(poster, dict):
                continue
            for key, value in poster.items():  # "file" and any other rendered file (e.g. "thumb")
                if isinstance(value, str) and Path(value).suffix.lower() in image_exts | {".pdf"}:
                    reg.build_files.add((site / value).resolve())
            if poster.get("file") and poster.get("slug") and poster.get("lang"):
                # Renditions not listed one by one (thumbnails) share the poster's slug-lang- prefix.
                folder = (site / str(poster["file"])).resolve().parent
                reg.build_prefixes.add((folder, f"{poster['slug']}-{poster['lang']}-"))

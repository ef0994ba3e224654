"""Where poster files land under site/: names follow from slug, language and size alone."""

from __future__ import annotations

from dataclasses import dataclass

from .spec import Spec

OUT_DIR = "posters"
"""Folder under site/ that holds every poster file and manifest.json."""
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Output:
    """One file of one poster in one language."""

    slug: str
    lang: str
    size: str
    format: str

    @property
    def name(self) -> str:
        return f"{self.slug}-{self.lang}-{self.size}.{self.format}"

    @property
    def path(self) -> str:
        """Relative to the site root."""
        return f"{OUT_DIR}/{self.name}"


def outputs(spec: Spec, slug: str, lang: str, sizes: list[str] | None = None) -> list[Output]:
    """Every file of a poster in a language, in the order of layouts.yml (PDF before PNG)."""
    return [Output(slug, lang, name, fmt) for name, size in spec.sizes.items() if sizes is None or name in sizes
            for fmt in sorted(size.formats)]


def thumb_name(slug: str, lang: str) -> str:
    return f"{slug}-{lang}-thumb.png"


def thumb_path(slug: str, lang: str) -> str:
    return f"{OUT_DIR}/{thumb_name(slug, lang)}"

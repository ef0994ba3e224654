"""Typed records of the content: what content_src/ holds once it has been validated."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from . import LANGS

KEY = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Key = Field(pattern=KEY, description="lower-case words joined by '-', e.g. sapa-129")


class Record(BaseModel):
    """Base of every record: unknown keys are errors, records are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Text(Record):
    """One user-facing text in every language (`id` first). A missing language is None."""

    id: str = Field(min_length=1)
    en: str | None = None

    def get(self, lang: str) -> str | None:
        return getattr(self, lang)


class TextList(Record):
    """A list of short texts in every language; the lists must match item for item."""

    id: list[str] = Field(min_length=1)
    en: list[str] | None = None

    def get(self, lang: str) -> list[str] | None:
        return getattr(self, lang)


# Interface words that the pages and the theme need, each in every language (site.yml labels:).
LABELS = (
    "quick_exit", "quick_exit_hint", "shift_count", "skip_to_content", "search", "search_placeholder",
    "search_none", "search_results", "search_results_title", "search_needs_js", "search_unavailable", "language_switch", "call", "whatsapp", "address", "hours",
    "cost", "source", "verified_on", "no_number", "myth", "fact", "examples", "signs", "total",
    "chart_note", "category", "draft_banner", "outdated_banner", "hotlines_title", "offline_bundle",
    "phone_alt", "caveat", "signs_unsourced",
)


class Site(Record):
    """Site settings: names, the one base URL, languages, hotlines shown everywhere."""

    name: Text
    tagline: Text
    description: Text
    base_url: str = Field(pattern=r"^https://[^\s/]+(/[^\s]*)?/$")
    default_lang: Literal["id"] = "id"
    languages: list[Literal["id", "en"]] = list(LANGS)
    language_names: Text
    exit_url: str = Field(pattern=r"^https://\S+$")
    hotlines: list[str] = Field(min_length=1)
    contact_max_age_days: int = Field(default=180, ge=1)
    labels: dict[str, Text]

    @field_validator("labels")
    @classmethod
    def _labels(cls, value: dict[str, Text]) -> dict[str, Text]:
        missing = sorted(set(LABELS) - set(value))
        if missing:
            raise ValueError(f"labels is missing {', '.join(missing)}")
        return value

    def label(self, key: str, lang: str) -> str:
        text = self.labels[key]
        return text.get(lang) or text.id

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: list[str]) -> list[str]:
        if tuple(value) != LANGS:
            raise ValueError(f"languages must be {list(LANGS)} in that order")
        return value


class Source(Record):
    """A publication the content relies on, cited on the About page."""

    key: str = Key
    title: str
    author: str | None = None
    year: int | None = Field(default=None, ge=1900, le=2100)
    publisher: str | None = None
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    note: Text | None = None


class Contact(Record):
    """A service people can reach; every number is sourced and dated."""

    key: str = Key
    name: Text
    role: Text
    scope: Literal["national", "local"]
    phone: str | None = None
    phone_alt: str | None = Field(default=None, description="the same service dialled another way, as a source prints it (021-129)")
    whatsapp: str | None = None
    address: Text | None = None
    hours: Text | None = None
    cost: Text | None = None
    source: str = Field(min_length=1)
    verified_on: dt.date
    emergency: bool = False
    note: Text | None = Field(default=None, description="shown instead of the 'no number' line, e.g. how to reach it")
    needs_verification: str | None = Field(default=None, description="why a sourced detail still needs checking")
    caveat: Text | None = Field(default=None, description="what readers must know before relying on it; shown next to the number")

    @model_validator(mode="after")
    def _caveat_with_doubt(self) -> "Contact":
        # Staff read needs_verification; readers never do. A doubt staff know of must reach readers too.
        if self.needs_verification and self.caveat is None:
            raise ValueError("a contact with needs_verification needs a `caveat` (id and en) that readers see next to the number")
        if self.phone_alt and not self.phone:
            raise ValueError("phone_alt is another way to dial `phone`: add phone first")
        return self


class ViolenceKind(Record):
    """A kind of violence with a plain definition, examples and signs others can notice."""

    key: str = Key
    group: Literal["general", "child"]
    name: Text
    definition: Text
    examples: TextList
    signs: TextList
    source: str = Key
    signs_source: str | None = Field(default=None, pattern=KEY, description="the source of the signs, if not `source`'s")


class Impact(Record):
    """An effect of violence on the person who lived through it."""

    key: str = Key
    name: Text
    description: Text
    source: str = Key


class Law(Record):
    """A law and what it protects, in plain words; articles only where sourced."""

    key: str = Key
    short: str
    title: Text
    protects: TextList
    source: str = Key


class Myth(Record):
    """A common belief and the fact that answers it."""

    key: str = Key
    myth: Text
    fact: Text
    source: str = Key


class Step(Record):
    """One step on the path after a report."""

    key: str = Key
    title: Text
    text: Text
    source: str = Key


class Series(Record):
    """One row of a dataset: a label and one value per period."""

    key: str = Key
    label: Text
    values: list[int] = Field(min_length=1)
    total: int | None = Field(default=None, description="the total as the source states it")


class Dataset(Record):
    """A table of recorded figures, with its source and a note on what it does not mean."""

    key: str = Key
    title: Text
    unit: Text
    note: Text
    periods: list[int] = Field(min_length=1)
    series: list[Series] = Field(min_length=1)
    source: str = Key


class Fact(Record):
    """A single sourced figure that prose may quote with {{ fact key }}."""

    key: str = Key
    value: int
    label: Text
    source: str = Key


class Poster(Record):
    """A printable poster: short texts, which hotlines, which page its QR code opens."""

    slug: str = Key
    headline: Text
    message: Text
    bullets: TextList | None = None
    hotlines: list[str] = Field(min_length=1, max_length=3)
    page: str = Key
    theme: str = "default"
    draft: bool = False


class PageText(BaseModel):
    """A page's Markdown in one language, with the line where it starts in its file."""

    model_config = ConfigDict(frozen=True)
    lang: str
    markdown: str
    line: int


class Page(Record):
    """A page: one record, one slug, a text per language."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)
    slug: str = Key
    title: Text
    description: Text
    nav: int | None = None
    draft: bool = False
    bodies: dict[str, PageText] = Field(default_factory=dict)
    path: str = ""

    def is_complete(self) -> bool:
        return all(lang in self.bodies and self.bodies[lang].markdown.strip() for lang in LANGS) and all(
            self.title.get(lang) and self.description.get(lang) for lang in LANGS
        )

    def url(self) -> str:
        return "index.html" if self.slug == "index" else f"{self.slug}.html"


class Content(BaseModel):
    """Everything in content_src/, validated; the only thing later stages read."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)
    site: Site
    pages: list[Page]
    contacts: list[Contact] = []
    violence: list[ViolenceKind] = []
    impacts: list[Impact] = []
    laws: list[Law] = []
    myths: list[Myth] = []
    steps: list[Step] = []
    datasets: list[Dataset] = []
    facts: list[Fact] = []
    sources: list[Source] = []
    posters: list[Poster] = []
    unreadable: frozenset[str] = frozenset()
    """Data files (by field name) that could not be read: checks that refer to them are skipped."""
    outdated: frozenset[str] = frozenset()
    """Keys of texts whose English is older than their Indonesian (see translations.py)."""

    def contact(self, key: str) -> Contact | None:
        return next((c for c in self.contacts if c.key == key), None)

    def page(self, slug: str) -> Page | None:
        return next((p for p in self.pages if p.slug == slug), None)

    def for_build(self, include_drafts: bool) -> "Content":
        """The content a build publishes: draft posters only in previews (pages: see published_pages)."""
        if include_drafts:
            return self
        return self.model_copy(update={"posters": [p for p in self.posters if not p.draft]})

    def is_published(self, slug: str) -> bool:
        page = self.page(slug)
        return page is not None and not page.draft and page.is_complete()

    def published_pages(self, include_drafts: bool = False) -> list[Page]:
        """Pages that go into a build: drafts only when previewing."""
        return [p for p in self.pages if include_drafts or (not p.draft and p.is_complete())]


SLUG_RE = re.compile(KEY)

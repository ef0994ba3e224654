"""Typed records of the content: what content_src/ holds once it has been validated."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, RootModel, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .problems import Where


KEY = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Key = Field(pattern=KEY, description="lower-case words joined by '-', e.g. sapa-129")


class Record(BaseModel):
    """Base of every record: unknown keys are errors, records are immutable.

    `_at` is where the record was read (file, path inside it), set by the loader: positions travel
    with the record, so a copy (model_copy) still knows where it came from.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
    _at: tuple[str, tuple] | None = PrivateAttr(default=None)


def declared_languages(info: ValidationInfo) -> tuple[str, ...] | None:
    """The language codes a text is checked against (default first), from the validation context."""
    return (info.context or {}).get("languages")


def _by_language(value: dict, info: ValidationInfo, empty_ok) -> dict:
    """Check a per-language mapping against the declared languages; default language first."""
    codes = declared_languages(info)
    if not value:
        raise PydanticCustomError("missing_language", "a text needs at least one language")
    if codes is None:
        return value
    for lang in value:
        if lang not in codes:
            raise PydanticCustomError("unknown_language", "unknown language '{lang}'", {"lang": lang, "known": ", ".join(codes)})
    if codes[0] not in value or empty_ok(value[codes[0]]):
        raise PydanticCustomError("missing_language", "the {lang} text is missing", {"lang": codes[0]})
    return {lang: value[lang] for lang in codes if lang in value}


class Text(RootModel[dict[str, str]]):
    """One user-facing text, a mapping language code -> text, checked against site.yml's languages.

    The default language is required and comes first; a missing other language is reported by the checks.
    """

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    @field_validator("root")
    @classmethod
    def _languages(cls, value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        return _by_language(value, info, lambda v: not v)

    def get(self, lang: str) -> str | None:
        """The text in `lang`, or None when it is not written."""
        return self.root.get(lang)

    def first(self) -> str:
        """The text in the default language (the fallback for a missing translation)."""
        return next(iter(self.root.values()))

    def pick(self, lang: str) -> str:
        """The text in `lang`, else in the default language."""
        return self.root.get(lang) or self.first()


class TextList(RootModel[dict[str, list[str]]]):
    """A list of short texts per language; the lists must match item for item."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    @field_validator("root")
    @classmethod
    def _languages(cls, value: dict[str, list[str]], info: ValidationInfo) -> dict[str, list[str]]:
        return _by_language(value, info, lambda v: not v)

    def get(self, lang: str) -> list[str] | None:
        """The list in `lang`, or None when it is not written."""
        return self.root.get(lang)

    def first(self) -> list[str]:
        """The list in the default language."""
        return next(iter(self.root.values()))

    def pick(self, lang: str) -> list[str]:
        """The list in `lang`, else in the default language."""
        return self.root.get(lang) or self.first()


class NumberFormat(Record):
    """How a language writes numbers: 12.345,6 (id) or 12,345.6 (en)."""

    decimal: str = Field(min_length=1, max_length=1)
    group: str = Field(default="", max_length=1, description="thousands separator; '' for none")

    def format(self, value: float, decimals: int = 0) -> str:
        """A number written this language's way."""
        text = f"{value:,.{decimals}f}"
        return text.replace(",", "\0").replace(".", self.decimal).replace("\0", self.group)


class Language(Record):
    """A language of the site, declared in site.yml: every page, poster and index loops over these."""

    code: str = Field(pattern=r"^[a-z]{2,3}$", description="ISO 639 code, also used in hreflang and lang=")
    name: str = Field(min_length=1, description="the language's own name, shown in the language switch")
    folder: str = Field(pattern=r"^([a-z0-9-]+)?$", description="'' for the default language, else its folder")
    default: bool = False
    numbers: NumberFormat
    date_format: str = Field(default="%Y-%m-%d", pattern=r"^(%[dmYy]|[^%])+$")
    stemmer: Literal["id", "en"] | None = Field(
        default=None, description="a stemmer the search script knows (theme/assets/ra/ra-search.js); none when unset")
    draft: bool = Field(default=False, description="shown in the preview only, until `make mark-translated LANG=...`")

    def date(self, value: dt.date) -> str:
        """A date written this language's way."""
        return value.strftime(self.date_format)


# Interface words that the pages and the theme need, each in every language (site.yml labels:).
LABELS = (
    "quick_exit", "quick_exit_hint", "shift_count", "skip_to_content", "search", "search_placeholder",
    "search_none", "search_results", "search_results_title", "search_needs_js", "search_unavailable", "search_suggest",
    "search_topics", "search_fixed", "call", "whatsapp", "address", "hours",
    "cost", "source", "verified_on", "no_number", "myth", "fact", "examples", "signs", "total",
    "chart_note", "category", "draft_banner", "outdated_banner", "hotlines_title", "offline_bundle",
    "not_found_title", "not_found_text", "not_found_home", "poster_scan", "poster_alt", "poster_print_note",
    "poster_for_print", "poster_also_in", "poster_downloads",
    "phone_alt", "caveat", "signs_unsourced", "erase", "erase_hint",
    "menu", "offers_title", "print_offer",
    # the poster sizes' names (scripts/ruang_aman/posters/layouts.yml: Size.label_key), for the gallery's links
    "poster_size_a4", "poster_size_a3", "poster_size_square", "poster_size_story",
)


class Door(Record):
    """One way into the site for one kind of reader ("I am in danger now"), with its pages in order.

    The navigation groups pages by door, and the home page can show the doors; a page belongs to one door.
    """

    key: str = Key
    title: Text
    pages: list[str] = Field(min_length=1)


class Site(Record):
    """Site settings: names, the one base URL, languages, hotlines shown everywhere."""

    name: Text
    tagline: Text
    description: Text
    base_url: str = Field(pattern=r"^https://[^\s/]+(/[^\s]*)?/$")
    languages: list[Language] = Field(min_length=1)
    exit_url: str = Field(pattern=r"^https://\S+$")
    hotlines: list[str] = Field(min_length=1)
    doors: list[Door] = Field(default_factory=list, description="the ways into the site, each with its pages")
    contact_max_age_days: int = Field(default=180, ge=1)
    labels: dict[str, Text]

    @field_validator("labels")
    @classmethod
    def _labels(cls, value: dict[str, Text]) -> dict[str, Text]:
        missing = sorted(set(LABELS) - set(value))
        if missing:
            raise ValueError(f"labels is missing {', '.join(missing)}")
        return value

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: list[Language]) -> list[Language]:
        return check_languages(value)

    @property
    def default(self) -> Language:
        """The default language: served at the site root, the fallback of every text."""
        return next(lang for lang in self.languages if lang.default)

    def language(self, code: str) -> Language:
        """The declared language with this code."""
        return next(lang for lang in self.languages if lang.code == code)

    def codes(self) -> tuple[str, ...]:
        """Every declared language code, the default first."""
        return language_codes(self.languages)

    def label(self, key: str, lang: str) -> str:
        return self.labels[key].pick(lang)

    def built_languages(self, include_drafts: bool) -> list[Language]:
        """The languages a build publishes: draft languages only in previews."""
        return [lang for lang in self.languages if include_drafts or not lang.draft]

    def public_codes(self) -> tuple[str, ...]:
        """Codes of the published (non-draft) languages, the default first: a page needs all of them."""
        return language_codes(self.built_languages(False))


def check_languages(value: list[Language]) -> list[Language]:
    """Exactly one default language at the root, no draft; codes and folders unique."""
    defaults = [lang for lang in value if lang.default]
    if len(defaults) != 1:
        raise ValueError(f"exactly one language must have 'default: true' (found {len(defaults)})")
    if defaults[0].folder or defaults[0].draft:
        raise ValueError(f"the default language '{defaults[0].code}' is served at the root: give it folder: '' and no draft")
    for attr in ("code", "folder"):
        seen = [getattr(lang, attr) for lang in value]
        doubled = sorted({x for x in seen if seen.count(x) > 1})
        if doubled:
            raise ValueError(f"two languages share the {attr} {doubled[0]!r}")
    if any(not lang.folder for lang in value if not lang.default):
        raise ValueError("every language but the default needs its own folder, e.g. folder: en")
    return value


def language_codes(languages: list[Language]) -> tuple[str, ...]:
    """Codes of the languages, the default first (the order every text is stored in)."""
    return tuple(sorted((lang.code for lang in languages), key=lambda c: not next(x.default for x in languages if x.code == c)))


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


class ForWhom(Record):
    """A text of the self-check in two voices: to the reader (`me`) and about someone they worry about (`other`)."""

    me: Text
    other: Text


class CheckQuestion(Record):
    """One question of the self-check and what a "yes" points to: kinds (violence.yml), beliefs (myths.yml)."""

    key: str = Key
    ask: ForWhom
    kinds: list[str] = []
    myths: list[str] = []

    @model_validator(mode="after")
    def _points_somewhere(self) -> "CheckQuestion":
        if not self.kinds and not self.myths:
            raise ValueError("a question must name the kinds (violence.yml) or beliefs (myths.yml) it points to")
        return self


class CheckResult(Record):
    """One outcome of the self-check: a title and a text, in both voices."""

    title: ForWhom
    text: ForWhom


class CheckResults(Record):
    """Some answers point to violence (`some`), none do (`none`); `not_your_fault` goes with `some`."""

    some: CheckResult
    none: CheckResult
    not_your_fault: ForWhom


# Interface words of the self-check (self-check.yml words:), each in every language.
CHECK_WORDS = (
    "intro", "privacy", "no_script", "who", "for_me", "for_other", "questions", "yes", "sometimes", "no",
    "show_result", "start_again", "kinds_title", "beliefs_title", "read_more", "help_link",
)


class SelfCheck(Record):
    """The self-check "Apakah ini kekerasan?": its words, at least 8 questions, its results (self-check.yml)."""

    source: str = Key
    words: dict[str, Text]
    results: CheckResults
    questions: list[CheckQuestion] = Field(min_length=8)

    @field_validator("words")
    @classmethod
    def _words(cls, value: dict[str, Text]) -> dict[str, Text]:
        missing = sorted(set(CHECK_WORDS) - set(value))
        unknown = sorted(set(value) - set(CHECK_WORDS))
        if missing or unknown:
            raise ValueError("; ".join(([f"words is missing {', '.join(missing)}"] if missing else [])
                                       + ([f"unknown words {', '.join(unknown)} (known: {', '.join(CHECK_WORDS)})"] if unknown else [])))
        return value

    def word(self, key: str, lang: str) -> str:
        text = self.words[key]
        return text.pick(lang)


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

    def is_complete(self, langs: tuple[str, ...]) -> bool:
        """Whether every language in `langs` has its body, title and description."""
        return all(lang in self.bodies and self.bodies[lang].markdown.strip() for lang in langs) and all(
            self.title.get(lang) and self.description.get(lang) for lang in langs
        )


@dataclass(frozen=True)
class SynonymGroup:
    """Words and phrases that a search treats as one (content_src/synonyms/<lang>.yml); where the group is written."""

    terms: tuple[str, ...]
    path: str
    line: int
    col: int

    @property
    def where(self) -> Where:
        return Where(self.path, self.line, self.col)


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
    self_check: SelfCheck | None = None
    """The self-check (self-check.yml), when the file exists."""
    unreadable: frozenset[str] = frozenset()
    """Data files (by field name) that could not be read: checks that refer to them are skipped."""
    outdated: frozenset[tuple[str, str]] = frozenset()
    """(language, unit key) of translations older than their default-language text (see translations.py)."""
    synonyms: dict[str, tuple[SynonymGroup, ...]] = {}
    """The readers' words per language (content_src/synonyms/<lang>.yml), for the search."""
    folder: str = "content_src"
    """The content root it was read from, as messages show it (a second city's content root may be elsewhere)."""

    def contact(self, key: str) -> Contact | None:
        return next((c for c in self.contacts if c.key == key), None)

    def page(self, slug: str) -> Page | None:
        return next((p for p in self.pages if p.slug == slug), None)

    def for_build(self, include_drafts: bool) -> "Content":
        """The content a build publishes: draft languages and draft posters only in previews
        (pages: see published_pages). Every later stage loops over `site.languages` of this copy."""
        if include_drafts:
            return self
        site = self.site.model_copy(update={"languages": self.site.built_languages(False)})
        return self.model_copy(update={"site": site, "posters": [p for p in self.posters if not p.draft]})

    def is_published(self, slug: str) -> bool:
        page = self.page(slug)
        return page is not None and not page.draft and page.is_complete(self.site.public_codes())

    def published_pages(self, include_drafts: bool = False) -> list[Page]:
        """Pages that go into a build: drafts only when previewing."""
        codes = self.site.public_codes()
        return [p for p in self.pages if include_drafts or (not p.draft and p.is_complete(codes))]


SLUG_RE = re.compile(KEY)

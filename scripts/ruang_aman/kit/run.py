"""The kit stage: lay out every deck, the guide and the leaflet per language, reuse what the cache
holds, write the social ZIPs and site/kit/manifest.json."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from ..model import Content
from ..posters.cache import Cache, code_digest
from ..posters.files import OUT_DIR as POSTERS_DIR
from ..posters.spec import THEMES_FILE, load_spec
from ..problems import Problems
from .deck import deck_pages
from .flow import Overflow, PageOps
from .guide import guide_pages
from .leaflet import leaflet_pages
from .load import load_kit
from .model import Kit, Words
from .render import pdf_bytes
from .social import captions_text, card_names, zip_bytes
from .spec import load_kit_spec

OUT_DIR = "kit"
"""Folder under site/ that holds every kit file and manifest.json."""
MANIFEST = "manifest.json"
RENDERER_VERSION = "1"
"""Bump to re-render every kit file after a change the hashed inputs would not show."""


@lru_cache(maxsize=1)
def kit_digest() -> str:
    """Hash of the kit renderer: its code, its layouts, the poster themes, the shared PDF code, fonts."""
    here = Path(__file__).resolve().parent
    shared = [here.parent / "vector_pdf.py", here.parent / "posters" / "text.py", here.parent / "posters" / "qr.py", THEMES_FILE]
    return code_digest(f"ruang-aman-kit {RENDERER_VERSION}", sorted(here.glob("*.py")) + sorted(here.glob("*.yml")) + shared)


@dataclass(frozen=True)
class KitFile:
    """One file of the kit: where it lands under site/, its language and kind, what it is called and for."""

    name: str
    lang: str
    kind: str  # deck, guide, leaflet, social, captions
    title: str
    purpose: str
    pages: int = 0

    @property
    def path(self) -> str:
        return f"{OUT_DIR}/{self.name}"


@dataclass
class KitReport:
    """What the kit stage did, for the build summary and the kit page."""

    words: Words | None = None
    files: list[KitFile] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        return f"site/kit/ ({len(self.rendered)} rendered, {len(self.reused)} reused; manifest.json)"


@dataclass(frozen=True)
class Doc:
    """A PDF to make: its file, the record it comes from (for positions), and how to lay it out."""

    file: KitFile
    record: Any
    what: str
    inputs: Any
    layout: Callable[[], list[PageOps]]


def _content_data(content: Content) -> dict:
    """The data files and site settings a kit file may draw from (pages' prose is not among them)."""
    data = content.model_dump(mode="json", exclude={"pages", "posters", "outdated", "unreadable"})
    data["page_slugs"] = sorted(p.slug for p in content.pages)
    return data


def plan_docs(content: Content, kit: Kit, langs: tuple[str, ...]) -> list[Doc]:
    """Every PDF of the kit in every language, not yet laid out."""
    spec = load_kit_spec()
    themes = load_spec().themes
    words = kit.words
    docs = []
    for lang in langs:
        def t(text, lang=lang) -> str:
            return text.pick(lang)

        for deck in kit.decks:
            theme = themes.get(deck.theme, themes["default"])
            purpose = words.get("purpose_deck", lang).replace("{audience}", t(deck.audience))
            docs.append(Doc(KitFile(f"deck-{deck.slug}-{lang}.pdf", lang, "deck", t(deck.title), purpose, len(deck.slides)),
                            deck, f"deck '{deck.slug}'", [deck.model_dump(mode="json"), theme.model_dump()],
                            lambda deck=deck, lang=lang, theme=theme: deck_pages(content, deck, lang, spec.slide, theme, words)))
        docs.append(Doc(KitFile(f"guide-{lang}.pdf", lang, "guide", t(kit.guide.title), words.get("purpose_guide", lang)),
                        kit.guide, "guide", [kit.guide.model_dump(mode="json"), [d.model_dump(mode="json") for d in kit.decks]],
                        lambda lang=lang: guide_pages(content, kit.guide, kit.decks, lang, spec.guide, themes["default"], words)))
        docs.append(Doc(KitFile(f"leaflet-{lang}.pdf", lang, "leaflet", t(kit.leaflet.title), words.get("purpose_leaflet", lang), 2),
                        kit.leaflet, "leaflet", kit.leaflet.model_dump(mode="json"),
                        lambda lang=lang: leaflet_pages(content, kit.leaflet, lang, spec.leaflet, themes["default"], words)))
    return docs


def _key(doc: Doc, content_data: dict, words: dict) -> str:
    text = json.dumps([doc.file.name, doc.inputs, content_data, words], sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((kit_digest() + "\n" + text).encode()).hexdigest()


def _field(path: tuple, codes: tuple[str, ...]) -> str:
    return ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path if p not in codes).replace(".[", "[")


def build_kit(content: Content, positions: Any, root: Path, site_dir: Path, cache_dir: Path, problems: Problems,
              langs: tuple[str, ...] | None = None, content_dir: Path | None = None) -> KitReport | None:
    """Write every kit file into site_dir/kit/ (PDFs reused from cache_dir/kit/ when unchanged) and its manifest.

    Needs the poster cards in site_dir/posters/ (the poster stage runs first). Returns None when
    content_src/kit/ has errors, or when a text does not fit; every problem is in `problems`.
    """
    started = time.perf_counter()
    full = langs is None
    langs = langs or content.site.codes()  # the languages this build publishes (content is already for_build)
    kit = load_kit(root, content, positions, problems, content_dir)
    if kit is None:
        return None
    report = KitReport(words=kit.words)
    out_dir = site_dir / OUT_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    cache = Cache(cache_dir, OUT_DIR)
    data, words = _content_data(content), kit.words.model_dump(mode="json")
    keys, failed = set(), False
    for doc in plan_docs(content, kit, langs):
        key = _key(doc, data, words)
        keys.add(key)
        if cache.has(key, [doc.file.name]):
            report.reused.append(doc.file.path)
        else:
            try:
                pages = doc.layout()
            except Overflow as exc:
                failed = True
                problems.error("kit-overflow", positions.where(doc.record, *exc.path),
                               f"{doc.what} ({doc.file.lang}), {_field(exc.path, content.site.codes()) or 'text'}: {exc.detail}.", exc.hint)
                continue
            cache.store(key, {doc.file.name: pdf_bytes(pages, doc.file.title, doc.file.lang)})
            report.rendered.append(doc.file.path)
        shutil.copyfile(cache.entry(key) / doc.file.name, out_dir / doc.file.name)
        report.files.append(doc.file)
    if failed:
        return None
    for lang in langs:
        report.files += _social(content, kit, lang, site_dir, out_dir, problems)
    write_manifest(out_dir, report.files, site_dir)
    if full:
        cache.prune(keys)
    report.seconds = time.perf_counter() - started
    return report


def _social(content: Content, kit: Kit, lang: str, site_dir: Path, out_dir: Path, problems: Problems) -> list[KitFile]:
    """social-<lang>.txt (captions to copy; scanned by the privacy guard) and social-<lang>.zip (the same text and the cards)."""
    from ..problems import Where

    words = kit.words
    text = captions_text(content, kit.social, words, lang)
    text_name = f"social-{lang}.txt"
    cards = [site_dir / POSTERS_DIR / name for post in sorted(kit.social.posts, key=lambda p: p.poster)
             for name in card_names(post.poster, lang) if any(p.slug == post.poster for p in content.posters)]
    missing = [c for c in cards if not c.is_file()]
    if missing:
        problems.error("kit-missing-card", Where(f"site/{POSTERS_DIR}/{missing[0].name}"), f"the social kit needs {len(missing)} poster card(s) that were not rendered.",
                       "the poster stage must run before the kit stage (stages.py).")
        return []
    (out_dir / text_name).write_text(text, encoding="utf-8")
    (out_dir / f"social-{lang}.zip").write_bytes(zip_bytes(text_name, text, cards))
    title = words.get("social", lang)
    return [KitFile(f"social-{lang}.zip", lang, "social", title, words.get("purpose_social", lang)),
            KitFile(text_name, lang, "captions", f"{title}: {words.get('captions', lang)}", words.get("purpose_captions", lang))]


def write_manifest(out_dir: Path, files: list[KitFile], site_dir: Path) -> Path:
    """site/kit/manifest.json: every kit file with its language, kind, title, size and pages."""
    entries = []
    for f in files:
        entry = {"file": f.path, "lang": f.lang, "kind": f.kind, "title": f.title, "bytes": (site_dir / f.path).stat().st_size}
        if f.pages:
            entry["pages"] = f.pages
        entries.append(entry)
    path = out_dir / MANIFEST
    path.write_text(json.dumps({"files": entries}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path

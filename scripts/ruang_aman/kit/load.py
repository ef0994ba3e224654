"""Read content_src/kit/ into a Kit, with every problem positioned (file:line:col) and reported at once."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..contract import content_root
from ..load import Positions, _validate, read_yaml
from ..model import Content, Text, TextList
from ..problems import Problems, Where, relpath
from .model import Deck, Guide, Kit, Leaflet, Social, Words

KIT_DIR = "kit"
DECKS_DIR = "decks"
SLIDES = (8, 15)
"""How many slides a deck may have: enough for a 45-minute session, few enough to keep it."""
CAPTION_MAX = 700
"""Characters in a caption: WhatsApp status takes 700; Instagram (2,200) and Facebook take more."""
WORDS = ("kit_title", "deck", "guide", "leaflet", "social", "slide", "of", "notes", "source", "scan_help",
         "scan_site", "minutes", "call", "whatsapp", "file", "size", "purpose", "fold", "captions",
         "alt_square", "alt_story", "hashtags", "purpose_deck", "purpose_guide", "purpose_leaflet",
         "purpose_social", "purpose_captions", "purpose_manifest", "total")
TYPED_NUMBER = re.compile(r"\d{3,}")


def _texts(value: Any, loc: tuple) -> list[tuple[tuple, Text | TextList]]:
    """Every Text and TextList inside a record, with its path."""
    if isinstance(value, (Text, TextList)):
        return [(loc, value)]
    if isinstance(value, BaseModel):
        return [found for name in type(value).model_fields for found in _texts(getattr(value, name), loc + (name,))]
    if isinstance(value, (list, tuple)):
        return [found for i, item in enumerate(value) for found in _texts(item, loc + (i,))]
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in _texts(item, loc + (key,))]
    return []


def _read(path: Path, root: Path, model: type[BaseModel], problems: Problems, positions: Positions, langs: tuple[str, ...]) -> Any:
    src = read_yaml(path, root, problems)
    if src is None:
        return None
    record = _validate(src, model, model, src.pos.data, (), problems, langs)
    positions.add(src, (), record)
    return record


def load_kit(root: Path, content: Content, positions: Positions, problems: Problems, content_dir: Path | None = None) -> Kit | None:
    """The kit from content_src/kit/ (or content_dir/kit/), checked against the content; None when it cannot be built."""
    folder = content_root(root, content_dir) / KIT_DIR
    parts: dict[str, Any] = {}
    for name, model in (("guide", Guide), ("leaflet", Leaflet), ("social", Social), ("words", Words)):
        path = folder / f"{name}.yml"
        if not path.is_file():
            problems.error("missing-file", Where(relpath(path, root)), f"the kit's {name} file is missing.", "restore it from git; see content_src/README.md, 'Session kit'.")
            continue
        parts[name] = _read(path, root, model, problems, positions, content.site.codes())
    decks = []
    for path in sorted((folder / DECKS_DIR).glob("*.y*ml")):
        deck = _read(path, root, Deck, problems, positions, content.site.codes())
        if deck is not None:
            if deck.slug != path.stem:
                problems.error("invalid-value", positions.where(deck, "slug"), f"slug '{deck.slug}' differs from the file name '{path.stem}'.", "make the slug and the file name the same.")
            decks.append(deck)
    if not decks:
        problems.error("missing-file", Where(relpath(folder / DECKS_DIR, root)), "there is no slide deck.", "add one, e.g. by copying an existing deck file.")
    if any(parts.get(name) is None for name in ("guide", "leaflet", "social", "words")) or not decks:
        return None
    kit = Kit(decks=decks, **parts)
    check_kit(kit, content, positions, problems)
    return kit


def check_kit(kit: Kit, content: Content, positions: Positions, problems: Problems) -> None:
    """Cross-checks: slide counts, the help slide, references into the data files, languages, lengths."""
    facts = {f.key for f in content.facts}
    myths = {m.key for m in content.myths}
    datasets = {d.key: d for d in content.datasets}
    contacts = {c.key for c in content.contacts}
    slugs = {p.slug for p in content.pages}

    def ref(record, sub: tuple, key: str, known, what: str) -> None:
        if key not in known:
            problems.error("unknown-reference", positions.where(record, *sub), f"'{key}' is not a {what}.",
                           f"known: {', '.join(sorted(known))}.")

    for deck in kit.decks:
        n = len(deck.slides)
        if not SLIDES[0] <= n <= SLIDES[1]:
            problems.error("kit-slide-count", positions.where(deck, "slides"), f"deck '{deck.slug}' has {n} slides; a deck has {SLIDES[0]} to {SLIDES[1]}.",
                           "add or remove slides (a 45-minute session needs about ten).")
        if deck.slides[-1].kind != "help":
            problems.error("kit-last-slide", positions.where(deck, "slides", n - 1, "kind"), f"deck '{deck.slug}': the last slide must be a 'help' slide (hotlines and the QR code to the help page).",
                           "end the deck with a slide of kind: help.")
        for i, slide in enumerate(deck.slides):
            at = ("slides", i)
            for j, key in enumerate(slide.facts or []):
                ref(deck, at + ("facts", j), key, facts, "fact in facts.yml")
            for j, key in enumerate(slide.myths or []):
                ref(deck, at + ("myths", j), key, myths, "myth in myths.yml")
            for j, key in enumerate(slide.hotlines or []):
                ref(deck, at + ("hotlines", j), key, contacts, "contact in contacts.yml")
            if slide.chart is not None:
                ref(deck, at + ("chart",), slide.chart, datasets, "dataset in statistics.yml")
                if slide.series is not None and slide.chart in datasets:
                    ref(deck, at + ("series",), slide.series, {s.key for s in datasets[slide.chart].series}, f"series of '{slide.chart}'")
            if slide.kind == "help":
                ref(deck, at + ("page",), slide.page, slugs, "page in content_src/pages/")
    guide = kit.guide
    for j, key in enumerate(guide.contacts):
        ref(guide, ("contacts", j), key, contacts, "contact in contacts.yml")
    for side in ("outside", "inside"):
        for i, panel in enumerate(getattr(kit.leaflet, side)):
            for field in ("contacts", "hotlines"):
                for j, key in enumerate(getattr(panel, field) or []):
                    ref(kit.leaflet, (side, i, field, j), key, contacts, "contact in contacts.yml")
            if panel.qr is not None:
                ref(kit.leaflet, (side, i, "qr"), panel.qr, slugs, "page in content_src/pages/")
    if not any(p.hotlines for p in kit.leaflet.outside + kit.leaflet.inside):
        problems.error("kit-leaflet-hotline", positions.where(kit.leaflet), "the leaflet shows no hotline.", "add hotlines: [sapa-129, ...] to a panel.")
    posts = {post.poster for post in kit.social.posts}
    for i, post in enumerate(kit.social.posts):
        ref(kit.social, ("posts", i, "poster"), post.poster, {p.slug for p in content.posters}, "poster in content_src/posters/")
        for lang in content.site.codes():
            caption = post.caption.get(lang) or ""
            if len(caption) > CAPTION_MAX:
                problems.error("kit-overflow", positions.where(kit.social, "posts", i, "caption", lang),
                               f"social post '{post.poster}' ({lang}), caption: {len(caption)} characters, more than {CAPTION_MAX} (a WhatsApp status).",
                               f"cut {len(caption) - CAPTION_MAX} characters.")
    for poster in content.posters:
        if poster.slug not in posts:
            problems.error("kit-social-missing", positions.where(kit.social, "posts"), f"poster '{poster.slug}' has no social post (caption, alt texts, hashtags).",
                           f"add an entry with poster: {poster.slug}.")
    missing = sorted(set(WORDS) - set(kit.words.words))
    if missing:
        problems.error("missing-field", positions.where(kit.words, "words"), f"words is missing {', '.join(missing)}.", "add each with id: and en:.")
    for record in (*kit.decks, kit.guide, kit.leaflet, kit.social, kit.words):
        for loc, text in _texts(record, ()):
            for lang in content.site.public_codes():
                value = text.get(lang)
                if value is None:
                    problems.error("missing-translation", positions.where(record, *loc), f"this kit text has no {lang} version.",
                                   f"add '{lang}:' with the same meaning; the kit is printed in every language.")
                    continue
                for item in value if isinstance(value, list) else [value]:
                    if TYPED_NUMBER.search(item):
                        problems.warning("kit-typed-number", positions.where(record, *loc, lang),
                                         "a number is typed into a kit text; numbers and contacts come from the data files.",
                                         "use facts:, chart:, hotlines: or contacts: on the slide or panel instead.")

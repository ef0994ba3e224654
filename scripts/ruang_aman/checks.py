"""Checks across records: references, phone numbers, translations, placeholders, figures."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any, Iterator

from pydantic import BaseModel

from .placeholders import BY_NAME, Macro, find_macros, signature
from .model import Content, Page, Text, TextList
from .selfcheck import check_self_check
from .phones import InvalidPhone, is_mobile, parse_phone
from .problems import Problems, Where

PHONE_IN_PROSE_RE = re.compile(r"(?<![\w/.])(?:\+62|0)[\d][\d\s().-]{6,}\d(?![\w/])|(?<![\w/.:-])(?<!SAPA )(?:110|112|129)(?![\w/.:-])")
PLACEHOLDER_RE = re.compile(r"\b(TODO|FIXME|TBD|lorem ipsum|lorem|xxx+)\b", re.IGNORECASE)
MD_LINK_RE = re.compile(r"\]\(([^)\s]+)\)")
HEADING_RE = re.compile(r"^(#{2,3})\s", re.MULTILINE)


def walk_texts(record: Any, loc: tuple = ()) -> Iterator[tuple[tuple, Text | TextList]]:
    """Every Text and TextList inside a record, with its path."""
    if isinstance(record, (Text, TextList)):
        yield loc, record
    elif isinstance(record, BaseModel):
        for name in type(record).model_fields:
            yield from walk_texts(getattr(record, name), loc + (name,))
    elif isinstance(record, (list, tuple)):
        for i, item in enumerate(record):
            yield from walk_texts(item, loc + (i,))
    elif isinstance(record, dict):
        for key, item in record.items():
            yield from walk_texts(item, loc + (key,))


def records(content: Content) -> Iterator[tuple[str, Any]]:
    """Every record that holds texts, with the name of its kind."""
    yield "site", content.site
    if content.self_check is not None:
        yield "self_check", content.self_check
    for field in ("contacts", "violence", "impacts", "laws", "myths", "steps", "datasets", "facts", "sources", "posters", "pages"):
        for record in getattr(content, field):
            yield field, record


def check_content(content: Content, positions: Any, problems: Problems, on: dt.date) -> None:
    """Run every cross-record check, adding what it finds to `problems`."""
    _check_unique_keys(content, positions, problems)
    _check_references(content, positions, problems)
    _check_contacts(content, positions, problems, on)
    _check_translations(content, positions, problems)
    _check_datasets(content, positions, problems)
    check_self_check(content, positions, problems)
    choices = placeholder_choices(content)
    for page in content.pages:
        _check_page(page, content, positions, problems, choices)
    if content.page("index") is None:
        problems.error("missing-file", positions.where(content.site), "there is no home page.", "add content_src/pages/index.md.")


def _check_unique_keys(content: Content, positions: Any, problems: Problems) -> None:
    for field in ("contacts", "violence", "impacts", "laws", "myths", "steps", "datasets", "facts", "sources"):
        seen: set[str] = set()
        for record in getattr(content, field):
            if record.key in seen:
                problems.error("duplicate-key", positions.where(record, "key"), f"{field}: key '{record.key}' is used twice.", "every entry needs its own key.")
            seen.add(record.key)


def _check_references(content: Content, positions: Any, problems: Problems) -> None:
    contacts = {c.key for c in content.contacts}
    sources = {s.key for s in content.sources}
    slugs = {p.slug for p in content.pages}
    skip_contacts, skip_sources = "contacts" in content.unreadable, "sources" in content.unreadable
    for i, key in enumerate(content.site.hotlines):
        if key not in contacts and not skip_contacts:
            problems.error("unknown-reference", positions.where(content.site, "hotlines", i), f"hotline '{key}' is not a contact in contacts.yml.", f"known contacts: {', '.join(sorted(contacts))}.")
    _check_doors(content, positions, problems, slugs)
    for field, record in records(content):
        source = getattr(record, "source", None)
        if field not in ("contacts", "site", "pages", "posters") and source is not None and source not in sources and not skip_sources:
            problems.error("unknown-reference", positions.where(record, "source"), f"source '{source}' is not in sources.yml.", f"add it to sources.yml or use one of: {', '.join(sorted(sources))}.")
        signs_source = getattr(record, "signs_source", None)
        if signs_source is not None and signs_source not in sources and not skip_sources:
            problems.error("unknown-reference", positions.where(record, "signs_source"), f"source '{signs_source}' is not in sources.yml.", f"add it to sources.yml or use one of: {', '.join(sorted(sources))}.")
    for i, door in enumerate(content.site.doors):
        for j, slug in enumerate(door.pages):
            if slug not in slugs:
                problems.error("unknown-reference", positions.where(content.site, "doors", i, "pages", j), f"door '{door.key}' names page '{slug}', which does not exist.", f"pages: {', '.join(sorted(slugs))}.")
    for poster in content.posters:
        if poster.draft:
            problems.notice("draft", positions.where(poster), f"poster '{poster.slug}' is a draft: it is not rendered or listed until 'draft: true' is removed.", "write both languages, then remove 'draft: true'.")
        for i, key in enumerate(poster.hotlines):
            if key not in contacts and not skip_contacts:
                problems.error("unknown-reference", positions.where(poster, "hotlines", i), f"hotline '{key}' is not a contact in contacts.yml.", f"known contacts: {', '.join(sorted(contacts))}.")
        if poster.page not in slugs:
            problems.error("unknown-reference", positions.where(poster, "page"), f"page '{poster.page}' does not exist, so the QR code would lead nowhere.", f"pages: {', '.join(sorted(slugs))}.")


def _check_doors(content: Content, positions: Any, problems: Problems, slugs: set[str]) -> None:
    """Every door leads to real pages, and every page in the navigation sits behind exactly one door."""
    doors = content.site.doors
    if not doors:
        return
    seen: dict[str, str] = {}
    for i, door in enumerate(doors):
        for j, slug in enumerate(door.pages):
            where = positions.where(content.site, "doors", i, "pages", j)
            if slug not in slugs:
                problems.error("unknown-reference", where, f"door '{door.key}' lists page '{slug}', which does not exist.", f"pages: {', '.join(sorted(slugs))}.")
            elif slug in seen:
                problems.warning("door", where, f"page '{slug}' is behind two doors: '{seen[slug]}' and '{door.key}'.", "keep each page behind the one door its readers would choose.")
            seen.setdefault(slug, door.key)
    for page in content.published_pages():  # a draft needs no door until it is published
        if page.slug != "index" and page.nav is not None and page.slug not in seen:
            # still reachable (listed after the doors), so a notice: a new page is not an error until it is placed
            problems.notice("door", positions.where(content.site, "doors"), f"page '{page.slug}' is behind no door: the navigation lists it after the doors, where readers look last.", "add its slug to the pages of one door in site.yml.")


def _check_contacts(content: Content, positions: Any, problems: Problems, on: dt.date) -> None:
    max_age = dt.timedelta(days=content.site.contact_max_age_days)
    for contact in content.contacts:
        for field in ("phone", "phone_alt", "whatsapp"):
            raw = getattr(contact, field)
            if raw is None:
                continue
            try:
                phone = parse_phone(raw)
            except InvalidPhone:
                problems.error("invalid-phone", positions.where(contact, field), f"contacts[{contact.key}].{field} \"{raw}\" is not a valid Indonesian number.", "write it as on the service's own site, e.g. 0811-1129-129 or +62 811 1129 129.")
                continue
            if field == "whatsapp" and not is_mobile(phone):
                problems.error("invalid-phone", positions.where(contact, field), f"contacts[{contact.key}].whatsapp \"{raw}\" is not a mobile number, so it cannot have WhatsApp.", "check the number on the service's own site.")
        if contact.phone is None and contact.whatsapp is None:
            problems.notice("needs-verification", positions.where(contact), f"contact '{contact.key}' has no sourced number yet; it is listed with its role only.", "add the number with its source and verified_on once a public source confirms it.")
        if contact.needs_verification:
            problems.notice("needs-verification", positions.where(contact, "needs_verification"), f"contact '{contact.key}': {contact.needs_verification}", "check it with the service itself, then remove needs_verification.")
        if contact.verified_on > on:
            # a notice, never a failure: "today" differs between Balikpapan (UTC+8) and CI's clock
            problems.notice("stale-contact", positions.where(contact, "verified_on"), f"contact '{contact.key}' says it was verified after today ({contact.verified_on}).", "write the date the number was last checked.")
        elif on - contact.verified_on > max_age:
            problems.notice("stale-contact", positions.where(contact, "verified_on"), f"contact '{contact.key}' was last verified on {contact.verified_on}, more than {max_age.days} days ago.", f"check it again at {contact.source} and update verified_on.")


def _check_translations(content: Content, positions: Any, problems: Problems) -> None:
    """Every text in every declared language; a draft language's gaps are notices, as drafts are."""
    site = content.site
    default = site.default.code
    for field, record in records(content):
        draft = isinstance(record, Page) and record.draft
        for loc, text in walk_texts(record):
            where = positions.where(record, *loc)
            name = ".".join(map(str, loc))
            for language in site.languages:
                lang = language.code
                value = text.get(lang)
                if value is None:
                    problems.add(_draft_level(draft or language.draft), "missing-translation", where,
                                 f"{field}: the {language.name} ({lang}) text of '{name}' is missing.", f"add a '{lang}:' line with the {language.name} text.")
                elif isinstance(text, TextList) and len(value) != len(text.first()):
                    problems.add(_draft_level(draft or language.draft), "translation-mismatch", where,
                                 f"{field}: '{name}' has {len(text.first())} {default} items but {len(value)} {lang} ones.",
                                 "every language must list the same points in the same order.")
                for item in value if isinstance(value, list) else [value or ""]:
                    if PLACEHOLDER_RE.search(item):
                        problems.warning("placeholder", where, f"{field}: placeholder text in '{name}' ({lang}).", "write the real text, or mark the page as a draft.")


def _draft_level(draft: bool):
    from .problems import Level

    return Level.NOTICE if draft else Level.WARNING


def _check_datasets(content: Content, positions: Any, problems: Problems) -> None:
    for dataset in content.datasets:
        for i, series in enumerate(dataset.series):
            if len(series.values) != len(dataset.periods):
                problems.error("invalid-value", positions.where(dataset, "series", i, "values"), f"{dataset.key}/{series.key} has {len(series.values)} values for {len(dataset.periods)} periods.", "give one value per period, in the order of 'periods'.")
            elif series.total is not None and series.total != sum(series.values):
                problems.error("total-mismatch", positions.where(dataset, "series", i, "total"), f"{dataset.key}/{series.key}: the values add up to {sum(series.values)}, but total says {series.total}.", "check the values against the source table.")


def placeholder_choices(content: Content) -> dict[str, set[str] | None]:
    """Each placeholder's allowed argument values (None: any, or its data file could not be read), made once per
    check: made for every use, `{{ link SLUG }}` listed every page for every link (quadratic in the pages)."""
    return {p.name: None if p.choices is None or (p.reads is not None and p.reads in content.unreadable)
            else set(p.choices(content)) for p in BY_NAME.values()}


def _check_page(page: Page, content: Content, positions: Any, problems: Problems,
                choices: dict[str, set[str] | None] | None = None) -> None:
    choices = placeholder_choices(content) if choices is None else choices
    where = positions.where(page)
    site = content.site
    if page.draft or not page.is_complete(site.public_codes()):
        problems.notice("draft", where, f"page '{page.slug}' is a draft: previewed by make serve, left out of make site.", "write every language and remove 'draft: true' to publish it.")
    missing = [lang for lang in site.codes() if lang not in page.bodies]
    if missing:
        level = _draft_level(page.draft or all(site.language(lang).draft for lang in missing))
        problems.add(level, "missing-translation", where, f"page '{page.slug}' has no {', '.join(missing)} section, so it would be published without it.",
                     f"add a '<!-- lang: {missing[0]} -->' section with the translation, or mark the page 'draft: true'.")
    for lang, body in page.bodies.items():
        _check_body(page, lang, body.markdown, body.line, content, problems, choices)
    present = [lang for lang in site.codes() if lang in page.bodies]
    first = page.bodies[present[0]] if present else None
    for lang in present[1:]:
        body = page.bodies[lang]
        level = _draft_level(page.draft or site.language(lang).draft)
        pair = [first, body]
        if len({tuple(signature(b.markdown)) for b in pair}) > 1:
            problems.add(level, "translation-mismatch", Where(page.path, body.line, 1), f"page '{page.slug}': the {lang} text shows different data than the {present[0]} text (placeholders differ: {_diff(pair)}).", "every language must use the same {{ ... }} placeholders in the same order.")
        counts = [len(HEADING_RE.findall(b.markdown)) for b in pair]
        if counts[0] != counts[1]:
            problems.add(level, "translation-mismatch", Where(page.path, body.line, 1), f"page '{page.slug}': {counts[0]} sections in {present[0]} but {counts[1]} in {lang}.", "give every language the same '##' headings.")


def _diff(bodies: list) -> str:
    a, b = (Counter(signature(x.markdown)) for x in bodies)
    only = list((a - b).keys()) + list((b - a).keys())
    shown = ", ".join("{{ " + " ".join((name,) + args) + " }}" for name, args in only) or "order"
    return shown


def _check_body(page: Page, lang: str, markdown: str, first_line: int, content: Content, problems: Problems,
                choices: dict[str, set[str] | None]) -> None:
    for macro in find_macros(markdown, first_line):
        _check_placeholder(macro, page, lang, content, problems, choices)
    for number, line in enumerate(markdown.split("\n"), start=first_line):
        prose = re.sub(r"\{\{.*?\}\}", "", line)
        match = PHONE_IN_PROSE_RE.search(prose)
        if match:
            problems.error("number-in-prose", Where(page.path, number, match.start() + 1), f"a phone number is typed into the {lang} text.", "numbers come from contacts.yml: write {{ contact KEY }} instead.")
        if PLACEHOLDER_RE.search(prose):
            problems.warning("placeholder", Where(page.path, number, 1), f"placeholder text in the {lang} text.", "write the real text, or mark the page 'draft: true'.")
        for target in MD_LINK_RE.findall(prose):
            _check_link(target, page, lang, content, Where(page.path, number, 1), problems)


def _check_placeholder(macro: Macro, page: Page, lang: str, content: Content, problems: Problems,
                       choices: dict[str, set[str] | None]) -> None:
    """One placeholder against its record in the registry: known, the right number of arguments, known values."""
    at = Where(page.path, macro.line, macro.col)
    placeholder = BY_NAME.get(macro.name)
    if placeholder is None:
        problems.error("unknown-placeholder", at, f"unknown placeholder '{{{{ {macro.name} }}}}'.", f"placeholders: {', '.join(sorted(BY_NAME))}.")
        return
    low, high = placeholder.args
    if not low <= len(macro.args) <= high:
        problems.error("unknown-placeholder", at, f"'{{{{ {macro.name} }}}}' takes {placeholder.takes()} argument(s), got {len(macro.args)}.", placeholder.help)
        return
    allowed = choices[macro.name]  # None when its data file is unreadable: that error is already reported
    for arg in macro.args:
        if allowed is not None and arg not in allowed:
            code = "broken-link" if placeholder.links_to_page else "unknown-reference"
            problems.error(code, at, f"'{{{{ {macro.name} {arg} }}}}': no such {macro.name} '{arg}'.", f"known: {', '.join(sorted(allowed))}.")
        elif placeholder.links_to_page:
            _check_link_target(arg, page, lang, content, at, problems)


def _check_link(target: str, page: Page, lang: str, content: Content, at: Any, problems: Problems) -> None:
    if re.match(r"^[a-z]+:", target) or target.startswith("#"):
        return
    name = target.split("#", 1)[0]
    slug = name[:-5] if name.endswith(".html") else name[:-3] if name.endswith(".md") else None
    if slug is None or content.page(slug) is None:
        problems.error("broken-link", at, f"link to '{target}' in the {lang} text does not lead to a page.", "link pages with {{ link SLUG }} or [text](SLUG.html); pages: " + ", ".join(sorted(p.slug for p in content.pages)) + ".")
    else:
        _check_link_target(slug, page, lang, content, at, problems)


def _check_link_target(slug: str, page: Page, lang: str, content: Content, at: Any, problems: Problems) -> None:
    """A published page must not link to a draft: the link would lead nowhere once published."""
    if not content.is_published(slug) and content.is_published(page.slug):
        problems.warning("broken-link", at, f"the {lang} text links to '{slug}', a draft that is not published.", f"finish and publish '{slug}' first, or remove the link.")

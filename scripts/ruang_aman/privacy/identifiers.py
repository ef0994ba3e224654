"""Identifiers found without any list: NIK, initials with age, 'korban bernama ...', addresses, phones.

Each finder takes the text (original case) and returns hits with offsets; the scanner turns
them into findings with line numbers and masked values.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache
from dataclasses import dataclass, replace
from pathlib import Path

from ..phones import InvalidPhone, parse_phone
from ..positions import YamlSyntaxError, load_plain
from .prefilter import may_hold_nik


@dataclass(frozen=True)
class Hit:
    """One identifier at [start, end): rule, what to say, and the value to fingerprint (never shown)."""

    rule: str
    start: int
    end: int
    message: str
    value: str
    kind: str  # mask prefix: nik, phone, name, addr
    line: int = 0


# --- NIK: PP KK CC DDMMYY SSSS, day + 40 for women -----------------------------------------
PROVINCES = frozenset({11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53,
                       61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97})
_NIK = re.compile(r"\d(?:[ .\-]?\d){15}(?![\w]|[.,]\d)")
_GLUED = re.compile(r"[\w.,+]")  # a number glued to a word or to more digits is not a NIK or a phone


def _glued(text: str, start: int) -> bool:
    return start > 0 and _GLUED.match(text, start - 1) is not None


def valid_nik(digits: str) -> bool:
    """Structure check: province code, regency/district not 00, a real birth date, serial not 0000."""
    if len(digits) != 16 or not digits.isdigit():
        return False
    prov, reg, dist = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    day, month, year = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    if prov not in PROVINCES or reg == 0 or dist == 0 or int(digits[12:]) == 0:
        return False
    if day > 40:
        day -= 40
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(2000 + year, month)[1]  # 2000 is a leap year: 29 Feb allowed


def find_niks(text: str) -> list[Hit]:
    hits = []
    for m in _NIK.finditer(text):
        if _glued(text, m.start()):
            continue
        digits = re.sub(r"\D", "", m.group())
        if valid_nik(digits):
            hits.append(Hit("nik", m.start(), m.end(), "a national identity number (NIK) appears", digits, "nik"))
    return hits


# --- phones -------------------------------------------------------------------------------
# Every branch starts with a literal, so the regex engine can skip ahead to candidate characters.
_PHONE = re.compile(r"(?:\(\+62|\(62|\(0|\+62|62|0)\)?(?:[ .\-]?\(?\d\)?){7,13}(?!\w)")


@lru_cache(maxsize=4096)
def _parse(raw: str) -> str | None:
    """E.164 of a number, or None when it is not a valid number (cached: pages repeat hotlines)."""
    try:
        return parse_phone(raw).e164
    except InvalidPhone:
        return None


# Not a phone: money ('Rp 62.813.472.500'), a bank account, a number glued to digits by a hyphen (ISBN).
_NOT_PHONE_BEFORE = re.compile(r"(?i)(?:\b(?:rp|idr|usd|sgd|us\$)\.?|\$|\u20ac)\s*$|\b(?:rek(?:ening)?|account|acc|a/c|"
                               r"va|virtual account|norek|npwp|isbn|issn|doi|nip|nrp)\b[^\n]{0,20}$")


def _not_a_phone(text: str, start: int) -> bool:
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isdigit():
        return True
    return _NOT_PHONE_BEFORE.search(text, max(0, start - 30), start) is not None


@lru_cache(maxsize=4096)
def _number(raw: str) -> str | None:
    """E.164 of a matched number with nine digits or more, else None (cached: pages repeat their hotlines)."""
    digits = re.sub(r"\D", "", raw)
    if len(digits) < 9:
        return None
    if raw.lstrip("(").startswith("62"):
        raw = "+" + digits
    return _parse(raw)


def find_phones(text: str, services: frozenset[str], skip: list[tuple[int, int]]) -> list[Hit]:
    """Valid Indonesian numbers that are not a service contact's (compared in E.164)."""
    hits = []
    for m in _PHONE.finditer(text):
        e164 = _number(m.group())
        if e164 is None or e164 in services:
            continue  # most numbers on these pages are the service contacts: the cheapest test first
        if _glued(text, m.start()) or any(s < m.end() and m.start() < e for s, e in skip):
            continue
        if not _not_a_phone(text, m.start()):
            hits.append(Hit("personal-phone", m.start(), m.end(),
                            "a phone number that is not one of the service contacts appears", e164, "phone"))
    return hits


def load_services(contacts_yml: Path) -> tuple[frozenset[str], tuple[str, ...]]:
    """E.164 numbers and folded addresses of the service contacts in content_src/contacts.yml."""
    if not contacts_yml.is_file():
        return frozenset(), ()
    try:
        data = load_plain(contacts_yml.read_text(encoding="utf-8")) or {}
    except (YamlSyntaxError, UnicodeDecodeError):
        return frozenset(), ()  # the content loader reports this file's syntax with a position
    numbers: set[str] = set()
    addresses: list[str] = []
    for contact in data.get("contacts") or [] if isinstance(data, dict) else []:
        if not isinstance(contact, dict):
            continue
        for field in ("phone", "phone_alt", "whatsapp", "sms", "fax", "phones"):
            values = contact.get(field)
            for value in values if isinstance(values, list) else [values]:
                if value:
                    try:
                        numbers.add(parse_phone(str(value)).e164)
                    except InvalidPhone:
                        pass
        address = contact.get("address")
        for value in address.values() if isinstance(address, dict) else [address]:
            if value:
                addresses.append(_squash(str(value)))
    return frozenset(numbers), tuple(addresses)


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


# --- context words ------------------------------------------------------------------------
_VICTIM = re.compile(r"\b(?:korban|penyintas|pelapor|survivor|victim|dicabuli|diperkosa|dianiaya|"
                     r"dilecehkan|disetubuhi|abused|raped|assaulted)\b", re.I)
_SHELTER = re.compile(r"\b(?:rumah aman|safe ?house|shelter|tempat perlindungan)\b", re.I)
_SERVICE = re.compile(r"\b(?:UPTD|UPT|PPA|DP3A\w*|P2TP2A|kantor|office|layanan|service|polres\w*|polsek|"
                      r"polda|rumah sakit|RSUD|RS|puskesmas|pengadilan|kejaksaan|LBH|dinas|sekretariat|"
                      r"kementerian|balai|gedung)\b", re.I)
_PLACE = re.compile(r"\b(?:SDN?|SMPN?|SMAN?|SMKN?|MIN?|MTsN?|MAN?|TK|PAUD|RT|RW|Jl|Jln|"
                    r"(?i:sekolah|madrasah|pesantren|ponpes|pondok|school|kelas|desa|kelurahan|kampung|dusun|"
                    r"kecamatan|village|gang|perumahan|jalan|street))\b")
_PSEUDONYM = re.compile(r"sebut saja|bukan nama (?:asli|sebenarnya)|nama samaran|samaran|disamarkan|"
                        r"nama (?:di)?ubah|pseudonym|not (?:her|his|their) real name|name (?:has been |was )?changed|"
                        r"names? changed", re.I)
PSEUDONYMS = frozenset({"bunga", "mawar", "melati", "anggrek", "kembang", "kenanga", "dahlia", "tulip",
                        "lily", "rose", "jane", "doe", "x", "y", "z"})


def _paragraph(text: str, start: int, end: int, reach: int = 250) -> str:
    """Text around [start, end), clipped to the paragraph (blank line) and `reach` characters."""
    lo = text.rfind("\n\n", max(0, start - reach), start)
    lo = lo + 2 if lo >= 0 else max(0, start - reach)
    hi = text.find("\n\n", end, end + reach)
    hi = hi if hi >= 0 else min(len(text), end + reach)
    return text[lo:hi]


# --- initials and age ---------------------------------------------------------------------
# Two regexes, each starting with a literal the engine can skip ahead to (one alternation is 4x
# slower). Their matches cannot overlap, so merged by position they are what one finditer gave.
_AGE_PAREN = re.compile(r"\(\s*(?P<age>\d{1,2})\s*(?:th|thn|tahun|yo|y\.o|years?(?:\s+old)?)?\.?\s*\)")
_AGE_COMMA = re.compile(r",\s*(?P<age>\d{1,2})\s*(?:th|thn|tahun|years?\s+old|yo)\b")
_INITIALS_BEFORE = re.compile(r"(?:^|[^\w.])(?P<ini>[A-Z](?:\.?\s?[A-Z]){0,3}\.?)\s*$")
NOT_INITIALS = frozenset({"KBGO", "KBG", "TPPO", "PKDRT", "KSBE", "ODGJ", "HIV", "AIDS", "LGBT", "PMI", "PPKS",
                          "SD", "SDN", "SMP", "SMPN", "SMA", "SMAN", "SMK", "SMKN", "MI", "MTS", "MA", "TK",
                          "UU", "RT", "RW", "PP", "PPA", "KUHP", "WHO", "UN", "HAM", "KDRT", "TPKS", "ABH",
                          "NIK", "KTP", "KK", "PDF", "QR", "WA", "SMS", "PT", "CV", "RI", "NO", "JL"})


# Two 'ACRONYM (n)' next to each other: a list of case counts ('KBGO (12), TPPO (3)'), not people.
_COUNT_LIST = re.compile(r"\b[A-Z]{2,6}\s*\(\d{1,4}\)[,;]?\s*(?:dan\s+|and\s+)?[A-Z]{2,6}\s*\(\d{1,4}\)")


_INITIAL_ENDS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ.")


def find_initials(text: str) -> list[Hit]:
    hits = []
    for age_m in (m for pattern in (_AGE_PAREN, _AGE_COMMA) for m in pattern.finditer(text)):
        at = age_m.start()
        lo = max(0, at - 16)
        tail = text[lo:at].rstrip()
        if not tail or tail[-1] not in _INITIAL_ENDS:
            continue  # initials end with a capital or a dot: 'Bunga (15)' is not worth the search below
        before = _INITIALS_BEFORE.search(text, lo, at)
        if before is None:
            continue
        letters = re.sub(r"[^A-Z]", "", before.group("ini"))
        if letters in NOT_INITIALS or _COUNT_LIST.search(text, max(0, at - 80), age_m.end() + 80):
            continue
        start, end = before.start("ini"), age_m.end()
        age = int(age_m.group("age"))
        around = _paragraph(text, start, end, 200)
        if _PSEUDONYM.search(around):
            continue
        if age < 18 and _PLACE.search(around.replace(text[start:end], " ")):
            hits.append(Hit("child-initials", start, end,
                            "a child is described by initials and age together with a school, village or address",
                            letters, "name"))
        else:
            hits.append(Hit("initials-age", start, end,
                            "a person is described by initials and an exact age", letters, "name"))
    return hits


# --- 'korban bernama ...', 'the victim, named ...' ----------------------------------------
_NAMEWORD = r"[A-Z][\w'\-]*\.?"
_NAMED = re.compile(
    r"(?i:\bkorban\b(?:[ \t]+[\w\-]+){0,2}?[ \t,]+(?:bernama|berinisial|dengan inisial|atas nama|inisial(?:nya)?)"
    r"|\bnama korban\s*(?:adalah|ialah|yaitu|:)?"
    r"|\binisial korban\s*(?:adalah|ialah|yaitu|:)?"
    r"|\bvictim\b[,\s(]{0,3}(?:who is |who was )?(?:named|called|identified as|whose name is|initialed|initialled)"
    r"|\bvictim'?s (?:name|initials) (?:is|was|:)"
    r"|\bthe victim,)"
    r"\s*:?\s*(?P<name>" + _NAMEWORD + r"(?:\s+" + _NAMEWORD + r"){0,3})")


def find_named_victims(text: str) -> list[Hit]:
    hits = []
    for m in _NAMED.finditer(text):
        name = m.group("name")
        if name.lower().strip(".") in PSEUDONYMS:
            continue
        if m.group().lower().startswith("the victim,") and not re.match(r"[A-Z]", name):
            continue
        if _PSEUDONYM.search(_paragraph(text, m.start(), m.end(), 120)):
            continue
        hits.append(Hit("victim-named", m.start(), m.end(), "a victim is named or given initials", name, "name"))
    return hits


# --- street addresses ---------------------------------------------------------------------
_ADDRESS = re.compile(r"\b(?:Jl|Jln|Jalan|Gg|Gang)\.?\s+[^\n]{1,60}?\b(?:No|Nomor|RT|Blok)\.?\s*\d+"
                      r"(?:[^\n]{0,30}?\bR[TW]\.?\s*\d+)*", re.I)


def find_addresses(text: str, service_addresses: tuple[str, ...]) -> list[Hit]:
    """Street addresses near a victim word, or near a safe house (whose address is always secret)."""
    hits = []
    from .context import Sentence
    from .indirect import VENUE

    for m in _ADDRESS.finditer(text):
        around = _paragraph(text, m.start(), m.end())
        squashed = _squash(m.group())
        known = any(squashed[:24] in a for a in service_addresses)
        shelter = _SHELTER.search(around)
        sentence = Sentence(text, m.start(), m.end())
        line_lo = text.rfind("\n", 0, m.start()) + 1
        line_hi = text.find("\n", m.end())
        line = text[line_lo:line_hi if line_hi >= 0 else len(text)]
        service = (_SERVICE.search(line) and not _VICTIM.search(line)) or VENUE.search(sentence.before(m.start())[-60:])
        if shelter or (sentence.victim and not known and not service):
            why = "near a safe house" if shelter else "in a victim context"
            hits.append(Hit("address", m.start(), m.end(), f"a street address appears {why}", squashed, "addr"))
    return hits


_DIGIT = re.compile(r"\d")


def find_all(text: str, services: frozenset[str], service_addresses: tuple[str, ...],
             prose: str | None = None) -> list[Hit]:
    """All identifier hits. `prose` is the text without markup (HTML); numbers are looked for in both."""
    prose = text if prose is None else prose
    low = prose.lower()
    raw: list[Hit] = []
    if _DIGIT.search(text):  # no digit: no NIK and no phone number
        niks = find_niks(text) if may_hold_nik(text) else []
        raw = niks + find_phones(text, services, [(h.start, h.end) for h in niks])
    # Cheap tests first: most pages have no age, no 'korban bernama', no street.
    from .indirect import cues, find_indirect

    if len(low) != len(prose):  # lower() changed a length (rare letters): keep offsets exact
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in prose)
    at = cues(low)
    in_prose = find_initials(prose) if _DIGIT.search(prose) else []
    if at["naming"]:
        in_prose += find_named_victims(prose)
    if at["street"]:
        in_prose += find_addresses(prose, service_addresses)
    in_prose += find_indirect(prose, low, at)
    return ([replace(h, line=text.count("\n", 0, h.start) + 1) for h in raw]
            + [replace(h, line=prose.count("\n", 0, h.start) + 1) for h in in_prose])

"""Indirect identification of a victim, without any listed name (UU 11/2012 art. 19).

How local news identifies a child: the parents or a relative named in relation to the victim, a
perpetrator who is family named with the relation, a nickname or initials with an age, a school or
a class, a home address outside a 'Jl./Gang' street. Each finder looks for its trigger, then judges
the sentence (and the heading above it) that holds it: see context.py.
"""

from __future__ import annotations

import re

from .context import PSEUDONYMS, Sentence
from .identifiers import Hit
from .names import trie_of_words
from .prefilter import WordSearch, encoded

# A name as written in the text: capitalised words or initials, up to four of them.
_WORD = r"(?:[A-Z][a-z\u00c0-\u024f'\u2019]+(?:-[A-Z][a-z]+)?|[A-Z]{1,3}(?![a-z])|(?:[A-Z]\.\s?){1,3})"
NAME = r"(?P<name>" + _WORD + r"(?:[ \t]+" + _WORD + r"){0,3})"
NOT_NAMES = frozenset("""korban pelaku dia ia mereka kami kita saat ketika namun tetapi sementara yang menurut
    kasus polisi polres polsek kepolisian hal itu ini setelah sebelum sejak pada dalam di ke dari dan atau juga
    saksi warga tersangka terdakwa sang si kini kemudian lalu selain bahkan meski hingga sampai
    the she he they it his her their police after before since when while but and or also both
    according who which that this then now today yesterday according mr mrs ms""".split())

_REL_ID = (r"(?:ayah|bapak|bapa|ibu|ibunda|mama|mamah|emak|papa|paman|pamannya|om|bibi|tante|kakek|nenek|"
           r"kakak|abang|adik|sepupu|orang\s*tua|orangtua|ortu|wali|suami|kekasih|pacar)")
_REL_EN = (r"(?:mother|father|step-?father|step-?mother|step-?dad|step-?mom|mom|mum|dad|uncle|aunt|"
           r"grand(?:father|mother|pa|ma)|(?:half-|step-?)?brother|(?:half-|step-?)?sister|cousin|parents?|"
           r"guardian|boyfriend)")
_OWNER_ID = (r"(?:\s+(?:tiri|kandung|angkat|sambung))?(?:nya|\s+(?:dari\s+)?(?:korban|sang\s+anak|si\s+anak|"
             r"(?:bocah|anak|gadis|siswi|siswa|balita|remaja|santriwati|santri)(?:\s+(?:itu|tersebut|malang))?))"
             r"(?:\s+sendiri)?")
_OWNER_EN = r"(?:her|his|their|the\s+(?:girl|boy|child|victim|survivor|teen(?:ager)?|student|toddler|pupil)['\u2019]s)"
_JOIN = (r"[ \t]*(?:,|:|\(|\u2013|-)?[ \t]*(?:yakni|yaitu|bernama|berinisial|dengan\s+inisial|inisial|adalah|ialah|"
         r"named|identified\s+as|called)?[ \t]*(?:\(|,)?[ \t]*(?:(?:Bapak|Pak|Ibu|Bu|Mr\.?|Mrs\.?|Ms\.?)[ \t]+)?")
_AGE_TAIL = r"(?:[ \t]*\(\s*\d{1,2}\s*(?:th|thn|tahun)?\s*\)|,[ \t]*\d{1,2}\b)?"

_RELATIVE = re.compile(
    r"(?i:\b" + _REL_ID + _OWNER_ID + r"|\b" + _OWNER_EN + r"\s+(?:own\s+)?" + _REL_EN + r")" + _JOIN + NAME)
_RELATIVE_AFTER = re.compile(
    NAME + _AGE_TAIL + r"[ \t]*,[ \t]*(?:yang\s+(?:merupakan|tak\s+lain|adalah)\s+|adalah\s+|merupakan\s+|who\s+is\s+)?(?i:(?:the\s+)?"
    + _REL_ID + _OWNER_ID + r"|" + _OWNER_EN + r"\s+(?:own\s+)?" + _REL_EN + r")\b")
_CHILD_OF = re.compile(
    r"(?i:\b(?:anak|putri|putra|putera|puteri)(?:\s+(?:kandung|tiri|angkat|sulung|bungsu|pertama|kedua|ketiga))?"
    r"\s+(?:dari\s+(?:pasangan\s+)?|pasangan\s+)(?:suami[ -]istri\s+)?|\b(?:daughter|son|child|stepdaughter|stepson)\s+of\s+)"
    r"(?:(?:Bapak|Pak|Ibu|Bu|Mr\.?|Mrs\.?|Ms\.?)[ \t]+)?" + NAME)

_NICKNAME = re.compile(r"(?i:\b(?:akrab\s+)?(?:disapa|dipanggil|sapaan(?:\s+akrab)?(?:nya)?|panggilan(?:nya)?|"
                       r"nicknamed|known\s+(?:to\s+\w+\s+)?as|goes\s+by(?:\s+the\s+name)?)\s+(?:dengan\s+)?"
                       r"(?:nama\s+)?)[\"'\u201c]?" + NAME)
_INITIALS = re.compile(r"(?i:\b(?:berinisial|inisial(?:nya)?|dengan\s+inisial|(?:by|with)\s+(?:her|his|the)\s+"
                       r"initials?|initials?|initiall?ed)\s*:?\s*)(?P<name>[A-Z](?:\.?\s?[A-Z]){0,3}\.?)(?![a-z])")
AGE = re.compile(r"\(\s*\d{1,2}\s*(?:th|thn|tahun|yo|y\.o\.?)?\s*\)|,\s*\d{1,2}\s*,|,\s*\d{1,2}\s*(?:th|thn|tahun)\b|"
                 r"\b(?:berusia|berumur|usia|umur|usianya|umurnya|aged?)\s+(?:baru\s+|masih\s+|sekitar\s+)?\d{1,2}\b|"
                 r"\b\d{1,2}[\s-]+(?:tahun|thn)\b|\b\d{1,2}[\s-]years?[\s-]old\b|"
                 r"\b(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                 r"eleventh|twelfth)[\s-]grader\b", re.I)
SCHOOL = re.compile(r"\b(?:SDN?|SMPN?|SMAN?|SMKN?|MIN?|MTsN?|MAN|TK|PAUD)\b|(?i:\b(?:pesantren|ponpes|pondok|madrasah|"
                    r"sekolah|school|kelas\s+(?:\d{1,2}|[IVX]{1,4})\b|grade\s+\d{1,2}|[\w-]+[\s-]grader|siswi|siswa|"
                    r"santri|santriwati|pelajar|murid|student|pupil)\b)")
CHILD = re.compile(r"(?i:\b(?:anak|bocah|balita|siswi|siswa|pelajar|santri|santriwati|murid|gadis|remaja|"
                   r"girl|boy|child|kid|teen(?:ager)?|student|pupil|toddler|minor)\b)")

_HOUSING = re.compile(r"\b(?:Perumahan|Perum|Komplek|Kompleks|Komp|Griya|BTN|Villa|Vila|Residence|Cluster|Asrama|"
                      r"Housing)\b\.?[^\n.;]{1,50}?\b(?:Blok|Blk|Block|No|Nomor)\.?\s*[A-Z0-9]", re.I)
_RT_RW = re.compile(r"\bRT\.?\s*0*\d{1,3}\s*(?:/|,|\s)\s*(?:RW\.?\s*)?0*\d{1,3}\b[^\n.;]{0,40}?"
                    r"\b(?:Kelurahan|Kel\.|Desa|Ds\.|Kampung|Dusun|Kecamatan)"
                    r"|\b(?:Kelurahan|Kel\.|Desa)\s+[A-Z][\w ]{1,30}?,?\s+RT\.?\s*0*\d{1,3}\b")
_KAWASAN = re.compile(r"(?i:\b(?:di\s+)?kawasan)\s+[A-Z][\w\-']*(?:\s+[A-Z0-9][\w\-']*){0,3},?\s+"
                      r"(?i:dekat|tak\s+jauh\s+dari|tidak\s+jauh\s+dari|di\s+belakang|di\s+samping|depan|di\s+depan)\b")
VENUE = re.compile(r"(?i:\b(?:hotel|aula|gedung|universitas|kampus|balai|kantor|office|hall|sekretariat|"
                    r"rumah\s+sakit|rsud|puskesmas|polres\w*|polsek|pengadilan|kejaksaan|masjid|gereja|"
                    r"convention|auditorium|ballroom|lapangan|stadion|mal|mall|pusat)\b)")

# Cue words, by kind. Relatives, 'anak dari' and home addresses count only inside a victim region.
_RELATIONS_ID = ("ayah", "bapak", "bapa", "ibu", "ibunda", "mama", "mamah", "emak", "papa", "paman", "om", "bibi",
                 "tante", "kakek", "nenek", "kakak", "abang", "adik", "sepupu", "orang tua", "orangtua", "ortu", "wali",
                 "suami", "kekasih", "pacar")
_OWNERS_ID = ("nya", " korban", " tiri", " kandung", " angkat", " sambung", " dari", " sang", " si ", " bocah",
              " anak", " gadis", " siswi", " siswa", " balita", " remaja", " santri")
_CHILDREN_ID = ("anak", "putri", "putra", "putera", "puteri")
# Cue words by kind. Positions are kept for the kinds a finder starts from; a relation counts only
# with an owner ('ibu korban', 'ayahnya', 'ayah tiri'), so the bare word 'ibu' costs nothing.
_CUE_WORDS = {
    "relative": (*(r + o for r in _RELATIONS_ID for o in _OWNERS_ID),
                 "mother", "father", "step", "dad", "mom", "mum", "uncle", "aunt", "grand", "brother",
                 "sister", "cousin", "parent", "guardian", "boyfriend"),
    "child-of": (*(c + w for c in _CHILDREN_ID for w in (" dari", " pasangan", " kandung", " tiri", " angkat",
                                                         " sulung", " bungsu", " pertama", " kedua", " ketiga")),
                 "daughter of", "son of", "child of", "stepdaughter of", "stepson of"),
    "nickname": ("disapa", "dipanggil", "sapaan", "panggilan", "nicknamed", "known", "goes by", "inisial", "initial",
                 "berinisial", "dengan inisial"),
    "home": ("perum", "kompl", "komp", "griya", "btn", "villa", "vila", "residence", "cluster", "asrama", "housing",
             "rt ", "rt.", *(f"rt{d}" for d in range(10)), "kawasan"),
}
_PRESENT_WORDS = {
    "victim": ("korban", "penyintas", "dicabuli", "diperkosa", "dianiaya", "dilecehkan", "disetubuhi", "dicabul",
               "pencabulan", "persetubuhan", "pemerkosaan", "perkosaan", "pelecehan", "kekerasan seksual", "disiksa",
               "penganiayaan", "rudapaksa", "dirudapaksa", "victim", "survivor", "abuse", "raped", "assaulted",
               "molested", "pelaku", "tersangka", "perpetrator", "suspect"),
    "naming": ("bernama", "inisial", "berinisial", "dengan inisial", "atas nama", "nama korban", "named", "called",
               "identified", "name is", "name was", "initial", "victim,", "victim's", "the victim"),
    "street": ("jl", "jalan", "gg", "gang"),
}
_KIND_OF: dict[str, set[str]] = {}
for _kind, _words in (*_CUE_WORDS.items(), *_PRESENT_WORDS.items()):
    for _word in _words:
        _KIND_OF.setdefault(_word, set()).add(_kind)
for _word in _KIND_OF:  # the regex finds the longest cue: it also counts as every shorter cue it starts with
    _KIND_OF[_word] |= {k for w, kinds in list(_KIND_OF.items()) if _word.startswith(w) for k in kinds}
# One pass finds every cue. Cues start a word, so the pattern starts with the character before one
# (a space, newline, bracket, quote): a cheap first test for the regex engine, which then tries the
# prefix tree of words only at word starts (~15x faster than at every letter). Victim, naming and
# street words are only needed as present or not, but one pass that also finds them costs less
# than a second pass that looks for nothing else.
_BEFORE = "[ \n(\"'>*_/]"
_CUE = re.compile(_BEFORE + "(" + trie_of_words(_KIND_OF) + ")")
# First a compiled search for every cue but the victim words (only wanted where another cue is: most
# text about violence is full of 'korban', and holds no other cue at all).
_ANY_CUE = WordSearch(b + w for w, kinds in _KIND_OF.items() if kinds != {"victim"} for b in " \n(\"'>*_/")


def cues(low: str) -> dict[str, list[int]]:
    """Offsets of cue words in lower-cased text by kind (relative, child-of, nickname, home), and for
    victim, naming and street words only whether there is one ([0] or [])."""
    out: dict[str, list[int]] = {k: [] for k in (*_CUE_WORDS, *_PRESENT_WORDS)}
    if not _ANY_CUE.any(encoded(low)) and _CUE.match(" " + low[:40]) is None:
        return out  # no cue but victim words: nothing for the finders, which need another cue first
    found = [(m.start(1), m.group(1)) for m in _CUE.finditer(low)]
    head = _CUE.match(" " + low[:40])
    if head is not None:
        found.insert(0, (0, head.group(1)))
    for pos, word in found:
        for kind in _KIND_OF[word]:
            if kind in _PRESENT_WORDS:
                if not out[kind]:
                    out[kind].append(0)
            else:
                out[kind].append(pos)
    return out


def _name_ok(name: str) -> bool:
    first = name.split()[0].strip(".").lower()
    return first not in NOT_NAMES and name.strip(". ").lower() not in PSEUDONYMS


def find_relatives(text: str, low: str, at: dict[str, list[int]]) -> list[Hit]:
    """Relatives named in relation to a victim, family perpetrators named with the relation."""
    matches: dict[int, re.Match[str]] = {}
    for pos in at["relative"]:
        for m in (_RELATIVE.match(text, _owner_start(low, pos)), _RELATIVE_AFTER.search(text, max(0, pos - 80), pos + 60)):
            if m is not None:
                matches.setdefault(m.start("name"), m)
    for pos in at["child-of"]:
        m = _CHILD_OF.match(text, pos)
        if m is not None:
            matches.setdefault(m.start("name"), m)
    hits = []
    for m in matches.values():
        name = m.group("name")
        if not _name_ok(name):
            continue
        sentence = Sentence(text, m.start(), m.end())
        if sentence.title_case or sentence.pseudonym:
            continue
        if not (sentence.victim or re.search(r"(?i)korban|victim|survivor", m.group())):
            continue
        hits.append(Hit("relative-named", m.start(), m.end(),
                        "a victim's relative is named in relation to the victim (naming the family names the child)",
                        name, "name"))
    return hits


def _owner_start(low: str, pos: int) -> int:
    """English possessives come before the relation ('her mother', "the girl's mother"): start there."""
    head = low[max(0, pos - 30):pos]
    m = re.search(r"(?:her|his|their|the\s+[a-z]+['\u2019]s)\s+(?:own\s+)?$", head)
    return pos - len(head) + m.start() if m else pos


def find_child_described(text: str, at: dict[str, list[int]]) -> list[Hit]:
    """A child described by a nickname or initials together with an age, a school or a class."""
    hits = []
    for pos in at["nickname"]:
        lo = max(0, pos - 12)
        m = _NICKNAME.search(text, lo, pos + 80) or _INITIALS.search(text, lo, pos + 60)
        if m is None:
            continue
        name = m.group("name")
        if not _name_ok(name):
            continue
        sentence = Sentence(text, m.start(), m.end())
        body = sentence.body
        if sentence.pseudonym or sentence.title_case:
            continue
        ages = [int(d) for a in AGE.finditer(body) for d in re.findall(r"\d{1,2}", a.group())]
        grader = re.search(r"(?i)grader", body)
        child = bool(CHILD.search(body) or any(a < 18 for a in ages) or grader)
        marker = bool(ages or grader or SCHOOL.search(body))
        if marker and child and (sentence.victim or SCHOOL.search(body) or any(a < 18 for a in ages)):
            hits.append(Hit("child-described", m.start(), m.end(),
                            "a child is described by a nickname or initials together with an age, a school or a class",
                            name, "name"))
    return hits


def find_home_addresses(text: str, at: dict[str, list[int]]) -> list[Hit]:
    """Home addresses outside a 'Jl./Gang' street (housing estates, RT/RW with a village, 'di kawasan ... dekat')."""
    hits, done = [], -1
    for pos in at["home"]:
        if pos < done:
            continue
        m = None
        for pattern in (_HOUSING, _RT_RW, _KAWASAN):
            m = pattern.search(text, max(0, pos - 60), pos + 120)
            if m is not None and m.start() <= pos + 3 and m.end() > pos:
                break
            m = None
        if m is None:
            continue
        done = m.end()
        sentence = Sentence(text, m.start(), m.end())
        if not sentence.victim:
            continue
        if VENUE.search(m.group()) or VENUE.search(sentence.before(m.start())[-40:]):
            continue
        value = re.sub(r"[^a-z0-9]+", "", m.group().lower())
        hits.append(Hit("address", m.start(), m.end(), "a home address appears in a victim context", value, "addr"))
    return hits


def find_indirect(text: str, low: str, at: dict[str, list[int]]) -> list[Hit]:
    """Every indirect identification in prose; `low` is text.lower() and `at` its cues (see cues()).

    Relatives and home addresses need a victim word somewhere in the text before anything is read;
    then each cue is tried with an anchored pattern, and only a match has its sentence judged.
    """
    hits = find_child_described(text, at) if at["nickname"] else []
    if at["victim"]:
        hits += find_relatives(text, low, at) + find_home_addresses(text, at)
    return hits

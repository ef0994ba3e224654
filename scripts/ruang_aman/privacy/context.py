"""Sentences and what they are about: victim context, pseudonyms, staff and officials.

The guard decides context per sentence and the heading above it, never over a window of
characters: a venue next to the word 'penyintas' in another sentence is not a victim's address.
Works on any text (original case or canonical lower case); HTML is first turned into prose by
`prose_of_html`, which keeps block ends as sentence ends and marks headings.
"""

from __future__ import annotations

import re

BLOCK_END = "\x1e"   # end of an HTML block (p, li, td, h1-h6, br): always a sentence end
HEADING = "\x1d"     # start of an HTML heading

_BLOCK_TAG = re.compile(r"<(/?)(p|li|td|th|tr|h[1-6]|br|div|section|article|blockquote|figcaption|dd|dt|title)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")

# A sentence ends at a blank line, a block end, a list item / heading / YAML key starting a line,
# or '.', '!', '?' followed by space (an abbreviation or an initial before the dot does not end it).
_BOUNDARY = re.compile(r"\n[ \t]*\n|\x1e|\x1d|[.!?]+[\"')\]\u201d\u2019]*(?=\s)"
                       r"|\n(?=[ \t]*(?:#|[-*+>|][ \t]|\d+[.)][ \t]|[A-Za-z_][\w-]*:(?:[ \t]|$)))")
ABBREVIATIONS = frozenset("""jl jln gg no kec kel ds dsn dr drs dra ir prof hj h st sdr sdri bpk yth tn ny nn mr mrs ms
    dkk dll dsb tsb spt vs kab prov rt rw blok blk komp perum ps pasal ayat hlm no nomor tel telp hp wa s m a p
    psi sos si kom pd kes ked hum ag ak th thn sh mh mph phd jo etc i ii iii iv v vi vii viii ix x""".split())

VICTIM = re.compile(r"\b(?:korban|penyintas|dicabuli|diperkosa|dianiaya|dilecehkan|disetubuhi|dicabul\w*|"
                    r"pencabulan|persetubuhan|pemerkosaan|perkosaan|pelecehan|kekerasan seksual|disiksa|"
                    r"penganiayaan|rudapaksa|dirudapaksa|victims?|survivors?|abused|raped|assaulted|molested|"
                    r"sexual (?:abuse|assault|violence)|abuse|pelaku|tersangka|perpetrator|suspect)\b", re.I)
PSEUDONYM = re.compile(r"sebut saja|bukan nama (?:asli|sebenarnya)|nama samaran|samaran|disamarkan|"
                       r"nama (?:di)?ubah|pseudonym|not (?:her|his|their) real name|name (?:has been |was )?changed|"
                       r"names? changed|whom we call|we call (?:her|him)", re.I)
PSEUDONYMS = frozenset({"bunga", "mawar", "melati", "anggrek", "kembang", "kenanga", "dahlia", "tulip",
                        "lily", "rose", "jane", "doe", "x", "y", "z", "fulan", "fulanah"})
HONORIFICS = frozenset({"mbak", "mba", "mas", "dik", "adik", "adek", "dek", "kak", "bu", "pak", "nak",
                        "neng", "ning", "ananda", "si", "sang"})
# A staff member or official: a degree after the name, a role or rank before it.
DEGREE = re.compile(r"^\s*,?\s*(?:(?:s|m|d)\.\s?[a-z]{1,5}\.|dr\.|sp\.\s?[a-z]{1,5}|ph\.?\s?d|s\.?h\b|m\.?h\b|"
                    r"s\.?psi\b|m\.?psi\b|s\.?sos\b|m\.?si\b|s\.?pd\b|s\.?kom\b|s\.?ked\b|s\.?ag\b|m\.?a\b|"
                    r"m\.?sc\b|b\.?a\b|amd\b|a\.?md\b|mba\b)", re.I)
ROLE = re.compile(r"\b(?:kepala|ketua|wakil|direktur|direktris|kapolres\w*|kapolsek|kapolda|kanit|kasat\w*|kasi|kabid|"
                  r"kadis|plt|plh|camat|lurah|wali ?kota|walikota|bupati|gubernur|hakim|jaksa|psikolog|konselor|"
                  r"pendamping|paralegal|advokat|pengacara|kuasa hukum|juru bicara|jubir|dokter|dr|drs|ir|prof|"
                  r"akp|akbp|iptu|ipda|kompol|aiptu|bripka|brigadir|briptu|bripda|kombes|staf|petugas|anggota|"
                  r"sekretaris|koordinator|narasumber|pemateri|fasilitator|penulis|editor|peneliti|guru|"
                  r"officer|director|head|chair(?:man|woman|person)?|spokes(?:man|woman|person)|counsell?or|"
                  r"psychologist|lawyer|judge|prosecutor|inspector|sergeant|minister|mayor|author|researcher|"
                  r"coordinator|staff|dp3a\w*|uptd|ppa|polres\w*|lbh|dinas)\b"
                  r"(?:[\s,]+(?:dp3a\w*|uptd|ppa|polres\w*|polsek|lbh|dinas|kota|kabupaten|provinsi|balikpapan|kaltim|"
                  r"reskrim|satreskrim|unit|bidang|seksi|of|the|[a-z]*\d\w*)){0,4}[\s.,:]*$", re.I)


def prose_of_html(markup: str) -> str:
    """Text of HTML with block ends marked and heading starts marked; the newline count is kept."""
    def block(m: re.Match[str]) -> str:
        closing, tag = m.group(1), m.group(2).lower()
        inner = "\n" * m.group().count("\n")
        if tag[0] == "h" and tag != "br" and not closing:
            return HEADING + inner
        return BLOCK_END + inner

    text = _BLOCK_TAG.sub(block, markup)
    return _TAG.sub(lambda m: "\n" * m.group().count("\n") or " ", text)


def _is_end(text: str, m: re.Match[str]) -> bool:
    """A '.'-type boundary ends a sentence unless the word before it is an abbreviation or an initial."""
    if text[m.start()] not in ".!?":
        return True
    if text[m.start()] != ".":
        return True
    lo = m.start()
    word_start = lo
    while word_start > 0 and text[word_start - 1].isalnum():
        word_start -= 1
    word = text[word_start:lo].lower()
    if not word:
        return True
    if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False
    if word_start > 0 and text[word_start - 1] == ".":  # 'S.Psi.', 'A.B.'
        return False
    return True


def sentence_bounds(text: str, start: int, end: int, reach: int = 600) -> tuple[int, int]:
    """[lo, hi) of the sentence holding text[start:end]."""
    lo = max(0, start - reach)
    for m in reversed(list(_BOUNDARY.finditer(text, lo, start))):
        if _is_end(text, m):
            lo = m.end()
            break
    hi = min(len(text), end + reach)
    for m in _BOUNDARY.finditer(text, end, hi):
        if _is_end(text, m):
            hi = m.start()
            break
    return lo, hi


_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*)$", re.M)


def heading_before(text: str, pos: int) -> str:
    """The heading above pos: a Markdown '#' line or an HTML heading (as marked by prose_of_html)."""
    best, best_at = "", -1
    at = text.rfind(HEADING, 0, pos)
    if at >= 0:
        stop = text.find(BLOCK_END, at)
        best, best_at = text[at + 1:stop if stop >= 0 else at + 200], at
    line = text.rfind("\n#", 0, pos)
    while line >= 0:
        m = _MD_HEADING.match(text, line + 1)
        if m and m.start() < pos:
            if line > best_at:
                best = m.group(1)
            break
        line = text.rfind("\n#", 0, line)
    if best_at < 0 and not best and text.startswith("#"):
        m = _MD_HEADING.match(text)
        if m:
            best = m.group(1)
    return best


class Sentence:
    """One sentence around a match, with its heading, and the questions the finders ask of it."""

    __slots__ = ("text", "lo", "hi", "body", "heading")

    def __init__(self, text: str, start: int, end: int):
        self.text = text
        self.lo, self.hi = sentence_bounds(text, start, end)
        self.body = text[self.lo:self.hi]
        self.heading = heading_before(text, self.lo)

    @property
    def victim(self) -> bool:
        """The sentence or its heading is about a victim."""
        return bool(VICTIM.search(self.body) or VICTIM.search(self.heading))

    @property
    def pseudonym(self) -> bool:
        """The sentence says a name is not the real one ('sebut saja', 'nama disamarkan')."""
        return bool(PSEUDONYM.search(self.body))

    @property
    def title_case(self) -> bool:
        """Most words capitalised (a title or heading): capitals there say nothing about names."""
        words = re.findall(r"[^\W\d_]+", self.body)
        if len(words) < 4:
            return False
        return sum(1 for w in words if w[0].isupper()) >= 0.6 * len(words)

    def before(self, pos: int) -> str:
        return self.text[self.lo:pos]

    def after(self, pos: int) -> str:
        return self.text[pos:self.hi]


def staff_around(before: str, after: str) -> bool:
    """A degree right after a name, or a role or rank right before it: a staff member or official."""
    return bool(DEGREE.match(after) or ROLE.search(before[-60:]))


def previous_word(before: str) -> str:
    """The last word before a position, lower case."""
    m = re.search(r"([A-Za-z]+)[\s.,]*$", before)
    return m.group(1).lower() if m else ""


ROLE_AFTER = re.compile(r"^\s*,?\s*(?:the\s+|a\s+|an\s+|selaku\s+|sebagai\s+)?(?:kepala|ketua|direktur|psikolog|"
                        r"konselor|pendamping|kuasa hukum|hakim|jaksa|head|director|chair\w*|spokes\w*|psychologist|"
                        r"counsell?or|lawyer|judge|prosecutor|officer|staff|coordinator|koordinator|kapolres\w*|"
                        r"kasat\w*|kanit|camat|lurah|wali ?kota|minister|mayor)\b", re.I)
_ORIGINAL_WORD = re.compile(r"[^\W\d_]+")


def name_verdict(canon: str, start: int, end: int, kind: str, line_text: str | None, words: list[str]) -> str | None:
    """'error', 'warning' or None for a protected name (or a near form) found at [start, end) of canonical text.

    A full name (or its initial / reversed / masked form) is never silent: a staff member or official
    (degree, role, rank) or further name words around it make it a warning. Two or more words of a
    longer name are an error only in a victim context or after a familiar honorific.
    """
    sentence = Sentence(canon, start, end)
    before, after = sentence.before(start), sentence.after(end)
    staff = staff_around(before, after) or bool(ROLE_AFTER.match(after))
    extra = line_text is not None and _extra_name_words(line_text, words)
    if kind != "partial":
        return "warning" if staff or extra else "error"
    if not (sentence.victim or previous_word(before) in HONORIFICS):
        return None
    if staff:
        return None
    return "warning" if extra else "error"


def _extra_name_words(line: str, words: list[str]) -> bool:
    """In the original line, a capitalised word right before or after the name that is not part of it."""
    from .normalize import name_key

    tokens = [(m.start(), m.end(), m.group(), name_key(m.group())) for m in _ORIGINAL_WORD.finditer(line)]
    keys = [t[3] for t in tokens]
    k = len(words)
    for i in range(len(tokens) - k + 1):
        if keys[i:i + k] == words:
            around = []
            if i > 0 and not line[tokens[i - 1][1]:tokens[i][0]].strip():
                lead = line[:tokens[i - 1][0]].rstrip()
                if lead and lead[-1] not in "\"'\u201c:.!?-(>":  # a capital that starts a sentence says nothing
                    around.append(tokens[i - 1][2])
            if i + k < len(tokens) and not line[tokens[i + k - 1][1]:tokens[i + k][0]].strip():
                around.append(tokens[i + k][2])
            return any(w[0].isupper() and w.lower() not in HONORIFICS and w.lower() not in _NOT_NAME_WORDS
                       and not ROLE.search(w) for w in around)
    return False


_NOT_NAME_WORDS = frozenset("""korban pelaku dia ia yang dan atau di ke dari the and or of in at to a an she he
    ibu bapak pak bu mr mrs ms dr sebut saja""".split())

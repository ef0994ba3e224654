"""Index-time stemming: the root of every word on the site, so the browser needs no dictionary.

Indonesian uses PySastrawi (dictionary-based Nazief-Adriani / ECS). Its dictionary holds a few rare
words that swallow common ones, fixed here; the list is short and each entry says why. A language
without an index-time stemmer ships no roots: the browser's light rules (theme/assets/ra/ra-search.js)
then do all the work, as they do for any word that is not on the site.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import unicodedata
from pathlib import Path
from typing import Callable, Iterable, Iterator

# Rare dictionary words that capture common ones: "menikah" -> meni (a paint), "penculikan" -> culi,
# "mengawini" -> awin, "perasaan" -> asa. Without them Sastrawi reaches nikah, culik, kawin, rasa.
DROP_FROM_DICTIONARY = frozenset({"meni", "culi", "awin", "asa"})
# Roots that begin like an affix: "setubuh" is not se- + tubuh. A word that contains one of these, its
# first letter perhaps taken by a prefix (meny-etubuh-i), keeps it as its root.
WHOLE_ROOTS = ("setubuh",)

WORD_RE = re.compile(r"[a-z0-9]+")
# Words a search ignores, per language code (they travel with the index; a language not listed has none).
# Indonesian includes what readers add when they type as they speak (mau, gimana, yg, gak...).
STOP_WORDS: dict[str, frozenset[str]] = {
    "id": frozenset((
        "ada adalah agar akan aku anda apa apakah atau bagi bahwa banyak begitu belum bila bisa boleh dalam dan dapat "
        "dari dengan di dia ia ini itu jadi jika juga kalau kami kamu karena ke kita lagi lain maka mana masih mereka "
        "oleh pada para saat saja sangat saya se sebagai sedang seperti sudah supaya tak tapi tetapi tidak untuk yaitu "
        "yang nya pun lah kah "
        "mau ingin pengen pingin suka terus banget aja sih dong kok deh nih gimana bagaimana gmn kemana dimana kenapa "
        "mengapa harus yg dgn utk tdk gak nggak ga").split()),
    "en": frozenset((
        "a about an and are as at be but by can do does for from has have how i if in into is it its may me my no "
        "not of on or our so that the their them then there these they this to was we what when where which who will "
        "with you your").split()),
}


def words(text: str) -> list[str]:
    """The words of a text as the browser sees them: lower case, accents dropped, letters and digits."""
    text = unicodedata.normalize("NFKD", text.lower())
    if not text.isascii():  # only non-ASCII text can hold combining marks; one C-speed pass removes them
        text = _combining_marks().sub("", text)
    return WORD_RE.findall(text)


@functools.cache
def _combining_marks() -> re.Pattern:
    """Every combining mark (unicodedata.combining), as one character class."""
    marks = "".join(chr(i) for i in range(0x300, 0x20000) if unicodedata.combining(chr(i)))
    return re.compile("[" + re.escape(marks) + "]")


_SASTRAWI_ROOTS: dict[str, str] = {}
"""word -> root, for every word the Indonesian stemmer has seen in this process (or read from the stem cache)."""


@functools.cache
def _sastrawi() -> Callable[[str], str]:
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
    from Sastrawi.Stemmer.Stemmer import Stemmer
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    dictionary = [w for w in StemmerFactory().get_words() if w and w not in DROP_FROM_DICTIONARY]
    stemmer = Stemmer(ArrayDictionary(dictionary + list(WHOLE_ROOTS)))

    def stem(word: str) -> str:
        root = _SASTRAWI_ROOTS.get(word)
        if root is None:
            root = _SASTRAWI_ROOTS[word] = next((r for r in WHOLE_ROOTS if r[1:] in word), None) or stemmer.stem_word(word) or word
        return root

    return stem


def _sastrawi_identity() -> str:
    """A hash of everything a Sastrawi root depends on: this module and every file of the Sastrawi package
    (its code and its dictionary). Any change to either gives a new identity, so no stale root is ever read."""
    import Sastrawi

    digest = hashlib.sha256(Path(__file__).read_bytes())
    package = Path(Sastrawi.__file__).parent
    for path in sorted(p for p in package.rglob("*") if p.is_file() and p.suffix != ".pyc"):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@contextlib.contextmanager
def stem_cache(folder: Path) -> Iterator[None]:
    """Roots found by earlier builds, read from `folder` (build/cache/) before and written back after the block.

    Stemming every word of the site is a fixed third of a second per build; a root depends only on the word and
    on the stemmer (see _sastrawi_identity), so the cache file is named by that identity and needs no other
    invalidation. A missing or unreadable file is a cold start, never an error."""
    path = folder / f"stems-id-{_sastrawi_identity()}.json"
    try:
        for word, root in json.loads(path.read_text(encoding="utf-8")).items():
            _SASTRAWI_ROOTS.setdefault(word, root)
    except (OSError, ValueError, AttributeError):
        pass
    known = len(_SASTRAWI_ROOTS)
    try:
        yield
    finally:
        if len(_SASTRAWI_ROOTS) != known or not path.exists():
            folder.mkdir(parents=True, exist_ok=True)
            for old in folder.glob("stems-id-*.json"):
                if old != path:
                    old.unlink(missing_ok=True)  # another stemmer's roots: never read again
            temporary = path.with_name(f".{path.name}.{os.getpid()}")
            temporary.write_text(json.dumps(_SASTRAWI_ROOTS, ensure_ascii=False, sort_keys=True), encoding="utf-8")
            os.replace(temporary, path)  # whole or not at all, also when two builds finish together


# The index-time stemmer behind each browser stemmer named in site.yml (a language's `stemmer`): Indonesian
# words get their dictionary roots here; English has none (the browser's light rules do both sides).
INDEX_STEMMERS: dict[str, Callable[[], Callable[[str], str]]] = {"id": _sastrawi}


def stemmer_for(name: str | None) -> Callable[[str], str] | None:
    """The index-time stemmer for a language's `stemmer` (site.yml), or None (no stemmer, or none needed)."""
    factory = INDEX_STEMMERS.get(name or "")
    return factory() if factory else None


def roots(vocabulary: Iterable[str], stem: Callable[[str], str]) -> dict[str, str]:
    """word -> root for every word whose root differs from it (digits and one-letter words stay as they are)."""
    out = {}
    for word in sorted(set(vocabulary)):
        if len(word) > 2 and not word.isdigit():
            root = stem(word)
            if root and root != word:
                out[word] = root
    return out


def pack_roots(mapping: dict[str, str]) -> str:
    """The roots map as a compact string: `root:form,form;...`, each form with its root written as `~`.

    About a third of the size of a JSON object once gzipped; ra-search.js unpacks it.
    """
    by_root: dict[str, list[str]] = {}
    for word, root in mapping.items():
        by_root.setdefault(root, []).append(word)
    return ";".join(root + ":" + ",".join(w.replace(root, "~", 1) for w in sorted(forms))
                    for root, forms in sorted(by_root.items()))

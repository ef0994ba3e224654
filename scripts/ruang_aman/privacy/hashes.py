"""content_src/privacy-hashes.yml: the salt, salted fingerprints of protected names, photo hashes.

The file never holds a name or a photo. A name is stored as a keyed BLAKE2b digest of its
canonical form (see normalize.name_key), a photo as its 64-bit perceptual hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..positions import YamlSyntaxError, load_plain, load_positioned
from .findings import ConfigError, Finding

HEADER = """\
# Privacy guard: salted fingerprints of protected names and perceptual hashes of protected photos.
# Never write a name or a photo here. Add entries with the guard itself:
#   python scripts/check_privacy.py --protect-name -        (type names, one per line, then Ctrl-D)
#   python scripts/check_privacy.py --protect-photo FILE    (only the hash is stored)
# salt: random key for the fingerprints; changing it invalidates every name entry below.
# names: {hash, words, kind, of}: keyed BLAKE2b of one written form of a name (normalised: old spellings and
#   doubled letters folded), its number of words, its kind (full, reversed = surname first, initial = a middle
#   name as its initial, partial = two or more consecutive words of a longer name) and `of`, the first 12
#   hex of the full form's hash, which ties the forms of one name together. Entries without kind were
#   stored before near forms: they match the full name only (type the name again to add the rest).
# photos: {phash, tiles, added}: 64-bit DCT perceptual hash (ImageHash.phash) as hex; tiles: hashes of
#   overlapping windows of the photo and where they lie (side:base64), for cropped or captioned copies.
"""


NAME_KINDS = ("full", "reversed", "initial", "partial")


@dataclass(frozen=True)
class NameHash:
    """One stored form of a protected name: its keyed digest, word count, kind, and its name's id."""

    hash: str
    words: int
    kind: str = ""   # full, reversed, initial, partial; "" = stored before near forms (matched as a full name)
    of: str = ""     # the first 12 hex of the full form's hash: the forms of one name share it


@dataclass(frozen=True)
class PhotoHash:
    phash: str
    added: str = ""
    tiles: str = ""   # photomatch.pack(): window hashes and positions; no pixel


@dataclass
class HashStore:
    """The parsed file; `salt` is bytes, `path` is where it is saved back."""

    path: Path
    salt: bytes
    names: list[NameHash] = field(default_factory=list)
    photos: list[PhotoHash] = field(default_factory=list)

    def keyed(self, purpose: str, text: str, chars: int = 32) -> str:
        """Hex digest of text keyed with the salt; purpose separates uses (name, mask, id)."""
        digest = hashlib.blake2b(text.encode("utf-8"), key=self.salt[:64], digest_size=16,
                                 person=purpose.encode("ascii")[:16])
        return digest.hexdigest()[:chars]

    def name_hash(self, key: str) -> str:
        return self.keyed("ra-name", key)

    def add_name(self, key: str) -> bool:
        """Record every written form of a canonical name the guard looks for (the name, its words run
        together for slugs, surname first, middle names as initials, runs of two or more of its words);
        an entry stored before near forms gets them. False if nothing was added."""
        from .names import KIND_ORDER, name_forms

        of = self.name_hash(key)[:12]
        known = {n.hash: i for i, n in enumerate(self.names)}
        added = False
        for form, kind in name_forms(key).items():
            h = self.name_hash(form)
            entry = NameHash(h, len(form.split()), kind, of)
            if h not in known:
                known[h] = len(self.names)
                self.names.append(entry)
                added = True
            else:  # stored before near forms, or as a weaker form of another name ('ayu lestari' part of a longer one)
                old = self.names[known[h]]
                if not old.kind or KIND_ORDER.index(kind) < KIND_ORDER.index(old.kind):
                    self.names[known[h]] = entry
                    added = True
        return added

    def legacy_names(self) -> list[int]:
        """Indexes of name entries stored before near forms that lack them (names of two words or more)."""
        return [i for i, n in enumerate(self.names) if not n.kind and n.words >= 2]

    def add_photo(self, phash_hex: str, tiles: str = "") -> bool:
        """Record a protected photo's hashes; an entry without tiles gets them; False if nothing changed."""
        for i, p in enumerate(self.photos):
            if p.phash == phash_hex:
                if tiles and not p.tiles:
                    self.photos[i] = PhotoHash(p.phash, p.added, tiles)
                    return True
                return False
        self.photos.append(PhotoHash(phash_hex, dt.date.today().isoformat(), tiles))
        return True

    def save(self) -> None:
        data = {
            "salt": self.salt.hex(),
            "names": [{"hash": n.hash, "words": n.words, **({"kind": n.kind, "of": n.of} if n.kind else {})}
                      for n in self.names],
            "photos": [{"phash": p.phash, **({"tiles": p.tiles} if p.tiles else {}), "added": p.added}
                       for p in self.photos],
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(HEADER + yaml.safe_dump(data, sort_keys=False, default_flow_style=False),
                             encoding="utf-8")


def new_salt() -> bytes:
    return secrets.token_bytes(16)


def load_store(path: Path) -> HashStore:
    """Read the file; a missing file is an empty store with a fresh salt (saved on first add)."""
    if not path.exists():
        return HashStore(path, new_salt())
    try:
        data = load_plain(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, YamlSyntaxError) as exc:
        raise ConfigError(f"{path}: cannot read the privacy hashes file ({exc}); restore it from git.") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping with salt, names and photos; restore it from git.")
    try:
        salt = bytes.fromhex(str(data.get("salt") or ""))
        names = [NameHash(str(e["hash"]), int(e["words"]), str(e.get("kind") or ""), str(e.get("of") or ""))
                 for e in data.get("names") or []]
        if any(n.kind not in ("", *NAME_KINDS) for n in names):
            raise ValueError(f"a name entry's kind is not one of {', '.join(NAME_KINDS)}")
        photos = [PhotoHash(str(e["phash"]), str(e.get("added", "")), str(e.get("tiles") or ""))
                  for e in data.get("photos") or []]
        for p in photos:
            int(p.phash, 16)
            if p.tiles:
                from .photomatch import unpack
                unpack(p.tiles)
    except (ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: malformed entry ({exc}); each name needs hash and words, "
                          f"each photo a hex phash. Restore the file from git.") from None
    if not salt:
        raise ConfigError(f"{path}: the salt is missing; restore the file from git "
                          f"(a new salt would invalidate every stored name).")
    return HashStore(path, salt, names, photos)


def photos_without_windows(store: HashStore, shown: str) -> list[Finding]:
    """A notice for each protected photo stored before the window hashes (it matches resized copies only)."""
    old = [(i, p) for i, p in enumerate(store.photos) if not p.tiles]
    if not old:
        return []
    try:
        doc = load_positioned(store.path.read_text(encoding="utf-8"))
        line = lambda i: doc.find(("photos", i))[0]  # noqa: E731
    except (OSError, UnicodeDecodeError, YamlSyntaxError):
        line = lambda i: 0  # noqa: E731
    return [Finding(shown, line(i) or None, "photo-without-windows",
                    f"photos[{i}] (added {p.added or 'on an unknown date'}) has only its global hash: it matches "
                    f"resized or converted copies, not cropped, captioned, mirrored or turned ones; protect the "
                    f"original again with `python scripts/check_privacy.py --protect-photo FILE`")
            for i, p in old]


def legacy_notice(store: HashStore, shown: str) -> list[Finding]:
    """A notice (never a failure) naming the entries stored before near forms, at the line of the first one."""
    old = store.legacy_names()
    if not old:
        return []
    try:
        line = load_positioned(store.path.read_text(encoding="utf-8")).find(("names", old[0]))[0] or None
    except (OSError, UnicodeDecodeError, YamlSyntaxError):
        line = None
    which = ", ".join(f"names[{i}] ({store.names[i].hash[:8]})" for i in old[:8]) + (", ..." if len(old) > 8 else "")
    return [Finding(shown, line, "name-hash-old",
                    f"{len(old)} protected name(s) were stored before near forms and match only when written in full: "
                    f"{which}. Type each of them again with `python scripts/check_privacy.py --protect-name -`; "
                    f"the guard cannot recover a name from its fingerprint")]

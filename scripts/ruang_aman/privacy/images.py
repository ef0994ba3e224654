"""Looking at one image: its metadata, its perceptual hashes, and whether it shows a face.

Pillow reads EXIF, XMP, IPTC, PNG text and comments; ImageHash computes the DCT perceptual
hash that survives resizing, recompression and format conversion; faces.py finds faces (MTCNN).
Nothing here decides severity or masks text: scan.py does.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import imagehash
from PIL import ExifTags, Image, ImageOps, IptcImagePlugin, UnidentifiedImageError

from .strip import NotJpeg, jpeg_segments

IMAGE_EXTS = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".bmp", ".avif", ".heic", ".heif",
                        ".ico"})
PHASH_DISTANCE = 10  # of 64 bits; unrelated pictures sit near 32, copies below 6 in the tests

_GPS_IFD, _EXIF_IFD, _IFD1 = 0x8825, 0x8769, ExifTags.IFD.IFD1   # Pillow 13 keys IFD1 as -1, not 0x0001
_DEVICE_TAGS = {0xA431: "body serial number", 0xA435: "lens serial number", 0x927C: "maker notes"}
_AUTHOR_TAGS = {0x013B: "Artist", 0x9C9D: "XPAuthor", 0xA430: "camera owner", 0x8298: "Copyright"}
_TEXT_TAGS = (0x010E, 0x9C9B, 0x9C9C, 0x9C9E, 0x9C9F, 0x013C, 0x9286, 0x013B, 0x9C9D, 0xA430, 0x8298)
_XMP_GPS = re.compile(rb"GPSLatitude|GPSLongitude|GPSPosition")
_XMP_DEVICE = re.compile(rb"SerialNumber|LensSerial|InternalSerial")
_XMP_AUTHOR = re.compile(rb"dc:creator|tiff:Artist|xmpRights:Owner|CameraOwnerName|OwnerName|CreatorContactInfo"
                         rb"|photoshop:AuthorsPosition|photoshop:Credit")
_PNG_AUTHOR = re.compile(r"author|artist|owner|creator|copyright", re.I)
_IPTC_AUTHOR = {(2, 80): "by-line", (2, 85): "by-line title", (2, 118): "contact", (2, 122): "writer"}
_XML_TEXT = re.compile(rb">([^<>]{2,})<|=\"([^\"]{2,})\"")


@dataclass
class Picture:
    """What the photo checks need of one picture (the image itself, or its EXIF thumbnail)."""

    phashes: list[int] = field(default_factory=list)
    tiles: object = None     # photomatch.candidate_tiles() array, when protected photos have tiles
    faces: int = 0


@dataclass
class ImageFacts:
    """What one image holds: metadata problems (rule, what), metadata text, the picture, its EXIF thumbnail."""

    sha256: str
    format: str = ""
    size: tuple[int, int] = (0, 0)
    metadata: list[tuple[str, str]] = field(default_factory=list)
    text: str = ""
    picture: Picture = field(default_factory=Picture)
    thumbnail: Picture | None = None
    error: str = ""


def _decode(value: object, tag: int = 0) -> str:
    if isinstance(value, bytes):
        if 0x9C9B <= tag <= 0x9C9F:
            return value.decode("utf-16-le", "replace").rstrip("\x00")
        if tag == 0x9286:  # UserComment: 8-byte charset prefix
            head, body = value[:8], value[8:]
            return body.decode("utf-16" if head.startswith(b"UNICODE") else "latin-1", "replace")
        return value.decode("utf-8", "replace")
    if isinstance(value, (tuple, list)):
        return " ".join(_decode(v) for v in value)
    return str(value)


def _exif(im: Image.Image, facts: ImageFacts, texts: list[str]) -> None:
    exif = im.getexif()
    if not exif:
        return
    gps = exif.get_ifd(_GPS_IFD)
    if gps:
        facts.metadata.append(("image-gps", "EXIF GPS position"))
    sub = exif.get_ifd(_EXIF_IFD)
    for tag, what in _DEVICE_TAGS.items():
        if sub.get(tag):
            facts.metadata.append(("image-device", f"EXIF {what}"))
    for tag, what in _AUTHOR_TAGS.items():
        if _decode(exif.get(tag) or sub.get(tag) or "", tag).strip(" \x00"):
            facts.metadata.append(("image-author", f"EXIF {what}"))
    for tag in _TEXT_TAGS:
        for ifd in (exif, sub):
            if ifd.get(tag):
                texts.append(_decode(ifd[tag], tag))
    if exif.get_ifd(_IFD1).get(0x0201):
        facts.metadata.append(("image-metadata", "an EXIF thumbnail (it can show the uncropped original)"))


def exif_thumbnail(im: Image.Image) -> bytes | None:
    """The JPEG thumbnail held in EXIF IFD1 (offset 0x0201 and length 0x0202 from the TIFF header), if any."""
    ifd1 = im.getexif().get_ifd(_IFD1)
    offset, length = ifd1.get(0x0201), ifd1.get(0x0202)
    raw = im.info.get("exif")
    if not offset or not length or not raw:
        return None
    tiff = raw[6:] if raw.startswith(b"Exif\x00\x00") else raw
    data = tiff[int(offset):int(offset) + int(length)]
    return data if len(data) == int(length) else None


def _xmp(raw: bytes, facts: ImageFacts, texts: list[str]) -> None:
    if _XMP_GPS.search(raw):
        facts.metadata.append(("image-gps", "XMP GPS position"))
    if _XMP_DEVICE.search(raw):
        facts.metadata.append(("image-device", "XMP serial number"))
    if _XMP_AUTHOR.search(raw):
        facts.metadata.append(("image-author", "XMP creator or owner"))
    texts.extend(a.decode("utf-8", "replace") or b.decode("utf-8", "replace")
                 for a, b in _XML_TEXT.findall(raw))


def _containers(data: bytes, im: Image.Image, facts: ImageFacts, texts: list[str]) -> None:
    xmp = im.info.get("xmp") or im.info.get("XML:com.adobe.xmp")
    if facts.format == "TIFF" and hasattr(im, "tag_v2"):
        xmp = xmp or im.tag_v2.get(700)
    if xmp:
        _xmp(xmp.encode("utf-8") if isinstance(xmp, str) else bytes(xmp), facts, texts)
    for key, value in (getattr(im, "text", None) or {}).items():
        if key == "XML:com.adobe.xmp":
            continue
        if _PNG_AUTHOR.search(key) and str(value).strip():
            facts.metadata.append(("image-author", f"PNG text '{key}'"))
        texts.append(f"{key}: {value}")
    if im.info.get("comment"):
        texts.append(_decode(im.info["comment"]))
    if facts.format == "JPEG":
        iptc = IptcImagePlugin.getiptcinfo(im) or {}
        for key, value in iptc.items():
            if key in _IPTC_AUTHOR:
                facts.metadata.append(("image-author", f"IPTC {_IPTC_AUTHOR[key]}"))
            texts.append(_decode(value))
        try:
            _, eoi = jpeg_segments(data)
        except NotJpeg:
            return
        if data[eoi:].strip(b"\x00\xff\r\n"):
            facts.metadata.append(("image-metadata", "data after the picture (embedded pictures or thumbnails)"))


def phash_variants(im: Image.Image) -> list[int]:
    """Perceptual hashes of the picture turned 0/90/180/270 degrees and mirrored."""
    small = im.convert("L")
    small.thumbnail((256, 256))
    out = []
    for flip in (False, True):
        base = ImageOps.mirror(small) if flip else small
        for turn in (0, 90, 180, 270):
            h = imagehash.phash(base.rotate(turn, expand=True) if turn else base)
            out.append(int(str(h), 16))
    return out


def photo_hash(path: Path) -> tuple[str, str]:
    """The stored form of a protected photo: hex perceptual hash of the upright picture, and its window hashes."""
    from .photomatch import pack, stored_tiles

    with Image.open(path) as im:
        upright = ImageOps.exif_transpose(im)
        return f"{phash_variants(upright)[0]:016x}", pack(stored_tiles(upright))


def look(im: Image.Image, faces: bool, tiles: bool) -> Picture:
    """Hashes (global, and windows when protected photos have them) and faces of one upright picture."""
    picture = Picture(phashes=phash_variants(im))
    if tiles:
        from .photomatch import candidate_tiles
        picture.tiles = candidate_tiles(im)
    if faces:
        from .faces import count_faces
        picture.faces = count_faces(im)
    return picture


def inspect(path: Path, faces: bool = True, data: bytes | None = None, sha256: str = "",
            tiles: bool = False) -> ImageFacts:
    """Everything the guard needs to know about one image file (`data`: its bytes, if already read).

    The EXIF thumbnail, when there is one, gets every photo check too: a photo cropped or blurred to
    hide a face can still carry the original there.
    """
    data = path.read_bytes() if data is None else data
    facts = ImageFacts(sha256=sha256 or hashlib.sha256(data).hexdigest())
    texts: list[str] = []
    try:
        with Image.open(io.BytesIO(data)) as im:
            facts.format, facts.size = im.format or "", im.size
            _exif(im, facts, texts)
            _containers(data, im, facts, texts)
            thumb = exif_thumbnail(im)
            im.seek(0)
            upright = ImageOps.exif_transpose(im)
            upright.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        facts.error = _decoder_hint(path, exc)
        return facts
    facts.text = "\n".join(t for t in texts if t)
    facts.picture = look(upright, faces, tiles)
    if thumb:
        try:
            with Image.open(io.BytesIO(thumb)) as small:
                small.load()
                facts.thumbnail = look(small.convert("RGB"), faces, tiles)
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            facts.metadata.append(("image-metadata", "an EXIF thumbnail that cannot be decoded"))
    return facts


# Formats Pillow may lack a decoder for, and what to do about it.
_NO_DECODER = {".heic": "pillow-heif is not installed, so HEIC cannot be read",
               ".heif": "pillow-heif is not installed, so HEIF cannot be read",
               ".avif": "this Pillow has no AVIF decoder"}


def _decoder_hint(path: Path, exc: Exception) -> str:
    reason = _NO_DECODER.get(path.suffix.lower())
    if reason and isinstance(exc, UnidentifiedImageError):
        return f"{reason}; convert it to JPEG or PNG (e.g. `heif-convert` or an image editor) and publish that"
    return exc.__class__.__name__


def near(a: int, b: int) -> bool:
    return bin(a ^ b).count("1") <= PHASH_DISTANCE

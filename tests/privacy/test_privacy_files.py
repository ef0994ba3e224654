"""Nothing skipped in silence: PDFs, archives, fonts, other image formats; the EXIF thumbnail; edited
copies of protected photos (faces: test_faces.py)."""

from __future__ import annotations

import gzip
import io
import struct
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageOps
from skimage import data as samples

from privacy_helpers import write
from ruang_aman.privacy import scan_paths
from ruang_aman.privacy.hashes import load_store
from ruang_aman.privacy.images import exif_thumbnail, photo_hash

NAMES = ["Siti Rahayu"]


def photo(name: str) -> Image.Image:
    return Image.fromarray(getattr(samples, name)()).convert("RGB")


def jpeg(im: Image.Image, **kw) -> bytes:
    buf = io.BytesIO()
    im.convert("RGB").save(buf, "JPEG", **kw)
    return buf.getvalue()


def exif_with_thumbnail(thumb: bytes) -> bytes:
    """A real EXIF block: IFD0 (orientation) linked to IFD1, which holds a JPEG thumbnail (0x0201/0x0202)."""
    ifd0 = struct.pack("<H", 1) + struct.pack("<HHII", 0x0112, 3, 1, 1) + struct.pack("<I", 26)
    offset = 26 + 2 + 3 * 12 + 4
    ifd1 = (struct.pack("<H", 3) + struct.pack("<HHII", 0x0103, 3, 1, 6) + struct.pack("<HHII", 0x0201, 4, 1, offset)
            + struct.pack("<HHII", 0x0202, 4, 1, len(thumb)) + struct.pack("<I", 0))
    return b"Exif\x00\x00" + b"II*\x00" + struct.pack("<I", 8) + ifd0 + ifd1 + thumb


def scan(project: Path, *paths: Path):
    return scan_paths(list(paths), root=project, names=NAMES, jobs=1)


def protect(project: Path, im: Image.Image) -> None:
    """Store a protected photo's hashes in the project's store (the photo itself stays outside)."""
    outside = project.parent / "outside" / "protected.png"
    outside.parent.mkdir(parents=True, exist_ok=True)
    im.save(outside)
    store = load_store(project / "content_src" / "privacy-hashes.yml")
    store.add_photo(*photo_hash(outside))
    store.save()


def rules_by_file(result) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in result.findings:
        out.setdefault(Path(f.path.split("!")[0]).name, set()).add(f.rule)
    return out


def test_exif_ifd1_thumbnail_is_read_and_checked(project: Path) -> None:
    original = photo("chelsea")
    protect(project, original)
    hidden = original.copy()
    hidden.paste((0, 0, 0), (0, 0, hidden.width, hidden.height * 9 // 10))  # all but a strip covered up
    small = original.copy()
    small.thumbnail((160, 120))
    data = jpeg(hidden, exif=exif_with_thumbnail(jpeg(small, quality=80)))
    assert exif_thumbnail(Image.open(io.BytesIO(data))) == jpeg(small, quality=80)  # a real IFD1 thumbnail
    path = write(project / "site" / "media" / "blurred.jpg", data)
    result = scan(project, path)
    messages = [f.message for f in result.findings if f.rule == "protected-photo"]
    assert messages and all("EXIF thumbnail" in m for m in messages)
    assert "image-metadata" in rules_by_file(result)["blurred.jpg"]


def test_face_in_exif_thumbnail(project: Path) -> None:
    face = photo("astronaut")
    face.thumbnail((160, 160))
    path = write(project / "site" / "media" / "kopi.jpg", jpeg(photo("coffee"), exif=exif_with_thumbnail(jpeg(face))))
    assert any(f.rule == "face" and "EXIF thumbnail" in f.message for f in scan(project, path).findings)


EDITS = {
    "crop-left-75": lambda im: im.crop((0, 0, im.width * 3 // 4, im.height)),
    "crop-bottom-corner-75": lambda im: im.crop((im.width // 4, im.height // 4, im.width, im.height)),
    "caption-bar-20": lambda im: ImageOps.pad(im, (im.width, im.height * 5 // 4), color=(0, 0, 0), centering=(0, 0)),
    "border-20": lambda im: ImageOps.expand(im, border=min(im.size) // 10, fill=(255, 255, 255)),
    "mirror": ImageOps.mirror,
    "turn-90": lambda im: im.transpose(Image.Transpose.ROTATE_90),
    "turn-180": lambda im: im.transpose(Image.Transpose.ROTATE_180),
    "grayscale": lambda im: im.convert("L"),
    "quality-15": lambda im: Image.open(io.BytesIO(jpeg(im, quality=15))),
    "quarter": lambda im: im.resize((im.width // 4, im.height // 4)),
}


@pytest.mark.parametrize("edit", EDITS)
def test_edited_copy_of_protected_photo(project: Path, edit: str) -> None:
    protect(project, photo("rocket"))
    path = write(project / "site" / "media" / f"{edit}.jpg", jpeg(EDITS[edit](photo("rocket")), quality=80))
    assert rules_by_file(scan(project, path)).get(f"{edit}.jpg", set()) >= {"protected-photo"}


@pytest.mark.parametrize("other", ["coffee", "chelsea", "astronaut", "page", "coins"])
def test_unrelated_photo_is_not_a_copy(project: Path, other: str) -> None:
    protect(project, photo("rocket"))
    path = write(project / "site" / "media" / f"{other}.jpg", jpeg(photo(other)))
    assert "protected-photo" not in rules_by_file(scan(project, path)).get(f"{other}.jpg", set())


def test_store_holds_no_pixels(project: Path) -> None:
    protect(project, photo("astronaut"))
    stored = (project / "content_src" / "privacy-hashes.yml").read_text()
    tiles = load_store(project / "content_src" / "privacy-hashes.yml").photos[0].tiles
    # 12 bytes per window (a 64-bit hash and its position): a few KB, far less than any thumbnail.
    assert len(tiles) < 16_000 and len(stored) < 20_000
    with pytest.raises(Exception):
        Image.open(io.BytesIO(tiles.encode())).load()


def pdf_bytes(text: str, author: str = "", xmp: str = "", image: Image.Image | None = None) -> bytes:
    from fpdf import FPDF
    from pypdf import PdfReader, PdfWriter

    doc = FPDF()
    doc.add_page()
    doc.set_font("helvetica", size=12)
    doc.multi_cell(0, 8, text)
    if image is not None:
        doc.image(image, x=20, y=60, w=80)
    raw = bytes(doc.output())
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(raw)))
    if author:
        writer.add_metadata({"/Author": author})
    if xmp:
        writer.xmp_metadata = xmp.encode()
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


@pytest.mark.parametrize("case, rule, where", [
    ("text", "protected-name", "page 1"),
    ("author", "protected-name", "metadata"),
    ("xmp", "protected-name", "XMP"),
    ("image-face", "face", "image 1 on page 1"),
])
def test_pdf_is_scanned(project: Path, case: str, rule: str, where: str) -> None:
    kw = {"text": {"text": "Cerita Siti Rahayu."}, "author": {"text": "Panduan.", "author": "Siti Rahayu"},
          "xmp": {"text": "Panduan.", "xmp": '<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>Siti Rahayu'
                                               '</dc:creator></x:xmpmeta>'},
          "image-face": {"text": "Panduan.", "image": photo("astronaut")}}[case]
    path = write(project / "site" / "panduan.pdf", pdf_bytes(**kw))
    found = [f for f in scan(project, path).findings if f.rule == rule]
    assert found and where in found[0].message


def test_clean_pdf_passes(project: Path) -> None:
    path = write(project / "site" / "poster.pdf", pdf_bytes("Hubungi SAPA 129. Kekerasan bukan aib.", author="Ruang Aman"))
    assert scan(project, path).findings == []


def test_zip_members_and_gzip_are_scanned(project: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as bundle:
        bundle.writestr("ruang-aman/index.html", "<p>Siti Rahayu</p>")
        bundle.writestr("ruang-aman/tool.exe", b"MZ\x90\x00binary")
        bundle.writestr("ruang-aman/clean.html", "<p>Hubungi SAPA 129</p>")
    zipped = write(project / "site" / "offline.zip", buf.getvalue())
    gz = write(project / "site" / "sitemap.xml.gz", gzip.compress(b"<url><loc>/cerita-siti-rahayu.html</loc></url>"))
    found = {(f.path, f.rule) for f in scan(project, zipped, gz).findings}
    assert ("site/offline.zip!ruang-aman/index.html", "protected-name") in found
    assert ("site/offline.zip!ruang-aman/tool.exe", "unsupported-file") in found
    assert ("site/sitemap.xml.gz!sitemap.xml", "protected-name") in found
    assert not any("clean.html" in p for p, _ in found)


def test_other_file_types_are_errors_not_skipped(project: Path) -> None:
    docx = write(project / "site" / "laporan.docx", b"PK\x03\x04 not really checked")
    empty = write(project / "site" / ".nojekyll", b"")
    result = scan(project, docx, empty)
    assert [(f.path, f.rule, f.severity) for f in result.findings] == [("site/laporan.docx", "unsupported-file", "error")]


def test_heic_without_decoder_is_refused_with_a_fix(project: Path) -> None:
    path = write(project / "site" / "foto.heic", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64)
    found = [f for f in scan(project, path).findings if f.rule == "image-unreadable"]
    assert found and "HEIC" in found[0].message and "convert" in found[0].message


@pytest.mark.parametrize("fmt", ["BMP", "TIFF"])
def test_bmp_and_tiff_are_read(project: Path, fmt: str) -> None:
    buf = io.BytesIO()
    photo("astronaut").save(buf, fmt)
    path = write(project / "site" / f"foto.{fmt.lower()}", buf.getvalue())
    assert "face" in rules_by_file(scan(project, path))[f"foto.{fmt.lower()}"]
    assert np.asarray(Image.open(path)).shape[0] == 512

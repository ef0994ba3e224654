"""Files that hold other files: PDFs (text, metadata, XMP, embedded images), ZIP bundles, gzip, fonts.

Each is opened and every part goes through the same checks as a file of its kind; what cannot be
opened is an error that says so. Nothing here decides severity or masks text: scan.py does.
"""

from __future__ import annotations

import gzip
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..limits import MAX_IMAGE_BYTES
from .images import IMAGE_EXTS

DOCUMENT_EXTS = frozenset({".pdf"})
ARCHIVE_EXTS = frozenset({".zip", ".gz"})
FONT_EXTS = frozenset({".ttf", ".otf", ".woff", ".woff2"})


@dataclass
class Part:
    """One part of a container: where it is (for the report), its kind, and its bytes or text."""

    where: str                    # e.g. 'page 2', 'metadata', 'XMP', 'image 1 on page 3', 'index.html'
    kind: str                     # text | image | markup | json
    text: str = ""
    data: bytes = b""
    name: str = ""                # member name (archives), for the file-type decision
    size: int = 0                 # uncompressed size when the bytes were not read (an image over the limit)


@dataclass
class Opened:
    """A container's parts, or why it could not be opened."""

    parts: list[Part] = field(default_factory=list)
    error: str = ""


def open_pdf(data: bytes) -> Opened:
    """Text per page, metadata (Author, Title, Subject, Keywords, Creator, Producer), XMP, and embedded images."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    out = Opened()
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return Opened(error="the PDF is encrypted, so its text cannot be read")
        info = reader.metadata or {}
        # Values only, each its own paragraph: a label such as 'Author:' must not read as a role.
        fields = [str(v) for v in info.values() if isinstance(v, str) and v.strip()]
        if fields:
            out.parts.append(Part("metadata", "text", "\n\n".join(fields)))
        root = reader.trailer["/Root"]
        xmp = root.get("/Metadata") if hasattr(root, "get") else None
        if xmp is not None:
            out.parts.append(Part("XMP metadata", "markup", xmp.get_object().get_data().decode("utf-8", "replace")))
        for number, page in enumerate(reader.pages, 1):
            text = page.extract_text() or ""
            if text.strip():
                out.parts.append(Part(f"page {number}", "text", text))
            for index, image in enumerate(page.images, 1):
                out.parts.append(Part(f"image {index} on page {number}", "image", data=image.data, name=image.name))
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        return Opened(error=f"the PDF cannot be read ({exc.__class__.__name__})")
    return out


def open_zip(data: bytes) -> Opened:
    """Every member of a ZIP file, with its bytes."""
    out = Opened()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as bundle:
            for info in bundle.infolist():
                if info.is_dir():
                    continue
                if Path(info.filename).suffix.lower() in IMAGE_EXTS and info.file_size > MAX_IMAGE_BYTES:
                    # Too large to publish whatever it holds: not unpacked (a small ZIP can hold gigabytes).
                    out.parts.append(Part(info.filename, "file", name=info.filename, size=info.file_size))
                    continue
                out.parts.append(Part(info.filename, "file", data=bundle.read(info), name=info.filename))
    except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
        return Opened(error=f"the ZIP file cannot be read ({exc.__class__.__name__})")
    return out


def open_gzip(data: bytes, name: str) -> Opened:
    """The one file inside a .gz (named as the .gz without its suffix)."""
    try:
        inner = gzip.decompress(data)
    except (OSError, EOFError) as exc:
        return Opened(error=f"the gzip file cannot be read ({exc.__class__.__name__})")
    return Opened([Part(Path(name).stem, "file", data=inner, name=Path(name).stem)])


def open_font(data: bytes) -> Opened:
    """The font's name table (family, designer, copyright, description...): all the text a font carries."""
    try:
        from fontTools.ttLib import TTFont

        font = TTFont(io.BytesIO(data), lazy=True)
        names = font["name"].names if "name" in font else []
        text = "\n".join(str(n.toUnicode(errors="replace")) for n in names)
    except ImportError as exc:
        return Opened(error=f"the font cannot be read here ({exc.name} is not installed)")
    except Exception as exc:  # fontTools raises many kinds for a broken font: all mean 'cannot check it'
        return Opened(error=f"the font cannot be read ({exc.__class__.__name__})")
    return Opened([Part("font names", "text", text)])

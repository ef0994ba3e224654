"""--fix: remove metadata from images without touching the picture.

JPEG and WebP are rewritten at the container level (segments and chunks are dropped, the
compressed picture is copied byte for byte: no re-compression). PNG, GIF and TIFF are
re-encoded by Pillow, which is lossless for those formats.

Pillow cannot rewrite a JPEG without decoding and re-encoding it, and piexif only removes EXIF
(not XMP, IPTC, comments or appended pictures), so the JPEG walk is written here: it is short,
and the test suite checks that the picture bytes are unchanged.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

_STANDALONE = {0x01, *range(0xD0, 0xD8)}
_ORIENTATION = 0x0112


@dataclass(frozen=True)
class Segment:
    marker: int
    start: int
    end: int  # for SOS: end of the entropy-coded data that follows


class NotJpeg(ValueError):
    """Bytes that do not walk as a JPEG file."""


def jpeg_segments(data: bytes) -> tuple[list[Segment], int]:
    """The markers of a JPEG up to its end-of-image marker, and the offset just after EOI."""
    if data[:2] != b"\xff\xd8":
        raise NotJpeg("no SOI marker")
    segments = [Segment(0xD8, 0, 2)]
    pos, n = 2, len(data)
    while pos < n:
        if data[pos] != 0xFF:
            raise NotJpeg(f"expected a marker at byte {pos}")
        while pos + 1 < n and data[pos + 1] == 0xFF:
            pos += 1  # fill bytes
        if pos + 1 >= n:
            break
        marker = data[pos + 1]
        if marker == 0xD9:
            segments.append(Segment(marker, pos, pos + 2))
            return segments, pos + 2
        if marker in _STANDALONE:
            segments.append(Segment(marker, pos, pos + 2))
            pos += 2
            continue
        if pos + 4 > n:
            raise NotJpeg("truncated segment header")
        end = pos + 2 + struct.unpack(">H", data[pos + 2:pos + 4])[0]
        if marker == 0xDA:  # scan: entropy-coded data runs to the next real marker
            scan = end
            while True:
                scan = data.find(b"\xff", scan)
                if scan < 0 or scan + 1 >= n:
                    raise NotJpeg("scan data without end")
                nxt = data[scan + 1]
                if nxt == 0x00 or 0xD0 <= nxt <= 0xD7:  # stuffed byte or restart marker
                    scan += 2
                    continue
                if nxt == 0xFF:
                    scan += 1
                    continue
                break
            end = scan
        segments.append(Segment(marker, pos, end))
        pos = end
    raise NotJpeg("no EOI marker")


def _keep(marker: int, payload: bytes) -> bool:
    if marker == 0xFE or 0xE1 <= marker <= 0xEF and marker not in (0xE2, 0xEE):
        return False  # COM, APP1 (EXIF/XMP), APP13 (IPTC) and other application data
    if marker == 0xE2:
        return payload.startswith(b"ICC_PROFILE\x00")  # colour, not identity; MPF goes
    if marker == 0xEE:
        return payload.startswith(b"Adobe")  # needed to decode CMYK/YCCK colours
    if marker == 0xE0:
        return payload.startswith(b"JFIF\x00")  # JFXX (thumbnail extension) goes
    return True


def _jfif_without_thumbnail(segment: bytes) -> bytes:
    payload = segment[4:]
    if len(payload) >= 14 and (payload[12] or payload[13]):
        payload = payload[:12] + b"\x00\x00"
        return b"\xff\xe0" + struct.pack(">H", len(payload) + 2) + payload
    return segment


def _orientation_app1(orientation: int) -> bytes:
    exif = Image.Exif()
    exif[_ORIENTATION] = orientation
    body = exif.tobytes()
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def strip_jpeg(data: bytes) -> bytes:
    """The same JPEG without metadata segments or appended data; orientation kept if not upright."""
    segments, _ = jpeg_segments(data)
    orientation = Image.open(io.BytesIO(data)).getexif().get(_ORIENTATION, 1)
    out = [data[:2]]
    if orientation not in (1, None):
        out.append(_orientation_app1(int(orientation)))
    for seg in segments[1:]:
        chunk = data[seg.start:seg.end]
        if 0xE0 <= seg.marker <= 0xEF or seg.marker == 0xFE:
            if not _keep(seg.marker, chunk[4:]):
                continue
            if seg.marker == 0xE0:
                chunk = _jfif_without_thumbnail(chunk)
        out.append(chunk)
    return b"".join(out)


def strip_webp(data: bytes) -> bytes:
    """The same WebP without EXIF and XMP chunks (picture chunks copied as they are)."""
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise ValueError("not a WebP file")
    pos, chunks = 12, []
    while pos + 8 <= len(data):
        fourcc = data[pos:pos + 4]
        size = struct.unpack("<I", data[pos + 4:pos + 8])[0]
        chunk = data[pos:pos + 8 + size + (size & 1)]
        pos += 8 + size + (size & 1)
        if fourcc in (b"EXIF", b"XMP "):
            continue
        if fourcc == b"VP8X":
            chunk = chunk[:8] + bytes([chunk[8] & ~0x0C]) + chunk[9:]
        chunks.append(chunk)
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _resave(path: Path) -> bytes:
    with Image.open(path) as im:
        fmt = im.format
        buf = io.BytesIO()
        if fmt == "PNG":
            im.load()
            keep = {k: im.info[k] for k in ("icc_profile", "transparency", "gamma", "dpi") if k in im.info}
            im.save(buf, "PNG", **keep)
        elif fmt == "GIF":
            im.info.pop("comment", None)
            im.save(buf, "GIF", save_all=True, loop=im.info.get("loop", 0),
                    duration=im.info.get("duration"), disposal=im.disposal_method if hasattr(im, "disposal_method") else 0)
        elif fmt == "TIFF":
            im.save(buf, "TIFF", save_all=True, compression=im.info.get("compression", "raw"))
        else:
            raise ValueError(f"cannot strip metadata from {fmt} files")
    return buf.getvalue()


def strip_metadata(path: Path) -> None:
    """Rewrite the file without metadata (atomically: a temporary file, then rename)."""
    data = path.read_bytes()
    if data[:2] == b"\xff\xd8":
        new = strip_jpeg(data)
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        new = strip_webp(data)
    else:
        new = _resave(path)
    tmp = path.with_name(path.name + ".privacy-fix")
    tmp.write_bytes(new)
    tmp.replace(path)

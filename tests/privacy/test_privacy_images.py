"""Images: metadata, --fix without re-compression, protected photos by perceptual hash, real faces."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
from PIL import Image, PngImagePlugin
from skimage import data as samples

from privacy_helpers import run_guard, run_json, write
from ruang_aman.privacy.strip import jpeg_segments, strip_jpeg


def photo(name: str) -> Image.Image:
    """A real photograph from scikit-image's bundled sample data."""
    return Image.fromarray(getattr(samples, name)())


def jpeg_with_metadata(path: Path, gps=True, serial=True, artist=True, xmp=b"", thumbnail=False) -> Path:
    im = photo("coffee")
    exif = Image.Exif()
    if artist:
        exif[0x013B] = "Fotografer Lapangan"
    if gps:
        exif.get_ifd(0x8825).update({1: "S", 2: (1.0, 15.0, 0.0), 3: "E", 4: (116.0, 50.0, 0.0)})
    if serial:
        exif.get_ifd(0x8769)[0xA431] = "SN-0042-7781"
    exif[0x0112] = 6  # rotated: the fix must keep orientation
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=85, exif=exif, xmp=xmp or None, comment=b"kegiatan")
    raw = buf.getvalue()
    if thumbnail:
        raw += b"\xff\xd8" + b"\x00" * 64 + b"\xff\xd9"  # a picture appended after EOI (MPF style)
    return write(path, raw)


def register(root: Path, *entries: str) -> None:
    write(root / "content_src" / "media.yml", "images:\n" + "".join(entries))


def rules_for(findings: list[dict], suffix: str) -> set[str]:
    return {f["rule"] for f in findings if f["path"].endswith(suffix)}


def test_gps_serial_author_and_name_in_metadata(project: Path, names_file: Path) -> None:
    jpeg_with_metadata(project / "content_src" / "media" / "a.jpg", xmp=b'<x:xmpmeta dc:creator="Siti Rahayu"/>',
                       thumbnail=True)
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Tim Lapangan")
    info.add_text("Comment", "korban: Wulan")
    photo("rocket").save(project / "content_src" / "media" / "b.png", pnginfo=info)
    register(project, "  - {path: media/a.jpg, kind: illustration, source: tim}\n",
             "  - {path: media/b.png, kind: illustration, source: tim}\n")
    code, out = run_json(project, "content_src", "--names", str(names_file))
    assert code == 1
    assert rules_for(out["findings"], "a.jpg") == {"image-gps", "image-device", "image-author", "image-metadata",
                                                    "protected-name"}
    assert rules_for(out["findings"], "b.png") == {"image-author", "protected-name"}


def test_fix_strips_metadata_without_recompressing(project: Path, names_file: Path) -> None:
    path = jpeg_with_metadata(project / "content_src" / "media" / "a.jpg", xmp=b'<x dc:creator="Siti Rahayu"/>',
                              thumbnail=True)
    register(project, "  - {path: media/a.jpg, kind: illustration, source: tim}\n")
    before = path.read_bytes()
    segs, _ = jpeg_segments(before)
    scan_before = [before[s.start:s.end] for s in segs if s.marker in (0xDA, 0xC0, 0xC4, 0xDB)]
    proc = run_guard(project, "content_src", "--names", str(names_file), "--fix")
    assert proc.returncode == 0, proc.stdout
    after = path.read_bytes()
    segs_after, eoi = jpeg_segments(after)
    assert [after[s.start:s.end] for s in segs_after if s.marker in (0xDA, 0xC0, 0xC4, 0xDB)] == scan_before
    assert eoi == len(after)
    assert np.array_equal(np.asarray(Image.open(io.BytesIO(before))), np.asarray(Image.open(path)))
    fixed = Image.open(path)
    assert dict(fixed.getexif()) == {0x0112: 6} and "xmp" not in fixed.info and "comment" not in fixed.info
    assert "metadata stripped from 1 image" in proc.stdout


def test_strip_is_idempotent_and_png_fix(project: Path) -> None:
    buf = io.BytesIO()
    photo("coffee").save(buf, "JPEG")
    assert strip_jpeg(strip_jpeg(buf.getvalue())) == strip_jpeg(buf.getvalue())
    info = PngImagePlugin.PngInfo()
    info.add_text("Artist", "Seseorang")
    png = project / "content_src" / "media" / "c.png"
    png.parent.mkdir(parents=True)
    photo("rocket").save(png, pnginfo=info)
    pixels = np.asarray(Image.open(png))
    register(project, "  - {path: media/c.png, kind: illustration, source: tim}\n")
    assert run_guard(project, "content_src", "--fix").returncode == 0
    assert np.array_equal(np.asarray(Image.open(png)), pixels) and not Image.open(png).text


def test_protected_photo_copies_are_caught(project: Path, tmp_path: Path) -> None:
    original = tmp_path / "outside" / "case-photo.jpg"
    original.parent.mkdir(parents=True)
    photo("chelsea").save(original, quality=95)
    proc = run_guard(project, "--protect-photo", str(original))
    assert proc.returncode == 0, proc.stderr
    stored = (project / "content_src" / "privacy-hashes.yml").read_text()
    assert "phash:" in stored and "case-photo" not in stored
    media = project / "content_src" / "media"
    media.mkdir()
    src = photo("chelsea")
    src.resize((src.width // 3, src.height // 3)).save(media / "small.jpg", quality=60)
    src.save(media / "converted.png")
    src.convert("L").save(media / "grey.webp", quality=40)
    src.transpose(Image.Transpose.ROTATE_90).save(media / "turned.jpg", quality=70)
    photo("rocket").save(media / "other.jpg")
    entries = [f"  - {{path: media/{n}, kind: illustration, source: x}}\n"
               for n in ("small.jpg", "converted.png", "grey.webp", "turned.jpg", "other.jpg")]
    register(project, *entries)
    code, out = run_json(project, "content_src")
    caught = {Path(f["path"]).name for f in out["findings"] if f["rule"] == "protected-photo"}
    assert caught == {"small.jpg", "converted.png", "grey.webp", "turned.jpg"}


def test_real_face_needs_consented_photo_entry(project: Path) -> None:
    media = project / "content_src" / "media"
    media.mkdir()
    photo("astronaut").save(media / "kegiatan.jpg")
    register(project, "  - {path: media/kegiatan.jpg, kind: illustration, source: tim}\n")
    code, out = run_json(project, "content_src")
    assert code == 1 and rules_for(out["findings"], "kegiatan.jpg") == {"face"}

    register(project, "  - {path: media/kegiatan.jpg, kind: photo, source: tim}\n")
    code, out = run_json(project, "content_src")
    assert {f["rule"] for f in out["findings"]} == {"face", "register-entry"}
    entry = next(f for f in out["findings"] if f["rule"] == "register-entry")
    assert entry["path"] == "content_src/media.yml" and entry["line"] == 2 and "consent" in entry["message"]

    register(project, "  - {path: media/kegiatan.jpg, kind: photo, source: tim, consent: PERSETUJUAN/2026/014}\n")
    assert run_json(project, "content_src") == (0, run_json(project, "content_src")[1])
    assert run_json(project, "content_src")[1]["findings"] == []


def test_photos_without_faces_pass_face_check(project: Path) -> None:
    media = project / "content_src" / "media"
    media.mkdir()
    for name in ("coffee", "rocket", "page"):  # not "camera": the cameraman is a person (seen from the side)
        photo(name).save(media / f"{name}.png")
    register(project, *[f"  - {{path: media/{n}.png, kind: illustration, source: x}}\n"
                        for n in ("coffee", "rocket", "page")])
    assert run_json(project, "content_src") == (0, run_json(project, "content_src")[1])


def test_unregistered_and_build_rendered_images(project: Path) -> None:
    media = project / "content_src" / "media"
    media.mkdir()
    photo("coffee").save(media / "lupa.png")
    theme_img = project / "theme" / "assets" / "logo.png"
    theme_img.parent.mkdir(parents=True)
    photo("rocket").resize((64, 64)).save(theme_img)
    site = project / "site"
    write(site / "assets" / "logo.png", theme_img.read_bytes())
    write(site / "posters" / "manifest.json",
          json.dumps({"posters": [{"file": "posters/lapor-id-a4.png", "slug": "lapor", "lang": "id"}]}))
    Image.new("RGB", (200, 300), "white").save(site / "posters" / "lapor-id-a4.png")
    Image.new("RGB", (20, 30), "white").save(site / "posters" / "lapor-id-thumb.png")  # rendition, same prefix
    Image.new("RGB", (20, 30), "white").save(site / "posters" / "lain-id-thumb.png")
    Image.new("RGB", (20, 20), "blue").save(site / "stray.png")
    code, out = run_json(project)
    unregistered = {f["path"] for f in out["findings"] if f["rule"] == "unregistered-image"}
    assert unregistered == {"content_src/media/lupa.png", "site/stray.png", "site/posters/lain-id-thumb.png"}


def test_register_problems_and_unreadable_register(project: Path) -> None:
    register(project, "  - {path: media/nope.png, kind: drawing, source: x, extra: 1}\n")
    code, out = run_json(project, "content_src")
    msgs = sorted((f["rule"], f["line"]) for f in out["findings"])
    assert ("register-entry", 2) in msgs and ("register-missing-file", 2) in msgs
    write(project / "content_src" / "media.yml", "images: [\n")
    proc = run_guard(project, "content_src")
    assert proc.returncode == 2 and "content_src/media.yml:" in proc.stderr and "not valid YAML" in proc.stderr


def test_unreadable_image_is_an_error(project: Path) -> None:
    write(project / "content_src" / "media" / "rusak.jpg", b"\xff\xd8not really a jpeg")
    code, out = run_json(project, "content_src")
    assert code == 1 and "image-unreadable" in {f["rule"] for f in out["findings"]}


def test_png_and_webp_gps_found_and_webp_fix_keeps_picture_bytes(project: Path) -> None:
    media = project / "content_src" / "media"
    media.mkdir()
    exif = Image.Exif()
    exif[0x013B] = "Tim"
    exif.get_ifd(0x8825).update({1: "S", 2: (1.0, 15.0, 0.0), 3: "E", 4: (116.0, 50.0, 0.0)})
    photo("rocket").save(media / "peta.png", exif=exif)
    photo("rocket").save(media / "peta.webp", exif=exif, quality=80)
    register(project, "  - {path: media/peta.png, kind: illustration, source: x}\n",
             "  - {path: media/peta.webp, kind: illustration, source: x}\n")
    code, out = run_json(project, "content_src")
    assert rules_for(out["findings"], "peta.png") == rules_for(out["findings"], "peta.webp") == {"image-gps", "image-author"}
    before = (media / "peta.webp").read_bytes()
    assert run_guard(project, "content_src", "--fix").returncode == 0
    after = (media / "peta.webp").read_bytes()
    vp8 = before.index(b"VP8 ")
    assert before[vp8:vp8 + 8 + int.from_bytes(before[vp8 + 4:vp8 + 8], "little")] in after  # same picture chunk
    assert not Image.open(media / "peta.webp").getexif()


def test_a_400_megapixel_image_gets_its_own_message_not_decoded_and_not_the_privacy_hint(project: Path) -> None:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    # A PNG header claiming 20000 x 20000 pixels: opening costs nothing, decoding would cost gigabytes.
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 20_000, 20_000, 1, 0, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""))
    write(project / "content_src" / "media" / "besar.png", png)
    code, out = run_json(project, "content_src")
    found = [f for f in out["findings"] if f["path"].endswith("besar.png")]
    assert code == 1 and [f["rule"] for f in found] == ["image-too-large"]
    assert "400 megapixels" in found[0]["message"] and "at most 40 megapixels" in found[0]["message"]

"""Images inside ZIP and PDF files get the checks of a loose image: the media register (by identical
bytes), the size limits (read from the header, never decoded), consent, faces; each finding names the
archive and the member (`site/x.zip!foto.jpg`) or the PDF's image (`image 1 on page 1`)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from PIL import Image
from skimage import data as samples

from privacy_helpers import write
from ruang_aman.privacy import scan_paths
from test_privacy_files import pdf_bytes


def png(im: Image.Image) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def zipped(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as bundle:
        for name, data in members.items():
            bundle.writestr(name, data)
    return buf.getvalue()


def astronaut() -> Image.Image:
    return Image.fromarray(samples.astronaut())


def drawing() -> Image.Image:
    return Image.fromarray(samples.logo()).convert("RGB")


def found(project: Path, *paths: Path) -> set[tuple[str, str]]:
    return {(f.path, f.rule) for f in scan_paths(list(paths), root=project, jobs=1).findings}


def register(project: Path, entries: dict[str, tuple[bytes, str]]) -> None:
    """Files under content_src/media/ and their media.yml entries: name -> (bytes, 'illustration' | 'photo')."""
    lines = ["images:"]
    for name, (data, kind) in entries.items():
        write(project / "content_src" / "media" / name, data)
        lines += [f"  - path: media/{name}", f"    kind: {kind}", "    source: Tim Ruang Aman"]
        if kind == "photo":
            lines.append('    consent: "PERSETUJUAN/2026/001"')
    write(project / "content_src" / "media.yml", "\n".join(lines) + "\n")


def test_unregistered_image_in_a_zip_is_named_by_archive_and_member(project: Path) -> None:
    bundle = write(project / "site" / "kit" / "social.zip", zipped({"kartu/gambar.png": png(drawing())}))
    assert ("site/kit/social.zip!kartu/gambar.png", "unregistered-image") in found(project, bundle)


def test_registered_image_in_a_zip_is_known_by_its_bytes(project: Path) -> None:
    data = png(drawing())
    register(project, {"gambar.png": (data, "illustration")})
    bundle = write(project / "site" / "offline.zip", zipped({"ruang-aman/media/gambar.png": data}))
    assert found(project, bundle) == set()


def test_consented_photo_in_a_zip_raises_no_face_but_a_stranger_does(project: Path) -> None:
    consented = png(astronaut())
    stranger = png(astronaut().resize((400, 400)))
    register(project, {"kader.png": (consented, "photo")})
    bundle = write(project / "site" / "offline.zip", zipped({"a/kader.png": consented, "a/orang.png": stranger}))
    result = found(project, bundle)
    assert ("site/offline.zip!a/orang.png", "face") in result
    assert ("site/offline.zip!a/orang.png", "unregistered-image") in result
    assert not any(path == "site/offline.zip!a/kader.png" for path, _ in result)


def test_build_images_in_a_zip_are_known(project: Path) -> None:
    card = png(drawing())
    write(project / "site" / "posters" / "bukan-aib-id-square.png", card)
    write(project / "site" / "posters" / "manifest.json",
          json.dumps({"posters": [{"slug": "bukan-aib", "lang": "id", "file": "posters/bukan-aib-id-a4.png"}]}))
    bundle = write(project / "site" / "kit" / "social-id.zip", zipped({"bukan-aib-id-square.png": card}))
    assert found(project, bundle) == set()


def test_too_large_image_in_a_zip_is_refused_from_its_header(project: Path) -> None:
    big = png(Image.new("L", (8000, 6000), 200))      # 48 megapixels, a few KB compressed
    bundle = write(project / "site" / "offline.zip", zipped({"besar.png": big}))
    result = scan_paths([bundle], root=project, jobs=1).findings
    assert [(f.path, f.rule) for f in result] == [("site/offline.zip!besar.png", "image-too-large")]
    assert "48 megapixels" in result[0].message


def test_unregistered_image_in_a_pdf_is_named_by_its_page(project: Path) -> None:
    pdf = write(project / "site" / "panduan.pdf", pdf_bytes("Panduan.", image=drawing()))
    result = [f for f in scan_paths([pdf], root=project, jobs=1).findings if f.rule == "unregistered-image"]
    assert [f.path for f in result] == ["site/panduan.pdf"]
    assert "image 1 on page 1" in result[0].message


def test_image_of_a_built_pdf_is_the_builds_own(project: Path) -> None:
    pdf = write(project / "site" / "posters" / "bukan-aib-id-a4.pdf", pdf_bytes("Hubungi SAPA 129.", image=drawing()))
    write(project / "site" / "posters" / "manifest.json",
          json.dumps({"posters": [{"slug": "bukan-aib", "lang": "id", "file": "posters/bukan-aib-id-a4.pdf"}]}))
    assert found(project, pdf) == set()


def test_too_large_image_in_a_pdf_is_refused(project: Path) -> None:
    pdf = write(project / "site" / "peta.pdf", pdf_bytes("Peta.", image=Image.new("L", (7000, 6000), 200)))
    result = [f for f in scan_paths([pdf], root=project, jobs=1).findings if f.rule == "image-too-large"]
    assert [f.path for f in result] == ["site/peta.pdf"]
    assert "image 1 on page 1" in result[0].message and "42 megapixels" in result[0].message


def test_image_member_over_the_byte_limit_is_refused_without_unpacking(project: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("foto/besar.jpg", b"\x00" * (11 * 1024 * 1024))   # 11 MB, about 11 KB packed
    archive = write(project / "site" / "offline.zip", buf.getvalue())
    result = scan_paths([archive], root=project, jobs=1).findings
    # Not 'image-unreadable': the member is judged by its size alone, never unpacked or decoded.
    assert [(f.path, f.rule) for f in result] == [("site/offline.zip!foto/besar.jpg", "image-too-large")]
    assert "11.0 MB" in result[0].message

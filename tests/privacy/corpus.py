"""The privacy guard's corpus: leaks written the way local news and social posts write, and clean traps.

Every name, school, address and number here is invented. `make bench-privacy` reads this corpus for
recall and false alarms; tests/privacy/test_privacy_corpus.py runs one test per case.
A case's `files` maps a path under the project root to its content (text, or bytes made by a builder).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

# The protected names (a names file kept outside the repository in real use).
NAMES = ["Sri Wahyuni Utami", "Achmad Djunaedi", "Siti Rahayu", "Ni Made Ayu Lestari", "Soeharti Tjahjani",
         "Ellya Safitri", "Tri Surjani"]


@dataclass(frozen=True)
class Case:
    """One corpus case: files to write, and for a leak the rule that must fire (as an error)."""

    id: str
    group: str
    files: dict[str, str | Callable[[], bytes]] = field(default_factory=dict)
    rule: str = ""              # leaks: the rule expected (error severity)
    warn_ok: bool = False        # traps: a warning is the right answer (a full name next to a degree)


def page(text: str) -> dict[str, str]:
    return {"content_src/pages/berita.md": text}


def yml(text: str) -> dict[str, str]:
    return {"content_src/stories.yml": text}


def html(text: str) -> dict[str, str]:
    return {"site/berita.html": f"<!doctype html><html><body><main>{text}</main></body></html>\n"}


LEAKS: list[Case] = [
    # --- 1. indirect identification: relatives -------------------------------------------
    Case("rel-parents-pasangan", "relatives", page(
        "## Bocah Korban Pencabulan di Balikpapan Utara\n\nSiswi berusia 12 tahun itu merupakan anak dari "
        "pasangan Hendra Gunawan dan Maya Sari, warga Balikpapan Utara.\n"), "relative-named"),
    Case("rel-orang-tua", "relatives", page(
        "Orang tua korban, Rudi Hartanto, melaporkan kejadian itu ke Polresta Balikpapan pada Senin.\n"),
        "relative-named"),
    Case("rel-paman", "relatives", page("Paman korban, Slamet Riyadi (52), mengaku terkejut mendengar kabar itu.\n"),
         "relative-named"),
    Case("rel-ayah-tiri", "relatives", page(
        "Ayah tiri korban, Bambang Sutejo (45), ditangkap polisi di rumahnya di Balikpapan Barat.\n"),
        "relative-named"),
    Case("rel-ayah-kandung", "relatives", page(
        "# Siswi SMP Dicabuli\n\nPelaku adalah ayah kandungnya sendiri, Darto (41), yang bekerja sebagai buruh.\n"),
        "relative-named"),
    Case("rel-nenek", "relatives", page(
        "Korban kini tinggal bersama neneknya, Sumarni, di Balikpapan Barat.\n"), "relative-named"),
    Case("rel-putri-dari", "relatives", page(
        "Korban merupakan putri dari Bapak Hasan Basri, seorang pedagang di Pasar Klandasan.\n"), "relative-named"),
    Case("rel-tersangka-paman", "relatives", page("Tersangka, Joni Iskandar (39), adalah paman korban.\n"),
         "relative-named"),
    Case("rel-yaml", "relatives", yml(
        "stories:\n  - text: >\n      Ibu korban, Wartini, meminta polisi menghukum pelaku seberat-beratnya.\n"),
        "relative-named"),
    Case("rel-en-mother", "relatives", page(
        "# Teen abused by neighbour\n\nThe girl's mother, Linda Hartono, told reporters she found out in March.\n"),
        "relative-named"),
    Case("rel-en-stepfather", "relatives", page(
        "# Girl, 11, raped at home\n\nHer stepfather, Robert Tanoto, 45, was arrested on Friday, police said.\n"),
        "relative-named"),
    Case("rel-en-uncle-after", "relatives", page(
        "Police named the suspect as Kevin Mulyadi, 38, the victim's uncle.\n"), "relative-named"),
    Case("rel-en-daughter-of", "relatives", html(
        "<h2>Child abuse case in Klandasan</h2><p>She is the daughter of Agus Wibowo, who runs a shop in "
        "Klandasan.</p>"), "relative-named"),
    # --- 1. nicknames and initials with age, school, class -------------------------------
    Case("child-disapa-kelas", "child described", page(
        "Siswi kelas 7 SMPN 12 Balikpapan yang akrab disapa Nita itu dicabuli tetangganya.\n"), "child-described"),
    Case("child-inisial-usia", "child described", page(
        "Korban berinisial AR yang masih berusia 9 tahun itu kini didampingi UPTD PPA.\n"), "child-described"),
    Case("child-dipanggil-umur", "child described", page(
        "Bocah yang biasa dipanggil Ucok (8) itu dianiaya ayah tirinya.\n"), "child-described"),
    Case("child-en-initials-grader", "child described", page(
        "The victim, identified by her initials K.L., a seventh-grader at a state junior high school in "
        "Balikpapan, told her teacher.\n"), "child-described"),
    Case("child-en-known-as", "child described", page(
        "A 14-year-old girl known as Mimi at her school in Sepinggan was assaulted by a relative.\n"),
        "child-described"),
    Case("child-initials-mts", "child described", page(
        "Korban, RA (13), siswi MTs di Balikpapan Timur, melapor bersama gurunya.\n"), "child-initials"),
    Case("child-santriwati", "child described", html(
        "<p>Santriwati berinisial SN (15) di sebuah pesantren di Balikpapan Utara menjadi korban pencabulan.</p>"),
        "child-described"),
    Case("child-csv", "child described", {"content_src/data/kasus.csv":
        "tanggal,keterangan\n2026-03-01,\"Korban berinisial DN, usia 11 tahun, siswi kelas 5 SDN 004\"\n"},
        "child-described"),
    # --- 1. home addresses outside a street ------------------------------------------------
    Case("addr-perumahan", "home address", page(
        "Korban tinggal di Perumahan Griya Permata Blok C No. 12, Balikpapan Selatan.\n"), "address"),
    Case("addr-perum-btn", "home address", page(
        "Rumah korban di Perum BTN Damai Blok F2 No. 7 kini dijaga polisi.\n"), "address"),
    Case("addr-rt-rw", "home address", page(
        "Korban tinggal di RT 05 RW 02 Kelurahan Gunung Samarinda bersama neneknya.\n"), "address"),
    Case("addr-kawasan", "home address", page(
        "Korban tinggal di kawasan Gunung Bahagia, dekat masjid Al-Ikhlas.\n"), "address"),
    Case("addr-en-housing", "home address", page(
        "The survivor lives in the Griya Asri housing complex, Block D No. 4.\n"), "address"),
    Case("addr-komplek-yaml", "home address", yml(
        "stories:\n  - text: Penyintas tinggal di Komplek Pertamina Blok B No. 3 bersama ibunya.\n"), "address"),
    Case("addr-kel-rt", "home address", page(
        "Keluarga korban tinggal di Kelurahan Damai, RT 14, tak jauh dari pasar.\n"), "address"),
    # --- 2. near matches of protected names ------------------------------------------------
    Case("near-partial-victim", "near names", page(
        "Korban, Wahyuni Utami, kini sudah kembali bersekolah.\n"), "protected-name"),
    Case("near-partial-honorific", "near names", page(
        "Mbak Ayu Lestari masih trauma dan belum mau keluar rumah.\n"), "protected-name"),
    Case("near-middle-initial", "near names", page(
        "Sri W. Utami menceritakan kejadian itu kepada gurunya.\n"), "protected-name"),
    Case("near-surname-first", "near names", page(
        "Utami, Sri Wahyuni menulis surat kepada hakim.\n"), "protected-name"),
    Case("near-stars", "near names", page("S*ti Rah*yu dilecehkan oleh tetangganya.\n"), "protected-name"),
    Case("near-dots", "near names", page("Unggahan itu menyebut S.ti Rah.yu sebagai korban.\n"), "protected-name"),
    Case("near-hyphen-break", "near names", page(
        "Guru melihat Sri Wahyuni Uta-\nmi menangis di kelas.\n"), "protected-name"),
    Case("near-kh-dj", "near names", page("Akhmad Junaedi bercerita kepada pendamping.\n"), "protected-name"),
    Case("near-oe-tj", "near names", page("Suharti Cahyani datang ke kantor polisi.\n"), "protected-name"),
    Case("near-doubled", "near names", page("Elya Saffitri mengunggah ceritanya.\n"), "protected-name"),
    Case("near-j-y", "near names", page("Tri Suryani tidak mau bersekolah lagi.\n"), "protected-name"),
    Case("near-h-ch", "near names", page("Ahmad Djunaidi? Tidak: Ahmad Junaedi menulis kepada kami.\n"),
         "protected-name"),
    # --- names in every format ---------------------------------------------------------------
    Case("name-yaml", "names in formats", yml("quotes:\n  - text: \"Kata Siti Rahayu, ia takut pulang.\"\n"),
         "protected-name"),
    Case("name-html-alt", "names in formats", html('<img alt="Siti Rahayu di rumah" src="a.png">'),
         "protected-name"),
    Case("name-csv", "names in formats", {"content_src/data/daftar.csv": "tanggal,nama\n2026-03-01,Siti Rahayu\n"},
         "protected-name"),
    Case("name-file-name", "names in formats", {"content_src/pages/cerita-siti-rahayu-2026.md": "Halaman.\n"},
         "protected-name"),
    Case("name-json", "names in formats", {"site/search.json": '{"docs": [{"text": "Ni Made Ayu Lestari"}]}\n'},
         "protected-name"),
]

TRAPS: list[Case] = [
    Case("isbn-978-623", "numbers", page("Buku panduan (ISBN 978-623-7654-32-1) membahas korban kekerasan.\n")),
    Case("isbn-978-602", "numbers", page("ISBN 978-602-1234-56-7, cetakan kedua.\n")),
    Case("rupiah", "numbers", page("Anggaran perlindungan korban tahun ini Rp 62.813.472.500.\n")),
    Case("rupiah-glued", "numbers", page("Dana layanan Rp62.813.472.500,00 untuk pendampingan korban.\n")),
    Case("bank-account", "numbers", page(
        "Donasi untuk pendampingan korban: rekening BNI 0812345678 a.n. Yayasan Ruang Aman.\n")),
    Case("bank-account-2", "numbers", page("No. rekening BRI 0123-01-012345-50-3 (Yayasan Ruang Aman).\n")),
    Case("doi", "numbers", page("Lihat https://doi.org/10.1016/j.chiabu.2019.104123 tentang korban anak.\n")),
    Case("acronym-counts", "numbers", page("Kasus yang ditangani: KBGO (12), TPPO (3), KDRT (41), TPKS (9).\n")),
    Case("acronym-counts-yaml", "numbers", yml("rows:\n  - label: KBGO (12)\n  - label: TPPO (3)\n")),
    Case("law-id", "law text", page(
        "Pasal 19: Identitas Anak, Anak Korban, dan/atau Anak Saksi wajib dirahasiakan dalam pemberitaan di media "
        "cetak ataupun elektronik. Identitas sebagaimana dimaksud meliputi nama Anak, nama Anak Korban, nama Anak "
        "Saksi, nama orang tua, alamat, wajah, dan hal lain yang dapat mengungkapkan jati diri Anak Korban.\n")),
    Case("law-en", "law text", page(
        "The identity of a child victim, including the name of the child, the names of the parents, the address "
        "and the face, must be kept confidential (Law 11/2012, art. 19).\n")),
    Case("staff-degree-partial", "staff", page(
        "Korban didampingi psikolog Sri Wahyuni, S.Psi., dari UPTD PPA Balikpapan.\n")),
    Case("staff-honorific-degree", "staff", page("Bu Ayu Lestari, S.H., kuasa hukum korban, hadir di sidang.\n")),
    Case("official-role", "staff", page(
        "Kepala DP3AKB Balikpapan, Ahmad Junaedi Saputra, membuka pelatihan pendamping korban.\n"), warn_ok=True),
    Case("official-en", "staff", page(
        "Mrs Wahyuni Utami, head of the UPTD PPA, said victims can call 129 any time.\n")),
    Case("venue-hotel", "venues", page(
        "Pelatihan pendamping penyintas digelar di Hotel Grand Tjokro, Jl. Jend. Sudirman No. 8.\n")),
    Case("venue-yaml", "venues", yml(
        "events:\n  - title: Pertemuan penyintas\n    venue: Aula Balai Kota, Jl. Jend. Sudirman No. 1\n")),
    Case("venue-universitas", "venues", page(
        "Seminar tentang korban kekerasan seksual di Gedung Universitas Balikpapan, Jl. Pupuk Raya No. 1.\n")),
    Case("venue-perumahan-kantor", "venues", page(
        "Korban bisa datang ke kantor UPTD PPA di Komplek Perkantoran Pemkot Blok A No. 1.\n")),
    Case("pseudonym-disamarkan", "pseudonyms", page(
        "Korban, Mawar (nama disamarkan), 14 tahun, siswi kelas 8 SMPN 1, kini didampingi psikolog.\n")),
    Case("pseudonym-sebut-saja", "pseudonyms", page(
        "Korban, sebut saja Bunga (15), siswi kelas 8, dipanggil Bunga oleh teman-temannya.\n")),
    Case("pseudonym-en", "pseudonyms", page("The girl, whom we call Rose (not her real name), 13, is safe now.\n")),
    Case("statistics", "statistics", page(
        "Sebanyak 45 anak korban berusia 13-17 tahun; 12 di antaranya siswi SMP dan 3 santriwati.\n")),
    Case("advice-relatives", "advice", page(
        "Jika ayah, paman, atau kakek korban adalah pelaku, laporkan ke UPTD PPA atau SAPA 129.\n")),
    Case("title-case-source", "advice", yml(
        'sources:\n  - title: "Korban Kekerasan Perempuan dan Anak Bisa Hubungi SAPA 129"\n')),
    Case("heading-orang-tua", "advice", page("## Untuk Orang Tua Korban Kekerasan Seksual\n\nDengarkan anak.\n")),
    Case("rt-advice", "advice", page("Korban dapat melapor ke Ketua RT 03 atau ke kantor Kelurahan setempat.\n")),
    Case("age-ranges", "statistics", page("Anak usia 6-17 tahun paling sering menjadi korban (61%).\n")),
    Case("npwp-and-times", "numbers", page("NPWP 01.234.567.8-901.000; layanan 08.00-16.00 WITA, 2019-2023.\n")),
]


# --- builders for cases in PDFs, images and archives (bytes made on demand) ---------------------
def _photo(name: str, turn: int = 0):
    from PIL import Image
    from skimage import data as samples

    im = Image.fromarray(getattr(samples, name)()).convert("RGB")
    return im.rotate(turn, expand=True) if turn else im


def _jpeg(im, **kw) -> bytes:
    import io

    buf = io.BytesIO()
    im.convert("RGB").save(buf, "JPEG", **kw)
    return buf.getvalue()


def _pdf(text: str, author: str = "") -> Callable[[], bytes]:
    def build() -> bytes:
        import io

        from fpdf import FPDF

        doc = FPDF()
        doc.add_page()
        doc.set_font("helvetica", size=12)
        doc.multi_cell(0, 8, text)
        if author:
            doc.set_author(author)
        return bytes(doc.output())
    return build


def _store_with(name: str) -> Callable[[], str]:
    """privacy-hashes.yml protecting one sample photo (only its hashes)."""
    def build() -> str:
        import tempfile
        from pathlib import Path

        from ruang_aman.privacy.hashes import load_store
        from ruang_aman.privacy.images import photo_hash

        with tempfile.TemporaryDirectory() as tmp:
            original = Path(tmp) / "original.png"
            _photo(name).save(original)
            store = load_store(Path(tmp) / "store.yml")
            store.salt = bytes.fromhex("00112233445566778899aabbccddeeff")
            store.add_photo(*photo_hash(original))
            store.save()
            return store.path.read_text(encoding="utf-8")
    return build


def _covered_with_thumbnail() -> bytes:
    """The protected photo covered up, its original still in the EXIF IFD1 thumbnail."""
    import struct

    original = _photo("chelsea")
    covered = original.copy()
    covered.paste((0, 0, 0), (0, 0, covered.width, covered.height * 9 // 10))
    small = original.copy()
    small.thumbnail((160, 120))
    thumb = _jpeg(small, quality=80)
    ifd0 = struct.pack("<H", 1) + struct.pack("<HHII", 0x0112, 3, 1, 1) + struct.pack("<I", 26)
    ifd1 = (struct.pack("<H", 3) + struct.pack("<HHII", 0x0103, 3, 1, 6) + struct.pack("<HHII", 0x0201, 4, 1, 68)
            + struct.pack("<HHII", 0x0202, 4, 1, len(thumb)) + struct.pack("<I", 0))
    return _jpeg(covered, exif=b"Exif\x00\x00II*\x00" + struct.pack("<I", 8) + ifd0 + ifd1 + thumb)


def _zip_with(member: str, text: str) -> Callable[[], bytes]:
    def build() -> bytes:
        import io
        import zipfile

        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as bundle:
            bundle.writestr(member, text)
        return buf.getvalue()
    return build


_REGISTER = "images:\n  - {path: media/foto.jpg, kind: illustration, source: tim}\n"

LEAKS += [
    Case("pdf-name", "files", {"site/panduan.pdf": _pdf("Kisah Siti Rahayu, korban kekerasan di rumah.")},
         "protected-name"),
    Case("pdf-author", "files", {"site/leaflet.pdf": _pdf("Panduan melapor.", author="Siti Rahayu")},
         "protected-name"),
    Case("pdf-relative", "files", {"site/kronologi.pdf": _pdf(
        "Ayah tiri korban, Bambang Sutejo (45), ditangkap polisi.")}, "relative-named"),
    Case("zip-member-name", "files", {"site/offline.zip": _zip_with("ruang-aman/kisah.html", "<p>Siti Rahayu</p>")},
         "protected-name"),
    Case("image-face-tilted", "files", {"content_src/media/foto.jpg": lambda: _jpeg(_photo("astronaut", 30)),
                                        "content_src/media.yml": _REGISTER}, "face"),
    Case("image-crop-protected", "files", {"content_src/privacy-hashes.yml": _store_with("rocket"),
                                           "content_src/media/foto.jpg": lambda: _jpeg(_photo("rocket").crop(
                                               (100, 0, 427, 320))),
                                           "content_src/media.yml": _REGISTER}, "protected-photo"),
    Case("image-exif-thumbnail", "files", {"content_src/privacy-hashes.yml": _store_with("chelsea"),
                                           "content_src/media/foto.jpg": _covered_with_thumbnail,
                                           "content_src/media.yml": _REGISTER}, "protected-photo"),
]
TRAPS += [
    Case("pdf-clean", "files", {"site/poster.pdf": _pdf("Hubungi SAPA 129. Kekerasan bukan aib keluarga.",
                                                        author="Ruang Aman")}),
    Case("image-no-face", "files", {"content_src/media/foto.jpg": lambda: _jpeg(_photo("coffee")),
                                    "content_src/media.yml": _REGISTER}),
    Case("image-unrelated-to-protected", "files", {"content_src/privacy-hashes.yml": _store_with("rocket"),
                                                   "content_src/media/foto.jpg": lambda: _jpeg(_photo("coffee")),
                                                   "content_src/media.yml": _REGISTER}),
]

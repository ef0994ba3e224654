"""Identifiers found without any list, and a clean corpus of campaign text that must stay clean."""

from __future__ import annotations

import pytest

from ruang_aman.privacy import identifiers as ids

SERVICES = frozenset({"+628111129129", "+625428520107", "129"})
ADDRESSES = ("jljendsudirmanno1balikpapan",)


def rules(text: str) -> list[str]:
    return sorted(h.rule for h in ids.find_all(text, SERVICES, ADDRESSES))


@pytest.mark.parametrize("nik", [
    "6471054507900003",          # woman: day 05 + 40 = 45
    "6471051507900003",
    "6471 0515 0790 0003",
    "64.71.05.150790.0003",
    "3174092902000001",          # 29 Feb
    "64 71 05 15 07 90 00 03",   # pairs: no run of 4 digits
    "\uff16\uff14\uff17\uff11\uff10\uff15\uff11\uff15\uff10\uff17\uff19\uff10\uff10\uff10\uff10\uff13",  # full-width
])
def test_valid_nik_found(nik: str) -> None:
    assert rules(f"NIK korban: {nik}.") == ["nik"]


@pytest.mark.parametrize("digits", [
    "0071051507900003",          # no province 00
    "6400051507900003",          # regency 00
    "6471053207900003",          # day 32
    "6471057507900003",          # day 75 (35 + 40)
    "6471051513900003",          # month 13
    "6471053002900001",          # 30 Feb
    "6471051507900000",          # serial 0000
    "2019202020212022",          # years in a table
    "64710515079000031",         # 17 digits
])
def test_invalid_nik_ignored(digits: str) -> None:
    assert "nik" not in rules(f"Nomor {digits} tercatat.")


def test_valid_nik_checker_female_offset() -> None:
    assert ids.valid_nik("6471054507900003") and ids.valid_nik("6471050507900003")
    assert not ids.valid_nik("647105450790000")


@pytest.mark.parametrize("text", [
    "AS (12), siswi SDN 3 Balikpapan, dicabuli tetangganya.",
    "Korban, RN (9 tahun), tinggal di Kelurahan Margomulyo.",
    "A.S. (12 th) murid SMP di Desa Sukamaju",
    "The child, MK (11), goes to a school in the village of Teritip.",
])
def test_child_initials_with_place(text: str) -> None:
    assert "child-initials" in rules(text)


def test_initials_age_without_place_is_a_warning() -> None:
    assert rules("Menurut ibunya, AS (12) kini sudah lebih tenang.") == ["initials-age"]


@pytest.mark.parametrize("text", [
    "korban bernama Ratna Sari melapor ke polisi",
    "Korban berinisial RS mengalami luka.",
    "korban anak perempuan bernama Ratna",
    "Korban, bernama Ratna, melapor",
    "nama korban adalah Dewi.",
    "The victim, named Ratna, was 15.",
    "the victim's name is Ratna Sari",
])
def test_named_victim(text: str) -> None:
    assert "victim-named" in rules(text)


@pytest.mark.parametrize("text", [
    "Korban, sebut saja Bunga (15), kini didampingi psikolog.",
    "korban bernama Mawar (bukan nama sebenarnya) sudah pulih.",
    "The victim, named Rose (not her real name), is safe now.",
    "Jangan pernah menyebut nama korban atau alamatnya di media sosial.",
])
def test_pseudonyms_are_fine(text: str) -> None:
    assert rules(text) == []


def test_address_in_victim_context() -> None:
    text = "Korban tinggal bersama pamannya di Jl. Mawar Gg. 3 No. 12 RT 05 Kelurahan Gunung Samarinda."
    assert "address" in rules(text)


def test_safe_house_address_always_found() -> None:
    assert rules("Rumah aman berada di Jl. Kenari No. 8 RT 02.") == ["address"]


def test_service_address_is_fine() -> None:
    text = ("Korban kekerasan dapat datang langsung ke kantor UPTD PPA, Jl. Jend. Sudirman No. 1, Balikpapan.\n\n"
            "Layanan Puskesmas Klandasan Ilir, Jl. Jend. Sudirman No. 45, buka setiap hari.")
    assert rules(text) == []


@pytest.mark.parametrize("text", [
    "Hubungi saya di 0812-3456-7890.",
    "WA 081234567890",
    "+62 812 3456 7890",
    '<a href="https://wa.me/6281234567890">chat</a>',
    "tel:+6281234567890",
    "Kantor: (0542) 873456",
])
def test_personal_phone(text: str) -> None:
    assert rules(text) == ["personal-phone"]


@pytest.mark.parametrize("text", [
    "SAPA 129 atau WhatsApp 08111-129-129",
    "https://wa.me/628111129129",
    "Telepon UPTD PPA (0542) 852-0107.",
    "Panggil 110 atau 112 jika dalam bahaya.",
])
def test_service_phones_are_fine(text: str) -> None:
    assert rules(text) == []


CLEAN = """\
# Cara melapor

Kekerasan bukan aib keluarga. Melapor itu aman, gratis, dan rahasia. Hubungi SAPA 129 atau
WhatsApp 08111-129-129, 24 jam. Jika ada bahaya sekarang, telepon 110 atau 112.

Pada 2023 DP3AKB Balikpapan mencatat 1.234 kasus kekerasan terhadap perempuan dan anak, naik 12,5%
dari 2022. Sebanyak 61% korban adalah anak usia 6-17 tahun; 23% berusia 18-24 tahun. Data
2019-2023: 2019 2020 2021 2022 2023.

Menurut Pasal 76D jo. Pasal 81 UU 35/2014, setiap orang dilarang memaksa anak melakukan
persetubuhan (pidana 5-15 tahun). UU 11/2012 pasal 19 melarang identitas anak dipublikasikan;
UU 12/2022 (TPKS) pasal 69-71 menjamin hak korban atas pendampingan.

Korban, sebut saja Bunga (15), didampingi UPTD PPA sejak Maret. Namanya disamarkan.
Anak SD (6-12 tahun) dan SMP perlu tahu cara meminta bantuan. Jam layanan 08.00-16.00 WITA,
Senin-Jumat. Kantor UPTD PPA: Jl. Jend. Sudirman No. 1, Balikpapan, telepon (0542) 852-0107.

Unit layanan untuk perempuan dan anak korban kekerasan (dulu bernama P2TP2A) menerima pengaduan.
Jangan menyebar foto, nama, sekolah, atau alamat korban. Jangan bertanya "kenapa tidak melawan?".

## How to report

Violence is not a family disgrace. Call SAPA 129 or WhatsApp +62 811-1129-129. In 2023, 1,234 cases
were recorded; 61% of victims were children aged 6-17. Article 19 of Law 11/2012 forbids
publishing a child's identity. The victim, whom we call Rose (not her real name), is safe now.
ISBN 978-602-1234-56-7. Versi 1.2.3, diperbarui 2026-11-29.
"""


def test_clean_campaign_text_has_no_findings() -> None:
    assert ids.find_all(CLEAN, SERVICES, ADDRESSES) == []

"""Interface words the posters and the gallery need beyond site.yml's labels, keyed by language."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "scan": {"id": "Pindai untuk membaca lebih lanjut", "en": "Scan to read more"},
    "poster": {"id": "Poster", "en": "Poster"},
    "print_note": {
        "id": "Cetak dengan ukuran sebenarnya (100%), bukan \u201csesuaikan dengan halaman\u201d. "
              "Poster tetap jelas jika dicetak hitam putih.",
        "en": "Print at actual size (100%), not \u201cfit to page\u201d. "
              "The posters stay clear when printed in black and white.",
    },
    "for_print": {"id": "untuk dicetak", "en": "for printing"},
    "also_in": {"id": "Juga dalam", "en": "Also in"},
    "downloads": {"id": "Unduh", "en": "Download"},
}


def word(key: str, lang: str) -> str:
    """One interface word in a language (falls back to the first one listed, the default language)."""
    texts = WORDS[key]
    return texts.get(lang) or next(iter(texts.values()))

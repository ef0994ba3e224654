"""Ruang Aman: bilingual content pipeline (content_src/ -> site/, posters, privacy guard)."""

LANGS: tuple[str, ...] = ("id", "en")
"""Languages in order: the first is the primary one, served at the site root."""

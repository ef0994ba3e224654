"""The social media kit: captions, alt texts and hashtags per poster, zipped with its cards."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..model import Content
from ..posters.files import Output
from .model import Social, Words

CARDS = ("square", "story")
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest a ZIP can store: no build time in the file


def hashtags(social: Social, post_tags: list[str]) -> str:
    """'#RuangAman #BukanAib': the kit's own tags, then the post's, each once."""
    tags = dict.fromkeys(t.lstrip("#") for t in [*social.hashtags, *post_tags])
    return " ".join(f"#{t}" for t in tags)


def card_names(slug: str, lang: str) -> list[str]:
    """The poster's card files (as the poster stage names them) that go into the ZIP."""
    return [Output(slug, lang, size, "png").name for size in CARDS]


def captions_text(content: Content, social: Social, words: Words, lang: str) -> str:
    """Every post of a language as plain text: the file staff copy captions and alt texts from."""

    def w(key: str) -> str:
        return words.get(key, lang)

    posters = {p.slug: p for p in content.posters}
    name = content.site.name.pick(lang)
    out = [f"{name}: {w('social')} ({content.site.language(lang).name})", ""]
    for post in sorted(social.posts, key=lambda p: p.poster):
        poster = posters.get(post.poster)
        if poster is None:
            continue
        headline = poster.headline.pick(lang)
        message = poster.message.pick(lang)

        def fill(text) -> str:
            return (text.pick(lang)).replace("{headline}", headline).replace("{message}", message)

        out += [f"== {post.poster}: {headline}", ", ".join(card_names(post.poster, lang)), "",
                f"{w('captions')}:", fill(post.caption), "", hashtags(social, post.hashtags), "",
                f"{w('alt_square')}:", fill(post.alt_square), "",
                f"{w('alt_story')}:", fill(post.alt_story), "", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def zip_bytes(text_name: str, text: str, cards: list[Path]) -> bytes:
    """The ZIP: the captions file and the cards, in a fixed order with fixed dates (same input, same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        entries = [(text_name, text.encode("utf-8"), zipfile.ZIP_DEFLATED)]
        entries += [(card.name, card.read_bytes(), zipfile.ZIP_STORED) for card in cards]  # PNGs are compressed already
        for name, data, method in entries:
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = method
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, data, compresslevel=9 if method == zipfile.ZIP_DEFLATED else None)
    return buffer.getvalue()

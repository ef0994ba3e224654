"""The gallery page: computed without rendering, every size and format linked, thumbnails lazy and sized."""

from __future__ import annotations

import re

import pytest

from .conftest import SAMPLE, only
from ruang_aman.posters import gallery_html
from ruang_aman.posters.files import outputs, thumb_path
from ruang_aman.posters.spec import load_spec


@pytest.mark.parametrize("lang,prefix", [("id", ""), ("en", "../")])
def test_gallery_links_every_file_of_both_languages(real, lang, prefix):
    content, _ = real
    html = gallery_html(content, content.site.language(lang), prefix)
    hrefs = set(re.findall(r'href="([^"]+)"', html))
    spec = load_spec()
    for poster in content.posters:
        for other in ("id", "en"):
            for out in outputs(spec, poster.slug, other):
                assert prefix + out.path in hrefs, out.path
        assert f'src="{prefix}{thumb_path(poster.slug, lang)}"' in html


def test_thumbnails_are_lazy_sized_and_described_in_the_page_language(real):
    content, _ = real
    spec = load_spec()
    for lang in ("id", "en"):
        html = gallery_html(content, content.site.language(lang), "")
        images = re.findall(r"<img [^>]+>", html)
        assert len(images) == len(content.posters)
        for poster, tag in zip(sorted(content.posters, key=lambda p: p.slug), images):
            assert 'loading="lazy"' in tag
            assert f'width="{spec.thumbnail.width_px}"' in tag and f'height="{spec.thumb_height()}"' in tag
            assert poster.headline.get(lang).replace("'", "&#x27;") in tag.split('alt="')[1]


def test_gallery_links_point_at_files_the_render_wrote(real, rendered):
    site, _, _ = rendered
    content, _ = real
    html = gallery_html(only(content, SAMPLE), content.site.language("id"), "", site_dir=site)
    for href in re.findall(r'href="([^"]+)"', html) + re.findall(r'src="([^"]+)"', html):
        if href.endswith(("-a4.pdf", "-a4.png", "-square.png", "-thumb.png")):
            assert (site / href).is_file(), href
    assert " KB)" in html  # sizes shown once the files exist

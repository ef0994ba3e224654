"""The session kit: slide decks, a facilitator guide, a tri-fold leaflet and a social media kit,
from content_src/kit/ and the data files, in every language -> site/kit/ (+ manifest.json).

The API the build calls (kit.stage.kit_stage, after the posters, whose cards the social kit zips):

    report = build_kit(content, positions, root, site_dir, cache_dir, problems)
        Loads content_src/kit/ (decks/*.yml, guide.yml, leaflet.yml, social.yml, words.yml) with
        positioned problems, lays out every PDF (layouts.yml beside this file), reuses what
        cache_dir/kit/ holds under the same input hash, writes site_dir/kit/ and its manifest.json.
        None when the kit has errors or a text does not fit (error[kit-overflow]).

    fill_kit_pages(staging, content, words, report, problems)
        Fills the `{{ kit }}` marker of the built kit pages with the file list and sizes.

Modules: model (records), load (reading and checks), spec (layouts.yml), flow (ops, measuring,
fitting blocks into boxes), blocks (hotlines, facts, charts), deck, guide, leaflet (layouts),
render (ops -> vector PDF via ../vector_pdf.py), social (captions, ZIP), run (the stage's work),
page (the kit page), stage (the build's hook).
"""

from .page import fill_kit_pages
from .run import KitReport, build_kit

__all__ = ["KitReport", "build_kit", "fill_kit_pages"]

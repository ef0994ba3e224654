"""The manifest against the files, the social ZIPs, same bytes from the same content, the cache."""

from __future__ import annotations

import hashlib
import zipfile

from .conftest import ROOT, make_kit, manifest, source


def _digests(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_manifest_lists_every_file_with_language_and_kind(kit):
    site, _, _ = kit
    entries = manifest(site)
    on_disk = sorted(p.name for p in (site / "kit").iterdir() if p.name != "manifest.json")
    assert sorted(e["file"] for e in entries) == [f"kit/{name}" for name in on_disk]
    for e in entries:
        assert e["lang"] in ("id", "en")
        assert e["kind"] in ("deck", "guide", "leaflet", "social", "captions")
        assert e["lang"] in e["file"].rsplit("/", 1)[1]
        assert e["bytes"] == (site / e["file"]).stat().st_size
        assert e["title"]
    for lang in ("id", "en"):
        kinds = sorted(e["kind"] for e in entries if e["lang"] == lang)
        assert kinds.count("guide") == 1 and kinds.count("leaflet") == 1 and kinds.count("social") == 1


def test_social_zip_holds_the_captions_and_every_card(kit, real):
    site, _, _ = kit
    content, _ = real
    social = source("social.yml")
    for lang in ("id", "en"):
        with zipfile.ZipFile(site / "kit" / f"social-{lang}.zip") as archive:
            names = archive.namelist()
            expected = [f"social-{lang}.txt"] + [f"{p['poster']}-{lang}-{size}.png" for p in sorted(social["posts"], key=lambda p: p["poster"])
                                                 for size in ("square", "story")]
            assert names == expected
            text = archive.read(f"social-{lang}.txt").decode("utf-8")
            assert text == (site / "kit" / f"social-{lang}.txt").read_text(encoding="utf-8")  # the guard scans that copy
            for name in names[1:]:
                assert archive.read(name) == (site / "posters" / name).read_bytes()  # and these cards
            for info in archive.infolist():
                assert info.date_time == (1980, 1, 1, 0, 0, 0)
        for post in social["posts"]:
            poster = next(p for p in content.posters if p.slug == post["poster"])
            assert " ".join(post["caption"][lang].split()) in " ".join(text.split())
            assert post["alt_square"][lang].replace("{headline}", poster.headline.get(lang)).split()[0] in text
            assert "{headline}" not in text and "{message}" not in text
            assert poster.headline.get(lang) in text and poster.message.get(lang) in " ".join(text.split())
            for tag in post["hashtags"] + social["hashtags"]:
                assert f"#{tag}" in text


def test_every_poster_has_a_social_post(real):
    content, _ = real
    assert sorted(p["poster"] for p in source("social.yml")["posts"]) == sorted(p.slug for p in content.posters)


def test_same_content_gives_the_same_bytes(kit, real, tmp_path):
    site, _, _ = kit
    content, positions = real
    report, problems = make_kit(content, positions, ROOT, tmp_path)
    assert report is not None and report.rendered and not report.reused
    assert _digests(tmp_path / "site" / "kit") == _digests(site / "kit")


def test_unchanged_kit_is_reused_not_rendered(kit, real, tmp_path):
    site, cache, first = kit
    content, positions = real
    from ruang_aman.kit import build_kit
    from ruang_aman.problems import Problems

    import shutil
    shutil.copytree(site / "posters", tmp_path / "site" / "posters")
    report = build_kit(content, positions, ROOT, tmp_path / "site", cache, Problems())
    assert report.rendered == [] and sorted(report.reused) == sorted(first.rendered + first.reused)
    assert _digests(tmp_path / "site" / "kit") == _digests(site / "kit")

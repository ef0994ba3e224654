"""Advice that is safe to follow (issue 12): wording that could raise a reader's risk never comes back.

A content review found sentences that promise what services cannot keep, advice that can endanger a
reader (evidence left on a shared phone, a teacher calling the family first, a path that ends "back to
the family") and misread facts. These tests scan every text the site and the posters publish, in both
languages, for the removed wording, and check that the safer wording and the caveats readers need are
where they belong: on the pages, in the data files, on the contact cards and on the posters.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

LANGS = ("id", "en")  # the languages this content is written in (content_src/site.yml)
from ruang_aman.load import load_content  # noqa: E402
from ruang_aman.pages import Renderer  # noqa: E402
from ruang_aman.phones import parse_phone  # noqa: E402
from ruang_aman.sitebuild import theme_data  # noqa: E402

CONTENT_DIR = ROOT / "content_src"
# The editing guide quotes the removed wording as examples of what not to write; it is never published.
NOT_PUBLISHED = {"README.md", "translations.yml"}

# Wording removed by the review, per language, with the reason it must not come back.
REMOVED = {
    "id": {
        r"melapor itu aman": "a promise no service can keep: risk can rise once a perpetrator learns of a report",
        r"aman,? gratis,? dan rahasia": "the same promise",
        r"tidak akan dimarahi": "a promise to a child that no one can keep",
        r"hanya diketahui (oleh )?psikolog": "overstates the source: counselling is kept confidential",
        r"mei 2018 saja": "the study says 22 cases by May 2018, not in May alone",
        r"baju tertutup": "points at modest dress and the hijab as a sign of abuse",
        r"kamu dibawa ke rumah sakit": "the reader decides: staff can go with them",
        r"mengancam akan menyakiti atau meninggalkan": "leaving is not violence",
        r"ada empat bentuk kekerasan terhadap anak": "four main forms: exploitation and online abuse exist too",
        r"hambatan terbesar": "the study says 'especially' only about the disgrace belief",
        r"kembali ke keluarga dan masyarakat": "the path must not end back with the perpetrator",
        r"langkah untuk berhenti disakiti": "puts the burden of stopping violence on the victim",
    },
    "en": {
        r"reporting is safe": "a promise no service can keep",
        r"safe,? free and confidential": "the same promise",
        r"not (get in trouble|be told off) for telling": "a promise to a child that no one can keep",
        r"known only to the psychologist": "overstates the source",
        r"may 2018 alone": "the study says by May 2018",
        r"covering clothes": "points at modest dress and the hijab",
        r"you are taken to (a )?hospital": "the reader decides: staff can go with them",
        r"threatening to hurt someone or to leave": "leaving is not violence",
        r"there are four forms of child abuse": "four main forms",
        r"biggest obstacles?": "the study does not rank the obstacles",
        r"back to family and community": "the path must not end back with the perpetrator",
    },
}


def _published_files() -> list[Path]:
    return sorted(
        p for p in CONTENT_DIR.rglob("*")
        if p.is_file() and p.suffix in (".md", ".yml", ".yaml") and p.name not in NOT_PUBLISHED
    )


@pytest.fixture(scope="module")
def content():
    loaded, _, _ = load_content(ROOT)
    assert loaded is not None, "content_src/ does not load"
    return loaded


def _hits(text: str) -> list[str]:
    flat = " ".join(text.split()).lower()
    return [f"{pattern!r} ({why})" for patterns in REMOVED.values() for pattern, why in patterns.items()
            if re.search(pattern, flat)]


def test_the_scan_would_find_the_removed_wording():
    """The patterns match the sentences they replaced (a guard against a pattern that matches nothing)."""
    old = (
        "Melapor itu aman, gratis, dan rahasia. Kamu tidak akan dimarahi karena menceritakannya. "
        "Isi konseling di PUSPAGA hanya diketahui psikolognya. Pada Mei 2018 saja, tercatat 22 kasus. "
        "Memakai baju tertutup saat cuaca panas. Jika kamu terluka, kamu dibawa ke rumah sakit. "
        "Reporting is safe, free and confidential. You will not get in trouble for telling. In May 2018 alone."
    )
    assert len(_hits(old)) >= 9


@pytest.mark.parametrize("path", _published_files(), ids=lambda p: str(p.relative_to(CONTENT_DIR)))
def test_removed_wording_never_comes_back(path):
    """Pages, data files and poster texts, both languages (multi-line YAML folded before matching)."""
    hits = _hits(path.read_text(encoding="utf-8"))
    assert not hits, f"{path.relative_to(ROOT)}: {hits}"


def test_posters_as_laid_out_carry_no_removed_wording_and_show_both_sapa_numbers(content):
    """Every poster, language and size as the layout engine sets it (the printed words, not only the YAML)."""
    from ruang_aman.load import load_content as _load
    from ruang_aman.posters.run import plan_jobs
    from ruang_aman.posters.spec import load_spec
    from ruang_aman.problems import Problems

    _, _, positions = _load(ROOT)
    problems = Problems()
    jobs = plan_jobs(content, positions, problems, load_spec())
    assert not problems.items, [p.format() for p in problems.items]
    assert jobs
    sapa_alt = parse_phone(content.contact("sapa-129").phone_alt).display
    for job in jobs:
        words = " ".join(op.text for op in job.plan.texts())
        assert not _hits(words), (job.outputs[0], _hits(words))
        poster = next(p for p in content.posters if job.outputs[0].name.startswith(p.slug))
        if poster.hotlines[0] == "sapa-129":
            assert sapa_alt in words, f"{job.outputs[0]}: SAPA's second number is not printed"


# --- The safer wording is where it belongs -----------------------------------------------------------


def _body(content, slug: str, lang: str) -> str:
    return " ".join(content.page(slug).bodies[lang].markdown.split())


def test_every_contact_that_offers_mediation_says_it_can_be_refused(content):
    offering = [c for c in content.contacts if "mediasi" in c.role.get("id").lower()]
    assert {c.key for c in offering} >= {"sapa-129", "uptd-ppa-balikpapan"}
    for contact in offering:
        assert "tidak wajib" in contact.role.get("id") and "di luar pengadilan" in contact.role.get("id"), contact.key
        assert "never have to" in contact.role.get("en") and "outside court" in contact.role.get("en"), contact.key


def test_every_doubt_staff_know_of_is_shown_to_readers_next_to_the_number(content):
    doubtful = [c for c in content.contacts if c.needs_verification]
    assert {c.key for c in doubtful} >= {"sapa-129", "uptd-ppa-balikpapan", "puspaga-balikpapan", "dp3akb-balikpapan"}
    for lang in LANGS:
        renderer = Renderer(content, content.site.language(lang))
        for contact in doubtful:
            caveat = contact.caveat.get(lang)
            assert caveat, f"{contact.key}: no {lang} caveat"
            card = renderer.render("contact", contact.key)
            actions_end = card.index("</div>", card.index("ra-card__actions"))
            note = card.index('class="ra-caveat"')
            assert note == actions_end + len("</div>") + len("<p "), f"{contact.key}: the caveat must follow the numbers"
            assert " ".join(caveat.split()) in " ".join(card.split()).replace("&#x27;", "'"), contact.key


def test_the_complaint_office_is_never_called_a_shelter(content):
    address = content.contact("uptd-ppa-balikpapan").address
    assert address.get("id").startswith("Kantor pengaduan, bukan rumah aman") and "rumah aman tidak diumumkan" in address.get("id")
    assert address.get("en").startswith("Complaints office, not a shelter") and "not published" in address.get("en")


def test_sapa_shows_both_numbers_the_sources_print(content):
    sapa = content.contact("sapa-129")
    assert parse_phone(sapa.phone).e164 == "129"
    assert parse_phone(sapa.phone_alt).e164 == "+6221129"
    for lang in LANGS:
        card = Renderer(content, content.site.language(lang)).render("contact", "sapa-129")
        assert 'href="tel:129"' in card and 'href="tel:+6221129"' in card
        box = next(h for h in theme_data(content, content.site.language(lang))["hotlines"] if h["tel"] == "tel:129")
        assert box["alt"] == {"display": "021-129", "tel": "tel:+6221129"}, "every page's hotline box shows it too"


def test_112_without_a_sim_card_is_attributed_with_its_operator_step(content):
    cost = content.contact("emergency-112").cost
    assert "Pemkot Balikpapan (2017)" in cost.get("id") and "tekan 0" in cost.get("id")
    assert "City of Balikpapan (2017)" in cost.get("en") and "press 0" in cost.get("en")


def test_evidence_advice_warns_about_sync_trash_and_linked_devices(content):
    text = {lang: _body(content, "cara-melapor", lang) for lang in LANGS}
    for word in ("Google", "iCloud", "Sampah", "perangkat tertaut", "WhatsApp Web"):
        assert word in text["id"], word
    for word in ("Google", "iCloud", "Trash", "linked devices", "WhatsApp Web"):
        assert word in text["en"], word


def test_teachers_do_not_tell_the_family_first(content):
    assert "Jangan memberi tahu keluarga murid lebih dulu jika pelakunya mungkin tinggal serumah" in _body(content, "cara-melapor", "id")
    assert "Do not tell the pupil's family first if the perpetrator may live in the pupil's home" in _body(content, "cara-melapor", "en")


def test_the_path_after_a_report_ends_in_a_safe_place_the_reader_chooses(content):
    last = content.steps[-1]
    assert "tempat tinggal lain yang aman" in last.text.get("id") and "ikut memutuskan" in last.text.get("id")
    assert "another safe place" in last.text.get("en") and "take part in deciding" in last.text.get("en")
    hospital = next(s for s in content.steps if s.key == "rumah-sakit")
    assert "petugas bisa mengantarmu" in hospital.text.get("id") and "staff can go with you" in hospital.text.get("en")


def test_the_neighbourhood_section_warns_that_neighbours_may_know_the_perpetrator(content):
    for slug in ("bantuan", "cara-melapor"):
        assert "mengenal pelaku" in _body(content, slug, "id"), slug
        assert "may know the perpetrator" in _body(content, slug, "en"), slug
    rt = content.contact("seksi-ppa-rt").caveat
    assert "mengenal pelaku" in rt.get("id") and "may know the perpetrator" in rt.get("en")


def test_the_childrens_page_gives_112_and_covers_touches_that_feel_nice(content):
    for lang, words in (("id", ("terasa enak", "merahasiakan sentuhan", "orang dewasa lain")),
                        ("en", ("feels nice", "keep a touch secret", "another adult"))):
        body = content.page("anak-dan-remaja").bodies[lang].markdown
        assert "{{ contact emergency-112 }}" in body, lang
        for word in words:
            assert word in " ".join(body.split()), (lang, word)
    poster = next(p for p in content.posters if p.slug == "tubuhku-milikku")
    assert "merahasiakan sentuhan" in poster.message.get("id") and "keep a touch secret" in poster.message.get("en")


def test_signs_are_tagged_only_to_a_source_that_lists_them(content):
    """The study lists no signs: a kind's signs either name their own source or the page says they are the team's."""
    sources = {s.key for s in content.sources}
    for lang in LANGS:
        html = Renderer(content, content.site.language(lang)).render("violence")
        for kind in content.violence:
            section = html[html.index(f'id="{kind.key}"'):]
            section = section[: section.index("</section>")]
            if kind.signs_source:
                assert kind.signs_source in sources and kind.signs_source != "triana-2019", kind.key
                assert "ra-signs-note" not in section, kind.key
            else:
                assert "ra-signs-note" in section, f"{kind.key}: unsourced signs must say so"
    psikis = next(k for k in content.violence if k.key == "psikis")
    assert any("mengambil anak" in x for x in psikis.examples.get("id"))
    assert any("take the children" in x for x in psikis.examples.get("en"))


def test_laws_are_complete_and_commentary_is_marked(content):
    laws = {law.key: law for law in content.laws}
    child = laws["perlindungan-anak"]
    assert "UU 17/2016" in child.title.get("id") and "UU 17/2016" in child.title.get("en")
    for lang in LANGS:
        points = " ".join(child.protects.get(lang))
        assert "lembaga negara lainnya" in points or "other state bodies" in points
        assert ("kejahatan seksual" in points and "perdagangan orang" in points and "penelantaran" in points) or \
               ("sexual crimes" in points and "trafficking" in points and "neglected" in points), lang
    commentary = [p for p in child.protects.get("id") if "mendisiplinkan" in p]
    assert commentary and all(p.startswith("Artinya:") for p in commentary)
    assert any("Pasal 97" in p for p in laws["sppa"].protects.get("id")) and any("Article 97" in p for p in laws["sppa"].protects.get("en"))
    tpks_id, tpks_en = " ".join(laws["tpks"].protects.get("id")), " ".join(laws["tpks"].protects.get("en"))
    assert "merendahkan" in tpks_id and "(Pasal 69)" in tpks_id and "(Pasal 23)" in tpks_id
    assert "demeaning" in tpks_en and "(Article 69)" in tpks_en and "(Article 23)" in tpks_en
    assert any("Pasal 1 angka 1" in p for p in laws["pkdrt"].protects.get("id"))


def test_the_may_2018_figure_says_by_may(content):
    fact = next(f for f in content.facts if f.key == "kasus-anak-mei-2018")
    assert "sampai Mei 2018" in fact.label.get("id") and "by May 2018" in fact.label.get("en")
    assert "Sampai Mei 2018" in _body(content, "statistik", "id") and "By May 2018" in _body(content, "statistik", "en")

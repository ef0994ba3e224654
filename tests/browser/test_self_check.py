"""The self-check "Apakah ini kekerasan?" in a real browser: results, two voices, nothing stored or sent, the quick
exit while answering, without JavaScript, from file://, offline, axe with questions and with the result."""

from __future__ import annotations

import functools

import pytest
import yaml

from .conftest import AXE, ROOT

PAGE = "apakah-ini-kekerasan.html"


@functools.cache
def data() -> dict:
    """The data files themselves (not the code under test): what the page must show."""
    read = lambda name: yaml.safe_load((ROOT / "content_src" / name).read_text(encoding="utf-8"))  # noqa: E731
    return {"check": read("self-check.yml"), "violence": {v["key"]: v for v in read("violence.yml")["violence"]},
            "myths": {m["key"]: m for m in read("myths.yml")["myths"]}}


def questions() -> list[dict]:
    return data()["check"]["questions"]


def answer(page, key: str, value: str) -> None:
    page.check(f'input[name="ra-q-{key}"][value="{value}"]')


def visible_result_text(page) -> str:
    return page.locator("#ra-check-result").inner_text()


def test_yes_answers_name_the_kinds_say_not_your_fault_and_offer_hotlines(page, server):
    page.goto(server["base"] + PAGE)
    first = next(q for q in questions() if q.get("kinds"))
    belief = next(q for q in questions() if q.get("myths"))
    answer(page, first["key"], "yes")
    answer(page, belief["key"], "sometimes")
    page.click(".ra-check__go")
    result = page.locator("#ra-check-result")
    assert result.is_visible()
    assert page.evaluate("document.activeElement.id") == "ra-check-result", "focus moves to the result"
    text = visible_result_text(page)
    words = data()["check"]["results"]
    assert words["some"]["title"]["me"]["id"] in text
    assert " ".join(words["not_your_fault"]["me"]["id"].split()) in " ".join(text.split())
    for kind in first["kinds"]:
        assert data()["violence"][kind]["name"]["id"] in text
    others = {k for q in questions() for k in q.get("kinds", [])} - set(first["kinds"])
    for kind in others:
        assert data()["violence"][kind]["name"]["id"] not in text, f"{kind} was not answered yes"
    fact = " ".join(data()["myths"][belief["myths"][0]]["fact"]["id"].split())
    assert fact[:60] in " ".join(text.split())
    calls = result.locator('a[href^="tel:"]')
    assert calls.count() >= 2 and calls.first.is_visible()
    assert result.locator("a.ra-check__help").get_attribute("href") == "bantuan.html"


def test_all_no_gives_a_calm_result_that_names_no_violence(page, server):
    page.goto(server["base"] + PAGE)
    for q in questions():
        answer(page, q["key"], "no")
    page.click(".ra-check__go")
    text = visible_result_text(page)
    words = data()["check"]["results"]
    assert words["none"]["title"]["me"]["id"] in text
    assert words["some"]["title"]["me"]["id"] not in text
    for kind in data()["violence"].values():
        assert kind["name"]["id"] not in text
    assert "kekerasan" not in text.lower()
    assert page.locator('#ra-check-result a[href^="tel:"]').first.is_visible(), "still says where to talk"


def test_for_someone_i_worry_about_switches_every_text_to_them(page, server):
    page.goto(server["base"] + "en/" + PAGE)
    q = questions()[0]
    legend = page.locator(".ra-check__q legend").first
    assert q["ask"]["me"]["en"] in legend.inner_text()
    page.check('input[name="ra-who"][value="other"]')
    assert q["ask"]["other"]["en"] in legend.inner_text() and q["ask"]["me"]["en"] not in legend.inner_text()
    answer(page, q["key"], "yes")
    page.click(".ra-check__go")
    text = visible_result_text(page)
    assert data()["check"]["results"]["some"]["title"]["other"]["en"] in text
    assert data()["check"]["results"]["some"]["title"]["me"]["en"] not in text


def test_start_again_clears_every_answer_and_the_result(page, server):
    page.goto(server["base"] + PAGE)
    answer(page, questions()[0]["key"], "yes")
    page.click(".ra-check__go")
    page.click(".ra-check__again")
    assert not page.locator("#ra-check-result").is_visible()
    assert page.locator('.ra-check__q input:checked').count() == 0
    assert page.locator(".ra-check__found li").count() == 0


def test_nothing_is_stored_or_sent(make_context, server):
    """No cookie, no storage, no IndexedDB, nothing in the address, no request after load (worker allowed)."""
    context = make_context(service_workers="allow")
    page = context.new_page()
    page.goto(server["base"] + PAGE, wait_until="networkidle")
    page.wait_for_timeout(500)
    url = page.url
    before = len(server["log"])
    for q in questions():
        answer(page, q["key"], "yes")
    page.keyboard.press("Tab")
    page.click(".ra-check__go")
    page.check('input[name="ra-who"][value="other"]')
    page.click(".ra-check__again")
    page.wait_for_timeout(1000)
    assert server["log"][before:] == [], "no request while answering"
    assert page.url == url and "?" not in page.url and "#" not in page.url
    assert context.cookies() == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.evaluate("indexedDB.databases().then(d => d.length)") == 0
    assert page.evaluate("caches.keys().then(k => k.length)") == 0, "not even the worker's cache was touched"


def test_quick_exit_works_while_answering(page, server):
    page.goto(server["base"] + PAGE)
    answer(page, questions()[0]["key"], "yes")
    page.focus(f'input[name="ra-q-{questions()[1]["key"]}"][value="no"]')
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(server["neutral"])
    page.goto(server["base"] + PAGE)
    answer(page, questions()[0]["key"], "yes")
    page.click("#ra-exit")
    page.wait_for_url(server["neutral"])


def test_without_javascript_the_questions_kinds_and_hotlines_are_a_readable_list(make_context, server):
    page = make_context(java_script_enabled=False).new_page()
    page.goto(server["base"] + PAGE)
    items = page.locator(".ra-check__questions > li")
    assert items.count() == len(questions()) >= 8
    assert questions()[0]["ask"]["me"]["id"] in items.first.inner_text()
    assert not page.locator(".ra-check__answers").first.is_visible(), "no buttons that would do nothing"
    assert not page.locator(".ra-check__go").is_visible()
    assert page.locator(".ra-check__noscript").is_visible()
    kinds = page.locator(".ra-check__kinds").inner_text()
    for key in {k for q in questions() for k in q.get("kinds", [])}:
        assert data()["violence"][key]["name"]["id"] in kinds
    assert page.locator('.ra-hotline-box a[href^="tel:"]').first.is_visible()


def test_from_file_it_works_and_its_code_loads_only_on_its_page(page, built):
    scripts = []
    page.on("request", lambda r: scripts.append(r.url.rsplit("/", 1)[-1]))
    page.goto((built / "index.html").as_uri())
    assert "ra-check.js" not in scripts, "the home page does not load the self-check"
    page.goto((built / PAGE).as_uri())
    assert "ra-check.js" in scripts
    answer(page, questions()[0]["key"], "yes")
    page.click(".ra-check__go")
    assert page.locator("#ra-check-result").is_visible()


def test_offline_through_the_service_worker(make_context, server):
    context = make_context(service_workers="allow")
    page = context.new_page()
    page.goto(server["base"] + "index.html")
    page.mouse.click(5, 300)             # the first interaction starts the worker
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.goto(server["base"] + PAGE, wait_until="networkidle")     # through the worker: kept with its code
    page.wait_for_function("() => caches.keys().then(n => caches.open(n[0])).then(c => c.keys())"
                           ".then(k => k.some(r => r.url.endsWith('/ra-check.js')))")
    context.set_offline(True)
    page.reload()
    answer(page, questions()[0]["key"], "yes")
    page.click(".ra-check__go")
    assert page.locator("#ra-check-result").is_visible()
    context.set_offline(False)


@pytest.mark.parametrize("shown", ["questions", "result"])
def test_axe_finds_no_violation_with_questions_and_with_result(make_context, server, shown):
    page = make_context(bypass_csp=True).new_page()
    for lang in ("", "en/"):
        page.goto(server["base"] + lang + PAGE)
        page.wait_for_selector("#ra-check[data-ready]", state="attached")
        if shown == "result":
            answer(page, questions()[0]["key"], "yes")
            answer(page, questions()[-1]["key"], "yes")
            page.click(".ra-check__go")
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map("
            "v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')))")
        assert violations == [], f"{lang}{PAGE} ({shown}): {violations}"

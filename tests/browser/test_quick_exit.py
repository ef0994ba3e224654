"""Quick exit: first in tab order after the skip link, Shift x3, the button, no-JS link, print, never covered."""

from __future__ import annotations

import re

import yaml

from .conftest import ROOT


def open_two_pages(page, server):
    """Home, then a second page: the history the reader leaves behind."""
    page.goto(server["base"] + "index.html")
    page.goto(server["base"] + "bantuan.html")
    page.wait_for_load_state("load")
    return server["base"] + "bantuan.html"


def assert_left(page, server, left_page):
    page.wait_for_url(server["neutral"])
    page.go_back()
    page.wait_for_load_state("load")
    assert page.url != left_page, "Back returned to the page the reader left"
    assert page.url == server["base"] + "index.html"


def test_skip_link_then_exit_first_in_tab_order(page, server):
    page.goto(server["base"] + "index.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "ra-skip"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "ra-exit"
    assert page.locator("#ra-exit").is_visible()


def test_shift_three_times_leaves_and_back_does_not_return(page, server):
    left = open_two_pages(page, server)
    status = page.locator("#ra-exit-status")
    assert status.get_attribute("aria-live") == "polite"
    page.keyboard.press("Shift")
    assert re.search(r"\b2\b", status.inner_text()), "the remaining count is shown"
    assert status.is_visible()
    page.keyboard.press("Shift")
    assert re.search(r"\b1\b", status.inner_text())
    page.keyboard.press("Shift")
    assert_left(page, server, left)


def test_shift_with_another_key_does_not_count(page, server):
    page.goto(server["base"] + "bantuan.html")
    for _ in range(3):
        page.keyboard.press("Shift+KeyA")
    page.keyboard.down("Shift")
    page.keyboard.press("Tab")
    page.keyboard.up("Shift")
    page.wait_for_timeout(300)
    assert page.url == server["base"] + "bantuan.html"
    assert page.locator("#ra-exit-status").inner_text() == ""


def test_page_hidden_at_once_before_the_exit_site_loads(make_context, server):
    context = make_context()
    # Record, as the page is being left, whether its content was already hidden.
    context.add_init_script(
        "addEventListener('pagehide', () => sessionStorage.setItem('ra-test-display',"
        " getComputedStyle(document.body).display + ' ' + document.documentElement.className))"
    )
    page = context.new_page()
    page.goto(server["base"] + "bantuan.html")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(server["neutral"])
    recorded = page.evaluate("sessionStorage.getItem('ra-test-display')")
    assert recorded.startswith("none ") and "ra-leaving" in recorded


def test_button_leaves_and_back_does_not_return(page, server):
    left = open_two_pages(page, server)
    page.click("#ra-exit")
    assert_left(page, server, left)


def test_english_label(page, server):
    page.goto(server["base"] + "en/index.html")
    assert page.locator("#ra-exit").inner_text().strip() == "Quick exit"
    page.goto(server["base"] + "index.html")
    assert page.locator("#ra-exit").inner_text().strip() == "Keluar cepat"


def test_without_javascript_the_button_is_a_link_to_the_neutral_site(make_context, server, exit_url_built):
    site_yml = yaml.safe_load((ROOT / "content_src" / "site.yml").read_text(encoding="utf-8"))
    assert exit_url_built == site_yml["exit_url"], "the built link is the configured neutral site"
    page = make_context(java_script_enabled=False).new_page()
    page.goto(server["base"] + "bantuan.html")
    assert page.locator("#ra-exit").get_attribute("href") == server["neutral"]
    page.click("#ra-exit")
    page.wait_for_url(server["neutral"])


def test_exit_stays_on_screen_uncovered(make_context, server):
    page = make_context(viewport={"width": 360, "height": 640}).new_page()
    page.goto(server["base"] + "bantuan.html")
    page.mouse.wheel(0, 5000)
    page.wait_for_timeout(200)
    for drawer_open in (False, True):
        if drawer_open:  # the menu (a <details> disclosure, no JavaScript) must not cover it either
            page.evaluate("window.scrollTo(0, 0)")
            page.click(".ra-menu summary")
            assert page.evaluate("document.querySelector('.ra-menu').open")
        box = page.locator("#ra-exit").bounding_box()
        assert box and 0 <= box["y"] and box["y"] + box["height"] <= 640 and box["x"] + box["width"] <= 360
        on_top = page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y).closest('#ra-exit') !== null",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
        )
        assert on_top, f"something covers the exit button (drawer open: {drawer_open})"


def test_print_hides_exit_and_navigation_keeps_hotlines(page, server):
    page.goto(server["base"] + "bantuan.html")
    page.emulate_media(media="print")
    for hidden in ("#ra-exit", ".ra-header", ".ra-menu", ".ra-footer", ".ra-skip"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".ra-hotline-box").is_visible()
    after = page.evaluate(
        "getComputedStyle(document.querySelector('main a[href^=\"tel:\"]'), '::after').content"
    )
    assert "attr" in after or "tel:" in after


def test_shift_presses_spread_over_more_than_5_seconds_do_not_exit(page, server):
    """The window is 5 s and it slides: press 1 at 0 s, 2 at 2.6 s, 3 at 5.2 s stay; one more at 5.3 s leaves."""
    page.clock.install(time=1_000_000)
    page.goto(server["base"] + "bantuan.html")
    page.clock.pause_at(1_010_000)
    status = page.locator("#ra-exit-status")
    page.keyboard.press("Shift")                      # 0 s
    page.clock.run_for(2600)
    page.keyboard.press("Shift")                      # 2.6 s
    page.clock.run_for(2600)
    page.keyboard.press("Shift")                      # 5.2 s: the first press is more than 5 s old
    page.wait_for_timeout(200)                        # time for a (wrong) navigation to start
    assert page.url == server["base"] + "bantuan.html"
    assert not page.evaluate("document.documentElement.classList.contains('ra-leaving')")
    assert re.search(r"\b1\b", status.inner_text()), "two presses still count: one more to go"
    page.clock.run_for(100)
    page.keyboard.press("Shift")                      # 5.3 s: three presses within 5 s
    page.wait_for_url(server["neutral"])


def test_the_count_clears_after_5_quiet_seconds(page, server):
    page.clock.install(time=1_000_000)
    page.goto(server["base"] + "bantuan.html")
    page.clock.pause_at(1_010_000)
    status = page.locator("#ra-exit-status")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert re.search(r"\b1\b", status.inner_text())
    page.clock.run_for(5000)
    assert status.inner_text() == "", "the count is cleared when the window has passed"
    page.keyboard.press("Shift")
    assert re.search(r"\b2\b", status.inner_text()), "counting starts afresh"


def test_coming_back_through_the_back_forward_cache_shows_the_page(page, server):
    """Chromium under Playwright does not keep pages in the back/forward cache, so the restore is simulated: the
    reader leaves (the neutral site answers "204 No Content", so the hidden page stays), then the browser
    restores it: a pageshow event with `persisted`."""
    asked = []
    page.route(server["neutral"], lambda route: (asked.append(route.request.url), route.fulfill(status=204)))
    page.goto(server["base"] + "bantuan.html")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_function("() => document.documentElement.classList.contains('ra-leaving')")
    assert not page.locator("main").is_visible(), "hidden at once while leaving"
    page.evaluate("dispatchEvent(new PageTransitionEvent('pageshow', {persisted: false}))")
    assert not page.locator("main").is_visible(), "an ordinary pageshow changes nothing"
    page.evaluate("dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert page.locator("main").is_visible(), "restored from the back/forward cache: the page shows again"
    assert page.locator("#ra-exit").is_visible()
    assert page.locator("#ra-exit-status").inner_text() == ""
    assert asked, "the exit did go to the neutral site"


def test_nothing_in_the_header_hides_under_the_exit(make_context, server):
    """The fixed exit covers nothing: the language switch, the name and the menu keep clear of it on a phone."""
    for width in (320, 360, 412):
        page = make_context(viewport={"width": width, "height": 700}).new_page()
        page.goto(server["base"] + "index.html")
        exit_box = page.locator("#ra-exit").bounding_box()
        for selector in (".ra-lang", ".ra-brand", ".ra-menu summary", ".ra-search__input"):
            for box in [page.locator(selector).nth(i).bounding_box() for i in range(page.locator(selector).count())]:
                apart = (box["x"] + box["width"] <= exit_box["x"] or box["y"] >= exit_box["y"] + exit_box["height"]
                         or box["y"] + box["height"] <= exit_box["y"])
                assert apart, f"{selector} under the exit at {width} px: {box} vs {exit_box}"

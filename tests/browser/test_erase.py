"""The erase control: "Hapus jejak situs ini dari perangkat ini" / "Remove this site from this device".

Served over http with service workers allowed: after a visit that filled the offline cache, one use of the control
leaves no cache, no worker registration and none of this site's storage, and the tab is on the neutral site.
"""

from __future__ import annotations

import pytest

from .conftest import site_pages

STATE = """async () => ({
    caches: await caches.keys(),
    registrations: (await navigator.serviceWorker.getRegistrations()).map(r => r.scope),
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
})"""


def visit_and_fill_the_cache(page, server):
    """A reader's visit: the worker starts on the first interaction and keeps pages; the site stores a key."""
    page.goto(server["base"] + "index.html")
    page.click("main h1")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.wait_for_function("() => caches.keys().then(n => n.length ? caches.open(n[0]).then(c => c.keys()) : [])"
                           ".then(k => k.some(r => r.url.endsWith('/bantuan.html')))")
    # What this site would keep in storage is namespaced "ra-"; another site on the same origin keeps its own.
    page.evaluate("localStorage.setItem('ra-test', '1'); sessionStorage.setItem('ra-test', '1');"
                  "localStorage.setItem('other-site', 'keep')")
    page.goto(server["base"] + "jenis-kekerasan.html")   # a second page, kept by the worker too


def used_up(state: dict, other_site_owns: bool) -> None:
    assert state["caches"] == [], f"caches left: {state['caches']}"
    assert state["registrations"] == [], f"workers left: {state['registrations']}"
    assert "ra-test" not in state["local"] and "ra-test" not in state["session"], state
    if other_site_owns:
        assert "other-site" in state["local"], "another site's storage on the same origin is left alone"


@pytest.mark.parametrize("where", ["page", "footer"])
def test_one_use_removes_cache_worker_and_storage_and_leaves_the_site(make_context, server, where):
    context = make_context(service_workers="allow")
    page = context.new_page()
    visit_and_fill_the_cache(page, server)
    before = page.evaluate(STATE)
    assert before["caches"] and before["registrations"] and "ra-test" in before["local"], before
    if where == "page":
        page.goto(server["base"] + "aman-menjelajah.html")
        control = page.locator("main .ra-erase-box a[data-erase]")
    else:
        page.goto(server["base"] + "en/bantuan.html")
        control = page.locator(".ra-erase-footer a[data-erase]")
    assert control.count() == 1 and control.is_visible()
    control.click()
    page.wait_for_url(server["neutral"])
    # The neutral stand-in is on the same origin as the site here, so its page sees the same storage.
    used_up(page.evaluate(STATE), other_site_owns=server["path"] != "/")
    assert not page.url.startswith(server["base"]), "the tab is no longer on the site"


def test_the_control_reads_the_same_in_every_page_footer_and_leads_to_the_instructions(built):
    import re

    for path in site_pages(built):
        html = path.read_text(encoding="utf-8")
        rel = path.relative_to(built).as_posix()
        if rel.endswith("404.html") or "/" in rel and not rel.startswith("en/"):
            continue
        found = re.search(r'<p class="ra-erase-footer"><a class="ra-erase" href="([^"]+)" data-erase>([^<]+)</a>', html)
        assert found, f"{rel}: no erase control in the footer"
        href, label = found.groups()
        assert href.endswith("aman-menjelajah.html#cara-menghapus"), (rel, href)
        wanted = "Remove this site from this device" if rel.startswith("en/") else "Hapus jejak situs ini dari perangkat ini"
        assert label == wanted, (rel, label)


def test_without_javascript_the_control_leads_to_the_instructions(make_context, server):
    page = make_context(java_script_enabled=False).new_page()
    page.goto(server["base"] + "bantuan.html")
    page.click(".ra-erase-footer a[data-erase]")
    page.wait_for_url(server["base"] + "aman-menjelajah.html#cara-menghapus")
    assert page.locator("#cara-menghapus").is_visible()
    steps = page.locator("main").inner_text()
    for browser in ("Chrome", "Samsung Internet", "Safari"):
        assert browser in steps, browser


def test_the_tap_on_the_control_does_not_start_the_worker(make_context, server):
    """A first visit whose first interaction is the erase control: nothing is registered or cached afterwards."""
    page = make_context(service_workers="allow").new_page()
    page.goto(server["base"] + "aman-menjelajah.html")
    page.locator("main .ra-erase-box a[data-erase]").click()
    page.wait_for_url(server["neutral"])
    page.wait_for_timeout(500)   # a worker registered by the tap would show up now
    used_up(page.evaluate(STATE), other_site_owns=False)

/* Ruang Aman: quick exit, service worker, search on demand. No dependencies, no inline code (CSP script-src 'self').
   The only script every page loads; search code and its index load only once the reader starts a search. */
(function () {
  "use strict";
  var doc = document, html = doc.documentElement;
  var me = doc.currentScript;
  // The site root, from this script's own address (…/assets/ra/ruang-aman.js): works under a sub-path and from file://.
  var root = me ? me.src.replace(/assets\/ra\/ruang-aman\.js(\?.*)?$/, "") : "";
  html.classList.remove("no-js");
  html.classList.add("js");

  /* ---- Quick exit ------------------------------------------------------------------------------------------ */
  var exitLink = doc.getElementById("ra-exit");
  var status = doc.getElementById("ra-exit-status");
  var PRESSES = 3, WINDOW_MS = 5000;
  var presses = [], shiftDown = false, shiftAlone = false, clearTimer = 0;

  function leave() {
    // Hide at once: the page must not stay on screen while the neutral site loads.
    html.classList.add("ra-leaving");
    var target = exitLink ? exitLink.getAttribute("data-exit") || exitLink.href : "about:blank";
    // replace(): the page is not left behind in the history, so Back does not return to it.
    window.location.replace(target);
  }

  function say(text) {
    if (status) status.textContent = text;
  }

  function resetCount() {
    presses = [];
    say("");
  }

  if (exitLink) {
    exitLink.addEventListener("click", function (event) {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      leave();
    });
  }

  doc.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) {
        shiftDown = true;
        // Shift pressed together with Ctrl, Alt or Meta is a shortcut, not a press towards the exit.
        shiftAlone = !(event.ctrlKey || event.altKey || event.metaKey);
      }
      return;
    }
    // Any other key while Shift is held (a capital letter, Shift+Tab): that Shift press does not count.
    if (shiftDown) shiftAlone = false;
  }, true);

  doc.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    var counts = shiftDown && shiftAlone;
    shiftDown = shiftAlone = false;
    if (!counts) return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < WINDOW_MS; });
    presses.push(now);
    if (presses.length >= PRESSES) {
      resetCount();
      leave();
      return;
    }
    var template = (status && status.getAttribute("data-template")) || "{n}";
    say(template.replace("{n}", String(PRESSES - presses.length)));
    clearTimeout(clearTimer);
    clearTimer = setTimeout(resetCount, WINDOW_MS);
  }, true);

  // Coming back through the back/forward cache: show the page again and start counting afresh.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      html.classList.remove("ra-leaving");
      resetCount();
    }
  });

  /* ---- Service worker (http/https only, never from file://) ------------------------------------------------
     Not during the first load (which stays within its budget): the worker starts on the reader's first
     interaction, or when the page is being hidden. Then this page, the files it used and its language's core
     pages are kept (sw.js), so a return visit works without a connection. */
  var sw = "serviceWorker" in navigator && /^https?:$/.test(location.protocol) && root ? navigator.serviceWorker : null;
  if (sw) {
    var TRIGGERS = ["pointerdown", "keydown", "touchstart", "scroll"];
    var listen = { capture: true, passive: true };
    var keptBy = null;
    var keep = function (worker) {
      if (!worker || worker === keptBy) return;
      keptBy = worker;
      var used = (performance.getEntriesByType ? performance.getEntriesByType("resource") : [])
        .map(function (e) { return e.name; })
        .filter(function (u) { return u.indexOf(root) === 0; });
      // Addresses without query or fragment: whatever an address carried never reaches the cache.
      worker.postMessage({ keep: [location.href].concat(used).map(function (u) { return u.split(/[?#]/)[0]; }),
        lang: html.lang });
    };
    var whenHidden = function () {
      if (doc.visibilityState === "hidden") start();
    };
    var start = function () {
      TRIGGERS.forEach(function (type) { window.removeEventListener(type, start, listen); });
      doc.removeEventListener("visibilitychange", whenHidden);
      window.removeEventListener("pagehide", start);
      sw.register(root + "sw.js", { scope: root })
        .then(function () { return sw.ready; })
        .then(function (registration) { keep(registration.active); })
        .catch(function () {});
      // A new version replaces the cache: it keeps this page again.
      sw.addEventListener("controllerchange", function () { keep(sw.controller); });
    };
    TRIGGERS.forEach(function (type) { window.addEventListener(type, start, listen); });
    doc.addEventListener("visibilitychange", whenHidden);
    window.addEventListener("pagehide", start);
  }

  /* ---- Search in place, without a trace ------------------------------------------------------------------------
     The query never enters an address, a title or the history: the form is never submitted, results appear in the
     page's own panel (#ra-search-panel). ra-search.js and this language's index (scripts, so they load from file://
     too) are fetched only when the reader starts a search. */
  var form = doc.getElementById("ra-search-form");
  var input = doc.getElementById("ra-q");
  var panel = doc.getElementById("ra-search-panel");
  // An address that carries a query (an old link to search.html?q=...): keep the page, drop the query from the entry.
  if (location.search && window.history && history.replaceState) {
    try { history.replaceState(null, "", location.href.split(/[?#]/)[0] + location.hash); } catch (e) { /* file:// */ }
  }
  if (form && input && panel) {
    var state = "idle";
    var load = function (src, done, failed) {
      var s = doc.createElement("script");
      s.src = src;
      s.onload = done;
      s.onerror = function () { s.remove(); failed(); };
      doc.head.appendChild(s);
    };
    var failed = function () {
      state = "idle";   // the next keystroke tries again (the connection may be back)
      panel.hidden = false;
      doc.getElementById("ra-search-status").textContent = panel.getAttribute("data-unavailable");
    };
    var begin = function () {
      if (state !== "idle" || !input.value.trim()) return;
      state = "loading";
      load(root + "assets/ra/ra-search.js", function () {
        load(root + "assets/ra/search-" + panel.getAttribute("data-lang") + ".js", function () {
          state = "ready";
          if (window.RuangAmanSearch) window.RuangAmanSearch.attach(form, input, panel);
        }, failed);
      }, failed);
    };
    form.addEventListener("submit", function (event) {
      event.preventDefault();   // never a navigation: no address, no history entry, no server log line
      begin();
    });
    input.addEventListener("input", begin);
  }
})();

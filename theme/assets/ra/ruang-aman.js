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

  var erasing = false;    // set by the erase control: the worker must not start or keep anything from then on
  var registering = null; // the worker's registration while it is under way

  /* ---- Service worker (http/https only, never from file://) ------------------------------------------------
     Not during the first load (which stays within its budget): the worker starts on the reader's first
     interaction, or when the page is being hidden. Then this page, the files it used and its language's core
     pages are kept (sw.js), so a return visit works without a connection. */
  var sw = "serviceWorker" in navigator && /^https?:$/.test(location.protocol) && root ? navigator.serviceWorker : null;
  // The self-check sends nothing while the reader answers: there the worker starts only when the page is hidden.
  var check = doc.getElementById("ra-check");
  if (sw) {
    var TRIGGERS = check ? [] : ["pointerdown", "keydown", "touchstart", "scroll"];
    var listen = { capture: true, passive: true };
    var keptBy = null;
    var keep = function (worker) {
      if (erasing || !worker || worker === keptBy) return;
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
    var start = function (event) {
      // A tap on the erase control must not start the worker it is about to remove.
      var target = event && event.target;
      if (erasing || (target && target.closest && target.closest("[data-erase]"))) return;
      TRIGGERS.forEach(function (type) { window.removeEventListener(type, start, listen); });
      doc.removeEventListener("visibilitychange", whenHidden);
      window.removeEventListener("pagehide", start);
      registering = sw.register(root + "sw.js", { scope: root });
      registering
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

  /* ---- Remove this site from this device -------------------------------------------------------------------
     Every [data-erase] control (the browsing-safety page and every page's footer): unregister this site's service
     worker, delete its caches and its keys in local and session storage, then leave for the neutral site, as the
     quick exit does. Only this site's own data: other sites may share the address's origin (GitHub Pages), so
     registrations are matched by scope, caches and storage keys by the "ra-" prefix this site writes with; a site
     served at the origin's root owns the origin, and its storage is cleared whole. Without JavaScript the control
     is a link to the instructions. It never waits more than 3 s before leaving. */
  var ERASE_WAIT_MS = 3000;

  function eraseStorage(store) {
    if (!store) return;
    var ownsOrigin = root === location.origin + "/";
    if (ownsOrigin) { store.clear(); return; }
    for (var i = store.length - 1; i >= 0; i--) {
      var k = store.key(i);
      if (k && k.indexOf("ra-") === 0) store.removeItem(k);
    }
  }

  function quietly(promise) {
    return promise.catch(function () {});
  }

  function unregisterOurs() {
    if (!("serviceWorker" in navigator) || !navigator.serviceWorker.getRegistrations) return Promise.resolve();
    // A registration under way would otherwise escape: wait for it first.
    return quietly(registering || Promise.resolve()).then(function () {
      return navigator.serviceWorker.getRegistrations();
    }).then(function (regs) {
      return Promise.all(regs.filter(function (r) { return r.scope.indexOf(root) === 0; })
        .map(function (r) { return r.unregister(); }));
    });
  }

  function deleteOurCaches() {
    if (!window.caches || !caches.keys) return Promise.resolve();
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n.indexOf("ra-") === 0; })
        .map(function (n) { return caches.delete(n); }));
    });
  }

  function erase() {
    erasing = true;
    html.classList.add("ra-leaving");
    try { eraseStorage(window.localStorage); } catch (e) { /* storage blocked: nothing of ours in it */ }
    try { eraseStorage(window.sessionStorage); } catch (e) { /* as above */ }
    // The worker goes first, so that it cannot fill a cache again after the caches are gone.
    var done = quietly(unregisterOurs()).then(function () { return quietly(deleteOurCaches()); });
    var timeout = new Promise(function (resolve) { setTimeout(resolve, ERASE_WAIT_MS); });
    Promise.race([done, timeout]).then(leave);
  }

  Array.prototype.forEach.call(doc.querySelectorAll("[data-erase]"), function (control) {
    control.addEventListener("click", function (event) {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      erase();
    });
  });

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

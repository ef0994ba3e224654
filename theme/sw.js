/* Ruang Aman service worker. Template: scripts/ruang_aman/offline.py fills in the version and the core files
   and writes it to the site's root, so its scope is the site's folder (also under a sub-path, e.g. GitHub Pages).
   Pages and files a reader opened are kept, plus the core pages on the first visit; a new build has a new
   version, whose cache replaces the old one. */
"use strict";
var VERSION = "ra-__VERSION__";
var CORE = __CORE__;
var SCOPE = new URL("./", self.location).pathname;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(VERSION)
      .then(function (cache) { return cache.addAll(CORE); })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys()
      .then(function (keys) {
        return Promise.all(keys.filter(function (k) { return k.indexOf("ra-") === 0 && k !== VERSION; })
          .map(function (k) { return caches.delete(k); }));
      })
      .then(function () { return self.clients.claim(); })
  );
});

// One key per file: search.html?q=... is search.html; the folder's address is its index.html.
function key(url) {
  var path = url.pathname.replace(/\/$/, "/index.html");
  return url.origin + path;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.indexOf(SCOPE) !== 0) return;
  if (/\.(zip|pdf)$/.test(url.pathname)) return;   // downloads go straight to the network, never into the cache
  event.respondWith(
    caches.open(VERSION).then(function (cache) {
      return cache.match(key(url)).then(function (hit) {
        if (hit) return hit;
        return fetch(request).then(function (response) {
          if (response.ok && response.type === "basic") cache.put(key(url), response.clone());
          return response;
        }).catch(function () {
          if (request.mode === "navigate") return cache.match(self.location.origin + SCOPE + "index.html");
          return Response.error();
        });
      });
    })
  );
});

/* Ruang Aman service worker. Template: scripts/ruang_aman/offline.py fills in the version and the core pages
   and writes it to the site's root, so its scope is the site's folder (also under a sub-path, e.g. GitHub Pages).
   ruang-aman.js registers it on the reader's first interaction (never during the first load) and then sends the
   page's own address, the files it used and its language: those and that language's core pages (home, get help)
   are kept. From then on every page and file the reader opens is kept as well. A new build has a new version,
   whose cache replaces the old one. */
"use strict";
var VERSION = "ra-__VERSION__";
// {lang: [home, get help]}, relative to the scope
var CORE = __CORE__;
var SCOPE = new URL("./", self.location).pathname;

self.addEventListener("install", function (event) {
  event.waitUntil(self.skipWaiting());
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

// Only files of this site that belong in the cache: downloads (zip, pdf) go straight to the network.
function keepable(url) {
  return url.origin === self.location.origin && url.pathname.indexOf(SCOPE) === 0 && !/\.(zip|pdf)$/.test(url.pathname);
}

// A page asks to keep itself, its files and its language's core pages; each file is fetched once.
self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (!Array.isArray(data.keep)) return;
  var core = Object.prototype.hasOwnProperty.call(CORE, data.lang) ? CORE[data.lang] : [];
  var wanted = {};
  data.keep.concat(core).forEach(function (u) {
    try {
      var url = new URL(u, self.location.origin + SCOPE);
      if (keepable(url)) wanted[key(url)] = url.origin + url.pathname;
    } catch (e) { /* not an address */ }
  });
  event.waitUntil(
    caches.open(VERSION).then(function (cache) {
      return Promise.all(Object.keys(wanted).map(function (k) {
        return cache.match(k).then(function (hit) {
          if (hit) return null;
          return fetch(wanted[k]).then(function (response) {
            if (response.ok && response.type === "basic") return cache.put(k, response);
            return null;
          }).catch(function () { return null; });
        });
      }));
    })
  );
});

// Offline and not kept: the home page of the address's language (the longest folder that matches), else any home.
function home(cache, url) {
  var homes = Object.keys(CORE).map(function (lang) { return new URL(CORE[lang][0], self.location.origin + SCOPE); });
  homes.sort(function (a, b) {
    var da = url.pathname.indexOf(a.pathname.replace(/[^/]*$/, "")) === 0 ? a.pathname.length : 0;
    var db = url.pathname.indexOf(b.pathname.replace(/[^/]*$/, "")) === 0 ? b.pathname.length : 0;
    return db - da;
  });
  return homes.reduce(function (found, h) {
    return found.then(function (hit) { return hit || cache.match(key(h)); });
  }, Promise.resolve(undefined));
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (!keepable(url)) return;
  event.respondWith(
    caches.open(VERSION).then(function (cache) {
      return cache.match(key(url)).then(function (hit) {
        if (hit) return hit;
        return fetch(request).then(function (response) {
          if (response.ok && response.type === "basic") cache.put(key(url), response.clone());
          return response;
        }).catch(function () {
          if (request.mode === "navigate") {
            return home(cache, url).then(function (page) { return page || Response.error(); });
          }
          return Response.error();
        });
      });
    })
  );
});

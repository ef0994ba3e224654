/* Ruang Aman search: loaded by ruang-aman.js when a reader starts a search (on any page's box, or on the search page),
   together with the index of the page's language (assets/ra/search-<lang>.js, a script so that it also loads from
   file:// where fetch() of local files is blocked). Results come from that one index, so they are always in the
   page's language, and are drawn in place into #ra-search-panel: a query never enters an address or the history. */
(function () {
  "use strict";

  var STOP = {
    id: ("ada adalah agar akan aku anda apa apakah atau bagi bahwa banyak begitu belum bila bisa boleh dalam dan dapat " +
      "dari dengan di dia ia ini itu jadi jika juga kalau kami kamu karena ke kita lagi lain maka mana masih mereka " +
      "oleh pada para saat saja sangat saya se sebagai sedang seperti sudah supaya tak tapi tetapi tidak untuk yaitu " +
      "yang nya pun lah kah").split(" "),
    en: ("a about an and are as at be but by can do does for from has have how i if in into is it its may me my no " +
      "not of on or our so that the their them then there these they this to was we what when where which who will " +
      "with you your").split(" ")
  };

  /* A small Indonesian affix stripper (after Nazief & Adriani, simplified). Documents and queries go through the
     same function, so "melaporkan", "pelaporan" and "laporan" all meet at "lapor". */
  function stemId(word) {
    var w = word, stripped = false;
    if (w.length <= 4) return w;
    w = cut(w, /(lah|kah|tah|pun)$/, 4);
    w = cut(w, /(nya|ku|mu)$/, 4);
    // One prefix, then at most a second one of ber-/ter-/per- (di+per+kosa, pem+per+kosa+an); never the same twice.
    var once = prefix(w, false);
    if (once !== w) {
      stripped = true;
      w = prefix(once, true);
    }
    // One derivational suffix at most; -i only after a prefix (me-lindung-i), so "polisi" stays whole.
    if (/kan$/.test(w)) return cut(w, /kan$/, 3);
    if (/an$/.test(w)) return cut(w, /an$/, 4);
    return stripped ? cut(w, /i$/, 4) : w;
  }

  function cut(w, re, min) {
    var out = w.replace(re, "");
    return out.length >= min ? out : w;
  }

  function prefix(w, secondOnly) {
    var m;
    if ((m = /^(ber|ter|per)(.*)$/.exec(w))) return keep(w, m[2]);
    if (secondOnly) return w;
    if ((m = /^(me|pe)ny([aiueo].*)$/.exec(w))) return keep(w, "s" + m[2]);
    if ((m = /^(me|pe)ng([aiueo].*)$/.exec(w))) return keep(w, m[2]);
    if ((m = /^(me|pe)ng([gkh].*)$/.exec(w))) return keep(w, m[2]);
    if ((m = /^(me|pe)n([aiueo].*)$/.exec(w))) return keep(w, "t" + m[2]);
    if ((m = /^(me|pe)n([cdjtsz].*)$/.exec(w))) return keep(w, m[2]);
    if ((m = /^(me|pe)m([aiueo].*)$/.exec(w))) return keep(w, "p" + m[2]);
    if ((m = /^(me|pe)m([bpf].*)$/.exec(w))) return keep(w, m[2]);
    if ((m = /^(me|pe)([lmnrwy].*)$/.exec(w))) return keep(w, m[2]);
    if ((m = /^(di|ke|se)(.*)$/.exec(w))) return keep(w, m[2]);
    return w;
  }

  function keep(w, rest) {
    return rest.length >= 4 ? rest : w;
  }

  /* A light English suffix stemmer: reports/reported/reporting -> report, abuse/abused -> abus. */
  function stemEn(word) {
    var w = word.replace(/'s$/, "");
    if (w.length <= 3) return w;
    if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + "y";
    if (/(ss|us|is)$/.test(w)) return w;
    if (/sses$/.test(w)) return w.slice(0, -2);
    w = w.replace(/s$/, "");
    var m = /^(.{3,}?)(ing|ed|ly)$/.exec(w);
    if (m) {
      w = m[1];
      if (/([bdgklmnprt])\1$/.test(w)) w = w.slice(0, -1);
    }
    if (w.length > 4) w = w.replace(/e$/, "");
    return w;
  }

  /* The stemmer named by the index (content_src/site.yml: the language's `stemmer`); a language without
     one gets none, never another language's. */
  var STEMMERS = { id: stemId, en: stemEn };
  function noStem(word) { return word; }
  function stemmerOf(name) { return STEMMERS[name] || noStem; }

  function tokens(text, lang, stemmer) {
    var stop = STOP[lang] || [], stem = stemmerOf(stemmer), out = [];
    var words = text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").match(/[a-z0-9]+(?:'s)?/g) || [];
    for (var i = 0; i < words.length; i++) {
      if (stop.indexOf(words[i]) === -1) out.push(stem(words[i]));
    }
    return out;
  }

  function weigh(doc, lang, stemmer) {
    var weights = {};
    var add = function (text, weight) {
      tokens(text, lang, stemmer).forEach(function (t) { weights[t] = (weights[t] || 0) + weight; });
    };
    add(doc.t, 10);
    (doc.h || []).forEach(function (h) { add(h, 4); });
    add(doc.x, 1);
    return weights;
  }

  function search(index, query) {
    var terms = tokens(query, index.lang, index.stemmer);
    if (!terms.length) return [];
    var all = [], some = [];
    index.docs.forEach(function (doc) {
      doc.w = doc.w || weigh(doc, index.lang, index.stemmer);
      var score = 0, found = 0;
      terms.forEach(function (t) {
        if (doc.w[t]) { score += doc.w[t]; found++; }
      });
      if (found === terms.length) all.push({ doc: doc, score: score });
      else if (found) some.push({ doc: doc, score: score });
    });
    var list = all.length ? all : some;
    list.sort(function (a, b) { return b.score - a.score || a.doc.t.localeCompare(b.doc.t); });
    return list.map(function (r) { return r.doc; });
  }

  // A short excerpt around the first word that matches, built as text nodes (no HTML from the index is trusted).
  function snippet(doc, query, lang, stemmer) {
    var wanted = tokens(query, lang, stemmer), text = doc.x, re = /[A-Za-z0-9\u00C0-\u024F]+/g, m;
    var stem = stemmerOf(stemmer);
    while ((m = re.exec(text))) {
      if (wanted.indexOf(stem(m[0].toLowerCase())) !== -1) break;
    }
    var at = m ? m.index : 0, from = Math.max(0, at - 60), to = Math.min(text.length, at + 140);
    var p = document.createElement("p");
    p.appendChild(document.createTextNode((from > 0 ? "… " : "") + text.slice(from, at)));
    if (m) {
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      p.appendChild(mark);
      p.appendChild(document.createTextNode(text.slice(at + m[0].length, to) + (to < text.length ? " …" : "")));
    } else {
      p.appendChild(document.createTextNode(text.slice(at, to) + (to < text.length ? " …" : "")));
    }
    return p;
  }

  // The results of one query, drawn into the panel as elements and text (nothing from the index is parsed as HTML).
  function show(panel, query, index) {
    var status = panel.querySelector(".ra-search-status"), list = panel.querySelector(".ra-results");
    var base = panel.getAttribute("data-base") || "";
    list.textContent = "";
    if (!query.trim()) {
      status.textContent = "";
      return;
    }
    var found = search(index, query);
    status.textContent = found.length ? found.length + " " + panel.getAttribute("data-results") : panel.getAttribute("data-none");
    found.forEach(function (doc) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = base + doc.u;
      a.textContent = doc.t;
      li.appendChild(a);
      li.appendChild(snippet(doc, query, index.lang, index.stemmer));
      list.appendChild(li);
    });
  }

  /* Search in place (ruang-aman.js calls this once the code and the index are loaded): typing shows results after a
     short pause, Enter at once. The query stays in the box and the panel: no address, title or history changes.
     On pages other than the search page the panel shows while the box holds a query. */
  function attach(form, input, panel) {
    var index = window.RuangAmanIndex;
    if (!index) return;
    var timer = 0, always = panel.hasAttribute("data-always");
    var run = function () {
      clearTimeout(timer);
      var query = input.value;
      if (!always) panel.hidden = !query.trim();
      show(panel, query, index);
    };
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 200);
    });
    form.addEventListener("submit", run);
    run();
  }

  window.RuangAmanSearch = { attach: attach, show: show, search: search, stemId: stemId, stemEn: stemEn, tokens: tokens };
})();

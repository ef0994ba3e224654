/* Ruang Aman search: loaded by ruang-aman.js when a reader starts a search (on any page's box, or on the search page),
   together with the index of the page's language (assets/ra/search-<lang>.js, a script so that it also loads from
   file:// where fetch() of local files is blocked). Results come from that one index, so they are always in the
   page's language, and are drawn in place into #ra-search-panel: a query never enters an address or the history.

   The index carries, besides the pages, the root of every word on the site (found at build time by a dictionary
   stemmer, PySastrawi for Indonesian) and the readers' synonyms (content_src/synonyms/<lang>.yml). A query word
   that is on the site takes its root from the index; any other word goes through the light rules below, and the
   first reading whose root is on the site wins. Everything here is pure except show() and attach(). */
(function () {
  "use strict";


  /* ---- Indonesian light rules (after Nazief & Adriani, no dictionary) --------------------------------------------
     For words that are not on the site. stemId() is the usual reading; readingsId() lists every reading, so that
     the query side can pick the first whose root the site knows. */
  // Roots that begin like a prefix: "diperkosa" is di + perkosa, never di + per + kosa.
  var WHOLE = /^(perkosa|periksa|perempuan|pertama|setubuh)/;
  // me-/pe- + n + vowel usually hides a t (menolong: tolong), but these roots begin with n themselves.
  var N_ROOTS = /^(nikah|nilai|nanti|nafkah|nasihat|nyata|nyaman|nyawa)/;
  var VOWEL = /^[aiueo]/;

  function stemId(word) {
    var w = word, whole;
    if (w.length <= 3) return w;
    if ((whole = WHOLE.exec(w))) return whole[1];
    if (w.length >= 7) w = cut(w, /pun$/, 4);
    if (/nya$/.test(w)) w = cut(w, /nya$/, 3);
    else if (w.length >= 6) w = cut(w, /(ku|mu)$/, 4);
    var first = prefixId(w, ""), second = null;
    if (first) {
      w = first.rest;
      if ((whole = WHOLE.exec(w))) return whole[1];
      second = prefixId(w, first.kind);
      if (second) w = second.rest;
      if ((whole = WHOLE.exec(w))) return whole[1];
    }
    return suffixId(w, first ? first.kind : "");
  }

  /* One prefix: {rest, kind} or null. After a first prefix only ber-/ter-/per- may follow (di+per+kosa is handled by
     WHOLE; mem+per+tahan+kan). ke- only with its -an (kekerasan), so "keluarga" and "keras" stay whole. */
  function prefixId(w, after) {
    var m;
    if ((m = /^(ber|ter|per)(.+)$/.exec(w)) && m[2].length >= 4) return { rest: m[2], kind: m[1] };
    if ((m = /^(bel|pel)(ajar.*)$/.exec(w))) return { rest: m[2], kind: m[1] === "bel" ? "ber" : "per" };
    if (after) return null;
    if ((m = /^di(.{3,})$/.exec(w))) return { rest: m[1], kind: "di" };
    if ((m = /^ke(.{4,})$/.exec(w)) && /an$/.test(w)) return { rest: m[1], kind: "ke" };
    // Spoken forms: ngelapor, ngebully; nyakitin (sakit); ngaku, ngomong.
    if ((m = /^nge([^aiueo].{3,})$/.exec(w))) return { rest: m[1], kind: "nge" };
    if ((m = /^ny([aiueo].{3,})$/.exec(w))) return { rest: "s" + m[1], kind: "nge" };
    if ((m = /^ng([aiueo].{3,})$/.exec(w))) return { rest: m[1], kind: "nge" };
    if (!(m = /^(me|pe)(.*)$/.exec(w))) return null;
    var kind = m[1], r = m[2], x;
    if ((x = /^ng([aiueo].{2,})$/.exec(r)) || (x = /^ng([gkh].{2,})$/.exec(r))) return { rest: x[1], kind: kind };
    if ((x = /^ny([aiueo].{2,})$/.exec(r))) return { rest: "s" + x[1], kind: kind };
    if ((x = /^n([aiueo].{2,})$/.exec(r))) return { rest: (N_ROOTS.test("n" + x[1]) ? "n" : "t") + x[1], kind: kind };
    if ((x = /^n([cdjstz].{2,})$/.exec(r))) return { rest: x[1], kind: kind };
    if ((x = /^m([aiueo].{2,})$/.exec(r))) return { rest: "p" + x[1], kind: kind };
    if ((x = /^m([bpf].{2,})$/.exec(r))) return { rest: x[1], kind: kind };
    if ((x = /^([lrwy][aiueo].{2,})$/.exec(r))) return { rest: x[1], kind: kind };
    if (kind === "pe" && (x = /^([bcdghjkpst][aiueo].{2,})$/.exec(r))) return { rest: x[1], kind: kind };
    return null;
  }

  /* One suffix, as the prefix allows: pe-/per-/ke- nouns end in -an (penculikan: culik, not culi + kan); ber-, ke-
     and se- never take -i (bercerai: cerai); di- and me- never take -an (ditahan: tahan). -in is spoken -i/-kan. */
  function suffixId(w, kind) {
    var noun = kind === "pe" || kind === "per" || kind === "ke";
    if (kind && kind !== "pe" && kind !== "per" && /in$/.test(w) && w.length >= 6) return w.slice(0, -2);
    if (/kan$/.test(w) && !noun && w.length >= 6) return w.slice(0, -3);
    if (/an$/.test(w) && kind !== "di" && kind !== "me" && kind !== "ter") {
      var rest = w.slice(0, -2);
      if (rest.length >= 4 || (rest.length === 3 && (kind || /[aiueo]$/.test(rest)))) return rest;
    }
    if (/[^a]i$/.test(w) && kind && kind !== "ber" && kind !== "ke" && w.length >= 5) return w.slice(0, -1);
    return w;
  }

  function cut(w, re, min) {
    var out = w.replace(re, "");
    return out.length >= min ? out : w;
  }

  /* Every reading of a word, fewest affixes first: the word, without an ending, without a prefix (each spelling the
     prefix may hide: mengawini -> awini, kawini; menikah -> tikah, nikah; mukul -> pukul), both, and the usual reading. */
  var PREFIXES = [
    [/^(di|ke|se|ter|ber|per|nge|ng)(.{3,})$/, ["$2"]],
    [/^(?:me|pe)ng([aiueo].+)$/, ["$1", "k$1"]],
    [/^(?:me|pe)ng([gkh].+)$/, ["$1"]],
    [/^(?:me|pe)?ny([aiueo].+)$/, ["s$1", "ny$1"]],
    [/^(?:me|pe)n([aiueo].+)$/, ["t$1", "n$1"]],
    [/^(?:me|pe)n([cdjstz].+)$/, ["$1"]],
    [/^(?:me|pe)m([aiueo].+)$/, ["p$1", "m$1"]],
    [/^(?:me|pe)m([bpf].+)$/, ["$1"]],
    [/^(?:me|pe|be|te)([a-z].{3,})$/, ["$1"]],
    [/^n([aiueo].{3,})$/, ["t$1"]],                 // spoken nampar, nendang: tampar, tendang
    [/^m([aiueo].{3,})$/, ["p$1"]],                 // spoken mukul: pukul
    [/^ng([aiueo].{3,})$/, ["k$1"]]                 // spoken ngasih: kasih
  ];
  var ENDINGS = /(nya|ku|mu|pun|lah|kah|kan|an|in|i)$/;

  function readingsId(word) {
    var out = [word], i, j;
    var add = function (w) { if (w.length >= 3 && out.indexOf(w) === -1) out.push(w); };
    var unsuffix = function (w) { var m = ENDINGS.exec(w); return m ? [w.slice(0, -m[1].length)] : []; };
    var unprefix = function (w) {
      var found = [];
      PREFIXES.forEach(function (p) {
        if (p[0].test(w)) p[1].forEach(function (r) { found.push(w.replace(p[0], r)); });
      });
      return found;
    };
    var ends = unsuffix(word), starts = unprefix(word);
    ends.forEach(add);
    ends.forEach(function (e) { unsuffix(e).forEach(add); });
    starts.forEach(add);
    for (i = 0; i < starts.length; i++) {
      var s1 = unsuffix(starts[i]);
      s1.forEach(add);
      s1.forEach(function (e) { unsuffix(e).forEach(add); });
      var again = unprefix(starts[i]);
      for (j = 0; j < again.length; j++) {
        add(again[j]);
        unsuffix(again[j]).forEach(add);
      }
    }
    add(stemId(word));
    return out;
  }

  /* ---- English: a light suffix stemmer (reports/reported/reporting -> report, abuse/abused -> abus) ------------- */
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

  /* The light rules named by the index (content_src/site.yml: the language's `stemmer`); a language without one gets
     none, never another language's. */
  var LIGHT = { id: stemId, en: stemEn };
  function noStem(word) { return word; }

  function words(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").match(/[a-z0-9]+(?:'s)?/g) || [];
  }

  /* The roots of a text as this index sees them: its language's stop words dropped (they travel with the index). */
  function tokens(text, index) {
    return roots(prepare(index), text);
  }

  /* ---- The index, prepared once: vocabulary, roots, page fields, synonym groups --------------------------------- */
  function prepare(index) {
    if (index.p) return index.p;
    var lang = index.lang, light = LIGHT[index.stemmer] || noStem;
    var p = { lang: lang, stop: (index.stop || "").split(" "), map: {}, vocab: {}, roots: {}, df: {}, memo: {}, light: light,
      readings: index.stemmer === "id" ? readingsId : null, indexed: typeof index.r === "string", phrases: {}, literal: {}, docs: [] };
    (index.r || "").split(";").forEach(function (entry) {
      var at = entry.indexOf(":");
      if (at < 0) return;
      var root = entry.slice(0, at);
      p.roots[root] = 1;
      entry.slice(at + 1).split(",").forEach(function (form) { p.map[form.replace("~", root)] = root; });
    });
    var known = function (w) {
      if (p.stop.indexOf(w) !== -1) return;
      p.vocab[w] = (p.vocab[w] || 0) + 1;
      if (!p.map[w] && p.indexed) p.roots[w] = 1;
    };
    for (var form in p.map) p.vocab[form] = p.vocab[form] || 1;
    var cards = {};
    index.docs.forEach(function (doc) { (doc.h || []).forEach(function (h) { cards[h] = (cards[h] || 0) + 1; }); });
    index.docs.forEach(function (doc) {
      var fields = { t: {}, h: {}, d: {}, b: {}, n: 0, doc: doc, at: p.docs.length };
      var put = function (text, into) {
        words(text).forEach(function (w) {
          known(w);
          if (p.stop.indexOf(w) !== -1) return;
          var r = rootOf(p, w);
          into[r] = (into[r] || 0) + 1;
        });
      };
      put(doc.t, fields.t);
      // A heading on three pages or more is a card (a service's name): what the page is about only on the get-help
      // page, which describes the services; elsewhere it counts as text.
      (doc.h || []).forEach(function (h) { put(h, cards[h] >= 3 && doc.u !== index.help ? fields.b : fields.h); });
      put(doc.d || "", fields.d);
      // The body: each root once (roots when the index has them, else words).
      (doc.b || "").split(" ").forEach(function (w) {
        if (!w) return;
        known(w);
        var r = p.indexed ? w : rootOf(p, w);
        if (!fields.b[r]) fields.n++;
        fields.b[r] = 1;
      });
      var seen = {};
      [fields.t, fields.h, fields.d, fields.b].forEach(function (f) { for (var r in f) seen[r] = 1; });
      for (var r in seen) p.df[r] = (p.df[r] || 0) + 1;
      p.docs.push(fields);
    });
    p.avg = p.docs.reduce(function (s, d) { return s + d.n; }, 0) / Math.max(1, p.docs.length);
    (index.s || []).forEach(function (group) {
      var seqs = group.map(function (term) {
        words(term).forEach(known);
        var seq = roots(p, term);
        if (index.ph && index.ph[term]) p.literal[seq.join(" ")] = index.ph[term];
        return seq;
      }).filter(function (seq) { return seq.length; });
      seqs.forEach(function (seq) {
        var key = seq.join(" ");
        (p.phrases[key] = p.phrases[key] || []).push(seqs);
      });
    });
    index.p = p;
    return p;
  }

  /* The root of one word: from the index when the word is on the site, else the first reading the site knows. */
  function rootOf(p, w) {
    if (p.memo[w]) return p.memo[w];
    var root = null;
    if (p.indexed) root = p.map[w] || (p.vocab[w] || p.roots[w] ? w : null);
    if (!root && p.readings) {
      var all = p.readings(w);
      for (var i = 0; i < all.length && !root; i++) {
        if (p.map[all[i]]) root = p.map[all[i]];
        else if (p.roots[all[i]]) root = all[i];
      }
    }
    root = root || p.light(w);
    p.memo[w] = root;
    return root;
  }

  function roots(p, text) {
    return words(text).filter(function (w) { return p.stop.indexOf(w) === -1; }).map(function (w) { return rootOf(p, w); });
  }

  /* The query as slots: each a word or a synonym phrase, with the roots that may stand for it (its own first). */
  function slots(p, query) {
    var ws = words(query).filter(function (w) { return p.stop.indexOf(w) === -1; });
    var rs = ws.map(function (w) { return rootOf(p, w); }), out = [];
    for (var i = 0; i < rs.length;) {
      var best = 0;
      for (var n = Math.min(rs.length - i, 6); n >= 1 && !best; n--) {
        if (p.phrases[rs.slice(i, i + n).join(" ")]) best = n;
      }
      var len = best || 1, own = rs.slice(i, i + len);
      out.push({ words: ws.slice(i, i + len), alts: alternatives(p, own) });
      i += len;
    }
    return out;
  }

  function alternatives(p, own) {
    var alts = [{ roots: own, own: true }], seen = {};
    seen[own.join(" ")] = 1;
    (p.phrases[own.join(" ")] || []).forEach(function (seqs) {
      seqs.forEach(function (seq) {
        if (!seen[seq.join(" ")]) {
          seen[seq.join(" ")] = 1;
          alts.push({ roots: seq, own: false });
        }
      });
    });
    return alts;
  }

  function hits(p, alt) {
    return p.docs.some(function (d) { return alt.roots.every(function (r) { return d.t[r] || d.h[r] || d.d[r] || d.b[r]; }); });
  }

  /* One edit (insert, delete, change, swap two neighbours) between a and b? */
  function oneEdit(a, b) {
    return distance(a, b, 1) === 1;
  }

  // Optimal string alignment distance, giving up (returning max + 1) once it must exceed max.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = [], prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
        low = Math.min(low, cur[j]);
      }
      if (low > max) return max + 1;
      prev2 = prev;
      prev = cur;
    }
    return prev[b.length];
  }

  /* A slot that finds nothing, of one word of five letters or more: the site's words one edit away stand in. */
  function mend(p, slot) {
    if (slot.words.length !== 1 || slot.words[0].length < 5 || slot.alts.some(function (a) { return hits(p, a); })) return;
    var w = slot.words[0], near = [];
    for (var v in p.vocab) if (v.length >= 4 && oneEdit(w, v)) near.push(v);
    if (!near.length) return;
    slot.fixed = near.sort(function (a, b) { return p.vocab[b] - p.vocab[a]; }).slice(0, 3);
    var alts = [];
    slot.fixed.forEach(function (v) { alts = alts.concat(alternatives(p, [rootOf(p, v)])); });
    slot.alts = alts;
  }

  // Field weights: title, headings, the page's description, its text (BM25 with presence only, mild length norm).
  var W = { t: 3, h: 1.5, d: 1 }, K1 = 1.2, B = 0.3;

  function scoreAlt(p, d, alt) {
    var s = 0, head = true;
    for (var i = 0; i < alt.roots.length; i++) {
      var r = alt.roots[i], tf = d.b[r] || 0;
      if (!tf && !d.t[r] && !d.h[r] && !d.d[r]) return null;
      if (!d.t[r] && !d.h[r]) head = false;
      var idf = Math.log(1 + (p.docs.length - (p.df[r] || 0) + 0.5) / ((p.df[r] || 0) + 0.5));
      s += idf * (tf * (K1 + 1) / (tf + K1 * (1 - B + B * d.n / p.avg)) +
        (d.t[r] ? W.t : 0) + (d.h[r] ? W.h : 0) + (d.d[r] ? W.d : 0));
    }
    // A phrase the page holds as written ("rumah aman"), not only its words here and there.
    var literal = alt.roots.length > 1 && p.literal[alt.roots.join(" ")];
    if (literal && literal.indexOf(d.at) !== -1) s *= 2;
    return { score: alt.own ? s : s * 0.7, head: head };
  }

  /* Search one index: {results: [{doc, score, head, roots}], slots}. Pages that match every part of the query come
     first, then those whose title or a heading holds it, then by score (BM25 over the text plus title and headings). */
  function find(index, query) {
    var p = prepare(index), parts = slots(p, query), results = [];
    if (!parts.length) return { results: results, slots: parts };
    parts.forEach(function (slot) { mend(p, slot); });
    p.docs.forEach(function (d) {
      var found = 0, heads = 0, score = 0, wanted = [];
      parts.forEach(function (slot) {
        var best = null, head = false;
        slot.alts.forEach(function (alt) {
          var s = scoreAlt(p, d, alt);
          if (!s) return;
          if (!best || s.score > best.score) best = s;
          head = head || s.head;
          wanted = alt.own ? alt.roots.concat(wanted) : wanted.concat(alt.roots);
        });
        if (best) {
          found++;
          heads += head ? 1 : 0;
          score += best.score;
        }
      });
      if (found) results.push({ doc: d.doc, found: found, head: heads, score: score, roots: wanted });
    });
    var most = results.reduce(function (m, r) { return Math.max(m, r.found); }, 0);
    results = results.filter(function (r) { return r.found === most; });
    results.sort(function (a, b) { return b.head - a.head || b.score - a.score || a.doc.t.localeCompare(b.doc.t); });
    return { results: results, slots: parts };
  }

  function search(index, query) {
    return find(index, query).results.map(function (r) { return r.doc; });
  }

  /* Words of the site closest to a query that found nothing (at most two edits, or the same beginning). */
  function closest(index, query, limit) {
    var p = prepare(index), scored = [];
    var ws = words(query).filter(function (w) { return p.stop.indexOf(w) === -1 && w.length >= 3; });
    for (var v in p.vocab) {
      if (v.length < 4 || /^\d+$/.test(v)) continue;
      var best = 9;
      ws.forEach(function (w) {
        var d = distance(w, v, 2);
        if (d > 2 && v.slice(0, 4) === w.slice(0, 4)) d = 2.5;
        best = Math.min(best, d);
      });
      if (best <= 2.5) scored.push([best, -p.vocab[v], v]);
    }
    scored.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : 1); });
    return scored.slice(0, limit || 5).map(function (s) { return s[2]; });
  }

  /* What a result shows under its title: the heading that holds the query, if one does, then the page's description;
     the first word that matches (the reader's own before a synonym) is marked. Text nodes only: no HTML from the
     index is trusted. */
  function snippet(index, result) {
    var prepared = prepare(index), doc = result.doc, p = el("p"), heading = null;
    (doc.h || []).some(function (h) { return marks(prepared, h, result.roots) < 1e9 && (heading = h); });
    if (heading) {
      p.appendChild(marked(prepared, heading, result.roots, "strong"));
      p.appendChild(document.createTextNode(" · "));
    }
    p.appendChild(marked(prepared, doc.d || "", result.roots));
    return p;
  }

  // The rank (in roots) of the best-matching word of a text, and where it is.
  function marks(prepared, text, roots, at) {
    var re = /[A-Za-z0-9\u00C0-\u024F]+/g, m, rank = 1e9;
    while ((m = re.exec(text))) {
      var w = words(m[0])[0], pos = w ? roots.indexOf(rootOf(prepared, w)) : -1;
      if (pos !== -1 && pos < rank) {
        rank = pos;
        if (at) { at.index = m.index; at.word = m[0]; }
        if (!pos) break;
      }
    }
    return rank;
  }

  function marked(prepared, text, roots, tag) {
    var out = tag ? el(tag) : document.createDocumentFragment(), at = {};
    if (marks(prepared, text, roots, at) < 1e9) {
      out.appendChild(document.createTextNode(text.slice(0, at.index)));
      out.appendChild(el("mark", at.word));
      out.appendChild(document.createTextNode(text.slice(at.index + at.word.length)));
    } else {
      out.appendChild(document.createTextNode(text));
    }
    return out;
  }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function link(href, text) {
    var a = el("a", text);
    a.href = href;
    return a;
  }

  /* No dead end: when nothing is found, the hotlines of this page, the get-help page, the words closest to the query
     that the site does use (a tap searches for one), and every topic. */
  function dead(panel, index, query, pick) {
    var base = panel.getAttribute("data-base") || "", box = el("div", "", "ra-search-none");
    var near = closest(index, query, 5);
    if (near.length && pick) {
      var p = el("p", panel.getAttribute("data-suggest") + " ");
      near.forEach(function (word) {
        var b = el("button", word, "ra-search-word");
        b.type = "button";
        b.addEventListener("click", function () { pick(word); });
        p.appendChild(b);
        p.appendChild(document.createTextNode(" "));
      });
      box.appendChild(p);
    }
    var help = index.docs.filter(function (d) { return d.u === index.help; })[0];
    if (help) box.appendChild(el("p", "", "ra-search-help")).appendChild(link(base + help.u, help.t));
    // The page's own call buttons (the hotline box, or the home page's hotlines), each number once.
    var calls = el("ul", "", "ra-search-calls"), seen = {};
    Array.prototype.forEach.call(document.querySelectorAll("a.ra-call[href^='tel:']"), function (a) {
      if (seen[a.href] || box.contains(a)) return;
      seen[a.href] = 1;
      calls.appendChild(el("li")).appendChild(a.cloneNode(true));
    });
    if (calls.firstChild) box.appendChild(calls);
    box.appendChild(el("h3", panel.getAttribute("data-topics")));
    var topics = box.appendChild(el("ul", "", "ra-search-topics"));
    index.docs.forEach(function (d) {
      if (d.u !== "index.html") topics.appendChild(el("li")).appendChild(link(base + d.u, d.t));
    });
    return box;
  }

  /* The results of one query, drawn into the panel as elements and text (nothing from the index is parsed as HTML).
     pick(word), when given, searches for a word the reader taps in the no-result view. */
  function show(panel, query, index, pick) {
    var status = panel.querySelector(".ra-search-status"), list = panel.querySelector(".ra-results");
    var base = panel.getAttribute("data-base") || "", old = panel.querySelector(".ra-search-none");
    list.textContent = "";
    if (old) old.parentNode.removeChild(old);
    if (!query.trim()) {
      status.textContent = "";
      return;
    }
    var answer = find(index, query), found = answer.results;
    var fixed = answer.slots.filter(function (s) { return s.fixed && found.length; }).map(function (s) { return s.fixed[0]; });
    status.textContent = found.length ? found.length + " " + panel.getAttribute("data-results") +
      (fixed.length ? " (" + panel.getAttribute("data-fixed") + " " + fixed.join(", ") + ")" : "") : panel.getAttribute("data-none");
    found.forEach(function (result) {
      var li = el("li");
      li.appendChild(link(base + result.doc.u, result.doc.t));
      li.appendChild(snippet(index, result));
      list.appendChild(li);
    });
    if (!found.length) list.parentNode.insertBefore(dead(panel, index, query, pick), list.nextSibling);
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
      show(panel, query, index, function (word) {
        input.value = word;
        run();
        input.focus();
      });
    };
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 200);
    });
    form.addEventListener("submit", run);
    run();
  }

  window.RuangAmanSearch = {
    attach: attach, show: show, find: find, search: search, closest: closest, stemId: stemId, stemEn: stemEn,
    readingsId: readingsId, tokens: tokens, root: function (index, word) { return rootOf(prepare(index), word); }
  };
})();

/* Ruang Aman self-check "Apakah ini kekerasan?". Loaded only by a page that shows the self-check (its front matter's ra_scripts, theme/main.html).
   Everything it shows is already in the page (scripts/ruang_aman/selfcheck.py writes it): the questions, what
   each kind of violence means, what each belief gets wrong. The answers live only in the radio buttons: no
   cookie, no storage, nothing in the address, no request. They are wiped on "start again" and when the page is
   left or restored from the back/forward cache. No inline code (CSP script-src 'self'). */
(function () {
  "use strict";
  var doc = document;
  var box = doc.getElementById("ra-check");
  if (!box) return;
  var result = doc.getElementById("ra-check-result");
  var questions = box.querySelectorAll(".ra-check__q");

  function all(selector, root) {
    return Array.prototype.slice.call((root || box).querySelectorAll(selector));
  }

  function who() {
    var chosen = box.querySelector('input[name="ra-who"]:checked');
    return chosen ? chosen.value : "me";
  }

  // Every text written in two voices shows the one the reader chose.
  function voice() {
    var mine = who();
    all("[data-for]").forEach(function (el) { el.hidden = el.getAttribute("data-for") !== mine; });
  }

  // The explanation of a kind (violence.yml) or a belief (myths.yml), as a list item in plain words.
  function item(source) {
    var li = doc.createElement("li");
    var term = source.querySelector("dt"), text = source.querySelector("dd");
    var strong = doc.createElement("strong");
    strong.textContent = term.textContent;
    li.appendChild(strong);
    li.appendChild(doc.createTextNode(": "));
    Array.prototype.forEach.call(text.childNodes, function (n) { li.appendChild(n.cloneNode(true)); });
    return li;
  }

  function show() {
    var kinds = {}, myths = {};
    Array.prototype.forEach.call(questions, function (q) {
      var answer = q.querySelector("input:checked");
      if (!answer || answer.value === "no") return;
      (q.getAttribute("data-kinds") || "").split(" ").forEach(function (k) { if (k) kinds[k] = true; });
      (q.getAttribute("data-myths") || "").split(" ").forEach(function (m) { if (m) myths[m] = true; });
    });
    var found = result.querySelector(".ra-check__found");
    var beliefs = result.querySelector(".ra-check__beliefs");
    found.textContent = "";
    beliefs.textContent = "";
    all(".ra-check__kinds [data-kind]").forEach(function (k) {
      if (kinds[k.getAttribute("data-kind")]) found.appendChild(item(k));
    });
    var facts = all(".ra-check__myths [data-myth]").filter(function (m) { return myths[m.getAttribute("data-myth")]; });
    if (facts.length) {
      var title = doc.createElement("h3");
      title.textContent = beliefs.getAttribute("data-title");
      var list = doc.createElement("ul");
      facts.forEach(function (m) {
        var li = doc.createElement("li");
        li.textContent = m.querySelector("dd").textContent;
        list.appendChild(li);
      });
      beliefs.appendChild(title);
      beliefs.appendChild(list);
    }
    var some = found.children.length > 0 || facts.length > 0;
    result.querySelector('[data-result="some"]').hidden = !some;
    result.querySelector('[data-result="none"]').hidden = some;
    voice();
    result.hidden = false;
    // Screen readers and keyboards go straight to the result.
    result.focus();
  }

  function clear(keepResult) {
    all('input[type="radio"]').forEach(function (input) { input.checked = input.name === "ra-who" && input.value === "me"; });
    if (!keepResult) {
      result.hidden = true;
      result.querySelector(".ra-check__found").textContent = "";
      result.querySelector(".ra-check__beliefs").textContent = "";
    }
    voice();
  }

  box.querySelector(".ra-check__go").addEventListener("click", show);
  result.querySelector(".ra-check__again").addEventListener("click", function () {
    clear(false);
    var first = box.querySelector('input[name="ra-who"]');
    if (first) first.focus();
  });
  all('input[name="ra-who"]').forEach(function (input) { input.addEventListener("change", voice); });
  // Answers never outlive the page: wiped when it is left, and again if the browser brings it back.
  window.addEventListener("pagehide", function () { clear(false); });
  window.addEventListener("pageshow", function () { clear(false); });
  clear(false);
  box.setAttribute("data-ready", "");
})();

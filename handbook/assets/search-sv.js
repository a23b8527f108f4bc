/*
 * Metodbanken: Swedish search for Material's search box.
 *
 * Material's search worker turns every query word into a prefix search and does not stem Swedish.
 * The build (hooks/metodbank/site/search.py) adds stems, compound parts and synonyms to the search index;
 * this script rewrites the query the same way before it reaches the worker: stop words go, every
 * word becomes its stem (and the stem without å/ä/ö), and longer words also get a fuzzy variant so a
 * typo still finds the word. What the user typed stays in the search box.
 *
 * The algorithms MUST stay identical to stem(), fold() and query_terms() in hooks/metodbank/site/search.py;
 * their tables (stop words, suffixes, fold table, letters) are search.py's own, read from the generated
 * assets/metodbank-tables.js (window.metodbankTables.search). tests/search/test_search_eval.py compares
 * both for every word in the handbook.
 *
 * It hooks into Worker.prototype.postMessage, which works for the real web worker (http) and for the
 * iframe-worker shim that Material uses for file:// (offline copy). Without JavaScript nothing changes.
 *
 * Ranking by need: the worker's answer is read through MessageEvent's `data`, and the results are put in
 * order of how many of the query's words the method's title, tags and summary hold (the build puts their
 * forms in the title's hidden block), methods first; lunr's own order breaks ties. A result's "Saknas:"
 * line names the words the reader typed, never our rewritten forms ("anställd anstalld").
 */
(function () {
  "use strict";

  // The word lists, limits and fold table come from hooks/metodbank/site/search.py through the generated
  // assets/metodbank-tables.js; this file keeps only the algorithms.
  var tables = window.metodbankTables && window.metodbankTables.search;
  if (!tables) return; // without the tables Material's own search still works, unchanged
  var STOP_WORDS = new Set(tables.stopWords);
  var SUFFIXES = tables.suffixes;
  var MIN_STEM = tables.minStem;
  var SHORT_STEM = tables.shortStem;
  var SHORTEST_WORD = tables.shortestWord;
  var FOLD = tables.fold;
  var FOLDED = new RegExp("[" + Object.keys(FOLD).join("") + "]", "g");
  var VOWELS = tables.vowels;
  var WORD = new RegExp(tables.word, "g");
  var ALPHA = new RegExp("^[" + tables.letters + "]+$");
  var LETTERS = new RegExp("[0-9" + tables.letters + "]+", "g"); // a word's runs of letters, without hyphens
  var QUERY = 2; // Material's SearchMessageType.QUERY
  var RESULT = 3; // Material's SearchMessageType.RESULT
  var METHOD_BOOST = tables.methodBoost; // search.py gives every method entry this boost
  var lastQuery = "";

  function fold(word) {
    return word.replace(FOLDED, function (c) { return FOLD[c]; });
  }

  function stem(word) {
    word = word.toLowerCase();
    if (word.length < SHORTEST_WORD || !ALPHA.test(word)) return word;
    var n = word.length;
    if (n > 5 && (word.endsWith("eln") || word.endsWith("ern")) && VOWELS.indexOf(word[n - 4]) < 0) {
      word = word.slice(0, -1);
    } else {
      for (var i = 0; i < SUFFIXES.length; i++) {
        var suffix = SUFFIXES[i];
        if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM) {
          word = word.slice(0, -suffix.length);
          break;
        }
      }
    }
    n = word.length;
    if (n > 4 && word.endsWith("el") && VOWELS.indexOf(word[n - 3]) < 0) word = word.slice(0, -2) + "l";
    return word;
  }

  function words(text) {
    return text.toLowerCase().match(WORD) || [];
  }

  // A text's runs of letters and digits, lower case; a hyphen splits ("e-lärande" → "e", "lärande").
  function letterRuns(text) {
    return String(text || "").toLowerCase().match(LETTERS) || [];
  }

  function queryTerms(query) {
    var terms = [];
    function add(term) { if (terms.indexOf(term) < 0) terms.push(term); }
    words(query).forEach(function (word) {
      var parts = word.split("-");
      var pieces = [word.replace(/-/g, "")];
      if (parts.length > 1 && parts.every(function (p) { return p.length >= 3; }))
        pieces = pieces.concat(parts);
      pieces.forEach(function (piece) {
        if (STOP_WORDS.has(piece) || piece.length < 2) return;
        var root = stem(piece);
        if (root.length <= SHORT_STEM) {
          add(root + "^1");
          add(fold(root) + "^1");
          if (piece.length > root.length) { add(piece); add(fold(piece)); }
        } else {
          add(root);
          add(fold(root));
        }
        if (root.length >= 5) add(fold(root) + "~" + (root.length >= 9 ? 2 : 1));
      });
    });
    return terms;
  }

  // Queries with lunr syntax (+must -not field: "phrase" * ~ ^) are left to Material as typed.
  function hasSyntax(query) {
    return /[+\-:"*~^]/.test(query.replace(/(\w)-(\w)/g, "$1$2"));
  }

  function rewrite(query) {
    if (hasSyntax(query)) return query;
    var terms = queryTerms(query);
    return terms.length ? terms.join(" ") : query;
  }

  // -- ranking by need ---------------------------------------------------------------------------

  // The reader's content words, each with the forms it is searched by (without lunr's markers).
  function needWords(query) {
    var out = [];
    words(query).forEach(function (word) {
      var plain = word.replace(/-/g, "");
      if (STOP_WORDS.has(plain) || plain.length < 2) return;
      var forms = queryTerms(word).map(function (t) { return t.replace(/[~^]\d+$/, ""); });
      if (forms.length) out.push({word: word, forms: forms});
    });
    return out;
  }

  function nearly(a, b) {
    // One letter wrong, missing or extra.
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0, j = 0, edits = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { i += 1; j += 1; continue; }
      edits += 1;
      if (edits > 1) return false;
      if (a.length > b.length) i += 1;
      else if (b.length > a.length) j += 1;
      else { i += 1; j += 1; }
    }
    return edits + (a.length - i) + (b.length - j) <= 1;
  }

  function tokensOf(html) {
    return fold(String(html || "").replace(/<[^>]+>/g, " ").toLowerCase()).match(/[0-9a-z]+/g) || [];
  }

  // A word counts when a word of the block begins with one of its forms, as in the search itself ("bild"
  // from "bilder" finds "bildstöd"); short stems ("lär") only as whole words; one letter off in longer words.
  function holds(tokens, need) {
    return need.forms.some(function (form) {
      var f = fold(form);
      var whole = f.length <= SHORT_STEM;
      return tokens.some(function (t) {
        if (whole ? t === f : t.indexOf(f) === 0) return true;
        return f.length >= 5 && nearly(t.slice(0, f.length), f);
      });
    });
  }

  function rerank(result, query) {
    if (!result || !Array.isArray(result.items) || hasSyntax(query)) return;
    var needs = needWords(query);
    if (!needs.length) return;
    var ranked = result.items.map(function (group, index) {
      var head = group[0] || {};
      // Title block: the title, and for a method its tags' names and aliases and its summary.
      var tokens = tokensOf(head.title);
      var count = needs.filter(function (need) { return holds(tokens, need); }).length;
      // Among equals, a title whose own words begin with the reader's words ("Internat" for "internatet")
      // comes before one that only holds them inside a compound ("Endagsinternat").
      // Then one whose title's own forms (its synonyms: "övernattning" for "Internat") hold them.
      var blocks = String(head.title || "").split('<span class="mb-search-terms"');
      var visible = tokensOf(blocks[0]), own = tokensOf(blocks[0] + " " + (blocks[1] || ""));
      var inTitle = needs.filter(function (need) { return holds(visible, need); }).length;
      var inOwn = needs.filter(function (need) { return holds(own, need); }).length;
      group.forEach(function (item) { item.terms = ownWords(item.terms, needs); });
      return {group: group, index: index, count: count, inTitle: inTitle, inOwn: inOwn,
              method: (head.boost || 1) >= METHOD_BOOST ? 1 : 0};
    });
    ranked.sort(function (a, b) {
      return (b.method - a.method) || (b.count - a.count) || (b.inTitle - a.inTitle) || (b.inOwn - a.inOwn) ||
        (a.index - b.index);
    });
    result.items = ranked.map(function (r) { return r.group; });
  }

  // Material lists the query terms a result lacks ("Saknas: …"): say it with the reader's own words.
  function ownWords(terms, needs) {
    if (!terms) return terms;
    var out = {};
    needs.forEach(function (need) {
      var found = need.forms.some(function (form) {
        return terms[form] === true || terms[fold(form)] === true;
      });
      if (!found) {
        found = Object.keys(terms).some(function (key) {
          return terms[key] === true && need.forms.some(function (form) { return key.indexOf(fold(form)) === 0; });
        });
      }
      out[need.word] = found;
    });
    return out;
  }

  var seen = typeof WeakSet !== "undefined" ? new WeakSet() : null;

  function patchMessages() {
    var descriptor = Object.getOwnPropertyDescriptor(MessageEvent.prototype, "data");
    if (!descriptor || !descriptor.get || descriptor.get.metodbank) return;
    var original = descriptor.get;
    var getter = function () {
      var data = original.call(this);
      if (data && data.type === RESULT && data.data && seen && !seen.has(data) && this.target &&
          !(typeof Window !== "undefined" && this.target instanceof Window)) {
        seen.add(data);
        try { rerank(data.data, lastQuery); } catch (error) { /* keep Material's own order */ }
      }
      return data;
    };
    getter.metodbank = true;
    Object.defineProperty(MessageEvent.prototype, "data", {get: getter, configurable: true, enumerable: true});
  }

  function isStopWord(word) { return STOP_WORDS.has(word); }

  window.metodbankSearch = {stem: stem, fold: fold, queryTerms: queryTerms, rewrite: rewrite,
                            isStopWord: isStopWord, rerank: rerank, closestTags: closestTags, nearly: nearly,
                            letterRuns: letterRuns};

  function patch(proto) {
    if (!proto || proto.postMessage.metodbank) return;
    var original = proto.postMessage;
    var patched = function (message) {
      if (message && message.type === QUERY && typeof message.data === "string") {
        lastQuery = message.data;
        var args = Array.prototype.slice.call(arguments);
        args[0] = {type: message.type, data: rewrite(message.data)};
        return original.apply(this, args);
      }
      return original.apply(this, arguments);
    };
    patched.metodbank = true;
    proto.postMessage = patched;
  }

  // -- no results: the catalogue and the closest tags -----------------------------------------------

  function distance(a, b) {
    var row = [];
    for (var j = 0; j <= b.length; j++) row.push(j);
    for (var i = 1; i <= a.length; i++) {
      var previous = row[0];
      row[0] = i;
      for (var k = 1; k <= b.length; k++) {
        var next = row[k];
        row[k] = Math.min(row[k] + 1, row[k - 1] + 1, previous + (a[i - 1] === b[k - 1] ? 0 : 1));
        previous = next;
      }
    }
    return row[b.length];
  }

  function closestTags(query, tags) {
    var needs = needWords(query).map(function (n) { return fold(stem(n.word.replace(/-/g, ""))); });
    if (!needs.length) return [];
    var scored = tags.map(function (tag) {
      var own = words([tag.label].concat(tag.aliases || []).join(" ")).map(function (w) {
        return fold(stem(w));
      }).filter(function (w) { return w.length >= 3 && !STOP_WORDS.has(w); });
      var score = 0;
      needs.forEach(function (n) {
        var best = 0;
        own.forEach(function (w) {
          if (n.length >= 3 && (w.indexOf(n) === 0 || n.indexOf(w) === 0)) best = Math.max(best, 3);
          else if (n.length >= 4 && distance(n, w.slice(0, n.length + 1)) <= (n.length >= 7 ? 2 : 1)) best = Math.max(best, 2);
          else if (n.length >= 4 && w.indexOf(n.slice(0, 4)) !== -1) best = Math.max(best, 1);
        });
        score += best;
      });
      return {tag: tag, score: score};
    }).filter(function (t) { return t.score > 0; });
    scored.sort(function (a, b) { return b.score - a.score || a.tag.label.localeCompare(b.tag.label, "sv"); });
    return scored.slice(0, 3).map(function (t) { return t.tag; });
  }

  function siteUrl(path) {
    var base = ".";
    try { base = JSON.parse(document.getElementById("__config").textContent).base || "."; } catch (error) { /* . */ }
    var offline = window.location.protocol === "file:";
    return base.replace(/\/$/, "") + "/" + path + (offline ? "index.html" : "");
  }

  function link(href, text, className) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    if (className) a.className = className;
    return a;
  }

  function showNoResults() {
    var result = document.querySelector("[data-md-component=search-result]");
    var meta = result && result.querySelector(".md-search-result__meta");
    var input = document.querySelector("[data-md-component=search-query]");
    if (!meta || !input) return;
    var box = document.getElementById("mb-search-none");
    var none = result.querySelectorAll(".md-search-result__item").length === 0 && input.value.trim() &&
      /^Inga sökresultat/.test(meta.textContent.trim());
    if (!none) {
      if (box) box.hidden = true;
      return;
    }
    var query = input.value.trim();
    if (box && box.getAttribute("data-query") === query && !box.hidden) return;
    if (!box) {
      box = document.createElement("div");
      box.id = "mb-search-none";
      box.className = "mb-search-none";
      meta.parentNode.insertBefore(box, meta.nextSibling);
    }
    box.setAttribute("data-query", query);
    box.textContent = "";
    var p = document.createElement("p");
    p.appendChild(document.createTextNode("Prova med andra ord, eller leta i "));
    p.appendChild(link(siteUrl("metoder/"), "metodkatalogen"));
    p.appendChild(document.createTextNode(", där du kan välja fas, antal deltagare och tid."));
    box.appendChild(p);
    var close = closestTags(query, tables.tags || []);
    var p2 = document.createElement("p");
    if (close.length) {
      p2.appendChild(document.createTextNode("Ämnen som liknar det du sökte: "));
      close.forEach(function (tag, i) {
        if (i) p2.appendChild(document.createTextNode(" "));
        p2.appendChild(link(siteUrl("metoder/") + "?" + tables.tagFilter + "=" + encodeURIComponent(tag.id), tag.label, "mb-tag"));
      });
    } else {
      p2.appendChild(document.createTextNode("Alla ämnen finns under "));
      p2.appendChild(link(siteUrl("taggar/"), "Taggar"));
      p2.appendChild(document.createTextNode("."));
    }
    box.appendChild(p2);
    box.hidden = false;
  }

  function watchResults() {
    var result = document.querySelector("[data-md-component=search-result]");
    if (!result || typeof MutationObserver === "undefined") return;
    new MutationObserver(showNoResults).observe(result, {childList: true, subtree: true, characterData: true});
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watchResults);
  else watchResults();

  if (typeof MessageEvent !== "undefined") patchMessages();
  if (typeof Worker !== "undefined") patch(Worker.prototype);
  if (typeof window.IFrameWorker !== "undefined") patch(window.IFrameWorker.prototype);
})();

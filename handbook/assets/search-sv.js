/*
 * Metodbanken: Swedish search for Material's search box.
 *
 * Material's search worker turns every query word into a prefix search and does not stem Swedish.
 * The build (hooks/metodbank/search.py) adds stems, compound parts and synonyms to the search index;
 * this script rewrites the query the same way before it reaches the worker: stop words go, every
 * word becomes its stem (and the stem without å/ä/ö), and longer words also get a fuzzy variant so a
 * typo still finds the word. What the user typed stays in the search box.
 *
 * The rules MUST stay identical to stem(), fold() and query_terms() in hooks/metodbank/search.py;
 * tests/search/test_search_browser.py compares both for every word in the handbook.
 *
 * It hooks into Worker.prototype.postMessage, which works for the real web worker (http) and for the
 * iframe-worker shim that Material uses for file:// (offline copy). Without JavaScript nothing changes.
 */
(function () {
  "use strict";

  var STOP_WORDS = new Set((
    "alla allt att av blev bli blir blivit de dem den denna deras dess dessa det detta dig din dina ditt du där då " +
    "efter ej eller en er era ert ett från för ha hade han hans har henne hennes hon honom hur här i icke ingen inom " +
    "inte jag ju kan kunde man med mellan men mig min mina mitt mot mycket ni nu när någon något några och om oss på " +
    "samma sedan sig sin sina sitta själv skulle som så sådan sådana sådant till under upp ut utan vad var vara " +
    "varför varit varje vars vart vem vi vid vilka vilkas vilken vilket vår våra vårt än är åt över " +
    "gör göra gjorde får få fick ska måste vill kunna ens nån något"
  ).split(" "));
  var SUFFIXES = [
    "arnas", "ernas", "ornas", "andes", "endes", "arens", "andet",
    "arna", "erna", "orna", "ande", "ende", "ades", "ares",
    "ens", "ets", "ars", "ers", "ors", "ade", "are", "ast",
    "ar", "er", "or", "en", "et", "na", "ad", "as", "es",
    "a", "e"
  ];
  var MIN_STEM = 3;
  var SHORT_STEM = 3;
  var SHORTEST_WORD = 4;
  var FOLD = {"å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u"};
  var VOWELS = "aeiouyåäöéü";
  var WORD = /[0-9a-zåäöéèü]+(?:-[0-9a-zåäöéèü]+)*/g;
  var ALPHA = /^[a-zåäöéèü]+$/;
  var QUERY = 2; // Material's SearchMessageType.QUERY

  function fold(word) {
    return word.replace(/[åäöéèü]/g, function (c) { return FOLD[c]; });
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
  function rewrite(query) {
    if (/[+\-:"*~^]/.test(query.replace(/(\w)-(\w)/g, "$1$2"))) return query;
    var terms = queryTerms(query);
    return terms.length ? terms.join(" ") : query;
  }

  function isStopWord(word) { return STOP_WORDS.has(word); }

  window.metodbankSearch = {stem: stem, fold: fold, queryTerms: queryTerms, rewrite: rewrite,
                            isStopWord: isStopWord};

  function patch(proto) {
    if (!proto || proto.postMessage.metodbank) return;
    var original = proto.postMessage;
    var patched = function (message) {
      if (message && message.type === QUERY && typeof message.data === "string") {
        var args = Array.prototype.slice.call(arguments);
        args[0] = {type: message.type, data: rewrite(message.data)};
        return original.apply(this, args);
      }
      return original.apply(this, arguments);
    };
    patched.metodbank = true;
    proto.postMessage = patched;
  }

  if (typeof Worker !== "undefined") patch(Worker.prototype);
  if (typeof window.IFrameWorker !== "undefined") patch(window.IFrameWorker.prototype);
})();

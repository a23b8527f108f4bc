/* Metodbanken: filters for the method catalogue (metoder/).
 *
 * The page already lists every method in a plain table; this script shows the filter form the engine
 * rendered (hidden without JavaScript), hides rows that do not match, keeps the filter state in the
 * URL (shareable; the back button restores earlier filters) and announces the number of matches in a
 * live region. No network, no storage: works from a copy opened from disk too.
 */
(function () {
  "use strict";

  var form = document.getElementById("mb-filters");
  var table = document.getElementById("mb-catalogue");
  var status = document.getElementById("mb-filter-status");
  // The filters (parameter, how a row matches, the row's attributes) come from hooks/metodbank/site/catalogue.py
  // through the generated assets/metodbank-tables.js.
  var tables = window.metodbankTables && window.metodbankTables.catalogue;
  if (!form || !table || !status || !tables) return; // the plain table still lists every method

  var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
  var FILTERS = tables.filters;
  var FIELDS = FILTERS.map(function (filter) { return filter.name; });
  var NUMBERS = FILTERS.filter(function (f) { return f.test === "between" || f.test === "at-most"; })
    .map(function (f) { return f.name; });
  var TEXT = FILTERS.filter(function (f) { return f.test === "text"; }).map(function (f) { return f.name; });
  // The text test is the costliest: it runs after the others have kept the row.
  var ORDER = FILTERS.filter(function (f) { return f.test !== "text"; })
    .concat(FILTERS.filter(function (f) { return f.test === "text"; }));
  var typingTimer = null;
  var typing = false; // true while a burst of typing already has its own history entry
  var announceTimer = null;

  function fold(text) {
    // Lower case without diacritics, so "forankring" finds "förankring" and "Åsa" finds "asa".
    return String(text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // The header search's Swedish rules (search-sv.js): stems, stop words, å/ä/ö folded. Without it, plain words.
  var sv = window.metodbankSearch || null;

  rows.forEach(function (row) {
    var cell = row.cells[0];
    var title = cell ? cell.querySelector("a") : null;
    var summary = cell ? cell.querySelector(".mb-summary") : null;
    row._mbText = fold([
      title ? title.textContent : "",
      summary ? summary.textContent : "",
      row.getAttribute("data-search") || "",
      row.getAttribute("data-id") || ""
    ].join(" "));
    row._mbWords = row._mbText.split(/[^0-9a-z]+/).filter(Boolean);
  });

  var caption = table.caption;
  var captionText = caption ? caption.textContent : "";

  // What the text box looks for: each word's stem without å/ä/ö, stop words left out ("hur", "en", …).
  function needles(text) {
    if (!sv) return words(fold(text));
    var out = [];
    sv.letterRuns(text).forEach(function (word) {
      if (word.length < 2 || (sv.isStopWord && sv.isStopWord(word))) return;
      out.push(fold(sv.stem(word)));
    });
    return out.length ? out : words(fold(text));
  }

  // One letter wrong, missing or extra, as the header search forgives in words of five letters or more.
  var nearly = sv && sv.nearly ? sv.nearly : function (a, b) { return a === b; };

  function textMatches(row, needle) {
    // A stem inside the text also finds compounds ("rotation" → "arbetsrotation").
    if (row._mbText.indexOf(needle) !== -1) return true;
    if (needle.length < 5) return false;
    return row._mbWords.some(function (word) {
      return nearly(word.slice(0, needle.length), needle) || nearly(word.slice(0, needle.length + 1), needle);
    });
  }

  function words(value) {
    return (value || "").split(/\s+/).filter(Boolean);
  }

  function number(value) {
    var n = parseInt(value, 10);
    return isNaN(n) || n < 1 ? null : n;
  }

  function readForm() {
    var state = {};
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      var value = field ? String(field.value || "").trim() : "";
      if (NUMBERS.indexOf(name) !== -1 && value) {
        var n = number(value);
        value = n === null ? "" : String(n);
      }
      if (value) state[name] = value;
    });
    return state;
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    var state = {};
    FIELDS.forEach(function (name) {
      var value = (params.get(name) || "").trim();
      if (value) state[name] = value;
    });
    return state;
  }

  function writeForm(state) {
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      if (!field) return;
      var value = state[name] || "";
      if (field.tagName === "SELECT") {
        var known = Array.prototype.some.call(field.options, function (o) { return o.value === value; });
        field.value = known ? value : "";
      } else {
        field.value = value;
      }
    });
  }

  function query(state) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) { if (state[name]) params.set(name, state[name]); });
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function attribute(row, name) {
    return row.getAttribute("data-" + name);
  }

  var TESTS = {
    text: function (row, value) {
      return needles(value).every(function (needle) { return textMatches(row, needle); });
    },
    has: function (row, value, names) {
      return words(attribute(row, names[0])).indexOf(value) !== -1;
    },
    equals: function (row, value, names) {
      return attribute(row, names[0]) === value;
    },
    between: function (row, value, names) {
      var n = number(value);
      if (n === null) return true;
      var low = number(attribute(row, names[0]));
      var high = number(attribute(row, names[1]));
      return !((low !== null && n < low) || (high !== null && n > high));
    },
    "at-most": function (row, value, names) {
      // A method fits when its shortest session fits in the time there is.
      var n = number(value);
      if (n === null) return true;
      var shortest = number(attribute(row, names[0]));
      return !(shortest !== null && shortest > n);
    }
  };

  function matches(row, state) {
    return ORDER.every(function (filter) {
      return !state[filter.name] || TESTS[filter.test](row, state[filter.name], filter.attributes);
    });
  }

  function message(shown, total, filtered) {
    if (!filtered) return "Katalogen visar alla " + total + " metoder.";
    if (shown === 0) return "Ingen metod passar filtren. Ta bort ett filter eller välj Visa alla metoder.";
    if (shown === 1) return "1 av " + total + " metoder passar filtren.";
    return shown + " av " + total + " metoder passar filtren.";
  }

  function apply(state, announce) {
    var shown = 0;
    rows.forEach(function (row) {
      var visible = matches(row, state);
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    var filtered = Object.keys(state).length > 0;
    var text = message(shown, rows.length, filtered);
    table.setAttribute("data-shown", String(shown));
    if (caption) {
      caption.textContent = filtered
        ? shown + " av " + rows.length + " metoder passar filtren, i bokstavsordning"
        : captionText;
    }
    updateToggle(state);
    clearTimeout(announceTimer);
    if (announce) {
      // A short pause lets screen readers finish echoing the keystroke before the count is read.
      announceTimer = setTimeout(function () { status.textContent = text; }, 250);
    } else {
      status.textContent = text;
    }
  }

  function update(push) {
    var state = readForm();
    var search = query(state);
    if (search !== window.location.search) {
      var url = window.location.pathname + search + window.location.hash;
      try {
        if (push) window.history.pushState(state, "", url);
        else window.history.replaceState(state, "", url);
      } catch (error) {
        /* Some browsers refuse history changes on file:// pages; filtering still works. */
      }
    }
    apply(state, true);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update(true);
  });
  form.addEventListener("change", function () {
    clearTimeout(typingTimer);
    typing = false;
    update(true);
  });
  form.addEventListener("input", function (event) {
    if (event.target && event.target.tagName === "SELECT") return;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () {
      update(!typing);
      typing = true;
    }, 300);
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { update(true); }, 0);
  });
  window.addEventListener("popstate", function () {
    typing = false;
    writeForm(readUrl());
    apply(readForm(), true);
  });

  // On phones the filters (all but the text box) fold away behind a button, so the results are on the
  // screen; the button says how many filters are chosen. On wider screens the button is hidden by CSS.
  var toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "md-button mb-filters-toggle";
  toggle.id = "mb-filters-toggle";
  toggle.setAttribute("aria-expanded", "false");
  toggle.setAttribute("aria-controls", "mb-filter-grid");
  var grid = form.querySelector(".mb-filter-grid");
  if (grid) grid.id = "mb-filter-grid";
  var heading = form.querySelector(".mb-filters-title");
  if (heading && heading.nextSibling) form.insertBefore(toggle, heading.nextSibling);
  else form.insertBefore(toggle, form.firstChild);
  form.classList.add("mb-collapsed");

  function updateToggle(state) {
    var chosen = Object.keys(state || {}).filter(function (name) { return TEXT.indexOf(name) === -1; }).length;
    var open = !form.classList.contains("mb-collapsed");
    toggle.textContent = (open ? "Dölj filtren" : "Visa filtren") +
      (chosen ? " (" + chosen + (chosen === 1 ? " valt)" : " valda)") : "");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }

  toggle.addEventListener("click", function () {
    form.classList.toggle("mb-collapsed");
    updateToggle(readForm());
  });

  writeForm(readUrl());
  form.hidden = false;
  apply(readForm(), false); // what the form shows: values the form does not know are dropped
})();

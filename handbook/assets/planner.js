/* Metodbanken: the workshop planner (planera/).
 *
 * No server: the plan lives in the page URL (?namn=...&datum=...&start=...&plan=id.minuter_id.minuter,
 * shareable) and in local storage (so it survives going back to the catalogue). ?add=<id> — the link on
 * every method page and catalogue row — appends a method to the stored plan (a method already in the plan
 * is not added twice without asking). Opening a shared plan keeps the plan that was stored in this browser
 * one click away ("Ta tillbaka min tidigare plan"). The method data is inlined in the page as JSON
 * (#mb-methods), so the planner also works from a copy opened from disk.
 * A plan that names a method that no longer exists shows that instead of breaking.
 */
(function () {
  "use strict";

  var root = document.getElementById("mb-planner");
  var dataNode = document.getElementById("mb-methods");
  // The id pattern and the limits come from the engine (core/text.py, core/schema.py, site/planner.py)
  // through the generated assets/metodbank-tables.js.
  var tables = window.metodbankTables;
  if (!root || !dataNode || !tables) return;

  var STORAGE_KEY = "metodbanken.workshopplan";
  var DEFAULT_START = tables.planner.start;
  var TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var MONTHS = tables.months;
  var ID = new RegExp(tables.idPattern);
  var MAX_MINUTES = tables.limits.duration.max;
  var DEFAULT_MINUTES = tables.planner.defaultMinutes;
  var NAME_MAX = tables.planner.nameMax;
  var DAY = 24 * 60; // minutes
  var data = JSON.parse(dataNode.textContent);
  var methods = {};
  data.methods.forEach(function (m) { methods[m.id] = m; });
  var phaseLabels = {};
  data.phases.forEach(function (p) { phaseLabels[p[0]] = p[1]; });

  var $ = function (id) { return document.getElementById(id); };
  var editor = $("mb-planner-editor");
  var nameInput = $("mb-plan-name");
  var list = $("mb-plan-list");
  var empty = $("mb-plan-empty");
  var summary = $("mb-plan-summary");
  var addSelect = $("mb-plan-add");
  var addButton = $("mb-plan-add-button");
  var linkInput = $("mb-plan-link");
  var status = $("mb-plan-status");
  var handout = $("mb-handout");
  var heading = $("mb-plan-heading");
  var dateInput = $("mb-plan-date");
  var startInput = $("mb-plan-start");
  var notice = $("mb-plan-notice");
  var offline = window.location.protocol === "file:";

  var plan = { name: "", date: "", start: DEFAULT_START, items: [] };
  var previous = null; // the plan stored in this browser before a shared link replaced it

  // -- helpers ------------------------------------------------------------------------------------

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      if (key === "text") node.textContent = attributes[key];
      else if (key === "className") node.className = attributes[key];
      else node.setAttribute(key, attributes[key]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function hidden(text) {
    return el("span", { className: "mb-sr-only", text: text });
  }

  function clampMinutes(value, fallback) {
    var n = parseInt(value, 10);
    if (isNaN(n) || n < 1) return fallback;
    return Math.min(n, MAX_MINUTES);
  }

  function defaultMinutes(method) {
    return method && method.min ? clampMinutes(method.min, DEFAULT_MINUTES) : DEFAULT_MINUTES;
  }

  function duration(total) {
    // 135 → "135 minuter (2 timmar 15 minuter)"
    var text = total === 1 ? "1 minut" : total + " minuter";
    if (total < 60) return text;
    var hours = Math.floor(total / 60);
    var rest = total % 60;
    var parts = [hours === 1 ? "1 timme" : hours + " timmar"];
    if (rest) parts.push(rest === 1 ? "1 minut" : rest + " minuter");
    return text + " (" + parts.join(" ") + ")";
  }

  function joinSwedish(items) {
    if (items.length < 2) return items.join("");
    return items.slice(0, -1).join(", ") + " och " + items[items.length - 1];
  }

  function say(text) {
    status.textContent = "";
    setTimeout(function () { status.textContent = text; }, 50);
  }

  function titleOf(id) {
    return methods[id] ? methods[id].title : id;
  }

  function clock(start, offset) {
    // "09:00" + 95 minutes → "10:35" (past midnight it starts again at 00:00).
    var match = TIME.exec(start) || TIME.exec(DEFAULT_START);
    var total = (parseInt(match[1], 10) * 60 + parseInt(match[2], 10) + offset) % DAY;
    var h = Math.floor(total / 60), m = total % 60;
    return (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
  }

  function swedishDate(value) {
    if (!DATE.test(value)) return "";
    var parts = value.split("-");
    var month = MONTHS[parseInt(parts[1], 10) - 1];
    return month ? parseInt(parts[2], 10) + " " + month + " " + parts[0] : "";
  }

  function cleanStart(value) {
    return TIME.test(String(value || "")) ? String(value) : DEFAULT_START;
  }

  function cleanDate(value) {
    return DATE.test(String(value || "")) ? String(value) : "";
  }

  function position(id) {
    for (var i = 0; i < plan.items.length; i++) if (plan.items[i].id === id) return i;
    return -1;
  }

  // A visible note under the plan's name (also read by the live region), with buttons for what to do.
  function showNotice(text, actions) {
    notice.textContent = "";
    notice.appendChild(el("p", { text: text }));
    if (actions && actions.length) {
      notice.appendChild(el("p", { className: "mb-plan-notice-buttons" }, actions.map(function (a) {
        var b = el("button", { type: "button", className: "md-button mb-small-button", id: a.id, text: a.text });
        b.addEventListener("click", a.run);
        return b;
      })));
    }
    notice.hidden = false;
  }

  function hideNotice() {
    notice.hidden = true;
    notice.textContent = "";
  }

  // -- state: URL and local storage ---------------------------------------------------------------

  function parsePlan(text) {
    var items = [];
    String(text || "").split("_").forEach(function (token) {
      var match = /^([a-z0-9-]+)(?:\.(\d{1,5}))?$/.exec(token);
      if (!match || !ID.test(match[1])) return;
      items.push({ id: match[1], minutes: clampMinutes(match[2], defaultMinutes(methods[match[1]])) });
    });
    return items;
  }

  function serialise() {
    var params = new URLSearchParams();
    if (plan.name) params.set("namn", plan.name);
    if (plan.date) params.set("datum", plan.date);
    if (plan.start !== DEFAULT_START) params.set("start", plan.start);
    if (plan.items.length) {
      params.set("plan", plan.items.map(function (i) { return i.id + "." + i.minutes; }).join("_"));
    }
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function readStored() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "null");
      if (stored && Array.isArray(stored.items)) {
        return {
          name: String(stored.name || "").slice(0, NAME_MAX),
          date: cleanDate(stored.date),
          start: cleanStart(stored.start),
          items: stored.items.filter(function (i) { return i && ID.test(String(i.id)); }).map(function (i) {
            return { id: String(i.id), minutes: clampMinutes(i.minutes, defaultMinutes(methods[i.id])) };
          })
        };
      }
    } catch (error) {
      /* No storage (private mode, blocked): the URL still holds the plan. */
    }
    return null;
  }

  function same(a, b) {
    return JSON.stringify([a.name, a.items]) === JSON.stringify([b.name, b.items]);
  }

  function load() {
    var params = new URLSearchParams(window.location.search);
    var fromUrl = params.has("plan") || params.has("namn");
    var stored = readStored();
    if (fromUrl) {
      plan = { name: (params.get("namn") || "").slice(0, NAME_MAX), date: cleanDate(params.get("datum")),
               start: cleanStart(params.get("start")), items: parsePlan(params.get("plan")) };
      if (stored && stored.items.length && !same(stored, plan)) previous = stored;
    } else if (stored) {
      plan = stored;
    }
    var added = params.get(tables.planner.addParam);
    if (added && ID.test(added)) {
      if (!methods[added]) return "Metoden med id " + added + " finns inte i Metodbanken.";
      var at = position(added);
      if (at !== -1) {
        duplicate(added, at);
        return "";
      }
      plan.items.push({ id: added, minutes: defaultMinutes(methods[added]) });
      return titleOf(added) + " har lagts till i planen. Planen har nu " + count(plan.items.length) + ".";
    }
    return "";
  }

  function duplicate(id, at) {
    var text = titleOf(id) + " finns redan i planen, på plats " + (at + 1) + " av " + plan.items.length +
      ". Den lades inte till en gång till.";
    showNotice(text, [{ id: "mb-plan-add-again", text: "Lägg till " + titleOf(id) + " en gång till", run: function () {
      plan.items.push({ id: id, minutes: defaultMinutes(methods[id]) });
      hideNotice();
      render();
      say(titleOf(id) + " har lagts till en gång till. Planen har nu " + count(plan.items.length) + ".");
      heading.focus();
    } }]);
    say(text);
  }

  function offerPrevious() {
    if (!previous) return;
    var text = "Du har öppnat en delad plan" + (plan.name ? " (" + plan.name + ")" : "") + ". Den ersätter planen " +
      "som var sparad i den här webbläsaren" + (previous.name ? " (" + previous.name + ")" : "") + ", med " +
      count(previous.items.length) + ".";
    showNotice(text, [{ id: "mb-plan-restore", text: "Ta tillbaka min tidigare plan", run: function () {
      var shared = plan;
      plan = previous;
      previous = shared;
      nameInput.value = plan.name;
      dateInput.value = plan.date;
      startInput.value = plan.start;
      hideNotice();
      render();
      say("Din tidigare plan är tillbaka. Planen har " + count(plan.items.length) + ".");
      heading.focus();
    } }]);
  }

  function count(n) {
    return n === 1 ? "1 metod" : n + " metoder";
  }

  function save() {
    var search = serialise();
    try {
      window.history.replaceState(null, "", window.location.pathname + search + window.location.hash);
    } catch (error) {
      /* file:// in some browsers: the link field below still has the whole plan. */
    }
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(plan));
    } catch (error) {
      /* ignore: storage is a convenience */
    }
    var page = window.location.href.split("?")[0].split("#")[0];
    // From a copy on disk a file:/// address means nothing to anyone else: give the page name and the plan,
    // which work in any copy of Metodbanken (see the hint under the field).
    linkInput.value = offline ? page.split("/").pop() + search : page + search;
  }

  // -- rendering ----------------------------------------------------------------------------------

  function button(text, label, action, index, disabled) {
    var b = el("button", { type: "button", className: "md-button mb-small-button", "data-action": action,
                           "data-index": String(index) }, [text, hidden(" " + label)]);
    if (disabled) b.disabled = true;
    return b;
  }

  function renderList() {
    list.textContent = "";
    var offset = 0;
    plan.items.forEach(function (item, index) {
      var method = methods[item.id];
      var position = "plats " + (index + 1) + " av " + plan.items.length;
      var li = el("li", { className: "mb-plan-item" + (method ? "" : " mb-plan-missing"), "data-id": item.id });
      if (method) {
        var inputId = "mb-plan-minutes-" + index;
        li.appendChild(el("p", { className: "mb-plan-title" }, [
          el("a", { href: method.url, text: method.title }),
          el("span", { className: "mb-plan-meta", text: " · " + method.phases.map(function (p) {
            return phaseLabels[p] || p;
          }).join(", ") })
        ]));
        li.appendChild(el("p", { className: "mb-plan-clock", text: "Kl. " + clock(plan.start, offset) + "–" +
                                 clock(plan.start, offset + item.minutes) }));
        offset += item.minutes;
        var input = el("input", { type: "number", id: inputId, min: "1", max: String(MAX_MINUTES), step: "1",
                                  inputmode: "numeric", value: String(item.minutes), "data-index": String(index) });
        li.appendChild(el("div", { className: "mb-plan-minutes" }, [
          el("label", { "for": inputId }, ["Minuter", hidden(" för " + method.title)]), input
        ]));
      } else {
        li.appendChild(el("p", { className: "mb-plan-title mb-notice", role: "note" }, [
          "Metoden ”" + item.id + "” finns inte längre i Metodbanken. Ta bort den ur planen eller välj en annan metod."
        ]));
      }
      var name = method ? method.title : item.id;
      li.appendChild(el("p", { className: "mb-plan-buttons" }, [
        button("Flytta upp", name + ", " + position, "up", index, index === 0),
        " ",
        button("Flytta ner", name + ", " + position, "down", index, index === plan.items.length - 1),
        " ",
        button("Ta bort", name, "remove", index, false)
      ]));
      list.appendChild(li);
    });
    empty.hidden = plan.items.length > 0;
    list.hidden = plan.items.length === 0;
  }

  function totals() {
    var total = 0;
    var covered = {};
    var missing = 0;
    plan.items.forEach(function (item) {
      var method = methods[item.id];
      if (!method) { missing += 1; return; }
      total += item.minutes;
      method.phases.forEach(function (p) { covered[p] = true; });
    });
    var phases = data.phases.filter(function (p) { return covered[p[0]]; }).map(function (p) { return p[1]; });
    return { total: total, phases: phases, missing: missing };
  }

  function renderSummary() {
    var t = totals();
    summary.textContent = "";
    if (!plan.items.length) return;
    var dl = el("dl", { className: "mb-plan-facts" }, [
      el("dt", { text: "Total tid" }), el("dd", { id: "mb-plan-total", text: duration(t.total) }),
      el("dt", { text: "Faser som täcks" }),
      el("dd", { id: "mb-plan-phases", text: t.phases.length ? joinSwedish(t.phases) : "Inga" })
    ]);
    dl.appendChild(el("dt", { text: "Tid" }));
    dl.appendChild(el("dd", { id: "mb-plan-clock", text: "Kl. " + clock(plan.start, 0) + "–" + clock(plan.start, t.total) }));
    summary.appendChild(dl);
    if (t.missing) {
      summary.appendChild(el("p", { className: "mb-notice", text: (t.missing === 1 ? "En metod" : t.missing + " metoder")
        + " i planen finns inte längre och räknas inte med i tiden." }));
    }
  }

  function renderHandout() {
    handout.textContent = "";
    handout.hidden = plan.items.length === 0;
    if (!plan.items.length) return;
    var t = totals();
    handout.appendChild(el("h2", { id: "mb-handout-title", text: plan.name || "Workshopplan" }));
    var when = swedishDate(plan.date);
    handout.appendChild(el("p", { className: "mb-handout-lead" }, [
      (when ? when + ", kl. " : "Kl. ") + clock(plan.start, 0) + "–" + clock(plan.start, t.total) + ". " +
      "Total tid: " + duration(t.total) + ". Faser: " + (t.phases.length ? joinSwedish(t.phases) : "inga") + "."
    ]));
    var ol = el("ol", { className: "mb-handout-list" });
    var start = 0;
    plan.items.forEach(function (item) {
      var method = methods[item.id];
      if (!method) {
        ol.appendChild(el("li", {}, [el("p", { text: "Metoden ”" + item.id + "” finns inte längre i Metodbanken." })]));
        return;
      }
      var li = el("li", { className: "mb-handout-item" });
      li.appendChild(el("h3", { text: method.title + " – " + (item.minutes === 1 ? "1 minut" : item.minutes + " minuter") }));
      li.appendChild(el("p", { className: "mb-handout-time",
                               text: "Kl. " + clock(plan.start, start) + "–" + clock(plan.start, start + item.minutes) + "." }));
      start += item.minutes;
      li.appendChild(el("p", { text: method.summary }));
      data.phases.forEach(function (p) {
        var steps = (method.steps || {})[p[0]];
        if (!steps || !steps.length) return;
        li.appendChild(el("p", { className: "mb-handout-phase" }, [el("strong", { text: p[1] })]));
        li.appendChild(el("ol", {}, steps.map(function (s) { return el("li", { text: s }); })));
      });
      ol.appendChild(li);
    });
    handout.appendChild(ol);
    handout.appendChild(el("p", { className: "mb-handout-source" }, [
      "Metoderna kommer ur Metodbanken. Planen finns här: ", el("span", { className: "mb-handout-url", text: linkInput.value })
    ]));
  }

  function renderAddOptions() {
    data.methods.forEach(function (m) {
      addSelect.appendChild(el("option", { value: m.id, text: m.title }));
    });
  }

  function render() {
    save();
    renderList();
    renderSummary();
    renderHandout();
  }

  function focusButton(index, action) {
    var selector = 'button[data-action="' + action + '"][data-index="' + index + '"]';
    var target = list.querySelector(selector);
    if (target && target.disabled) {
      target = list.querySelector('button[data-action="' + (action === "up" ? "down" : "up") + '"][data-index="'
                                  + index + '"]');
    }
    if (target && !target.disabled) target.focus();
    else heading.focus();
  }

  // -- events -------------------------------------------------------------------------------------

  list.addEventListener("click", function (event) {
    var target = event.target.closest("button[data-action]");
    if (!target) return;
    var index = parseInt(target.getAttribute("data-index"), 10);
    var action = target.getAttribute("data-action");
    var item = plan.items[index];
    if (!item) return;
    if (action === "remove") {
      plan.items.splice(index, 1);
      render();
      say(titleOf(item.id) + " är borttagen ur planen. Planen har nu " + count(plan.items.length) + ".");
      var next = list.querySelector('button[data-action="remove"][data-index="' + Math.min(index, plan.items.length - 1) + '"]');
      if (next) next.focus(); else heading.focus();
      return;
    }
    var to = action === "up" ? index - 1 : index + 1;
    if (to < 0 || to >= plan.items.length) return;
    plan.items.splice(index, 1);
    plan.items.splice(to, 0, item);
    render();
    focusButton(to, action);
    say(titleOf(item.id) + " ligger nu på plats " + (to + 1) + " av " + plan.items.length + ".");
  });

  list.addEventListener("change", function (event) {
    var input = event.target;
    if (input.tagName !== "INPUT") return;
    var index = parseInt(input.getAttribute("data-index"), 10);
    var item = plan.items[index];
    if (!item) return;
    item.minutes = clampMinutes(input.value, item.minutes);
    input.value = String(item.minutes);
    save();
    renderSummary();
    renderHandout();
    say("Total tid: " + duration(totals().total) + ".");
  });

  nameInput.addEventListener("input", function () {
    plan.name = nameInput.value.slice(0, NAME_MAX);
    save();
    renderHandout();
  });

  dateInput.addEventListener("change", function () {
    plan.date = cleanDate(dateInput.value);
    save();
    renderHandout();
  });

  startInput.addEventListener("change", function () {
    plan.start = cleanStart(startInput.value);
    render();
    say("Workshopen börjar kl. " + plan.start + " och slutar kl. " + clock(plan.start, totals().total) + ".");
  });

  addButton.addEventListener("click", function () {
    var id = addSelect.value;
    if (!id || !methods[id]) {
      say("Välj först en metod i listan.");
      addSelect.focus();
      return;
    }
    var at = position(id);
    addSelect.value = "";
    if (at !== -1) {
      duplicate(id, at);
      return;
    }
    plan.items.push({ id: id, minutes: defaultMinutes(methods[id]) });
    hideNotice();
    render();
    say(titleOf(id) + " har lagts till i planen. Planen har nu " + count(plan.items.length) + ".");
  });

  $("mb-plan-print").addEventListener("click", function () {
    if (!plan.items.length) {
      say("Planen är tom. Lägg till minst en metod innan du skriver ut.");
      return;
    }
    window.print();
  });

  $("mb-plan-clear").addEventListener("click", function () {
    if (!plan.items.length && !plan.name) return;
    if (!window.confirm("Vill du ta bort alla metoder ur planen?")) return;
    plan = { name: "", date: plan.date, start: plan.start, items: [] };
    nameInput.value = "";
    render();
    say("Planen är tömd.");
    heading.focus();
  });

  var copyButton = $("mb-plan-copy");
  var copyNote = el("span", { className: "mb-plan-copy-note", id: "mb-plan-copy-note" });
  copyButton.parentNode.appendChild(copyNote);

  copyButton.addEventListener("click", function () {
    var done = function () {
      var text = offline ? "Planen är kopierad som text." : "Länken är kopierad. Klistra in den där du vill dela planen.";
      copyNote.textContent = " " + text;
      say(text);
    };
    var fallback = function () {
      linkInput.focus();
      linkInput.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
      if (ok) done();
      else {
        copyNote.textContent = " Länken är markerad. Kopiera den med Ctrl+C (Cmd+C på Mac).";
        say(copyNote.textContent.trim());
      }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(linkInput.value).then(done, fallback);
    } else {
      fallback();
    }
  });

  linkInput.addEventListener("focus", function () { linkInput.select(); });

  // -- start --------------------------------------------------------------------------------------

  var message = load();
  nameInput.value = plan.name;
  dateInput.value = plan.date;
  startInput.value = plan.start;
  if (offline) {
    $("mb-plan-link-hint").textContent = "Du använder en kopia av Metodbanken som ligger på den här datorn. " +
      "Skicka texten till någon som har Metodbanken: den öppnar planen när den läggs till efter " +
      "adressen till sidan Planera en workshop. Planen sparas också i den här webbläsaren.";
    $("mb-plan-link").previousElementSibling.textContent = "Planen som text";
  }
  renderAddOptions();
  editor.hidden = false;
  render();
  offerPrevious();
  if (message) say(message);
})();

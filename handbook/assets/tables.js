/* Metodbanken: tables wider than the screen say so and scroll by keyboard.
 *
 * Material wraps every Markdown table in div.md-typeset__scrollwrap (overflow-x: auto). On a phone a wide
 * table was simply cut off. Where a table is wider than its box, the box becomes a labelled, focusable
 * region (Tab, then the arrow keys scroll it) with a visible line above it: "Tabellen är bredare än
 * skärmen. Dra eller rulla i sidled för att se resten." Checked again when the window changes size.
 */
(function () {
  "use strict";

  var HINT = "Tabellen är bredare än skärmen. Dra eller rulla i sidled för att se resten.";
  var counter = 0;

  function nameOf(wrap) {
    // The nearest heading before the table names the region ("Tabell: Fält").
    var node = wrap;
    while (node && node !== document.body) {
      var previous = node.previousElementSibling;
      while (previous) {
        if (/^H[1-6]$/.test(previous.tagName)) return previous.textContent.replace(/¶$/, "").trim();
        previous = previous.previousElementSibling;
      }
      node = node.parentElement;
    }
    return "";
  }

  function check(wrap) {
    var wide = wrap.scrollWidth > wrap.clientWidth;  // even one pixel hidden is worth the hint
    var hint = wrap._mbHint;
    if (wide && !hint) {
      counter += 1;
      hint = document.createElement("p");
      hint.className = "mb-table-hint";
      hint.id = "mb-table-hint-" + counter;
      hint.textContent = HINT;
      wrap.parentNode.insertBefore(hint, wrap);
      wrap._mbHint = hint;
    }
    if (wide) {
      var name = nameOf(wrap);
      wrap.classList.add("mb-scrolls");
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Tabell" + (name ? ": " + name : "") + " (rulla i sidled)");
      wrap.setAttribute("aria-describedby", hint.id);
      hint.hidden = false;
    } else if (hint) {
      wrap.classList.remove("mb-scrolls");
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
      wrap.removeAttribute("aria-describedby");
      hint.hidden = true;
    }
  }

  function checkAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), check);
  }

  var timer = null;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(checkAll, 150);
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", checkAll);
  else checkAll();
})();

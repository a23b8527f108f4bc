/* Metodbanken print pages: show the "Skriv ut" button and open collapsible blocks while printing.
   (The "Ladda ner som PDF" links are in the page only when the build comes with the PDFs: `metodbank pdf`.)
   Without JavaScript the pages still print; the text beside the button tells how (Ctrl+P). */
(function () {
  "use strict";

  function init() {
    document.querySelectorAll(".mb-print-button").forEach(function (button) {
      button.hidden = false;
      if (!button.dataset.mbReady) {
        button.dataset.mbReady = "1";
        button.addEventListener("click", function () {
          window.print();
        });
      }
    });
  }

  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.open = true;
      details.dataset.mbPrintOpened = "1";
    });
  });

  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-mb-print-opened]").forEach(function (details) {
      details.open = false;
      delete details.dataset.mbPrintOpened;
    });
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

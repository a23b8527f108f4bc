/* Metodbanken: "Lyssna" – the page read aloud by the browser's own Swedish speech synthesis.
 *
 * A button under the title of every method and chapter. It reads the page sentence by sentence with
 * window.speechSynthesis (no outside service: the voice is the browser's or the computer's own) and marks
 * the sentence being read. On a method page the Lättläst text is read first. "Pausa"/"Fortsätt" and
 * "Stoppa" appear while it reads. Without a Swedish voice (or without speech synthesis) there is no button.
 * Tools (catalogue, planner, tags, start page) have no button: they are forms and lists, not text to hear.
 */
(function () {
  "use strict";

  var synth = window.speechSynthesis;
  var Utterance = window.SpeechSynthesisUtterance;
  var article = document.querySelector("article.md-content__inner");
  if (!synth || !Utterance || !article) return;
  if (article.querySelector("#mb-planner, #mb-catalogue, .mb-home, .mb-tag-overview, .mb-print-toc, .mb-cards")) return;
  var title = article.querySelector("h1");
  if (!title) return;

  var HIGHLIGHT = "mb-listen";
  var BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, td, th, .admonition-title, figcaption";
  var SKIP = ".mb-listen, .headerlink, .md-content__button, .mb-plan-add, script, style, [hidden]";
  var SENTENCE = /[^.!?…]+(?:[.!?…]+["”’)]*|$)/g;

  var group = null, playButton = null, pauseButton = null, stopButton = null, status = null;
  var sentences = [];
  var current = -1;
  var state = "idle"; // idle | speaking | paused
  var voice = null;

  function swedishVoice() {
    var voices = synth.getVoices ? synth.getVoices() || [] : [];
    for (var i = 0; i < voices.length; i++) {
      if (/^sv(\b|[-_])/i.test(voices[i].lang || "")) return voices[i];
    }
    return null;
  }

  // -- what is read ---------------------------------------------------------------------------------

  function blocks() {
    var all = Array.prototype.filter.call(article.querySelectorAll(BLOCKS), function (el) {
      if (el.closest(SKIP)) return false;
      // A list item or cell that holds other blocks is read through them.
      if (el.querySelector("p, li, dt, dd")) return false;
      return el.textContent.replace(/\s+/g, "").length > 0;
    });
    var easy = article.querySelector(".mb-easy-read");
    if (easy) {
      // On a method page: the title, the Lättläst text, then the rest in page order.
      var first = all.filter(function (el) { return el === title || easy.contains(el); });
      var rest = all.filter(function (el) { return first.indexOf(el) === -1; });
      all = first.concat(rest);
    }
    return all;
  }

  function textNodes(el) {
    var nodes = [];
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement && node.parentElement.closest(SKIP) ? NodeFilter.FILTER_REJECT
                                                                       : NodeFilter.FILTER_ACCEPT;
      }
    });
    while (walker.nextNode()) nodes.push(walker.currentNode);
    return nodes;
  }

  // Each sentence: what is said, and the range of the page it comes from (for the highlight).
  function collect() {
    var out = [];
    blocks().forEach(function (el) {
      var nodes = textNodes(el);
      var text = nodes.map(function (n) { return n.nodeValue; }).join("");
      var match;
      SENTENCE.lastIndex = 0;
      while ((match = SENTENCE.exec(text)) !== null) {
        if (!match[0]) { SENTENCE.lastIndex += 1; continue; }
        var said = match[0].replace(/\s+/g, " ").trim();
        if (!/[0-9A-Za-zÅÄÖåäöÉé]/.test(said)) continue;
        var lead = match[0].length - match[0].replace(/^\s+/, "").length;
        out.push({text: said, element: el, nodes: nodes, start: match.index + lead,
                  end: match.index + match[0].replace(/\s+$/, "").length});
      }
    });
    return out;
  }

  function rangeOf(sentence) {
    var range = document.createRange();
    var offset = 0, started = false;
    for (var i = 0; i < sentence.nodes.length; i++) {
      var node = sentence.nodes[i];
      var length = node.nodeValue.length;
      if (!started && sentence.start <= offset + length) {
        range.setStart(node, Math.max(0, sentence.start - offset));
        started = true;
      }
      if (started && sentence.end <= offset + length) {
        range.setEnd(node, Math.max(0, sentence.end - offset));
        return range;
      }
      offset += length;
    }
    return started ? range : null;
  }

  // -- the highlight ----------------------------------------------------------------------------------

  function mark(sentence) {
    unmark();
    if (!sentence) return;
    var range = rangeOf(sentence);
    if (range && window.CSS && CSS.highlights && typeof Highlight !== "undefined") {
      CSS.highlights.set(HIGHLIGHT, new Highlight(range));
    } else {
      sentence.element.classList.add("mb-listen-current");
    }
    sentence.element.classList.add("mb-listen-block");
    var box = sentence.element.getBoundingClientRect();
    if (box.top < 60 || box.bottom > window.innerHeight) {
      sentence.element.scrollIntoView({block: "center", behavior: "smooth"});
    }
  }

  function unmark() {
    if (window.CSS && CSS.highlights) CSS.highlights.delete(HIGHLIGHT);
    Array.prototype.forEach.call(article.querySelectorAll(".mb-listen-current, .mb-listen-block"), function (el) {
      el.classList.remove("mb-listen-current", "mb-listen-block");
    });
  }

  // -- speaking -----------------------------------------------------------------------------------------

  function speak(index) {
    if (index >= sentences.length) {
      finish("Uppläsningen är klar.");
      return;
    }
    current = index;
    var sentence = sentences[index];
    var utterance = new Utterance(sentence.text);
    utterance.lang = voice && voice.lang ? voice.lang : "sv-SE";
    if (voice) utterance.voice = voice;
    utterance.onend = function () {
      if (state === "speaking" && current === index) speak(index + 1);
    };
    utterance.onerror = function (event) {
      if (event && (event.error === "interrupted" || event.error === "canceled")) return;
      if (state === "speaking" && current === index) speak(index + 1);
    };
    mark(sentence);
    synth.speak(utterance);
  }

  function start() {
    voice = swedishVoice() || voice;
    sentences = collect();
    if (!sentences.length) return;
    if (synth.cancel) synth.cancel();
    state = "speaking";
    render();
    say("Läser upp sidan.");
    speak(0);
  }

  function pause() {
    if (state === "speaking") {
      synth.pause();
      state = "paused";
      say("Pausad.");
    } else if (state === "paused") {
      synth.resume();
      state = "speaking";
      say("Fortsätter.");
    }
    render();
  }

  function finish(message) {
    state = "idle";
    current = -1;
    unmark();
    render();
    say(message);
  }

  function stop() {
    state = "idle";
    if (synth.cancel) synth.cancel();
    finish("Uppläsningen är stoppad.");
    playButton.focus();
  }

  // -- the controls -------------------------------------------------------------------------------------

  function say(text) {
    if (status) status.textContent = text;
  }

  function button(text, className, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "md-button mb-small-button " + className;
    b.textContent = text;
    b.addEventListener("click", action);
    return b;
  }

  function render() {
    if (!group) return;
    playButton.hidden = state !== "idle";
    pauseButton.hidden = state === "idle";
    stopButton.hidden = state === "idle";
    pauseButton.textContent = state === "paused" ? "Fortsätt" : "Pausa";
    pauseButton.setAttribute("aria-pressed", state === "paused" ? "true" : "false");
    if (state !== "idle" && document.activeElement === playButton) pauseButton.focus();
  }

  function build() {
    group = document.createElement("div");
    group.className = "mb-listen";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Lyssna på sidan");
    playButton = button("Lyssna", "mb-listen-play", start);
    playButton.setAttribute("aria-describedby", "mb-listen-hint");
    pauseButton = button("Pausa", "mb-listen-pause", pause);
    stopButton = button("Stoppa", "mb-listen-stop", stop);
    var hint = document.createElement("span");
    hint.id = "mb-listen-hint";
    hint.className = "mb-sr-only";
    hint.textContent = article.querySelector(".mb-easy-read")
      ? "Läser upp sidan med webbläsarens svenska röst, den lättlästa texten först."
      : "Läser upp sidan med webbläsarens svenska röst.";
    status = document.createElement("span");
    status.className = "mb-sr-only";
    status.setAttribute("role", "status");
    group.appendChild(playButton);
    group.appendChild(pauseButton);
    group.appendChild(stopButton);
    group.appendChild(hint);
    group.appendChild(status);
    title.parentNode.insertBefore(group, title.nextSibling);
    render();
  }

  function offer() {
    voice = swedishVoice();
    if (voice && !group) build();
    if (group) group.hidden = !voice;
  }

  offer();
  if (synth.addEventListener) synth.addEventListener("voiceschanged", offer);
  window.addEventListener("pagehide", function () { if (state !== "idle" && synth.cancel) synth.cancel(); });
})();

/* Metodbanken: the method editor ("Skriv en metod", bidra/skriv/).
 *
 * Algorithms only. Everything about methods — fields, kinds and their limits, Swedish labels, help texts,
 * examples, vocabulary labels, sections, the Swedish messages of `metodbank check` and the existing ids —
 * comes from the JSON the build puts in the page (#mb-editor-schema, from hooks/metodbank/site/editor.py).
 * The form is built from that description, one control per kind (Text, Choice, Choices, Range, Strings,
 * Refs, Keyed, Sources, Date, MethodId, and any mapping of named parts), so a new field in the schema
 * appears here without a change to this file.
 *
 * No server: the draft lives in local storage until the user clears it; ?metod=<id> loads an existing
 * method from assets/editor/metoder/<id>.js (a script file, so it also works from a copy on disk).
 * Contributor text is only ever put into the page as text (textContent), never as HTML.
 * The pure functions (validate, toFile, toYaml, slugify) are exposed as window.MetodbankEditor for tests.
 */
(function () {
  "use strict";

  // Patterns, fold tables and limits that are not in the page's schema come from the engine (core/text.py,
  // core/kinds.py, site/editor.py) through the generated assets/metodbank-tables.js.
  var tables = window.metodbankTables;
  if (!tables) return; // the page says the form needs JavaScript; the draft stays untouched

  // -- text helpers (the same rules as hooks/metodbank/core/text.py and kinds.py) --------------------------

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : all;
    });
  }

  function chars(text) { return Array.from(text); }

  function fold(text) { return text.split(/\s+/).filter(Boolean).join(" "); }

  function sentences(text) {
    return fold(text).split(/(?<=[.!?…])\s+/).filter(function (p) { return p.trim(); });
  }

  function words(text) { return text.match(/[\p{L}\p{N}_\-–]+/gu) || []; }

  var HTML_LIKE = new RegExp(tables.text.htmlLike);
  var ID = new RegExp(tables.idPattern);
  var WEB_ADDRESS = new RegExp(tables.text.url);
  // "text https://…" on one line of the sources box: the text, then the web address (the same pattern, unanchored).
  var URL_AT_END = new RegExp("^(.*?)\\s+(" + tables.text.url.replace(/^\^|\$$/g, "") + ")$");
  var FOLD_CHARS = tables.text.slugFold;
  var FOLDED = new RegExp("[" + Object.keys(FOLD_CHARS).join("") + "]", "g");

  function slugify(title) {
    var text = title.toLowerCase().replace(FOLDED, function (c) { return FOLD_CHARS[c]; });
    text = text.normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
    return text.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  function isDate(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return false;
    var d = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
    return d.getUTCFullYear() === +match[1] && d.getUTCMonth() === +match[2] - 1 && d.getUTCDate() === +match[3];
  }

  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function pairs(kind) {
    // The named parts of a mapping kind: any parameter that is a list of [key, kind] pairs.
    var found = [];
    Object.keys(kind).forEach(function (name) {
      var value = kind[name];
      if (Array.isArray(value)) {
        value.forEach(function (item) {
          if (Array.isArray(item) && item.length === 2 && typeof item[0] === "string" && item[1] && item[1].type) {
            found.push(item);
          }
        });
      }
    });
    return found;
  }

  // -- validation (kinds.py, validate.py, body.py) ------------------------------------------------------

  function checkText(schema, kind, value, name, path, report) {
    var M = schema.messages;
    if (typeof value !== "string") return;
    var text = fold(value);
    var count = chars(text).length;
    var min = kind.min_chars === undefined ? 1 : kind.min_chars;
    if (count < min) {
      report(path, "too-short", text ? fill(M["too-short"], { name: name, count: count, min: min })
        : fill(M["text-empty"], { name: name }));
    }
    if (kind.max_chars !== null && kind.max_chars !== undefined && count > kind.max_chars) {
      report(path, "too-long", fill(M["too-long"], { name: name, count: count, max: kind.max_chars,
        over: count - kind.max_chars }));
    }
    if (HTML_LIKE.test(text)) report(path, "html-in-field", fill(M["html-in-field"], { name: name }));
    if (kind.min_sentences || kind.max_sentences) {
      var found = sentences(text);
      var low = kind.min_sentences || 1;
      var high = kind.max_sentences || found.length;
      if (text && !(low <= found.length && found.length <= high)) {
        report(path, "sentence-count", fill(M["sentence-count"], { name: name, count: found.length, low: low,
          high: high }));
      }
    }
    if (kind.max_sentence_words) {
      sentences(text).forEach(function (sentence) {
        var n = words(sentence).length;
        if (n > kind.max_sentence_words) {
          report(path, "long-sentence", fill(M["long-sentence"], { name: name, count: n,
            max: kind.max_sentence_words, start: chars(sentence).slice(0, 60).join("") }));
        }
      });
    }
  }

  function checkCount(schema, list, low, high, name, path, report) {
    var M = schema.messages;
    if (list.length < low) {
      report(path, "too-few", fill(M["too-few"], { name: name, low: low, plural: low > 1 ? "n" : "",
        count: list.length }));
    }
    if (high !== null && high !== undefined && list.length > high) {
      report(path, "too-many", fill(M["too-many"], { name: name, count: list.length, high: high,
        over: list.length - high }));
    }
  }

  function typeName(schema, value) {
    if (typeof value === "number") return schema.messages["wrong-type-float"];
    return schema.messages["wrong-type-text"];
  }

  function checkValue(schema, kind, value, name, path, report, context) {
    var M = schema.messages;
    var type = kind.type;
    if (type === "Text") {
      checkText(schema, kind, value, name, path, report);
    } else if (type === "Choices") {
      checkCount(schema, value, kind.min_items, kind.max_items, name, path, report);
    } else if (type === "Range") {
      var numbers = {};
      ["min", "max"].forEach(function (key) {
        if (!(key in value)) {
          report(path, "missing-field", fill(M["range-missing"], { name: name, key: key, unit: kind.unit }));
        } else if (typeof value[key] !== "number" || !Number.isInteger(value[key])) {
          report(path.concat([key]), "wrong-type", fill(M["range-wrong-type"], { name: name, key: key,
            unit: kind.unit, type: typeName(schema, value[key]) }));
        } else if (value[key] < kind.low || value[key] > kind.high) {
          report(path.concat([key]), "out-of-range", fill(M["out-of-range"], { name: name, key: key,
            value: value[key], low: kind.low, high: kind.high, unit: kind.unit }));
        } else {
          numbers[key] = value[key];
        }
      });
      if ("min" in numbers && "max" in numbers && numbers.min > numbers.max) {
        report(path.concat(["min"]), "min-greater-than-max", fill(M["min-greater-than-max"], { name: name,
          min: numbers.min, max: numbers.max }));
      }
      pairs(kind).forEach(function (pair) {
        if (pair[0] in value) checkValue(schema, pair[1], value[pair[0]], name + "." + pair[0],
          path.concat([pair[0]]), report, context);
      });
    } else if (type === "Strings") {
      checkCount(schema, value, kind.min_items, kind.max_items, name, path, report);
      value.forEach(function (item, i) {
        checkText(schema, { min_chars: 1, max_chars: kind.max_chars }, item, name + "." + i, path, report);
      });
    } else if (type === "Refs") {
      checkCount(schema, value, 0, kind.max_items, name, path, report);
      var seen = [];
      var pattern = new RegExp(schema.idPattern);
      value.forEach(function (item) {
        var id = item.replace(/\.md$/, "");
        if (!pattern.test(id)) {
          report(path, "bad-reference", fill(M["bad-reference"], { item: item, name: name }));
        } else if (seen.indexOf(id) >= 0) {
          report(path, "duplicate-value", fill(M["duplicate-value"], { item: id, name: name }));
        } else {
          seen.push(id);
          if (id === context.id) {
            report(path, "self-reference", fill(M["self-reference"], { item: id, name: name }));
          } else if (schema.ids.indexOf(id) < 0) {
            report(path, "unknown-method", fill(M["unknown-reference"], { item: id, name: name }));
          }
        }
      });
    } else if (type === "Keyed") {
      var ids = kind.terms.map(function (t) { return t[0]; });
      Object.keys(value).forEach(function (key) {
        checkValue(schema, kind.value, value[key], name + "." + key, path.concat([key]), report, context);
      });
      if (kind.require_all) {
        kind.terms.forEach(function (term) {
          if (!(term[0] in value)) {
            report(path.concat([term[0]]), "missing-field", fill(M["keyed-missing"], { name: name, key: term[0],
              label: term[1] }));
          }
        });
      } else if (Object.keys(value).length < kind.min_keys) {
        report(path, "too-few", fill(M["keyed-too-few"], { name: name, min: kind.min_keys,
          count: Object.keys(value).length }));
      }
      void ids;
    } else if (type === "Sources") {
      checkCount(schema, value, 0, kind.max_items, name, path, report);
      value.forEach(function (item, i) {
        checkText(schema, { min_chars: 1, max_chars: tables.text.sourceTextMax }, item.text, name + "." + i + ".text", path, report);
        if (item.url !== undefined && !WEB_ADDRESS.test(item.url)) {
          report(path, "bad-url", fill(M["bad-url"], { url: item.url }));
        }
      });
    } else if (type === "Date") {
      if (!isDate(value)) {
        report(path, "bad-date", fill(M["bad-date"], { value: value }));
      } else if (value > (context.today || today())) {
        report(path, "future-date", fill(M["future-date"], { value: value, name: name }));
      }
    } else if (type === "Choice" || type === "MethodId") {
      // Chosen from the vocabulary's own list; the id is checked as the file name below.
    } else if (value && typeof value === "object" && !Array.isArray(value)) {
      // A mapping of named parts (kinds.Record and the like): every part is needed.
      pairs(kind).forEach(function (pair) {
        if (!(pair[0] in value)) {
          report(path.concat([pair[0]]), "missing-field", fill(M["record-missing"], { name: name, key: pair[0] }));
        } else {
          checkValue(schema, pair[1], value[pair[0]], name + "." + pair[0], path.concat([pair[0]]), report, context);
        }
      });
    } else if (typeof value === "string") {
      checkText(schema, kind, value, name, path, report);
    }
  }

  function hasText(text) {
    return (text || "").split("\n").some(function (line) {
      return line.trim() && line.trim().indexOf("<!--") !== 0;
    });
  }

  function headingLine(text) {
    var fence = null;
    return (text || "").split("\n").some(function (line) {
      var match = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (match) {
        if (fence === null) fence = match[1];
        else if (match[1][0] === fence[0] && match[1].length >= fence.length) fence = null;
        return false;
      }
      return fence === null && /^#{1,2}\s/.test(line);
    });
  }

  /* Every problem of a method as the form holds it: {path, code, message}. state = {id, origin, values,
   * sections}; values hold only the fields that have a value (an empty field is left out of the file). */
  function validate(schema, state, options) {
    var M = schema.messages;
    var problems = [];
    var context = { id: state.id, today: (options || {}).today };
    function report(path, code, message) { problems.push({ path: path, code: code, message: message }); }
    schema.fields.forEach(function (field) {
      if (field.kind.type === "MethodId") return;
      if (!(field.name in state.values)) {
        if (field.required) report([field.name], "missing-field", field.missing);
        return;
      }
      checkValue(schema, field.kind, state.values[field.name], field.name, [field.name], report, context);
    });
    var pattern = new RegExp(schema.idPattern);
    var idField = schema.fields.filter(function (f) { return f.kind.type === "MethodId"; })[0];
    var idPath = [idField ? idField.name : "mb-id"];
    if (!state.id) {
      report(idPath, "no-id", M["no-id"]);
    } else if (!pattern.test(state.id)) {
      report(idPath, "bad-id", fill(M["bad-id"], { id: state.id, suggestion: slugify(state.id) || "min-metod" }));
    } else if (state.id !== state.origin && schema.ids.some(function (i) {
      return i.toLowerCase() === state.id.toLowerCase();
    })) {
      report(idPath, "id-taken", fill(M["id-taken"], { id: state.id }));
    }
    schema.sections.forEach(function (section) {
      var text = state.sections[section.title];
      if (!hasText(text)) {
        if (section.required) report(["section", section.title], "missing-section", section.missing);
      } else if (headingLine(text)) {
        report(["section", section.title], "heading-in-section", fill(M["heading-in-section"],
          { title: section.title }));
      }
    });
    return problems;
  }

  // -- YAML writing (read back by hooks/metodbank/core/yamlstrict.py) ----------------------------------------

  var RESOLVES = [
    /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|y|Y|n|N)$/,
    /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
    /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?)$/,
    /^(?:~|null|Null|NULL|<<|=)$/,
    /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/,
  ];
  var SPECIAL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]/;
  var WIDTH = tables.text.frontMatterWidth;

  function resolves(text) { return RESOLVES.some(function (re) { return re.test(text); }); }

  function plainOk(text, flow) {
    if (!text || /^\s|\s$/.test(text) || /[\t\n\r]/.test(text) || SPECIAL.test(text)) return false;
    if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text)) return false;
    if (/: |:$| #/.test(text)) return false;
    if (flow && /[,[\]{}]/.test(text)) return false;
    return !resolves(text);
  }

  function doubleQuoted(text) {
    var out = "";
    Array.from(text).forEach(function (c) {
      var code = c.codePointAt(0);
      if (c === "\\") out += "\\\\";
      else if (c === "\"") out += "\\\"";
      else if (c === "\n") out += "\\n";
      else if (c === "\t") out += "\\t";
      else if (c === "\r") out += "\\r";
      else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += "\\x" + (code < 16 ? "0" : "") + code.toString(16);
      else if (code === 0x2028 || code === 0x2029 || code === 0xfeff || code === 0xfffe || code === 0xffff ||
               (code >= 0xd800 && code <= 0xdfff)) out += "\\u" + code.toString(16);
      else out += c;
    });
    return "\"" + out + "\"";
  }

  function foldLines(text, width) {
    // Break a one-line text at single spaces; `>-` folds each break back into that one space.
    var lines = [];
    var rest = text;
    while (chars(rest).length > width) {
      var cut = -1;
      for (var i = 1; i < rest.length - 1; i++) {
        if (rest[i] === " " && rest[i - 1] !== " " && rest[i + 1] !== " ") {
          if (cut < 0 || i <= width) cut = i;
          if (i > width) break;
        }
      }
      if (cut < 0) break;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    }
    lines.push(rest);
    return lines;
  }

  /* A string as YAML: {inline} for one line after "key: ", or {header, lines} for a block scalar. */
  function scalar(text, room) {
    var multiLine = text.indexOf("\n") >= 0;
    var blockSafe = !/[\r\t]/.test(text) && !SPECIAL.test(text);
    if (multiLine && blockSafe && !text.split("\n").some(function (l) { return l && !l.trim(); })) {
      var trailing = /\n*$/.exec(text)[0].length;
      var chomp = trailing === 0 ? "-" : trailing === 1 ? "" : "+";
      var body = text.slice(0, text.length - trailing);
      var indicator = /^[ \n]/.test(text) ? "2" : "";
      var lines = body.split("\n");
      for (var i = 1; i < trailing; i++) lines.push("");
      return { header: "|" + indicator + chomp, lines: lines };
    }
    if (!multiLine && blockSafe && chars(text).length > room && /^\S/.test(text) && /\S$/.test(text) &&
        text.indexOf("  ") < 0) {
      return { header: ">-", lines: foldLines(text, WIDTH - 4) };
    }
    if (plainOk(text, false)) return { inline: text };
    if (!multiLine && blockSafe && !/[\t]/.test(text)) return { inline: "'" + text.replace(/'/g, "''") + "'" };
    return { inline: doubleQuoted(text) };
  }

  function key(name) { return plainOk(name, true) ? name : doubleQuoted(name); }

  function isMapping(value) { return value && typeof value === "object" && !Array.isArray(value); }

  function entry(name, value, indent, dates) {
    var pad = " ".repeat(indent);
    var head = pad + key(name) + ":";
    if (Array.isArray(value)) {
      if (!value.length) return [head + " []"];
      // Lists of ids in [brackets], as contribute/issue.py writes them: each item an id once "_" reads as "-".
      var flow = value.every(function (v) {
        return typeof v === "string" && ID.test(v.replace(/_/g, "-")) && plainOk(v, true);
      });
      var line = head + " [" + value.join(", ") + "]";
      if (flow && line.length <= WIDTH) return [line];
      var out = [head];
      value.forEach(function (item) { out = out.concat(listItem(item, indent + 2)); });
      return out;
    }
    if (isMapping(value)) {
      var lines = [head];
      Object.keys(value).forEach(function (k) { lines = lines.concat(entry(k, value[k], indent + 2, dates)); });
      return lines;
    }
    return inlineOrBlock(head, value, indent, dates);
  }

  function inlineOrBlock(head, value, indent, date) {
    if (typeof value === "number") return [head + " " + String(value)];
    if (date === true && isDate(value)) return [head + " " + value];
    var s = scalar(String(value), WIDTH - head.length - 1);
    if (s.inline !== undefined) return [head + " " + s.inline];
    var pad = " ".repeat(indent + 2);
    return [head + " " + s.header].concat(s.lines.map(function (l) { return l ? pad + l : ""; }));
  }

  function listItem(item, indent) {
    var pad = " ".repeat(indent);
    if (isMapping(item)) {
      var lines = [];
      Object.keys(item).forEach(function (k) { lines = lines.concat(entry(k, item[k], indent + 2, false)); });
      lines[0] = pad + "- " + lines[0].slice(indent + 2);
      return lines;
    }
    return inlineOrBlock(pad + "-", item, indent, false);
  }

  /* The front matter as YAML, fields in schema order. */
  function toYaml(schema, values) {
    var lines = [];
    schema.fields.forEach(function (field) {
      if (!(field.name in values)) return;
      lines = lines.concat(entry(field.name, values[field.name], 0, field.kind.type === "Date"));
    });
    return lines.join("\n") + "\n";
  }

  function cleanSection(text) {
    return (text || "").replace(/\r\n?/g, "\n").replace(/^\n+|\n+$/g, "");
  }

  /* The whole method file: front matter, then the sections with text, in the schema's order. */
  function toFile(schema, state) {
    var parts = ["---\n" + toYaml(schema, state.values) + "---\n"];
    schema.sections.forEach(function (section) {
      var text = cleanSection(state.sections[section.title]);
      if (hasText(text)) parts.push("## " + section.title + "\n\n" + text + "\n");
    });
    return parts.join("\n");
  }

  var api = { validate: validate, toFile: toFile, toYaml: toYaml, slugify: slugify, fill: fill };
  window.MetodbankEditor = api;

  // -- the page ------------------------------------------------------------------------------------------

  var root = document.getElementById("mb-editor");
  var dataNode = document.getElementById("mb-editor-schema");
  if (!root || !dataNode) return;
  var schema = JSON.parse(dataNode.textContent);
  api.schema = schema;
  var STORAGE_KEY = "metodbanken.skriv-en-metod";
  var METHOD_GLOBAL = tables.editor.methodGlobal;
  var state = { id: "", origin: null, idManual: false, values: {}, sections: {} };
  var touched = {};
  var submitted = false;
  var controls = []; // {field, kind, path, read(), write(value)}
  var ids = {}; // path key -> control element id

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === undefined || value === null || value === false) return;
      if (name === "text") node.textContent = value;
      else if (name === "className") node.className = value;
      else node.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function domId(path) {
    return "mb-f-" + path.map(function (p) { return String(p).replace(/[^A-Za-z0-9_-]/g, "_"); }).join("-");
  }

  function pathKey(path) { return path.join("\u0001"); }

  function hintText(field, kind) {
    // A field's hint comes whole from the page's JSON; a part of a field shows what its kind allows.
    return field.hint || (kind && kind.describe) || "";
  }


  function subLabel(name) { return schema.subkeys[name] || name; }

  /* The field with a role on the page ("heading": its text names the method and proposes the file name). */
  function byRole(role) {
    return schema.fields.filter(function (f) { return f.role === role; })[0] || schema.fields[0];
  }

  function lines(text) {
    return text.split("\n").map(function (l) { return l.trim(); }).filter(Boolean);
  }

  function textControl(path, label, hint, kind, multiline, required) {
    var id = domId(path);
    ids[pathKey(path)] = id;
    var hintId = id + "-hint";
    var errorId = id + "-error";
    var input = multiline ? el("textarea", { id: id, name: id, rows: "4", "aria-describedby": hintId + " " + errorId })
      : el("input", { id: id, name: id, type: "text", autocomplete: "off", "aria-describedby": hintId + " " + errorId });
    if (kind && kind.type === "Date") input.setAttribute("inputmode", "numeric");
    var wrapper = el("div", { className: "mb-field mb-field-wide mb-editor-field" }, [
      el("label", { for: id }, [label, required ? el("span", { className: "mb-required", text: " (krävs)" }) : null]),
      el("span", { className: "mb-hint", id: hintId, text: hint }),
      input,
      el("p", { className: "mb-editor-error", id: errorId, hidden: true }),
    ]);
    return { node: wrapper, input: input };
  }

  function group(path, legend, hint, required, children) {
    var id = domId(path);
    ids[pathKey(path)] = id;
    var hintId = id + "-hint";
    var errorId = id + "-error";
    return el("fieldset", { className: "mb-editor-group", id: id, tabindex: "-1",
      "aria-describedby": hintId + " " + errorId }, [
      el("legend", null, [legend, required ? el("span", { className: "mb-required", text: " (krävs)" }) : null]),
      el("span", { className: "mb-hint", id: hintId, text: hint }),
      el("p", { className: "mb-editor-error", id: errorId, hidden: true }),
    ].concat(children));
  }

  /* One control for a value of `kind` at `path`; returns {node, read, write}. read() gives undefined for
   * an empty value (left out of the file). */
  function build(kind, path, label, hint, required, field) {
    var type = kind.type;
    var built;
    if (type === "Choice" || (!pairs(kind).length && kind.terms && type !== "Choices" && type !== "Keyed")) {
      var id = domId(path);
      ids[pathKey(path)] = id;
      var select = el("select", { id: id, name: id, "aria-describedby": id + "-hint " + id + "-error" },
        [el("option", { value: "", text: "Välj" })].concat(kind.terms.map(function (t) {
          return el("option", { value: t[0], text: t[1] });
        })));
      built = {
        node: el("div", { className: "mb-field mb-editor-field" }, [
          el("label", { for: id }, [label, required ? el("span", { className: "mb-required", text: " (krävs)" }) : null]),
          el("span", { className: "mb-hint", id: id + "-hint", text: hint }), select,
          el("p", { className: "mb-editor-error", id: id + "-error", hidden: true })]),
        read: function () { return select.value || undefined; },
        write: function (v) { select.value = v || ""; },
      };
    } else if (type === "Choices") {
      var boxes = kind.terms.map(function (t) {
        var boxId = domId(path.concat([t[0]]));
        var box = el("input", { type: "checkbox", id: boxId, name: domId(path), value: t[0] });
        return { box: box, node: el("div", { className: "mb-editor-check" }, [box, el("label", { for: boxId, text: t[1] })]) };
      });
      var order = []; // the order of a loaded list is kept; newly ticked values follow in list order
      built = {
        node: group(path, label, hint, required, [el("div", { className: "mb-editor-checks" },
          boxes.map(function (b) { return b.node; }))]),
        read: function () {
          var ticked = boxes.filter(function (b) { return b.box.checked; }).map(function (b) { return b.box.value; });
          var v = order.filter(function (x) { return ticked.indexOf(x) >= 0; });
          ticked.forEach(function (x) { if (v.indexOf(x) < 0) v.push(x); });
          return v.length ? v : undefined;
        },
        write: function (v) {
          order = (v || []).slice();
          boxes.forEach(function (b) { b.box.checked = order.indexOf(b.box.value) >= 0; });
        },
      };
    } else if (type === "Range") {
      var parts = [["min", null], ["max", null]].concat(pairs(kind));
      var inputs = parts.map(function (pair) {
        var sub = path.concat([pair[0]]);
        var subId = domId(sub);
        ids[pathKey(sub)] = subId;
        var isNumber = pair[1] === null;
        var input = el("input", { id: subId, name: subId, type: isNumber ? "number" : "text", autocomplete: "off",
          inputmode: isNumber ? "numeric" : null, min: isNumber ? String(kind.low) : null,
          max: isNumber ? String(kind.high) : null, step: isNumber ? "1" : null, "aria-describedby": domId(path) + "-hint" });
        var text = subLabel(pair[0]) + (isNumber ? " (" + kind.unit + ")" : "");
        return { key: pair[0], number: isNumber, input: input,
          node: el("div", { className: isNumber ? "mb-field" : "mb-field mb-field-wide" },
            [el("label", { for: subId, text: text }), input]) };
      });
      built = {
        node: group(path, label, hint, required, [el("div", { className: "mb-editor-range" },
          inputs.map(function (i) { return i.node; }))]),
        read: function () {
          var v = {};
          inputs.forEach(function (i) {
            var raw = i.input.value.trim();
            if (!raw) return;
            v[i.key] = i.number && /^-?\d+$/.test(raw) ? parseInt(raw, 10) : (i.number ? raw : i.input.value);
          });
          return Object.keys(v).length ? v : undefined;
        },
        write: function (v) {
          inputs.forEach(function (i) { i.input.value = v && v[i.key] !== undefined ? String(v[i.key]) : ""; });
        },
      };
    } else if (type === "Keyed") {
      var subs = kind.terms.map(function (t) {
        var subField = { help: "", hint: "", example: "" };
        var sub = build(kind.value, path.concat([t[0]]), t[1], hintText(subField, null), !!kind.require_all, subField);
        return { key: t[0], control: sub };
      });
      built = {
        node: group(path, label, hint, required, subs.map(function (s) { return s.control.node; })),
        read: function () {
          var v = {};
          subs.forEach(function (s) { var x = s.control.read(); if (x !== undefined) v[s.key] = x; });
          return Object.keys(v).length ? v : undefined;
        },
        write: function (v) { subs.forEach(function (s) { s.control.write(v ? v[s.key] : undefined); }); },
      };
    } else if (type === "Strings" || type === "Refs") {
      var t1 = textControl(path, label, hint, kind, true, required);
      built = {
        node: t1.node,
        read: function () { var v = lines(t1.input.value); return v.length ? v : undefined; },
        write: function (v) { t1.input.value = (v || []).join("\n"); },
      };
    } else if (type === "Sources") {
      var t2 = textControl(path, label, hint, kind, true, required);
      built = {
        node: t2.node,
        read: function () {
          var v = lines(t2.input.value).map(function (line) {
            var match = URL_AT_END.exec(line);
            return match ? { text: match[1], url: match[2] } : { text: line };
          });
          return v.length ? v : undefined;
        },
        write: function (v) {
          t2.input.value = (v || []).map(function (s) {
            return typeof s === "string" ? s : s.text + (s.url ? " " + s.url : "");
          }).join("\n");
        },
      };
    } else if (pairs(kind).length) {
      var members = pairs(kind).map(function (pair) {
        var subField = { help: "", hint: "", example: "" };
        return { key: pair[0], control: build(pair[1], path.concat([pair[0]]), subLabel(pair[0]),
          hintText(subField, pair[1]), false, subField) };
      });
      built = {
        node: group(path, label, hint, required, members.map(function (m) { return m.control.node; })),
        read: function () {
          var v = {};
          members.forEach(function (m) { var x = m.control.read(); if (x !== undefined) v[m.key] = x; });
          return Object.keys(v).length ? v : undefined;
        },
        write: function (v) { members.forEach(function (m) { m.control.write(v ? v[m.key] : undefined); }); },
      };
    } else {
      var long = type === "Text" && (kind.max_chars === null || kind.max_chars === undefined || kind.max_chars > 100);
      var t3 = textControl(path, label, hint, kind, long, required);
      built = {
        node: t3.node,
        input: t3.input,
        read: function () { return t3.input.value.trim() ? t3.input.value : undefined; },
        write: function (v) { t3.input.value = v === undefined || v === null ? "" : String(v); },
      };
    }
    return built;
  }

  // -- page structure --------------------------------------------------------------------------------

  var loading = document.getElementById("mb-editor-loading");
  if (loading) loading.remove();
  var status = el("p", { className: "mb-editor-status", id: "mb-editor-status", role: "status",
    "aria-live": "polite", "aria-atomic": "true" });
  var summary = el("div", { className: "mb-editor-summary", id: "mb-editor-summary", tabindex: "-1", hidden: true });
  var form = el("form", { className: "mb-editor-form", id: "mb-editor-form", novalidate: true,
    "aria-labelledby": "mb-editor-form-title" });
  var idControl = null;

  form.appendChild(el("h2", { id: "mb-editor-form-title", text: "Om metoden" }));
  form.appendChild(el("p", { className: "mb-hint", text: "Fält märkta (krävs) måste fyllas i. Mer om varje fält "
    + "finns på sidan Fälten i en metodfil." }));
  schema.fields.forEach(function (field) {
    var kind = field.kind;
    var control;
    if (kind.type === "MethodId") {
      var t = textControl([field.name], field.label, field.hint, kind, false, true);
      idControl = t.input;
      control = { node: t.node, read: function () { return undefined; }, write: function () {} };
    } else {
      control = build(kind, [field.name], field.label, hintText(field, kind), field.required, field);
    }
    control.field = field;
    controls.push(control);
    form.appendChild(control.node);
  });
  form.appendChild(el("h2", { id: "mb-editor-sections-title", text: "Texten" }));
  form.appendChild(el("p", { className: "mb-hint", text: "Skriv vanlig text. Tomma rader delar stycken. Börja en "
    + "rad med 1. för numrerade steg eller - för punkter, och med ### för en underrubrik." }));
  var sectionInputs = schema.sections.map(function (section) {
    var path = ["section", section.title];
    var t = textControl(path, section.title, section.help + (section.required ? "" : " Valfritt."), null, true,
      section.required);
    t.input.setAttribute("rows", "6");
    form.appendChild(t.node);
    return { section: section, input: t.input };
  });
  var actions = el("p", { className: "mb-editor-actions" }, [
    el("button", { type: "submit", className: "md-button md-button--primary", id: "mb-editor-check",
      text: "Granska metoden" }), " ",
    el("button", { type: "button", className: "md-button", id: "mb-editor-clear", text: "Töm formuläret" }), " ",
    el("button", { type: "button", className: "md-button", id: "mb-editor-restore", hidden: true,
      text: "Ta tillbaka mitt tidigare utkast" }),
  ]);
  form.appendChild(actions);

  var preview = el("article", { className: "mb-editor-page", id: "mb-editor-page", "aria-labelledby": "mb-editor-page-title" });
  var fileText = el("code", { id: "mb-editor-file" });
  var download = el("a", { className: "md-button", id: "mb-editor-download", href: "#", download: "metod.md",
    text: "Ladda ner filen" });
  var copy = el("button", { type: "button", className: "md-button", id: "mb-editor-copy", text: "Kopiera texten" });
  var send = el("a", { className: "md-button md-button--primary", id: "mb-editor-send", href: "#", target: "_blank",
    rel: "noopener" }, ["Skicka som förslag på GitHub", el("span", { className: "mb-sr-only", text: " (öppnas i en ny flik)" })]);
  var result = el("section", { className: "mb-editor-result", id: "mb-editor-result", "aria-labelledby": "mb-editor-result-title" }, [
    el("h2", { id: "mb-editor-result-title", tabindex: "-1", text: "Granska och skicka" }),
    el("p", { text: "Så här blir metoden. Knapparna kontrollerar metoden först; är något fel visas det överst." }),
    el("p", { className: "mb-editor-actions" }, [download, " ", copy, " ", send]),
    el("p", { className: "mb-hint", id: "mb-editor-send-hint", text: "Skicka som förslag öppnar GitHub med filen ifylld. " +
      "Du behöver ett konto på GitHub. Har du inte rätt att ändra direkt gör GitHub en egen kopia åt dig och " +
      "erbjuder en pull request; redaktionen granskar förslaget." }),
    el("h3", { text: "Sidan" }),
    preview,
    el("h3", { id: "mb-editor-file-title", text: "Filen" }),
    el("pre", { className: "mb-editor-filetext", tabindex: "0", "aria-labelledby": "mb-editor-file-title" }, [fileText]),
  ]);
  root.appendChild(status);
  root.appendChild(summary);
  root.appendChild(form);
  root.appendChild(result);

  // -- state ---------------------------------------------------------------------------------------------

  function readState() {
    var values = {};
    controls.forEach(function (c) {
      var field = c.field;
      var v = c.read();
      var kind = field.kind;
      if (v === undefined && field.required && kind.min_items === 0 && /^(Strings|Refs|Sources)$/.test(kind.type)) v = [];
      if (v !== undefined) values[field.name] = v;
    });
    var sections = {};
    sectionInputs.forEach(function (s) { if (s.input.value.trim()) sections[s.section.title] = s.input.value; });
    var id = idControl ? idControl.value.trim() : "";
    return { id: id, origin: state.origin, idManual: state.idManual, values: values, sections: sections };
  }

  function writeState(next) {
    state = next;
    controls.forEach(function (c) { c.write(next.values[c.field.name]); });
    sectionInputs.forEach(function (s) { s.input.value = next.sections[s.section.title] || ""; });
    if (idControl) idControl.value = next.id || "";
  }

  function save() {
    try { window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state)); } catch (e) { /* storage full or off */ }
  }

  function load() {
    try { return JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "null"); } catch (e) { return null; }
  }

  // -- errors ----------------------------------------------------------------------------------------------

  /* The control a problem belongs to: the innermost one along its path that shows messages. */
  function controlFor(path) {
    var top = pathKey(path.slice(0, path[0] === "section" ? 2 : 1));
    var found = null;
    for (var n = path.length; n > 0; n--) {
      var id = ids[pathKey(path.slice(0, n))];
      if (id && document.getElementById(id + "-error")) return { id: id, top: top };
      if (id && !found) found = { id: id, top: top };
    }
    return found;
  }

  function labelFor(path) {
    if (path[0] === "section") return path[1];
    var field = schema.fields.filter(function (f) { return f.name === path[0]; })[0];
    return field ? field.label : path[0];
  }

  function showErrors(problems, all) {
    var byId = {};
    problems.forEach(function (p) {
      var target = controlFor(p.path);
      if (!target) return;
      if (!all && !touched[target.top]) return;
      (byId[target.id] = byId[target.id] || []).push(p.message);
    });
    Object.keys(ids).forEach(function (key) {
      var id = ids[key];
      var error = document.getElementById(id + "-error");
      var control = document.getElementById(id);
      var messages = byId[id] || [];
      if (error) {
        error.textContent = messages.join(" · ");
        error.hidden = !messages.length;
      }
      if (control && control.tagName !== "FIELDSET") {
        if (messages.length) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
      }
    });
  }

  function renderSummary(problems) {
    summary.textContent = "";
    if (!problems.length) { summary.hidden = true; return; }
    var list = el("ul");
    problems.forEach(function (p) {
      var target = controlFor(p.path);
      var link = el("a", { href: "#" + (target ? target.id : "mb-editor-form"), text: labelFor(p.path) + ": " + p.message });
      link.addEventListener("click", function (event) {
        event.preventDefault();
        focusControl(target ? target.id : "mb-editor-form");
      });
      list.appendChild(el("li", null, [link]));
    });
    var count = problems.length === 1 ? "1 sak behöver rättas" : problems.length + " saker behöver rättas";
    summary.appendChild(el("h2", { id: "mb-editor-summary-title", text: "Det här behöver rättas (" + count + ")" }));
    summary.appendChild(list);
    summary.hidden = false;
  }

  function focusControl(id) {
    var node = document.getElementById(id);
    if (!node) return;
    if (node.tagName === "FIELDSET") {
      var first = node.querySelector("input, select, textarea");
      (first || node).focus();
    } else {
      node.focus();
    }
  }

  // -- preview ------------------------------------------------------------------------------------------

  function termLabel(kind, id) {
    var found = (kind.terms || []).filter(function (t) { return t[0] === id; })[0];
    return found ? found[1] : id;
  }

  function shown(kind, value) {
    if (value === undefined) return "";
    if (Array.isArray(value)) {
      return value.map(function (v) {
        if (isMapping(v)) return v.text + (v.url ? " (" + v.url + ")" : "");
        return kind.terms ? termLabel(kind, v) : String(v);
      }).reduce(function (text, item) {
        return text ? text + (/[.!?…]$/.test(text) ? " " : "; ") + item : item;
      }, "");
    }
    if (isMapping(value)) {
      if (kind.type === "Range") {
        var text = (value.min === value.max ? value.min : value.min + "–" + value.max) + " " + kind.unit;
        return pairs(kind).reduce(function (t, p) { return value[p[0]] ? t + ", " + value[p[0]] : t; }, text);
      }
      return Object.keys(value).map(function (k) {
        var label = kind.terms ? termLabel(kind, k) : subLabel(k);
        return label + ": " + shown(kind.value || {}, value[k]);
      }).join("; ");
    }
    return kind.terms ? termLabel(kind, value) : String(value);
  }

  /* A value as the method page shows it: lists and named parts as lists, vocabulary ids as their labels. */
  function shownNode(kind, value) {
    if (Array.isArray(value) && value.length > 1) {
      return el("ul", null, value.map(function (v) { return el("li", { text: shown(kind, [v]) }); }));
    }
    if (isMapping(value) && kind.type !== "Range") {
      return el("ul", null, Object.keys(value).map(function (k) {
        var label = kind.terms ? termLabel(kind, k) : subLabel(k);
        var inner = kind.value || (pairs(kind).filter(function (p) { return p[0] === k; })[0] || [null, {}])[1];
        return el("li", { text: label + ": " + shown(inner, value[k]) });
      }));
    }
    return document.createTextNode(shown(kind, value));
  }

  /* Markdown blocks of a section as plain text: ### headings, lists and paragraphs (never as HTML). */
  function textBlocks(text) {
    var nodes = [];
    text.split(/\n\s*\n/).forEach(function (block) {
      var rows = block.split("\n").filter(function (r) { return r.trim(); });
      if (!rows.length) return;
      var heading = /^###+\s+(.*)$/.exec(rows[0].trim());
      if (heading && rows.length === 1) { nodes.push(el("h5", { text: heading[1] })); return; }
      var item = /^\s*(?:[-*+]|(\d+)[.)])\s+(.*)$/;
      if (rows.every(function (r) { return item.test(r) || /^\s{2,}\S/.test(r); })) {
        var ordered = !!item.exec(rows[0])[1];
        var list = el(ordered ? "ol" : "ul");
        rows.forEach(function (r) {
          var m = item.exec(r);
          if (m) list.appendChild(el("li", { text: m[2] }));
          else if (list.lastChild) list.lastChild.textContent += " " + r.trim();
        });
        nodes.push(list);
        return;
      }
      nodes.push(el("p", { text: fold(block) }));
    });
    return nodes;
  }

  function renderPreview(current) {
    preview.textContent = "";
    var values = current.values;
    var lead = byRole("lead");
    preview.appendChild(el("h3", { id: "mb-editor-page-title", className: "mb-editor-page-title",
      text: values[byRole("heading").name] || "(titel saknas)" }));
    if (lead && values[lead.name]) preview.appendChild(el("p", { className: "mb-lead", text: fold(values[lead.name]) }));
    var facts = el("dl", { className: "mb-editor-facts" });
    schema.fields.forEach(function (field) {
      if (field.role || field.kind.type === "MethodId" || !(field.name in values)) return;
      facts.appendChild(el("dt", { text: field.label }));
      facts.appendChild(el("dd", null, [shownNode(field.kind, values[field.name])]));
    });
    preview.appendChild(facts);
    schema.sections.forEach(function (section) {
      var text = cleanSection(current.sections[section.title]);
      if (!hasText(text)) return;
      preview.appendChild(el("h4", { text: section.title }));
      textBlocks(text).forEach(function (node) { preview.appendChild(node); });
    });
  }

  // -- actions -------------------------------------------------------------------------------------------

  function fileName(current) { return (current.id || "metod") + ".md"; }

  function sendUrl(current, text) {
    var base = schema.repoUrl + "/new/" + schema.branch + "?filename=methods/" + encodeURIComponent(fileName(current));
    var full = base + "&value=" + encodeURIComponent(text);
    return { url: full.length <= schema.urlLimit ? full : base, tooLong: full.length > schema.urlLimit };
  }

  var objectUrl = null;

  function refresh() {
    var current = readState();
    current.idManual = state.idManual;
    state = current;
    save();
    var problems = validate(schema, current);
    showErrors(problems, submitted);
    if (submitted) renderSummary(problems);
    var text = toFile(schema, current);
    fileText.textContent = text;
    renderPreview(current);
    if (objectUrl) URL.revokeObjectURL(objectUrl);
    objectUrl = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
    download.href = objectUrl;
    download.setAttribute("download", fileName(current));
    send.href = sendUrl(current, text).url;
    return { problems: problems, text: text, state: current };
  }

  function check(focus) {
    submitted = true;
    Object.keys(ids).forEach(function (key) { touched[key.split("\u0001").slice(0, 1).join("\u0001")] = true; });
    sectionInputs.forEach(function (s) { touched[pathKey(["section", s.section.title])] = true; });
    var outcome = refresh();
    var n = outcome.problems.length;
    if (n) {
      status.textContent = (n === 1 ? "1 sak behöver rättas" : n + " saker behöver rättas") + " innan metoden kan skickas. " +
        "Första: " + outcome.problems[0].message;
      if (focus) {
        var target = controlFor(outcome.problems[0].path);
        focusControl(target ? target.id : "mb-editor-summary");
      }
    } else {
      status.textContent = "Metoden klarar kontrollen. Filen " + fileName(outcome.state) + " är klar att skickas.";
      if (focus) document.getElementById("mb-editor-result-title").focus();
    }
    return outcome;
  }

  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return Promise.resolve(fallbackCopy(text));
  }

  function fallbackCopy(text) {
    var area = el("textarea", { className: "mb-sr-only", readonly: true, "aria-hidden": "true", tabindex: "-1" });
    area.value = text;
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    area.remove();
    if (!ok) throw new Error("copy");
  }

  form.addEventListener("input", function (event) {
    var target = event.target;
    if (target && target.id) {
      Object.keys(ids).forEach(function (key) {
        if (target.id === ids[key] || target.id.indexOf(ids[key] + "-") === 0) touched[key.split("\u0001").slice(0, key.indexOf("section") === 0 ? 2 : 1).join("\u0001")] = true;
      });
    }
    if (idControl && target === idControl) state.idManual = !!idControl.value.trim();
    var titleField = byRole("heading");
    if (idControl && !state.idManual && target && target.id === domId([titleField.name]) && !state.origin) {
      idControl.value = slugify(target.value);
    }
    refresh();
  });
  form.addEventListener("change", function () { refresh(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); check(true); });
  document.getElementById("mb-editor-clear").addEventListener("click", function () {
    if (!window.confirm("Vill du tömma formuläret? Utkastet tas bort från den här webbläsaren.")) return;
    try { window.localStorage.removeItem(STORAGE_KEY); } catch (e) { /* nothing stored */ }
    writeState({ id: "", origin: null, idManual: false, values: {}, sections: {} });
    submitted = false;
    touched = {};
    summary.hidden = true;
    refresh();
    status.textContent = "Formuläret är tomt. Utkastet är borttaget.";
    focusControl(domId([byRole("heading").name]));
  });
  download.addEventListener("click", function (event) {
    if (check(true).problems.length) { event.preventDefault(); return; }
    status.textContent = "Filen " + fileName(state) + " laddas ner. Lägg den i mappen methods/ eller skicka den till redaktionen.";
  });
  copy.addEventListener("click", function () {
    var outcome = check(true);
    if (outcome.problems.length) return;
    copyText(outcome.text).then(function () {
      status.textContent = "Texten är kopierad. Klistra in den där du vill spara eller skicka den.";
    }, function () {
      status.textContent = "Texten gick inte att kopiera. Markera den under Filen och kopiera med Ctrl+C.";
    });
  });
  send.addEventListener("click", function (event) {
    var outcome = check(true);
    if (outcome.problems.length) { event.preventDefault(); return; }
    var target = sendUrl(outcome.state, outcome.text);
    send.href = target.url;
    if (target.tooLong) {
      copyText(outcome.text).then(function () {
        status.textContent = "Texten är för lång för en länk, så den är kopierad i stället. På GitHub-sidan som " +
          "öppnas: klicka i den stora textrutan under filnamnet och klistra in med Ctrl+V (Cmd+V på Mac).";
      }, function () {
        status.textContent = "Texten är för lång för en länk. Kopiera den under Filen och klistra in den i den " +
          "stora textrutan på GitHub-sidan som öppnas.";
      });
    } else {
      status.textContent = "GitHub öppnas i en ny flik med filen " + fileName(outcome.state) + " ifylld.";
    }
  });

  // -- start: a method to change (?metod=), else the stored draft -------------------------------------------

  function start(initial, message) {
    if (window.location.search && window.history.replaceState) {
      // The draft now holds what ?metod= asked for; a reload shows the draft, not the method afresh.
      window.history.replaceState(null, "", window.location.pathname + window.location.hash);
    }
    writeState(initial);
    if (initial.origin || Object.keys(initial.values).length) {
      Object.keys(ids).forEach(function (key) { touched[key.split("\u0001")[0]] = true; });
      sectionInputs.forEach(function (s) { touched[pathKey(["section", s.section.title])] = true; });
    }
    refresh();
    if (message) status.textContent = message;
  }

  // A draft is never lost: opening another method keeps the draft aside until the user takes it back.
  var BACKUP_KEY = STORAGE_KEY + ".tidigare";
  var restore = document.getElementById("mb-editor-restore");

  function backup() {
    try { return JSON.parse(window.localStorage.getItem(BACKUP_KEY) || "null"); } catch (e) { return null; }
  }

  function hasContent(draft) {
    return !!(draft && draft.values && (Object.keys(draft.values).length || Object.keys(draft.sections || {}).length));
  }

  restore.hidden = !hasContent(backup());
  restore.addEventListener("click", function () {
    var previous = backup();
    if (!previous) return;
    try {
      if (hasContent(state)) window.localStorage.setItem(BACKUP_KEY, JSON.stringify(state));
      else window.localStorage.removeItem(BACKUP_KEY);
    } catch (e) { /* storage off */ }
    submitted = false;
    start(previous, "Ditt tidigare utkast är tillbaka" + (hasContent(state) ? "; det du hade i formuläret är sparat i stället." : "."));
    restore.hidden = !hasContent(backup());
    focusControl(domId([byRole("heading").name]));
  });

  var wanted = new URLSearchParams(window.location.search).get(tables.editor.methodParam);
  var stored = load();
  var blank = { id: "", origin: null, idManual: false, values: {}, sections: {} };
  if (wanted && new RegExp(schema.idPattern).test(wanted) && !(stored && stored.origin === wanted)) {
    var script = el("script", { src: root.getAttribute("data-methods") + wanted + ".js" });
    script.addEventListener("load", function () {
      var data = window[METHOD_GLOBAL];
      if (!data || data.id !== wanted) { start(stored || blank, "Metoden " + wanted + " hittades inte."); return; }
      var kept = "";
      if (hasContent(stored)) {
        try { window.localStorage.setItem(BACKUP_KEY, JSON.stringify(stored)); } catch (e) { /* storage off */ }
        restore.hidden = false;
        kept = " Ditt tidigare utkast är sparat; knappen Ta tillbaka mitt tidigare utkast hämtar det.";
      }
      start({ id: data.id, origin: data.id, idManual: true, values: data.values, sections: data.sections },
        "Formuläret visar metoden " + (data.values[byRole("heading").name] || data.id) + ". Ändra det du vill och skicka förslaget." + kept);
    });
    script.addEventListener("error", function () { start(stored || blank, "Metoden " + wanted + " hittades inte."); });
    document.head.appendChild(script);
  } else {
    start(stored && stored.values ? stored : blank, stored && stored.values && Object.keys(stored.values).length ?
      "Ditt sparade utkast är inläst." : "");
  }
})();

"""The Content-Security-Policy of every page: what the browser may run, load, frame and submit.

Defence in depth behind core/sanitize.py: even if markup slipped through, the browser would refuse to run it.
The policy is written into a <meta http-equiv> that the theme template carries (overrides/partials/csp.html)
with a placeholder; the hook fills it in for each rendered page with `fill_policy`, because Material's few
inline scripts (the `__md_scope` helpers, which differ per page depth) are allowed by their SHA-256 hash.

* scripts: only files from the site itself ('self') and the page's own inline scripts by hash; no
  'unsafe-inline', no 'unsafe-eval', so an injected <script> or onclick="…" does not run;
* styles: files from the site, the page's inline <style> blocks and style="…" values by hash;
* images: the site and data: URIs (the theme's icons in its CSS); fonts: the site;
* the search worker: the site ('self'), as blob: for Material's fallback; fetch: the site only;
* no frames, no plugins (object-src 'none'), <base> only the site, forms submit only to the site.

The offline copy (`metodbank offline`, opened from file://) runs search through the iframe-worker shim,
which writes an inline script into an about:blank frame with the absolute file:// path in it; no hash can
be known at build time, so that build allows inline scripts ('unsafe-inline'). `mkdocs serve` does the same
for its live-reload script. Everything else is the same.
"""

from __future__ import annotations

import base64
import hashlib
import re

PLACEHOLDER = "__METODBANKEN_CSP__"
_INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
_INLINE_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S | re.I)
_STYLE_ATTRIBUTE = re.compile(r"""\sstyle=(?:"([^"]*)"|'([^']*)')""", re.I)
_EXECUTABLE_TYPES = ("", "text/javascript", "application/javascript", "module")


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _script_type(attributes: str) -> str:
    match = re.search(r"""\btype=["']?([^"'\s>]*)""", attributes, re.I)
    return match.group(1).lower() if match else ""


def _outside_content(html: str) -> str:
    """The page without its content (Material's <article>): only the theme's own inline scripts get hashes,
    so a script that ever slipped into the content past core/sanitize.py would still be refused by the browser."""
    start, end = html.find("<article"), html.rfind("</article>")
    return html[:start] + html[end:] if 0 <= start < end else html


def policy(html: str, offline: bool = False) -> str:
    """The policy for one rendered page."""
    import html as html_module

    scripts = sorted({_hash(body) for attributes, body in _INLINE_SCRIPT.findall(_outside_content(html))
                      if not re.search(r"\bsrc\s*=", attributes, re.I) and _script_type(attributes) in _EXECUTABLE_TYPES})
    styles = sorted({_hash(body) for body in _INLINE_STYLE.findall(html)})
    attributes = sorted({_hash(html_module.unescape(a or b)) for a, b in _STYLE_ATTRIBUTE.findall(html)})
    script_src = ["'self'", "'unsafe-inline'"] if offline else ["'self'", *scripts]
    style_src = ["'self'", *styles] + (["'unsafe-hashes'", *attributes] if attributes else [])
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", script_src),
        ("style-src", style_src),
        ("img-src", ["'self'", "data:"]),
        ("font-src", ["'self'", "data:"]),
        ("connect-src", ["'self'"]),
        ("worker-src", ["'self'", "blob:"]),
        ("frame-src", ["'self'"] if offline else ["'none'"]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
    ]
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives)


def fill_policy(html: str, offline: bool = False) -> str:
    """A rendered page with the placeholder in its CSP <meta> replaced by the page's policy.

    Fetches go to the site only: the repository link in the header asks GitHub for nothing
    (overrides/partials/source.html), so no page sends its reader's address to another host.
    """
    if PLACEHOLDER not in html:
        return html
    return html.replace(PLACEHOLDER, policy(html.replace(PLACEHOLDER, ""), offline), 1)

"""Rendered HTML rewritten with the HTML parser (core/htmltokens.py): method bodies spliced into print pages,
clean parts into method pages; a placeholder without its content stops the build."""

from __future__ import annotations

import subprocess
import sys

import pytest

from helpers import write_config
from metodbank import MissingPart, splice_methods, splice_parts
from metodbank.core.htmltokens import join, rewrite_start, tokenize
from metodbank.printing.splice import PLACEHOLDER

BODY = (
    '<h1 id="ett">Ett<a class="headerlink" href="#ett">&para;</a></h1>\n'
    '<p class="mb-lead">Ingress &amp; mer.</p>\n'
    '<h2 id="syfte">Syfte</h2>\n'
    '<div data-id="kvar" id="ruta"><label for="namn">Namn</label><input id="namn" aria-describedby="hjalp tips">'
    '<p id="hjalp">Hjälp</p><p id=tips>Tips</p></div>\n'
    '<button aria-controls="ruta" aria-labelledby=\'syfte\' data-target="#ruta">Visa</button>\n'
    '<table><tr><th id="h">A</th><td headers="h">1</td></tr></table>\n'
    '<p><a href="#syfte" title="Tom &quot;Sawyer&quot; &amp; Co">upp</a> '
    '<a href="../tva/">två</a> <a href="../tre/#steg">tre</a> <a href="https://example.org/?a=1&amp;b=2">ut</a> '
    '<img alt="Bild" src="../../assets/bild.png"></p>\n'
    '<h3 id="steg">Steg</h3>\n<pre><code>&lt;h2 id="kod"&gt;</code></pre>\n'
)


def spliced(bodies=None, shift=1, included=None):
    page = f"<p>Före</p>\n{PLACEHOLDER.format(id='ett', shift=shift)}\n<p>Efter</p>"
    return splice_methods(page, "utskrift/fas.md", {"ett": BODY} if bodies is None else bodies,
                          included if included is not None else {"metoder/tva.md": "metod-tva"})


def test_body_is_spliced_without_its_title_and_headings_move_down():
    html = spliced()
    assert html.startswith('<p>Före</p>\n<p class="mb-lead">Ingress &amp; mer.</p>\n<h3 id="ett--syfte">Syfte</h3>')
    assert html.endswith("</code></pre>\n\n<p>Efter</p>")
    assert "<h1" not in html and "Ett<a" not in html
    assert '<h4 id="ett--steg">Steg</h4>' in html
    assert '<h6 id="ett--steg">' in spliced(shift=4)  # never below h6


def test_ids_and_every_reference_to_an_id_are_prefixed():
    html = spliced()
    assert '<div data-id="kvar" id="ett--ruta">' in html  # data-id is no id
    assert '<label for="ett--namn">' in html
    assert '<input id="ett--namn" aria-describedby="ett--hjalp ett--tips">' in html
    assert '<p id="ett--hjalp">' in html and '<p id="ett--tips">' in html  # an unquoted value gets quotes
    assert '<button aria-controls="ett--ruta" aria-labelledby=\'ett--syfte\' data-target="#ruta">' in html
    assert '<td headers="ett--h">' in html
    assert '&lt;h2 id="kod"&gt;' in html  # text is no markup


def test_links_are_moved_and_entities_and_quoting_kept():
    html = spliced()
    assert '<a href="#ett--syfte" title="Tom &quot;Sawyer&quot; &amp; Co">upp</a>' in html
    assert '<a href="#metod-tva">två</a>' in html  # a page on this print page: an in-page link
    assert '<a href="../../metoder/tre/#steg">tre</a>' in html
    assert '<a href="https://example.org/?a=1&amp;b=2">ut</a>' in html
    assert '<img alt="Bild" src="../../assets/bild.png">' in html


def test_a_missing_body_is_an_error():
    with pytest.raises(MissingPart, match="metoden ett ska skrivas ut här"):
        spliced(bodies={})


def test_splice_parts():
    page = '<h2 id="syfte">Syfte</h2>\n<div class="mb-part" data-mb-part="x-0"></div>\n<p>&lt;div&gt;</p>'
    assert splice_parts(page, {"x-0": "<p>A &amp; B</p>"}) == '<h2 id="syfte">Syfte</h2>\n<p>A &amp; B</p>\n<p>&lt;div&gt;</p>'
    with pytest.raises(MissingPart, match="x-0"):
        splice_parts(page, {})
    text = "&lt;div class=&quot;mb-part&quot; data-mb-part=&quot;x-0&quot;&gt;&lt;/div&gt;"
    assert splice_parts(text, {}) == text  # only a real element is a placeholder


@pytest.mark.parametrize(
    "html",
    [
        "<!DOCTYPE html><html lang=sv><head><script>if (a < b && c > d) {}</script><style>p>a{}</style></head>",
        "<p>a < b &amp c &#x27; &unknown; <!-- <p> --> <![CDATA[x]]> <?php x ?> </p",
        "<![foo[x]]> <![if !IE]>x<![endif]> <!x y> <!-- open",
        "<div\nclass='a'\n  id=b hidden data-x=\"&quot;\"></div><br/><img src=x />text",
        "",
        "no markup at all",
    ],
)
def test_tokens_join_to_the_exact_input(html):
    tokens = tokenize(html)
    assert join(tokens) == html
    for token in tokens:
        if token.is_start:
            assert rewrite_start(token, lambda name, value: None) == token.text


def test_rewrite_start_changes_only_what_it_must():
    token = next(t for t in tokenize("<a  HREF='x.html' title=\"&amp;\" hidden>") if t.is_start)
    assert rewrite_start(token, lambda n, v: "y&z'" if n == "href" else None) == \
        "<a  HREF='y&amp;z&#39;' title=\"&amp;\" hidden>"


def test_a_missing_body_fails_the_build_with_a_clear_message(tmp_path):
    from test_print import make_print_project

    root = make_print_project(tmp_path / "project")
    write_config(root, exclude_docs="metoder/ova-pa-plats.md\n")
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml")],
                           capture_output=True, text=True, cwd=root)
    assert build.returncode == 1
    assert ("Metodbanken: sidan utskrift/genomforande.md kunde inte byggas: metoden ova-pa-plats ska skrivas ut "
            "här, men sidan metoder/ova-pa-plats.md byggdes inte") in build.stderr
    assert "Traceback" not in build.stderr + build.stdout


def test_links_in_method_text_are_moved_by_the_parser(project):
    from helpers import VALID_BODY, make_method
    from metodbank import PageBuilder, Settings, load_project

    body = VALID_BODY + ("\n## Exempel\n\nSe [andra](andra.md#syfte), [ut](https://example.org/?a=1&b=2 \"a & b\") "
                         "och ![bild](bild.png).\n\n```\nhref=\"andra.md\"\n```\n")
    make_method(project, "m", body=body)
    make_method(project, "andra")
    result = load_project(Settings.for_root(project))
    page = PageBuilder(result.catalogue, result.vocabulary).build_method_page(result.catalogue.get("m"))
    html = splice_parts(page.markdown, page.parts)
    assert '<a href="../andra/#syfte">andra</a>' in html
    assert '<a href="https://example.org/?a=1&amp;b=2" title="a &amp; b">ut</a>' in html
    assert '<img alt="bild" src="../bild.png">' in html
    assert 'href="andra.md"' in html.replace("&quot;", '"')  # code is text, not a link

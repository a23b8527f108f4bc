"""Every address of the site, and the one rule for linking between them.

The generated pages and files of the site live at the paths below: a page's *src_uri* (its path under
docs_dir, the name MkDocs gives the file) or a static file's path from the site root. No other module
types them (tests/test_urls.py keeps it so). Links between them are made here, in two forms:

* `link(from_src, to, use_directory_urls)`: the URL a built page uses in raw HTML, in JSON or in a script
  attribute, relative to the page's own URL. `to` is a page (a `.md` src_uri) or a static file (any other
  path, e.g. a PDF or an asset). It follows MkDocs' own rules (`File.url` and `utils.get_relative_url`), so
  it is right for pages in sub-folders and for both values of `use_directory_urls`.
* `source_link(from_src, to_src)`: the path a Markdown link in a page's source uses. MkDocs resolves such a
  link itself, checks it (and its anchor) under `--strict` and writes the URL, so generated Markdown links
  name the target's src_uri relative to the linking page's src_uri.

`resolve` and `relative` do the same for links that are moved from one page to another (print pages).
Paths here are plain ASCII (method ids are `[a-z0-9-]`, chapter files are checked by vocabulary.py), so no
URL quoting is needed.
"""

from __future__ import annotations

import posixpath
import re

from ..core.vocabulary import Term

# -- generated pages (src_uris) --------------------------------------------------------------------------

METHODS_DIR = "metoder"  # one page per method: metoder/<id>.md
CATALOGUE_URI = f"{METHODS_DIR}/index.md"  # the catalogue; catalogue.js filters it on ?tagg=<tag id>
TAGS_URI = "taggar/index.md"  # one section per tag, anchored by the tag's id
PLANNER_URI = "planera.md"  # the workshop planner; ?add=<method id> adds a method to the plan
CONTRIBUTE_URI = "bidra/index.md"  # "Så bidrar du" (a chapter in docs_dir)
EDITOR_URI = "bidra/skriv.md"  # the method editor; ?metod=<method id> opens a method in it
FIELD_DOCS_URI = "bidra/falt.md"  # the fields of a method file
PRINT_DIR = "utskrift"  # print pages: one per phase chapter and the whole handbook
PRINT_INDEX_URI = f"{PRINT_DIR}/index.md"  # the hub that lists every print version and card deck
WHOLE_URI = f"{PRINT_DIR}/hela-handboken.md"
CARDS_DIR = "kort"  # card decks: all methods, and one deck per phase
CARDS_URI = f"{CARDS_DIR}/index.md"

# -- generated and static files (paths from the site root) -------------------------------------------------

PDF_DIR = "pdf"  # `metodbank pdf` writes the print pages here as PDF files
CATALOGUE_SCRIPT = "assets/catalogue.js"
PLANNER_SCRIPT = "assets/planner.js"
EDITOR_SCRIPT = "assets/editor.js"
TABLES_SCRIPT = "assets/metodbank-tables.js"  # generated (browser_tables.py); first under extra_javascript in mkdocs.yml
METHOD_DATA_DIR = "assets/editor/metoder"  # one script per method: its content for "Ändra i formuläret"
OFFLINE_SHIM = "assets/vendor/iframe-worker-shim.js"  # lets search run from file:// in the offline copy
SCHEMA_URI = "schema/method.schema.json"  # the JSON Schema, at the same path in the repository and the site


def method_uri(method_id: str) -> str:
    """The page of one method."""
    return f"{METHODS_DIR}/{method_id}.md"


def method_of(src_uri: str) -> str | None:
    """The method id when `src_uri` is a method page, else None."""
    name = src_uri.removeprefix(f"{METHODS_DIR}/")
    if name == src_uri or src_uri == CATALOGUE_URI or "/" in name or not name.endswith(".md"):
        return None
    return name[:-len(".md")]


def tag_anchor(tag_id: str) -> str:
    """The anchor of a tag's section on TAGS_URI."""
    return tag_id


SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")  # a URL that names its scheme (https:, mailto:) is absolute

# Query parameters the browser scripts read (they get the names through the generated tables).
TAG_PARAM = "tagg"  # the catalogue filtered on one tag (catalogue.js)
ADD_PARAM = "add"  # the planner with one method added (planner.js)
METHOD_PARAM = "metod"  # the editor with one method's content (editor.js)


def query(param: str, value: str) -> str:
    """The query `param=value` of a link that a browser script reads (one of the *_PARAM names above)."""
    return f"{param}={value}"


def method_data_uri(method_id: str) -> str:
    """The script that holds one method's content for the editor."""
    return f"{METHOD_DATA_DIR}/{method_id}.js"


def phase_slug(term: Term) -> str:
    """The URL part of a phase: its chapter file's stem ('forankring'), else its id with hyphens."""
    if term.chapter:
        return posixpath.splitext(posixpath.basename(term.chapter))[0]
    return term.id.replace("_", "-")


def print_uri(slug: str) -> str:
    """The print page of one phase chapter."""
    return f"{PRINT_DIR}/{slug}.md"


def cards_uri(slug: str) -> str:
    """The card deck of one phase."""
    return f"{CARDS_DIR}/{slug}.md"


def pdf_uri(name: str) -> str:
    """A PDF file written by `metodbank pdf`."""
    return f"{PDF_DIR}/{name}"


# -- the rules ---------------------------------------------------------------------------------------------


def page_file(src_uri: str, use_directory_urls: bool) -> str:
    """The file MkDocs writes for a Markdown page, from the site root (File.dest_uri)."""
    stem, _ = posixpath.splitext(src_uri)
    directory, name = posixpath.split(stem)
    if name == "README":
        name = "index"
    if not use_directory_urls or name == "index":
        return posixpath.join(directory, name + ".html")
    return posixpath.join(directory, name, "index.html")


def page_url(src_uri: str, use_directory_urls: bool) -> str:
    """The site URL MkDocs gives a Markdown page (same rule as mkdocs.structure.files.File.url)."""
    url = page_file(src_uri, use_directory_urls)
    directory, name = posixpath.split(url)
    if use_directory_urls and name == "index.html":
        return (directory or ".") + "/"
    return url


def page_folder(src_uri: str, use_directory_urls: bool) -> str:
    """The folder relative URLs in a built page are resolved against, from the site root ('' at the root)."""
    url = page_url(src_uri, use_directory_urls)
    folder = url if url.endswith("/") else posixpath.dirname(url)
    return folder.removeprefix("./").strip("/")


def _parts(path: str) -> list[str]:
    """A URL path's parts after normalisation; '..' above the site root stays at the root (like MkDocs)."""
    path = posixpath.normpath("/" + path)[1:]
    return path.split("/") if path else []


def relative(from_url: str, to_url: str) -> str:
    """`to_url` as seen from the page at `from_url`, both from the site root (mkdocs.utils.get_relative_url)."""
    folder, _, name = from_url.rpartition("/")
    base = _parts(folder if "." in name else from_url)
    target = _parts(to_url)
    common = 0
    for a, b in zip(base, target):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(base) - common) + target[common:]) or "."
    return rel + "/" if to_url.endswith("/") else rel


def resolve(from_url: str, path: str) -> str:
    """The site path a relative URL path reaches from the built page at `from_url` ('./' for the root)."""
    if not path:
        return from_url  # the page itself
    folder = from_url if from_url.endswith("/") else posixpath.dirname(from_url)
    resolved = "/".join(_parts(posixpath.join(folder, path)))
    if path.endswith("/") or path in ("", ".", ".."):
        return resolved + "/" if resolved else "./"
    return resolved or "./"


def _tail(anchor: str, query: str) -> str:
    return (f"?{query}" if query else "") + (f"#{anchor}" if anchor else "")


def link(from_src: str, to: str, use_directory_urls: bool, anchor: str = "", query: str = "") -> str:
    """URL of page or file `to` as seen from the built page of `from_src`, for raw HTML, JSON and scripts.

    `to` is a page when it ends with `.md` (its src_uri), else a file's path from the site root.
    """
    target = page_url(to, use_directory_urls) if to.endswith(".md") else to
    return relative(page_url(from_src, use_directory_urls), target) + _tail(anchor, query)


def source_path(from_src: str, path: str) -> str:
    """The src_uri a relative Markdown link `path` in page `from_src` names."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_src), path))


def source_link(from_src: str, to_src: str, anchor: str = "", query: str = "") -> str:
    """The path a Markdown link in page `from_src` uses for page `to_src` (MkDocs turns it into a URL)."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".") + _tail(anchor, query)

"""The front matter of every generated page: the one writer of page meta, so that every value is escaped.

The theme prints `title` and `description` from the page meta unescaped (into <title> and into the
content attribute of <meta name="description">; MkDocs' Jinja has no autoescape), so a summary with a double
quote could add attributes to <meta>. Every value is therefore HTML-escaped here, then written as JSON,
which is valid YAML.
"""

from __future__ import annotations

import json

from .format import html_escape


def front_matter(description: str, title: str | None = None, print_page: bool = False) -> str:
    """The `---` block of a generated page: its description, a title when it differs from the nav's, and
    for a page made for paper: left out of the site search, without navigation and table of contents."""
    data: dict[str, object] = {}
    if title is not None:
        data["title"] = html_escape(title)
    data["description"] = html_escape(description)
    if print_page:
        data["search"] = {"exclude": True}
        data["hide"] = ["navigation", "toc"]
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in data.items()]
    return "---\n" + "\n".join(lines) + "\n---"

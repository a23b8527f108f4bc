"""HTML fragments from Jinja2 templates, with every value escaped unless it is already safe HTML.

Each layer keeps its templates in its own `templates/` folder (package data) and makes one `Templates` for
it. A value printed with `{{ … }}` is escaped by `html_escape`, the escaping the site had before templates
(`&quot;` and `&#x27;`, runs of whitespace made one space), so the built pages stay the same byte for byte;
a value that is already HTML (`Markup`, or a macro's output) is printed as it is. Undefined names are errors.
"""

from __future__ import annotations

from typing import Any

import jinja2
from markupsafe import Markup

from .format import html_escape


def _escape(value: Any) -> Markup:
    """Every `{{ value }}` of a template: safe HTML stays, anything else is escaped text."""
    return value if isinstance(value, Markup) else Markup(html_escape(str(value)))


class Templates:
    """The templates of one package of the engine (its `templates/` folder)."""

    def __init__(self, package: str) -> None:
        self.environment = jinja2.Environment(
            loader=jinja2.PackageLoader(package, "templates"),
            autoescape=True,  # every value is escaped; _escape makes the escaping the site's own
            finalize=_escape,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def render(self, name: str, **values: Any) -> str:
        """The template `name` filled with `values`: an HTML fragment without a final newline."""
        return self.environment.get_template(name).render(values)


TEMPLATES = Templates("metodbank.site")
render = TEMPLATES.render

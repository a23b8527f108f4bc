"""The HTML templates of the print pages and cards (printing/templates), escaped as the site's are."""

from __future__ import annotations

from ..site.templating import Templates

TEMPLATES = Templates("metodbank.printing")
render = TEMPLATES.render

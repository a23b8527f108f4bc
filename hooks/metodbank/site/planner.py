"""The workshop planner page.

Plain HTML rendered on the server, so it has real labels and works with assistive technology; planner.js
only enhances it. Without JavaScript the planner says what it needs.

The planner's method data (id, title, url, summary, phases, duration, steps) is inlined as JSON in the
planner page only, so other pages do not grow with the number of methods, and the planner also works
from a copy opened from disk (file://), where browsers refuse to fetch files.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from .format import md_escape
from .frontmatter import front_matter
from .templating import render
from .urls import (CATALOGUE_URI, PLANNER_SCRIPT, PLANNER_URI, link, method_uri, ADD_PARAM, query,
                   source_link)
from ..core.links import Catalogue
from ..core.model import Method
from ..core.vocabulary import Vocabulary

PLANNER_TITLE = "Planera en workshop"
DEFAULT_MINUTES = 30  # a method without a duration gets this long in a plan (planner.js, via browser_tables)
PLAN_NAME_MAX = 120  # characters of a plan's name
PLAN_START = "09:00"  # a plan's start time until the user picks one

def planner_link(from_src: str, method_id: str, use_directory_urls: bool) -> str:
    """URL that opens the planner and adds one method to the plan (`?add=<id>`)."""
    return link(from_src, PLANNER_URI, use_directory_urls, query=query(ADD_PARAM, method_id))


def add_to_plan_html(method: Method, from_src: str, use_directory_urls: bool) -> str:
    """The "Lägg till i workshopplanen" control on a method page: a plain link, works without JavaScript."""
    return render("plan-add.html", url=planner_link(from_src, method.id, use_directory_urls), title=method.title)


def _record(method: Method, use_directory_urls: bool) -> dict:
    return {
        "id": method.id,
        "title": method.title,
        "url": link(PLANNER_URI, method_uri(method.id), use_directory_urls),
        "summary": method.summary,
        "phases": list(method.phases),
        "min": method.duration.min if method.duration else None,
        "max": method.duration.max if method.duration else None,
        "steps": {phase: list(steps) for phase, steps in method.steps.items()},
    }


def planner_data(catalogue: Catalogue, vocabulary: Vocabulary, use_directory_urls: bool = True) -> dict:
    """Everything planner.js needs: phase labels (in order) and one record per method (sorted by title)."""
    return {
        "phases": [[t.id, t.label] for t in vocabulary.terms("phases")],
        "methods": [_record(m, use_directory_urls) for m in catalogue.methods],
    }


def _inline_json(data: dict) -> str:
    """JSON safe inside <script type="application/json">: no "</", no HTML comment openers, one line."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def planner_markdown(catalogue: Catalogue, vocabulary: Vocabulary, use_directory_urls: bool = True) -> str:
    """Markdown of the planner page: intro, the planner's controls (enhanced by planner.js) and its data."""
    catalogue_url = link(PLANNER_URI, CATALOGUE_URI, use_directory_urls)
    script = link(PLANNER_URI, PLANNER_SCRIPT, use_directory_urls)
    description = "Sätt ihop en workshop av metoder ur Metodbanken, skriv ut den och dela den som en länk."
    app = render("planner.html", catalogue_url=catalogue_url, script=script, name_max=PLAN_NAME_MAX, start=PLAN_START,
                 data=Markup(_inline_json(planner_data(catalogue, vocabulary, use_directory_urls))))
    parts = [
        front_matter(description),
        f"# {md_escape(PLANNER_TITLE)} {{ .mb-noprint }}",
        "Sätt ihop en workshop av metoder ur Metodbanken. Lägg till metoder här, från "
        f"[metodkatalogen]({source_link(PLANNER_URI, CATALOGUE_URI)}) eller med knappen ”Lägg till i workshopplanen” "
        "på varje metods sida. "
        "Ändra ordningen, skriv hur många minuter varje del får ta och se den totala tiden. Skriv sedan ut "
        "planen som ett utdelningsblad med metodernas steg, eller dela den som en länk.\n{ .mb-noprint }",
        "Planen sparas bara i din webbläsare och i länken. Ingenting skickas till någon server.\n{ .mb-noprint }",
        app,
    ]
    return "\n\n".join(parts) + "\n"

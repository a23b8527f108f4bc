"""The workshop planner page.

Plain HTML rendered on the server, so it has real labels and works with assistive technology; planner.js
only enhances it. Without JavaScript the planner says what it needs.

The planner's method data (id, title, url, summary, phases, duration, steps) is inlined as JSON in the
planner page only, so other pages do not grow with the number of methods, and the planner also works
from a copy opened from disk (file://), where browsers refuse to fetch files.
"""

from __future__ import annotations

import json
import posixpath

from .format import html_escape, md_escape, page_url, relative_url
from ..core.links import Catalogue
from ..core.model import Method
from ..core.vocabulary import Vocabulary

PLANNER_URI = "planera.md"
PLANNER_TITLE = "Planera en workshop"
PLANNER_SCRIPT = "assets/planner.js"
DEFAULT_MINUTES = 30  # a method without a duration gets this long in a plan (planner.js, via browser_tables)
PLAN_NAME_MAX = 120  # characters of a plan's name
PLAN_START = "09:00"  # a plan's start time until the user picks one
ADD_PARAM = "add"  # the planner's query parameter that adds a method to the plan

def asset_url(from_src: str, asset: str, use_directory_urls: bool) -> str:
    """URL of a static file (path from the site root) as seen from page `from_src`."""
    here = page_url(from_src, use_directory_urls)
    base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    return posixpath.relpath(asset, base.rstrip("/") or ".")


def planner_link(from_src: str, method_id: str, use_directory_urls: bool) -> str:
    """URL that opens the planner and adds one method to the plan (`?add=<id>`)."""
    return relative_url(from_src, PLANNER_URI, use_directory_urls) + f"?{ADD_PARAM}={method_id}"


def add_to_plan_html(method: Method, from_src: str, use_directory_urls: bool) -> str:
    """The "Lägg till i workshopplanen" control on a method page: a plain link, works without JavaScript."""
    url = html_escape(planner_link(from_src, method.id, use_directory_urls))
    return (f'<p class="mb-plan-add"><a class="md-button mb-plan-add-link" href="{url}">'
            f'Lägg till i workshopplanen<span class="mb-sr-only"> ({html_escape(method.title)})</span></a></p>')


def _record(method: Method, use_directory_urls: bool) -> dict:
    duration = method.duration or {}
    return {
        "id": method.id,
        "title": method.title,
        "url": relative_url(PLANNER_URI, f"metoder/{method.id}.md", use_directory_urls),
        "summary": method.summary,
        "phases": list(method.phases),
        "min": duration.get("min"),
        "max": duration.get("max"),
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
    catalogue_url = relative_url(PLANNER_URI, "metoder/index.md", use_directory_urls)
    script = asset_url(PLANNER_URI, PLANNER_SCRIPT, use_directory_urls)
    description = "Sätt ihop en workshop av metoder ur Metodbanken, skriv ut den och dela den som en länk."
    app = f"""<div class="mb-planner" id="mb-planner" data-catalogue="{html_escape(catalogue_url)}">
<noscript><p class="mb-notice">Planeraren behöver JavaScript. Utan JavaScript kan du öppna metoderna i <a href="{html_escape(catalogue_url)}">metodkatalogen</a> och skriva ut dem en och en.</p></noscript>
<div class="mb-planner-editor" id="mb-planner-editor" hidden>
<div class="mb-field mb-field-wide"><label for="mb-plan-name">Workshopens namn</label><input type="text" id="mb-plan-name" name="namn" autocomplete="off" maxlength="{PLAN_NAME_MAX}" placeholder="Till exempel Uppföljning med handledarna"></div>
<div class="mb-plan-when"><div class="mb-field"><label for="mb-plan-date">Datum</label><input type="date" id="mb-plan-date" name="datum"></div><div class="mb-field"><label for="mb-plan-start">Starttid</label><input type="time" id="mb-plan-start" name="start" value="{PLAN_START}" step="300"></div></div>
<p class="mb-plan-status" id="mb-plan-status" role="status" aria-live="polite" aria-atomic="true"></p>
<div class="mb-notice mb-plan-notice" id="mb-plan-notice" hidden></div>
<h2 id="mb-plan-heading" tabindex="-1">Metoder i planen</h2>
<p id="mb-plan-empty" class="mb-notice">Planen är tom. Välj en metod nedan eller i <a href="{html_escape(catalogue_url)}">metodkatalogen</a>.</p>
<ol class="mb-plan-list" id="mb-plan-list" aria-labelledby="mb-plan-heading"></ol>
<div class="mb-plan-summary" id="mb-plan-summary"></div>
<h2 id="mb-plan-add-heading">Lägg till en metod</h2>
<div class="mb-plan-add-row"><div class="mb-field"><label for="mb-plan-add">Metod</label><select id="mb-plan-add"><option value="">Välj en metod</option></select></div><button type="button" class="md-button" id="mb-plan-add-button">Lägg till i planen</button></div>
<h2>Skriv ut och dela</h2>
<p class="mb-plan-actions"><button type="button" class="md-button md-button--primary" id="mb-plan-print">Skriv ut planen</button> <button type="button" class="md-button" id="mb-plan-clear">Töm planen</button></p>
<div class="mb-field mb-field-wide"><label for="mb-plan-link">Länk till planen</label><input type="text" id="mb-plan-link" readonly aria-describedby="mb-plan-link-hint"><span class="mb-hint" id="mb-plan-link-hint">Den som öppnar länken ser samma plan. Planen sparas också i den här webbläsaren.</span></div>
<p><button type="button" class="md-button" id="mb-plan-copy">Kopiera länken</button></p>
</div>
<section class="mb-handout" id="mb-handout" aria-labelledby="mb-handout-title" hidden></section>
</div>
<script type="application/json" id="mb-methods">{_inline_json(planner_data(catalogue, vocabulary, use_directory_urls))}</script>
<script src="{html_escape(script)}" defer></script>"""
    parts = [
        f"---\ndescription: {json.dumps(description, ensure_ascii=False)}\n---",
        f"# {md_escape(PLANNER_TITLE)} {{ .mb-noprint }}",
        "Sätt ihop en workshop av metoder ur Metodbanken. Lägg till metoder här, från "
        "[metodkatalogen](metoder/index.md) eller med knappen ”Lägg till i workshopplanen” på varje metods sida. "
        "Ändra ordningen, skriv hur många minuter varje del får ta och se den totala tiden. Skriv sedan ut "
        "planen som ett utdelningsblad med metodernas steg, eller dela den som en länk.\n{ .mb-noprint }",
        "Planen sparas bara i din webbläsare och i länken. Ingenting skickas till någon server.\n{ .mb-noprint }",
        app,
    ]
    return "\n\n".join(parts) + "\n"

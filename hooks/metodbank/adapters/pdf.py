"""PDF adapter: prints the built site's print pages to PDF with headless Chromium through Playwright.

Kept apart from the engine: `playwright` is imported only inside the functions below, so the rest of the
package (and `metodbank check`) works without it. The browser is the Debian `chromium` package; nothing
here downloads a browser. The site is served by a threaded http.server on 127.0.0.1 inside this process.
"""

from __future__ import annotations

import html
import io
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from .browser import BrowserError, browser, serve
from ..site.urls import page_file, page_url

PdfError = BrowserError  # what `metodbank pdf` reports; the browser adapter raises it

T = TypeVar("T")
_MARGIN_STYLE = ("font-family: {family}; font-size: 7.5pt; color: #444; "
                 "width: 100%; margin: 0 {side}; display: flex; justify-content: space-between;")
SITE_FONT_JS = "getComputedStyle(document.querySelector('.md-typeset') || document.body).fontFamily"
MAX_PASSES = 4  # printing the table of contents' page numbers can move pages; stop when nothing moves
# The page numbers print.css puts in the page margin for browser printing; the PDFs have their own margins.
_NO_CSS_MARGIN_BOXES = "@page { @bottom-right { content: none; } } @page card { @bottom-right { content: none; } }"
_TOC_TARGETS_JS = """() => [...document.querySelectorAll('.mb-print-toc a[href^="#"]')]
  .map(a => decodeURIComponent(a.getAttribute('href').slice(1)))"""
_SET_TOC_NUMBERS_JS = """numbers => {
  document.querySelectorAll('.mb-print-toc a[href^="#"]').forEach(a => {
    const target = decodeURIComponent(a.getAttribute('href').slice(1));
    let number = a.querySelector('.mb-toc-page');
    if (!number) {
      const fill = document.createElement('span');
      fill.className = 'mb-toc-fill';
      fill.setAttribute('aria-hidden', 'true');
      number = document.createElement('span');
      number.className = 'mb-toc-page';
      a.append(fill, number);
    }
    number.textContent = numbers[target] ? String(numbers[target]) : '';
  });
}"""


@dataclass(frozen=True)
class PdfJob:
    """One PDF to write: the page to print (path under the site), the label and the output file."""

    page_path: str
    label: str
    out: Path
    cards: bool = False


def find_page(site_dir: Path, src_uri: str) -> str | None:
    """The page's path in the built site (directory URLs or not), or None when it was not built."""
    for directory_urls in (True, False):
        if (site_dir / page_file(src_uri, directory_urls)).is_file():
            return page_url(src_uri, directory_urls)
    return None


def margin_templates(handbook: str, document: str, date: str, cards: bool = False,
                     family: str = "sans-serif") -> tuple[str, str]:
    """Header and footer for Chromium: handbook title and document left/right, date and "sida X av Y".

    `family` is the font-family the site's CSS gives the text. Chromium draws the margins apart from the page
    and sees only the system's fonts there, so a web font the site serves itself falls back to a system font.
    """
    side = "11mm" if cards else "17mm"
    style = html.escape(_MARGIN_STYLE.format(side=side, family=family), quote=True)
    header = (f'<div style="{style}"><span>{html.escape(handbook)}</span>'
              f"<span>{html.escape(document)}</span></div>")
    footer = (f'<div style="{style}"><span>Utskriven {html.escape(date)}</span>'
              '<span>sida <span class="pageNumber"></span> av <span class="totalPages"></span></span></div>')
    return header, footer


def prepare_for_print(page) -> None:
    """Print media, open collapsible blocks, wait for fonts: the page as a reader's print would show it."""
    page.emulate_media(media="print")
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    page.evaluate("document.fonts ? document.fonts.ready.then(() => true) : true")


def with_browser(site_dir: Path, work: Callable[[str, object], T]) -> T:
    """Serve the site, start Chromium and return `work(base_url, browser)`.

    Runs in a thread of its own: Playwright's sync API refuses to start in a thread where an asyncio loop
    (for example another Playwright session) is already running, and the caller should not have to care.
    """
    result: list = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            with serve(site_dir) as base, browser() as chromium:
                result.append(work(base, chromium))
        except BaseException as error:  # noqa: BLE001 - handed to the calling thread below
            failure.append(error)

    thread = threading.Thread(target=run, name="metodbank-browser")
    thread.start()
    thread.join()
    if failure:
        raise failure[0]
    return result[0]


def write_pdfs(site_dir: Path, jobs: list[PdfJob], handbook: str, date: str,
               progress: Callable[[int, int, PdfJob], None] | None = None) -> list[Path]:
    """Print every job's page to its PDF (A4 unless the page's CSS asks for another size); return the files."""
    return with_browser(site_dir, lambda base, chromium: _write_pdfs(base, chromium, jobs, handbook, date, progress))


def _write_pdfs(base: str, chromium, jobs: list[PdfJob], handbook: str, date: str,
                progress: Callable[[int, int, PdfJob], None] | None) -> list[Path]:
    written = []
    # The site's Content-Security-Policy protects readers from contributor text; this context is our own
    # printing tool, which adds one style sheet of its own to each page (the PDF's margins come from Chromium).
    context = chromium.new_context(locale="sv-SE", bypass_csp=True)
    context.set_default_timeout(60_000)
    try:
        for number, job in enumerate(jobs, 1):
            if progress:
                progress(number, len(jobs), job)
            page = context.new_page()
            page.goto(base + job.page_path, wait_until="load")
            prepare_for_print(page)
            page.add_style_tag(content=_NO_CSS_MARGIN_BOXES)
            header, footer = margin_templates(handbook, job.label, date, job.cards, page.evaluate(SITE_FONT_JS))
            options = {"format": "A4", "prefer_css_page_size": True, "print_background": True,
                       "display_header_footer": True, "header_template": header, "footer_template": footer,
                       "outline": True, "tagged": True}  # bookmarks from the headings; a tagged PDF
            data = _print_with_page_numbers(page, options)
            job.out.parent.mkdir(parents=True, exist_ok=True)
            job.out.write_bytes(data)
            page.close()
            written.append(job.out)
    finally:
        context.close()
    return written


def _print_with_page_numbers(page, options: dict) -> bytes:
    """The page as PDF; when it has a table of contents, with the page number of every entry.

    Prints once, reads on which page each entry's target landed (Chromium writes a named destination for
    every linked element id), writes the numbers into the table and prints again, until nothing moves.
    """
    data = page.pdf(**options)
    targets = page.evaluate(_TOC_TARGETS_JS)
    if not targets:
        return data
    numbers: dict[str, int | None] = {}
    for _ in range(MAX_PASSES):
        found = destination_pages(data)
        wanted = {target: found.get(target) for target in targets}
        if wanted == numbers:
            break
        numbers = wanted
        page.evaluate(_SET_TOC_NUMBERS_JS, numbers)
        data = page.pdf(**options)
    return data


def destination_pages(data: bytes) -> dict[str, int]:
    """Named destination → page number (1 = first page) of a PDF."""
    try:
        from pypdf import PdfReader
    except ImportError as error:
        raise PdfError("Python-paketet pypdf saknas; installera det med: pip install -e '.[pdf]'") from error
    reader = PdfReader(io.BytesIO(data))
    pages = {}
    for name, destination in reader.named_destinations.items():
        try:
            pages[str(name).lstrip("/")] = reader.get_destination_page_number(destination) + 1
        except (KeyError, ValueError, TypeError):  # a destination that points nowhere: not in the table
            continue
    return pages


def card_overflows(page) -> list[dict]:
    """Card sides whose content is taller or wider than the side, measured in print media (empty = all fit)."""
    page.emulate_media(media="print")
    return page.evaluate(
        """() => [...document.querySelectorAll('.mb-card-side')]
             .filter(el => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
             .map(el => ({label: el.getAttribute('aria-label'), scrollHeight: el.scrollHeight,
                          clientHeight: el.clientHeight, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth}))"""
    )

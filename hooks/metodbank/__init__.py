"""Metodbanken's engine: load → validate → link → page data. Imports nothing from MkDocs.

The adapters (hooks/mkdocs_hooks.py and the `metodbank` command) may use exactly the names below.
"""

from __future__ import annotations

from .core.config import Addresses, expand_repo_links
from .core.links import Catalogue, link_methods
from .core.model import BodySection, Method
from .core.problems import Level, Problem, format_problem, has_errors
from .core.project import Project, Settings, load_project
from .core.sanitize import SITE_POLICY, clean_page
from .core.schema import FIELDS, SECTIONS, Field, Section
from .core.vocabulary import VOCABULARY_FILE, Vocabulary, load_vocabulary
from .site.csp import fill_policy
from .site.editor import editor_markdown
from .site.pages import GeneratedPage, MissingPart, PageBuilder, splice_parts
from .site.search import tune_site_index
from .site.urls import method_of, page_folder
from .printing.documents import PDF_ENV, add_print_links, print_documents
from .printing.pages import build_print_pages
from .printing.splice import splice_methods
from .contribute.derived import site_files

__all__ = [
    "FIELDS",
    "PDF_ENV",
    "SECTIONS",
    "SITE_POLICY",
    "VOCABULARY_FILE",
    "Addresses",
    "BodySection",
    "Catalogue",
    "Field",
    "GeneratedPage",
    "Level",
    "Method",
    "MissingPart",
    "PageBuilder",
    "Problem",
    "Project",
    "Section",
    "Settings",
    "Vocabulary",
    "add_print_links",
    "build_print_pages",
    "clean_page",
    "editor_markdown",
    "expand_repo_links",
    "fill_policy",
    "format_problem",
    "has_errors",
    "link_methods",
    "load_project",
    "load_vocabulary",
    "method_of",
    "page_folder",
    "print_documents",
    "site_files",
    "splice_methods",
    "splice_parts",
    "tune_site_index",
]

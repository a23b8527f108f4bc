"""Metodbanken's engine: load → validate → link → page data. Imports nothing from MkDocs.

The adapters (hooks/mkdocs_hooks.py and the `metodbank` command) may use exactly the names below.
"""

from __future__ import annotations

from .site.csp import fill_policy
from .contribute.derived import SCHEMA_PATH, format_json_schema
from .site.editor import EDITOR_TITLE, EDITOR_URI, editor_markdown, method_data_files
from .core.links import Catalogue, link_methods
from .core.model import BodySection, Method
from .site.pages import GeneratedPage, MissingPart, PageBuilder, splice_parts
from .printing.documents import PDF_ENV, add_print_links, print_documents
from .printing.pages import build_print_pages
from .printing.splice import splice_methods
from .core.problems import Level, Problem, format_problem, has_errors
from .core.project import Project, Settings, load_project
from .core.config import Addresses, expand_repo_links
from .site.urls import method_of, page_folder
from .core.schema import FIELDS, SECTIONS, Field, Section
from .core.sanitize import SITE_POLICY, clean_page
from .site.browser_tables import tables_script
from .site.urls import TABLES_SCRIPT
from .site.search import tune_site_index
from .core.vocabulary import VOCABULARY_FILE, Vocabulary, load_vocabulary

__all__ = [
    "EDITOR_TITLE",
    "EDITOR_URI",
    "FIELDS",
    "PDF_ENV",
    "SCHEMA_PATH",
    "SECTIONS",
    "SITE_POLICY",
    "TABLES_SCRIPT",
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
    "format_json_schema",
    "format_problem",
    "has_errors",
    "link_methods",
    "load_project",
    "load_vocabulary",
    "method_data_files",
    "method_of",
    "page_folder",
    "print_documents",
    "splice_methods",
    "splice_parts",
    "tables_script",
    "tune_site_index",
]

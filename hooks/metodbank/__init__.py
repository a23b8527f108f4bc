"""Metodbanken's engine: load → validate → link → page data. Imports nothing from MkDocs.

The adapters (hooks/mkdocs_hooks.py and the `metodbank` command) may use exactly the names below.
"""

from __future__ import annotations

from .derived import SCHEMA_PATH, format_json_schema
from .links import Catalogue, link_methods
from .model import BodySection, Method
from .pages import GeneratedPage, PageBuilder
from .printing import add_print_links, build_print_pages, print_documents, splice_methods
from .problems import Level, Problem, format_problem, has_errors
from .project import Project, Settings, load_project
from .schema import FIELDS, SECTIONS, Field, Section
from .search import tag_hints, tune_site_index
from .vocabulary import VOCABULARY_FILE, Vocabulary, load_vocabulary

__all__ = [
    "FIELDS",
    "SCHEMA_PATH",
    "SECTIONS",
    "VOCABULARY_FILE",
    "BodySection",
    "Catalogue",
    "Field",
    "GeneratedPage",
    "Level",
    "Method",
    "PageBuilder",
    "Problem",
    "Project",
    "Section",
    "Settings",
    "Vocabulary",
    "add_print_links",
    "build_print_pages",
    "format_json_schema",
    "format_problem",
    "has_errors",
    "link_methods",
    "load_project",
    "load_vocabulary",
    "print_documents",
    "splice_methods",
    "tag_hints",
    "tune_site_index",
]

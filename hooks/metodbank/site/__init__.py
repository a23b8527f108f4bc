"""site: the website's pages as data: Markdown and HTML fragments of method pages, catalogue, tags, planner,
editor and field page, the search index tuning and the content security policy.

May import: core.
"""

"""adapters: the command line, the PDF printer and the browser driver. The only modules that start
processes, print to the terminal or import a browser driver (lazily, inside functions).

May import: core, site, printing, contribute. (The MkDocs adapter is hooks/mkdocs_hooks.py, outside the package.)
"""

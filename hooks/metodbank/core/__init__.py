"""core: method files in, methods and problems out. Strict YAML, the vocabulary, the schema, loading,
validation, the body's sections and safety, links between methods, the project as a whole; the one reading
of Markdown structure (source.py) and of rendered HTML as tokens (htmltokens.py).

May import: nothing else of metodbank. Never HTML pages, URLs of the site, MkDocs or a browser.
"""

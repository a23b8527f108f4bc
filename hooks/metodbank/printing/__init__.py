"""printing: the print pages (phase booklets, the whole handbook, the hub), method cards and the splicing of
rendered method bodies into them.

May import: core, site.
"""

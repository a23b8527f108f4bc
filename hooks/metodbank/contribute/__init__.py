"""contribute: what contributors use besides the site: the JSON Schema, the `new` template, the GitHub issue
form, a method from an issue, and the pull-request summary.

May import: core, site.
"""

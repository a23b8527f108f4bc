"""mkdocs.yml, read once (`read_mkdocs_file`), and where the handbook lives on the web, as it says.

One setting decides every address: `repo_url` in mkdocs.yml (and `site_url` when the site is not on GitHub
Pages at the usual address). From them come the edit links (MkDocs), the issue form's links, the preview
addresses (`<site>/pr-<N>/`) and the links in the pull-request summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

_GITHUB_REPO = re.compile(r"^https://github\.com/([A-Za-z0-9-]+)/([A-Za-z0-9._-]+?)(?:\.git)?/?$")


@dataclass(frozen=True)
class Addresses:
    """The repository and the published site, as mkdocs.yml says (empty strings when it says nothing)."""

    repo_url: str = ""
    site_url: str = ""

    @property
    def pages_url(self) -> str:
        """The site's address: site_url, else the GitHub Pages address of repo_url, else ''."""
        if self.site_url:
            return self.site_url.rstrip("/") + "/"
        match = _GITHUB_REPO.match(self.repo_url)
        if not match:
            return ""
        owner, name = match.groups()
        if name.lower() == f"{owner.lower()}.github.io":
            return f"https://{owner.lower()}.github.io/"
        return f"https://{owner.lower()}.github.io/{name}/"

    def preview_url(self, number: int) -> str:
        """The stable address of pull request `number`'s preview, or '' when the site address is unknown."""
        return f"{self.pages_url}pr-{number}/" if self.pages_url else ""

    def repo_file(self, path: str, branch: str = "main") -> str:
        """Link to a file of the repository on GitHub (or just the path when repo_url is unset)."""
        return f"{self.repo_url.rstrip('/')}/blob/{branch}/{path}" if self.repo_url else path


REPO_LINK = re.compile(r"\]\(repo:([A-Za-z0-9/._#?=&-]*)\)")


def expand_repo_links(markdown: str, addresses: Addresses) -> str:
    """Links written `[text](repo:issues)` in a chapter, pointed at the repository in repo_url.

    So a chapter can link the repository's issues or files without naming an organisation; with no
    repo_url the link is left as it is (and MkDocs shows it as written).
    """
    if not addresses.repo_url:
        return markdown
    base = addresses.repo_url.rstrip("/")
    return REPO_LINK.sub(lambda m: f"]({base}/{m.group(1)})" if m.group(1) else f"]({base})", markdown)


class _MkdocsLoader(yaml.SafeLoader):
    """YAML as in mkdocs.yml: tags only MkDocs knows (`!ENV`, `!relative`, `!!python/name:…`) read as plain values."""


def _untagged(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]


_MkdocsLoader.add_multi_constructor("!", _untagged)
_MkdocsLoader.add_multi_constructor("tag:yaml.org,2002:python/", _untagged)


@dataclass(frozen=True)
class MkdocsFile:
    """mkdocs.yml as the engine and the command line read it (MkDocs reads it again for a build).

    `data` is the file's mapping; empty when the file is missing or is not YAML (MkDocs then says why).
    """

    data: dict = field(default_factory=dict)

    def text(self, key: str) -> str:
        """A top-level setting that is text, or ''."""
        value = self.data.get(key)
        return value.strip() if isinstance(value, str) else ""

    @property
    def addresses(self) -> Addresses:
        return Addresses(self.text("repo_url"), self.text("site_url"))

    @property
    def site_name(self) -> str:
        return self.text("site_name")


def read_mkdocs_file(config_file: Path) -> MkdocsFile:
    """The one reading of mkdocs.yml outside MkDocs; never raises."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_MkdocsLoader)  # noqa: S506 - safe loader
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return MkdocsFile()
    return MkdocsFile(data if isinstance(data, dict) else {})


def read_addresses(config_file: Path) -> Addresses:
    """repo_url and site_url from mkdocs.yml (empty when it says nothing or cannot be read)."""
    return read_mkdocs_file(config_file).addresses

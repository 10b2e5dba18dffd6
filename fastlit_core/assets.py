"""Static assets served under content hashes (immutable caching), and the shell page."""

from __future__ import annotations

import hashlib
import html
import json
from pathlib import Path
from typing import Any

SHELL_DIR = Path(__file__).parent / "static"
PREFIX = "/_fl/static"


class MissingFrontend(RuntimeError):
    pass


class Assets:
    """Folders of built files, each served at /_fl/static/<hash of its contents>/..."""

    def __init__(self) -> None:
        self._by_digest: dict[str, Path] = {}
        self._digest_of: dict[Path, str] = {}

    def add_folder(self, folder: Path) -> str:
        folder = folder.resolve()
        digest = self._digest_of.get(folder)
        if digest is None:
            digest = folder_digest(folder)
            self._digest_of[folder] = digest
            self._by_digest[digest] = folder
        return digest

    def url(self, folder: Path, file: str) -> str:
        return f"{PREFIX}/{self.add_folder(folder)}/{file}"

    def resolve(self, digest: str, path: str) -> Path | None:
        """The file for a request path, or None (unknown hash, traversal, missing file)."""
        folder = self._by_digest.get(digest)
        if folder is None:
            return None
        target = (folder / path).resolve()
        if not target.is_relative_to(folder) or not target.is_file():
            return None
        return target


def folder_digest(folder: Path) -> str:
    h = hashlib.blake2b(digest_size=8)
    if folder.is_dir():
        for file in sorted(p for p in folder.rglob("*") if p.is_file()):
            h.update(str(file.relative_to(folder)).encode())
            h.update(file.read_bytes())
    return h.hexdigest()


def shell_manifest() -> dict[str, Any]:
    manifest = SHELL_DIR / "manifest.json"
    if not manifest.exists():
        raise MissingFrontend(
            "The frontend bundles are missing: install fastlit from a wheel, or build it "
            "from source with `pip install .` (which runs the frontend build)."
        )
    manifest_data: dict[str, Any] = json.loads(manifest.read_text())
    return manifest_data


def shell_page(assets: Assets, title: str, theme: dict[str, str] | None = None) -> str:
    """The one HTML page: an import map sharing React and the SDK with every plugin bundle.
    `theme` (the configured theme.* options) is there before the first paint."""
    manifest = shell_manifest()
    imports = {name: assets.url(SHELL_DIR, file) for name, file in manifest["importmap"].items()}
    styles = "".join(
        f'<link rel="stylesheet" href="{assets.url(SHELL_DIR, css)}">' for css in manifest["css"]
    )
    preload = "".join(f'<link rel="modulepreload" href="{url}">' for url in imports.values())
    entry = assets.url(SHELL_DIR, manifest["entry"])
    importmap = json.dumps({"imports": imports}).replace("</", "<\\/")
    root = ""
    if theme:
        options = html.escape(json.dumps(theme), quote=True)
        base = theme.get("base")
        root = f' data-fl-theme-options="{options}"'
        root += f' data-fl-theme="{html.escape(base)}"' if base in ("light", "dark") else ""
    return (
        f'<!doctype html><html lang="en"{root}><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title>"
        f'<script type="importmap">{importmap}</script>{styles}{preload}'
        f'</head><body><div id="root"></div><script type="module" src="{entry}"></script>'
        "</body></html>"
    )

"""Remembered `st.*` names, so a name whose plugin was uninstalled says which one to install.

Discovery merges every name it sees into `known-elements.json` in the cache folder
(FASTLIT_CACHE_DIR, else `${XDG_CACHE_HOME:-~/.cache}/fastlit`). Names are never dropped:
remembering an uninstalled plugin is the point. All of it is best effort: an unreadable or
unwritable cache only means plainer error messages.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from importlib_metadata import PackageNotFoundError, version

CACHE_FILE = "known-elements.json"
FORMAT = 1
Known = dict[str, tuple[str, str]]  # st name -> (plugin, distribution)
log = logging.getLogger("fastlit.plugins")


def cache_path(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    if env.get("FASTLIT_CACHE_DIR"):
        return Path(env["FASTLIT_CACHE_DIR"]) / CACHE_FILE
    base = Path(env["XDG_CACHE_HOME"]) if env.get("XDG_CACHE_HOME") else Path.home() / ".cache"
    return base / "fastlit" / CACHE_FILE


def remember(seen: Known, path: Path | None = None) -> Known:
    """Merge the names seen now into the cache; returns everything known (old and new)."""
    try:
        path = path or cache_path()
    except RuntimeError:  # no home directory
        return dict(seen)
    old = read(path)
    known = {**old, **seen}
    if known != old:
        _write(path, known)
    return known


def read(path: Path) -> Known:
    try:
        data = json.loads(path.read_text())
        entries = data["elements"] if data.get("format") == FORMAT else {}
        return {
            name: (entry["plugin"], entry["distribution"])
            for name, entry in entries.items()
            if isinstance(entry.get("plugin"), str) and isinstance(entry.get("distribution"), str)
        }
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def _write(path: Path, known: Known) -> None:
    elements = {n: {"plugin": p, "distribution": d} for n, (p, d) in sorted(known.items())}
    text = json.dumps({"format": FORMAT, "elements": elements}, indent=1)
    temp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp") as f:
            temp = f.name
            f.write(text)
        os.replace(temp, path)  # atomic: a concurrent reader sees the old or the new file
    except OSError as exc:
        log.debug("cannot write %s: %s", path, exc)
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def missing_message(name: str, known: Known) -> str | None:
    """Why `st.<name>` is gone, when an earlier discovery saw a plugin provide it."""
    if name not in known:
        return None
    plugin, distribution = known[name]
    origin = f"st.{name} is not available: it came from the plugin {plugin}"
    origin += f" (distribution {distribution})"
    try:
        installed = version(distribution)
    except PackageNotFoundError:
        return (
            f"{origin}, which is no longer installed. Install it with `pip install {distribution}`."
        )
    return f"{origin}, and the installed {distribution} {installed} no longer provides it."

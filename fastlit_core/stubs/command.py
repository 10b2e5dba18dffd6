"""`python -m fastlit_core.stubs` (`fastlit stubs`): write the stub, or check it is current."""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from importlib_metadata import entry_points

from ..registry import ENTRY_POINT_GROUP, Registry
from .generator import COMMAND, generate_stub

DISTRIBUTION = "fastlit"
"""The distribution whose element entry points make up the committed stub."""


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def builtin_registry() -> Registry:
    """The elements fastlit itself ships: entry points of the "fastlit" distribution only."""
    registry = Registry()
    registry.load_entry_points(
        ep
        for ep in entry_points(group=ENTRY_POINT_GROUP)
        if ep.dist is not None and _canonical(ep.dist.name) == DISTRIBUTION
    )
    return registry


def default_path() -> Path:
    """The installed fastlit package's `__init__.pyi` (found without importing fastlit)."""
    spec = importlib.util.find_spec("fastlit")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("fastlit_core.stubs: the fastlit package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "__init__.pyi"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="fastlit stubs",
        description="Write fastlit/__init__.pyi so editors and type checkers know every st.*.",
    )
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="the stub to write or check (default: the installed fastlit's __init__.pyi)",
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 with a diff when stale"
    )
    parser.add_argument(
        "--builtins-only",
        action="store_true",
        help="only fastlit's own elements, not installed third-party ones (the committed stub)",
    )
    args = parser.parse_args(argv)
    command = f"{COMMAND} --builtins-only" if args.builtins_only else COMMAND
    if args.path is not None:
        command += f" {args.path}"
    registry = builtin_registry() if args.builtins_only else Registry.from_entry_points()
    text = generate_stub(registry)
    path: Path = args.path or default_path()
    if args.check:
        current = path.read_text(encoding="utf-8") if path.is_file() else ""
        if current == text:
            print(f"{path} is up to date")
            return 0
        sys.stdout.writelines(
            difflib.unified_diff(
                current.splitlines(keepends=True),
                text.splitlines(keepends=True),
                fromfile=str(path),
                tofile="generated",
            )
        )
        print(f"{path} is stale; regenerate it with `{command}`", file=sys.stderr)
        return 1
    path.write_text(text, encoding="utf-8", newline="\n")
    count = len(registry.elements) + len(registry.broken)
    print(f"wrote {path} ({count} elements)")
    return 0

"""Every hook is documented; the kernel type-checks under mypy --strict."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

from fastlit_core import hookspecs

ROOT = Path(__file__).resolve().parents[2]


def hook_names() -> list[str]:
    return [
        name
        for name, fn in inspect.getmembers(hookspecs, inspect.isfunction)
        if name.startswith("fastlit_")
    ]


def test_every_hook_has_a_docstring_and_a_docs_entry():
    guide = (ROOT / "docs" / "writing-elements.md").read_text()
    assert hook_names()
    for name in hook_names():
        assert inspect.getdoc(getattr(hookspecs, name)), name
        assert f"`{name}(" in guide, f"{name} is not documented in docs/writing-elements.md"


def test_kernel_type_checks_strictly():
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "fastlit_core"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout

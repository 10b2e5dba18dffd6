"""`import fastlit.components.v1 as components`, as `import streamlit.components.v1`:
`html`, `iframe` and `declare_component`, forwarded to the `components` plugin."""

from __future__ import annotations

from typing import Any

from . import _namespace

__all__ = ["declare_component", "html", "iframe"]  # noqa: F822 (served by __getattr__)


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    return getattr(_namespace().v1, name)

"""`import fastlit.components.v2`, as `streamlit.components.v2`: `component`, forwarded to
the `components` plugin."""

from __future__ import annotations

from typing import Any

from . import _namespace

__all__ = ["component"]  # noqa: F822 (served by __getattr__)


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    return getattr(_namespace().v2, name)

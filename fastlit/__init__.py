"""Fastlit: `import fastlit as st`. Elements come from plugins, resolved on attribute access."""

from typing import Any

from fastlit_core import __version__
from fastlit_core.caching import cache_data, cache_resource
from fastlit_core.facade import (
    context,
    element_attribute,
    query_params,
    rerun,
    secrets,
    session_state,
    stop,
)

__all__ = [
    "__version__",
    "cache_data",
    "cache_resource",
    "context",
    "query_params",
    "rerun",
    "secrets",
    "session_state",
    "stop",
]


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    return element_attribute(name)

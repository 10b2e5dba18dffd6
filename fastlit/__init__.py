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
from fastlit_core.fragments import fragment
from fastlit_core.lifecycle import on_shutdown, on_startup
from fastlit_core.options import get_option, set_option
from fastlit_core.page_config import set_page_config
from fastlit_core.pages import Page, navigation, switch_page
from fastlit_core.threads import run_in_thread, run_with_session_context

__all__ = [
    "__version__",
    "Page",
    "cache_data",
    "cache_resource",
    "context",
    "fragment",
    "get_option",
    "navigation",
    "on_shutdown",
    "on_startup",
    "query_params",
    "rerun",
    "run_in_thread",
    "run_with_session_context",
    "secrets",
    "session_state",
    "set_option",
    "set_page_config",
    "stop",
    "switch_page",
]


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    return element_attribute(name)

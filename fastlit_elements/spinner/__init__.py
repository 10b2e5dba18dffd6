"""st.spinner: a spinner and its Markdown text, shown while a block runs, then gone."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from fastlit_core.plugin import Component, Container, Element, ElementPlugin, validate_width

from .. import STATIC


def spinner(
    container: Container,
    text: str = "In progress...",
    *,
    show_time: bool = False,
    _cache: bool = False,
    width: str | int = "content",
) -> AbstractContextManager[None]:
    """Display a loading spinner while executing a block of code (st.spinner).

    Like Streamlit's, the spinner is transient: it takes no place among the container's
    elements, and nothing of it stays once the block ends (AppTest never sees it). The
    browser shows it only after half a second, so a quick block does not flicker.
    """
    return _showing(container, text, show_time, _cache, width)


@contextmanager
def _showing(
    container: Container, text: Any, show_time: bool, cache: bool, width: str | int
) -> Iterator[None]:
    validate_width(width, allow_content=True)
    props: dict[str, Any] = {"text": textwrap.dedent(str(text)).strip()}
    if show_time:
        props["show_time"] = True
    if cache:
        props["cache"] = True  # a cached function computing (st.cache_data's show_spinner)
    if width != "content":
        props["width"] = width
    remove = container.add_transient("spinner", props)
    try:
        yield
    finally:
        remove()


def busy_indicator(
    container: Container, text: str, show_time: bool
) -> AbstractContextManager[None]:
    """The kernel hook: the spinner Streamlit shows while a cached function computes."""
    return _showing(container, text, show_time, True, "content")


plugin = ElementPlugin(
    elements=[Element("spinner", spinner)],
    components=[Component("spinner", STATIC, "spinner.js")],
    busy_indicator=busy_indicator,
)

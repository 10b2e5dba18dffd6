"""st.text: fixed-width, whitespace-preserving text without Markdown."""

from __future__ import annotations

import textwrap
from typing import Any

from fastlit_core.plugin import Component, Container, Element, ElementPlugin, StreamlitAPIException

from .. import STATIC


def text(
    container: Container,
    body: Any,
    *,
    help: str | None = None,
    width: str | int = "content",
    text_alignment: str = "left",
    wrap: bool = True,
) -> Container:
    """Write text without Markdown or HTML parsing (st.text)."""
    if not isinstance(wrap, bool):
        raise StreamlitAPIException(f"Invalid wrap value: {wrap!r}. Must be True or False.")
    # Streamlit dedents and strips the body (its clean_text), so the value matches it.
    props: dict[str, Any] = {"body": textwrap.dedent(str(body)).strip()}
    if help:
        props["help"] = str(help)
    if width != "content":
        props["width"] = width
    if text_alignment != "left":
        props["text_alignment"] = text_alignment
    if not wrap:
        props["wrap"] = False
    return container.add("text", props)


plugin = ElementPlugin(
    elements=[Element("text", text)],
    components=[Component("text", STATIC, "text.js")],
)

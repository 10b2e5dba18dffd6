"""st.code: a preformatted code block with a language tag, line numbers and a copy button."""

from __future__ import annotations

import re
from typing import Any

from fastlit_core.plugin import Component, Container, Element, ElementNode, ElementPlugin

from .. import STATIC


def code(
    container: Container,
    body: Any,
    language: str | None = "python",
    *,
    line_numbers: bool = False,
    wrap_lines: bool = False,
    height: str | int | None = "content",
    width: str | int = "stretch",
) -> Container:
    """Display a code block (st.code)."""
    # Like Streamlit: drop one leading and one trailing newline, keep other whitespace.
    props: dict[str, Any] = {"body": re.sub(r"\n\Z", "", re.sub(r"\A\n", "", str(body)))}
    language = language or "plaintext"
    if language != "python":
        props["language"] = language
    if line_numbers:
        props["line_numbers"] = True
    if wrap_lines:
        props["wrap_lines"] = True
    if height is not None and height != "content":
        props["height"] = height
    if width != "stretch":
        props["width"] = width
    return container.add("code", props)


class CodeNode(ElementNode):
    """AppTest's code block: `.value`, `.language`, `.show_line_numbers` as in Streamlit."""

    @property
    def value(self) -> str:
        return self.props["body"]

    @property
    def language(self) -> str:
        return self.props.get("language", "python")

    @property
    def show_line_numbers(self) -> bool:
        return bool(self.props.get("line_numbers", False))

    @property
    def wrap_lines(self) -> bool:
        return bool(self.props.get("wrap_lines", False))


plugin = ElementPlugin(
    elements=[Element("code", code)],
    components=[Component("code", STATIC, "code.js", test_node=CodeNode)],
)

"""st.markdown and st.caption: GitHub-flavoured Markdown, HTML escaped unless opted in."""

from __future__ import annotations

from typing import Any

from fastlit_core.plugin import Component, Container, Element, ElementPlugin

from .. import STATIC


def _props(
    body: Any, unsafe_allow_html: bool, help: str | None, text_alignment: str, **extra: Any
) -> dict[str, Any]:
    props: dict[str, Any] = {"body": str(body)}
    if unsafe_allow_html:
        props["unsafe_allow_html"] = True
    if help:
        props["help"] = help
    if text_alignment != "left":
        props["text_alignment"] = text_alignment
    props.update({k: v for k, v in extra.items() if v is not None})
    return props


def markdown(
    container: Container,
    body: Any,
    unsafe_allow_html: bool = False,
    *,
    help: str | None = None,
    width: str | int = "auto",
    text_alignment: str = "left",
    anchors: bool = True,
    wrap: bool = True,
) -> Container:
    """Display a string formatted as Markdown (st.markdown)."""
    extra = {
        "width": None if width == "auto" else width,
        "anchors": None if anchors else False,
        "wrap": None if wrap else False,
    }
    return container.add("markdown", _props(body, unsafe_allow_html, help, text_alignment, **extra))


def caption(
    container: Container,
    body: Any,
    unsafe_allow_html: bool = False,
    *,
    help: str | None = None,
    width: str | int = "stretch",
    text_alignment: str = "left",
    wrap: bool = True,
) -> Container:
    """Display text in small font, for captions and footnotes (st.caption)."""
    extra = {"width": None if width == "stretch" else width, "wrap": None if wrap else False}
    return container.add("caption", _props(body, unsafe_allow_html, help, text_alignment, **extra))


plugin = ElementPlugin(
    elements=[Element("markdown", markdown), Element("caption", caption)],
    components=[
        Component("markdown", STATIC, "markdown.js"),
        Component("caption", STATIC, "markdown.js"),
    ],
)

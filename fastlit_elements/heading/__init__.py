"""st.title, st.header, st.subheader: headings with optional anchors, help and dividers."""

from __future__ import annotations

from typing import Any

from fastlit_core.plugin import Component, Container, Element, ElementPlugin

from .. import STATIC

LEVELS = {"title": 1, "header": 2, "subheader": 3}
DIVIDER_COLORS = ("blue", "green", "orange", "red", "violet", "yellow", "gray", "grey", "rainbow")


def _heading(level_name: str) -> Any:
    def heading(
        container: Container,
        body: str,
        anchor: str | bool | None = None,
        *,
        help: str | None = None,
        icon: str | None = None,
        divider: bool | str = False,
        width: str | int = "stretch",
        text_alignment: str = "left",
        wrap: bool = True,
    ) -> Container:
        if level_name == "title" and divider:
            raise TypeError("st.title() got an unexpected keyword argument 'divider'")
        if divider is True:
            divider = "auto"
        if divider and divider not in (*DIVIDER_COLORS, "auto"):
            from fastlit_core.plugin import StreamlitAPIException

            raise StreamlitAPIException(f"Divider parameter has invalid value: `{divider}`.")
        props: dict[str, Any] = {"body": str(body), "level": LEVELS[level_name]}
        if anchor is not None:
            props["anchor"] = anchor
        if help:
            props["help"] = help
        if divider:
            props["divider"] = divider
        if icon:
            props["icon"] = icon
        if width != "stretch":
            props["width"] = width
        if text_alignment != "left":
            props["text_alignment"] = text_alignment
        if not wrap:
            props["wrap"] = False
        return container.add(level_name, props)

    heading.__name__ = level_name
    heading.__doc__ = f"Display text in {level_name} formatting (st.{level_name})."
    return heading


plugin = ElementPlugin(
    elements=[Element(name, _heading(name)) for name in LEVELS],
    components=[Component(name, STATIC, "heading.js") for name in LEVELS],
)

"""st.success, st.info, st.warning, st.error: a coloured box around Markdown text."""

from __future__ import annotations

import re
import textwrap
from typing import Any

from fastlit_core.plugin import (
    Component,
    Container,
    Element,
    ElementNode,
    ElementPlugin,
    StreamlitAPIException,
    split_leading_emoji,
    validate_width,
)

from .. import STATIC

KINDS = ("success", "info", "warning", "error")
_MATERIAL = re.compile(r"^:material/([a-z0-9_]+):$")
_LEADING_MATERIAL = re.compile(r"^(:material/[a-z0-9_]+:)\s*(.*)$", re.DOTALL)


def clean_text(text: Any) -> str:
    return textwrap.dedent(str(text)).strip()


def validate_icon(icon: str | None) -> str:
    """An emoji or a `:material/name:` shortcode, as Streamlit accepts; "" for none."""
    if icon is None:
        return ""
    if not isinstance(icon, str):
        raise StreamlitAPIException(
            f"The type of the `icon` parameter is `{type(icon).__name__}`, but it must be one "
            "of: str, None."
        )
    icon = icon.strip()
    if not icon:
        return ""
    if icon.lower().startswith(":material"):
        if not _MATERIAL.match(icon):
            raise StreamlitAPIException(
                f'The value `"{icon}"` is not a valid Material icon. Please use a Material '
                "icon shortcode like **`:material/thumb_up:`**"
            )
        return icon
    # No emoji catalogue here: non-ASCII text is accepted as an emoji; ASCII never is one.
    if icon.isascii():
        raise StreamlitAPIException(
            f'The value "{icon}" is not a valid icon. Use a single emoji or a Material icon '
            "shortcode like `:material/thumb_up:`."
        )
    return icon


def body_and_icon(body: Any, icon: str | None) -> tuple[str, str]:
    """Streamlit moves a leading emoji or Material shortcode of the body into the icon."""
    text = clean_text(body)
    if icon is not None:
        return text, validate_icon(icon)
    material = _LEADING_MATERIAL.match(text)
    if material is not None:
        return material.group(2), material.group(1)
    emoji = split_leading_emoji(text)
    return (emoji[1], emoji[0]) if emoji is not None else (text, "")


def _alert(kind: str) -> Any:
    def alert(
        container: Container,
        body: Any,
        *,
        icon: str | None = None,
        width: str | int = "stretch",
        title: Any | None = None,
    ) -> Container:
        validate_width(width)
        text, icon_name = body_and_icon(body, icon)
        props: dict[str, Any] = {"body": text}
        if icon_name:
            props["icon"] = icon_name
        if title is not None:
            props["title"] = clean_text(title)
        if width != "stretch":
            props["width"] = width
        return container.add(kind, props)

    alert.__name__ = kind
    alert.__doc__ = f"Display a {kind} message as a coloured box of Markdown text (st.{kind})."
    return alert


class AlertNode(ElementNode):
    """AppTest's alert: `.value` is the Markdown body, `.icon` "" when there is none."""

    @property
    def icon(self) -> str:
        return self.props.get("icon", "")


plugin = ElementPlugin(
    elements=[Element(kind, _alert(kind)) for kind in KINDS],
    components=[Component(kind, STATIC, "alert.js", test_node=AlertNode) for kind in KINDS],
)

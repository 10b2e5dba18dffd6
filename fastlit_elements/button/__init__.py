"""st.button: True only on the run its click caused."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastlit_core.plugin import (
    Component,
    Container,
    Element,
    ElementPlugin,
    StreamlitInvalidFormCallbackError,
    StreamlitInvalidLayoutContextError,
    WidgetNode,
)

from .. import STATIC

BUTTON_TYPES = ("primary", "secondary", "tertiary")


def button(
    container: Container,
    label: str,
    key: str | int | None = None,
    help: str | None = None,
    on_click: Callable[..., Any] | None = None,
    args: tuple[Any, ...] | list[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    type: str = "secondary",
    icon: str | None = None,
    icon_position: str = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: str | int = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """Display a button; returns True on the run caused by its click (st.button)."""
    if type not in BUTTON_TYPES:
        from fastlit_core.plugin import StreamlitAPIException

        raise StreamlitAPIException(
            f'The type argument to st.button must be "primary", "secondary", or "tertiary". '
            f'\nThe argument passed was "{type}".'
        )
    if container.form_id is not None:  # as Streamlit, a callback is the first complaint
        if on_click is not None:
            raise StreamlitInvalidFormCallbackError()
        raise StreamlitInvalidLayoutContextError(
            "`st.button()` can't be used in an `st.form()`. Use `st.form_submit_button()` "
            "instead to submit the form.\n\nFor more information, refer to the\n"
            "[documentation for forms](https://docs.streamlit.io/develop/api-reference/"
            "execution-flow/st.form)."
        )
    if shortcut is not None:
        container.unsupported("button", shortcut=shortcut)
    if use_container_width:
        width = "stretch"
    props: dict[str, Any] = {"label": str(label), "kind": type}
    for name, value, default in (
        ("help", help, None),
        ("icon", icon, None),
        ("icon_position", icon_position, "left"),
        ("disabled", disabled, False),
        ("width", width, "content"),
        ("wrap", wrap, None),
    ):
        if value != default:
            props[name] = value
    return bool(
        container.widget(
            "button",
            props,
            key=None if key is None else str(key),
            identity={
                "label": str(label),
                "help": help,
                "type": type,
                "icon": icon,
                "icon_position": icon_position,
                "width": width,
            },
            default=False,
            value_type=bool,
            on_change=on_click,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            trigger=True,
            assignable=False,
        )
    )


class ButtonNode(WidgetNode):
    """AppTest's button: `click()` then `run()`."""

    def click(self) -> ButtonNode:
        self.set_value(True)
        return self


plugin = ElementPlugin(
    elements=[Element("button", button)],
    components=[Component("button", STATIC, "button.js", test_node=ButtonNode)],
)

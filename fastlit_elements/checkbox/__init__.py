"""st.checkbox: a boolean widget drawn as a native checkbox with its label."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastlit_core.plugin import Component, Container, Element, ElementPlugin, WidgetNode

from .. import STATIC
from .._widgets.policies import label_visibility_checked, on_change_callback, unsupported_options


def checkbox(
    container: Container,
    label: str,
    value: bool = False,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: tuple[Any, ...] | list[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: str | int = "content",
    wrap: bool | None = None,
    bind: str | None = None,
    persist_state: Any = None,
) -> bool:
    """Display a checkbox; returns whether it is checked (st.checkbox)."""
    callback = on_change_callback(container, "checkbox", on_change)
    unsupported_options(container, "checkbox", bind=bind, persist_state=persist_state)
    label = "" if label is None else str(label)
    label_visibility_checked(label_visibility)
    props: dict[str, Any] = {"label": label}
    for name, given, default in (
        ("help", help, None),
        ("disabled", disabled, False),
        ("label_visibility", label_visibility, "visible"),
        ("width", width, "content"),
        ("wrap", wrap, None),
    ):
        if given != default:
            props[name] = given
    return container.widget(
        "checkbox",
        props,
        key=None if key is None else str(key),
        identity={"label": label, "value": bool(value), "help": help, "width": width},
        default=bool(value),
        value_type=bool,
        on_change=callback,
        args=args,
        kwargs=kwargs,
        disabled=disabled,
    )


class CheckboxNode(WidgetNode):
    """AppTest's checkbox: `check()` / `uncheck()` then `run()`."""

    def check(self) -> CheckboxNode:
        self.set_value(True)
        return self

    def uncheck(self) -> CheckboxNode:
        self.set_value(False)
        return self

    @property
    def type(self) -> str:
        return "checkbox"


plugin = ElementPlugin(
    elements=[Element("checkbox", checkbox)],
    components=[Component("checkbox", STATIC, "checkbox.js", test_node=CheckboxNode)],
)

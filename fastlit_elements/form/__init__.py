"""st.form and st.form_submit_button: widgets whose values reach the script together.

A form is a block the kernel knows as one (`Container.add(form_id=)`): keyless widgets
drawn in it have the form in their identity, the browser holds their values, and a submit
button (`Container.widget(submits_form=True)`) sends them all with its click, in one rerun.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastlit_core.plugin import (
    BlockNode,
    Component,
    Container,
    Element,
    ElementPlugin,
    StreamlitInvalidLayoutContextError,
    StreamlitValueError,
    WidgetNode,
    omit_defaults,
    validate_height,
    validate_width,
)

from .. import STATIC

BUTTON_TYPES = ("primary", "secondary", "tertiary")
FORM_DOCS_INFO = (
    "\n\nFor more information, refer to the\n[documentation for forms]"
    "(https://docs.streamlit.io/develop/api-reference/execution-flow/st.form)."
)


def form(
    container: Container,
    key: str,
    clear_on_submit: bool = False,
    *,
    enter_to_submit: bool = True,
    border: bool = True,
    width: int | str = "stretch",
    height: int | str = "content",
) -> Container:
    """Create a form that batches its widgets' values with a submit button (st.form)."""
    if container.form_id is not None:
        raise StreamlitInvalidLayoutContextError("Forms cannot be nested in other forms.")
    if not isinstance(key, str):
        raise TypeError(f"st.form's key must be a string, not {type(key).__name__}")
    validate_width(width, allow_content=True)
    validate_height(height, allow_content=True)
    props = omit_defaults(
        clear_on_submit=(bool(clear_on_submit), False),
        enter_to_submit=(bool(enter_to_submit), True),
        border=(bool(border), True),
        width=(width, "stretch"),
        height=(height, "content"),
    )
    return container.add(
        "form", props, block=True, form_id=key, clear_on_submit=bool(clear_on_submit)
    )


def form_submit_button(
    container: Container,
    label: str = "Submit",
    help: str | None = None,
    on_click: Callable[..., Any] | None = None,
    args: tuple[Any, ...] | list[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    key: str | int | None = None,
    type: str = "secondary",
    icon: str | None = None,
    icon_position: str = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: str | int = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """Display a form submit button; True on the run its click caused (st.form_submit_button).

    Its click sends every value of the widgets in its form; `on_click` runs before the
    script, with those values already applied.
    """
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    if type not in BUTTON_TYPES:
        raise StreamlitValueError("type", [f"'{t}'" for t in BUTTON_TYPES])
    if icon_position not in ("left", "right"):
        raise StreamlitValueError("icon_position", ["'left'", "'right'"])
    if shortcut is not None:
        container.unsupported("form_submit_button", shortcut=shortcut)
    label = "" if label is None else str(label)
    form_id = container.form_id
    if form_id is None:
        raise StreamlitInvalidLayoutContextError(
            f"`st.form_submit_button()` must be used inside an `st.form()`.{FORM_DOCS_INFO}"
        )
    props: dict[str, Any] = {
        "label": label,
        "kind": type,
        **omit_defaults(
            help=(help, None),
            icon=(icon, None),
            icon_position=(icon_position, "left"),
            disabled=(disabled, False),
            width=(width, "content"),
            wrap=(wrap, None),
        ),
    }
    # As Streamlit: a submit button always has a key, by default from its form and label.
    return bool(
        container.widget(
            "form_submit_button",
            props,
            key=f"FormSubmitter:{form_id}-{label}" if key is None else str(key),
            identity={"label": label},
            default=False,
            value_type=bool,
            on_change=on_click,
            args=args,
            kwargs=kwargs,
            disabled=disabled,
            trigger=True,
            assignable=False,
            submits_form=True,
        )
    )


class FormNode(BlockNode):
    """AppTest's form: a block of type "form"; `at.form(key="f")` finds it by its key."""

    @property
    def type(self) -> str:
        return "form"

    @property
    def key(self) -> str | None:
        key: str | None = self._node.props.get("form_id")
        return key

    @property
    def form_id(self) -> str:
        return str(self._node.props.get("form_id", ""))

    @property
    def clear_on_submit(self) -> bool:
        return bool(self._node.props.get("clear_on_submit", False))

    @property
    def enter_to_submit(self) -> bool:
        return bool(self._node.props.get("enter_to_submit", True))

    @property
    def border(self) -> bool:
        return bool(self._node.props.get("border", True))


class FormSubmitButtonNode(WidgetNode):
    """AppTest's submit button: a "button", as Streamlit lists it (`at.button` too), and
    `at.form_submit_button`. `click()` then `run()` submits its form's values."""

    listed_as = ("button",)

    @property
    def type(self) -> str:
        return "button"

    def click(self) -> FormSubmitButtonNode:
        self.set_value(True)
        return self


plugin = ElementPlugin(
    elements=[
        Element("form", form),
        Element("form_submit_button", form_submit_button),
    ],
    components=[
        Component("form", STATIC, "form.js", test_node=FormNode),
        Component(
            "form_submit_button", STATIC, "form_submit_button.js", test_node=FormSubmitButtonNode
        ),
    ],
)

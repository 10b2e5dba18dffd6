"""st.text_input: a single-line text box whose value is sent on Enter or blur."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastlit_core.plugin import (
    Component,
    Container,
    Element,
    ElementPlugin,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
    WidgetNode,
)

from .. import STATIC
from .._widgets.policies import (
    label_visibility_checked,
    on_change_callback,
    unsupported_options,
)
from ._types import TYPE_DEFAULTS, live_debounce_ms, validate_rule


def text_input(
    container: Container,
    label: str,
    value: Any = "",
    max_chars: int | None = None,
    key: str | int | None = None,
    type: str = "default",
    help: str | None = None,
    autocomplete: str | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: tuple[Any, ...] | list[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    icon: str | None = None,
    validate: str | tuple[str, str] | None = None,
    live: str | bool = False,
    width: str | int = "stretch",
    bind: str | None = None,
    persist_state: Any = None,
) -> str | None:
    """Display a single-line text input; returns its text, or None (st.text_input)."""
    callback = on_change_callback(container, "text_input", on_change)
    debounce = live_debounce_ms(live)
    defaults = TYPE_DEFAULTS.get(type)
    if defaults is None:
        raise StreamlitValueError("type", [repr(t) for t in TYPE_DEFAULTS])
    unsupported_options(container, "text_input", bind=bind, persist_state=persist_state)
    label = "" if label is None else str(label)
    label_visibility_checked(label_visibility)
    if max_chars is not None and max_chars < 0:
        raise ValueError(f"Value out of range: {max_chars}")  # as Streamlit's protobuf says
    value = None if value is None else str(value)
    own_regex, _ = validate_rule(validate)
    identity = {
        "label": label,
        "value": value,
        "max_chars": max_chars,
        "type": type,
        "help": help,
        "autocomplete": autocomplete,
        "placeholder": str(placeholder),
        "icon": icon,
        "width": width,
        "live": debounce,
        "validate": own_regex,
        "required": required,
    }
    regex, message = validate_rule(defaults.validate if validate is None else validate)
    if icon is not None and icon.startswith(":material/"):
        container.unsupported("text_input", icon=icon)  # no Material Symbols font yet
        icon = None
    props: dict[str, Any] = {"label": label}
    for name, given, default in (
        ("type", type, "default"),
        ("max_chars", max_chars, None),
        ("placeholder", defaults.placeholder if placeholder is None else str(placeholder), None),
        ("autocomplete", defaults.autocomplete if autocomplete is None else autocomplete, ""),
        ("icon", icon, None),
        ("validate", regex, None),
        ("validate_message", message, None),
        ("live", debounce, None),
        ("required", required, False),
        ("help", help, None),
        ("disabled", disabled, False),
        ("label_visibility", label_visibility, "visible"),
        ("width", width, "stretch"),
    ):
        if given != default:
            props[name] = given
    return container.widget(
        "text_input",
        props,
        key=None if key is None else str(key),
        identity=identity,
        key_identity={"max_chars": max_chars, "validate": own_regex},
        default=_clip(value, max_chars),
        value_type=str | None,
        deserialize=lambda text: _clip(text, max_chars),  # as Streamlit: browser values only
        validate=_checked,
        on_change=callback,
        args=args,
        kwargs=kwargs,
        disabled=disabled,
    )


def _clip(text: str | None, max_chars: int | None) -> str | None:
    return text if text is None or max_chars is None else text[:max_chars]


def _checked(text: Any) -> str | None:
    if text is not None and not isinstance(text, str):
        raise StreamlitInvalidParameterTypeError("value", type(text).__name__, ["str", "None"])
    return text


class TextInputNode(WidgetNode):
    """AppTest's text_input: `input(text)` (ignored if over max_chars, as in Streamlit)."""

    def input(self, text: str) -> TextInputNode:
        max_chars = self.props.get("max_chars")
        if max_chars and len(text) > max_chars:
            return self
        self.set_value(text)
        return self

    @property
    def type(self) -> str:
        return "text_input"

    @property
    def max_chars(self) -> int | None:
        return self.props.get("max_chars")

    @property
    def placeholder(self) -> str:
        return self.props.get("placeholder", "")

    @property
    def autocomplete(self) -> str:
        return self.props.get("autocomplete", "")

    @property
    def help(self) -> str:
        return self.props.get("help", "")


plugin = ElementPlugin(
    elements=[Element("text_input", text_input)],
    components=[Component("text_input", STATIC, "text_input.js", test_node=TextInputNode)],
)

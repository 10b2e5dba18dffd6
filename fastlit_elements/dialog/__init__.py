"""@st.dialog: a function whose call opens a modal; its body is a fragment drawn inside it.

As Streamlit: one dialog per run (a second call is an error), none inside another; the
dialog is drawn in a layer beside main (Streamlit's event container), not where the
function was called, so its widgets never join a surrounding form or column. A widget in
the dialog reruns only its body, so the dialog stays open; `st.rerun()` in it runs the
whole app, which closes it unless the app calls it again. Dismissing it (the X, Escape, a
click outside) only hides it, unless `on_dismiss` is "rerun" or a callback: then the
dismissal is a trigger widget whose click reruns the app (calling the callback first).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from fastlit_core.plugin import (
    BlockNode,
    Component,
    Container,
    Element,
    ElementPlugin,
    StreamlitAPIException,
    StreamlitInvalidLayoutContextError,
    StreamlitValueError,
    check_not_parallel_worker,
    cursor,
    fragment,
    validate_icon,
)

from .. import STATIC

LAYER = "dialog_layer"  # the root container holding the open dialog
WIDTHS = ("small", "medium", "large")
POSITIONS = ("center", "left", "right")
MAX_PIXEL_WIDTH = 2**32 - 1


class StreamlitMissingRequiredParameterError(StreamlitAPIException):
    """A required parameter is missing, None or empty (Streamlit's class and message)."""

    def __init__(self, parameter: str, *, detail: str | None = None) -> None:
        message = f"The `{parameter}` parameter is required."
        super().__init__(f"{message} {detail}" if detail else message)


def dialog(
    container: Container,
    title: str | Callable[..., Any],
    *,
    width: str | int = "small",
    position: str = "center",
    dismissible: bool = True,
    icon: str | None = None,
    on_dismiss: str | Callable[..., Any] = "ignore",
) -> Any:
    """Function decorator to create a modal dialog (st.dialog)."""
    options = {
        "width": width,
        "position": position,
        "dismissible": dismissible,
        "icon": icon,
        "on_dismiss": on_dismiss,
    }
    if isinstance(title, str):
        return lambda function: _dialog_function(function, title, options)
    return _dialog_function(title, "", options)  # bare @st.dialog: no title, an error


def _dialog_function(
    function: Callable[..., Any], title: str, options: dict[str, Any]
) -> Callable[..., None]:
    if title is None or title == "":
        raise StreamlitMissingRequiredParameterError(
            "title", detail='For example: `@st.dialog("Example Title")`.'
        )
    body = fragment(function)

    @functools.wraps(function)
    def open_dialog(*args: Any, **kwargs: Any) -> None:
        check_not_parallel_worker("@st.dialog")
        here = cursor()
        if "dialog" in here.ancestor_types:
            raise StreamlitInvalidLayoutContextError(
                "Dialogs may not be nested inside other dialogs."
            )
        modal = _open(here, title, **options)
        with modal:
            body(*args, **kwargs)

    return open_dialog


def _open(
    here: Container,
    title: str,
    *,
    width: str | int,
    position: str,
    dismissible: bool,
    icon: str | None,
    on_dismiss: str | Callable[..., Any],
) -> Container:
    """Draw the dialog block in the layer and return it; it opens in the browser."""
    _check_width(width)
    if position not in POSITIONS:
        raise StreamlitValueError("position", ["'left'", "'center'", "'right'"])
    if not callable(on_dismiss) and on_dismiss not in ("ignore", "rerun"):
        raise StreamlitValueError("on_dismiss", ["'rerun'", "'ignore'", "a callback function"])
    props: dict[str, Any] = {
        "title": title,
        "width": width,
        "position": position,
        "dismissible": bool(dismissible),
        "icon": validate_icon(icon),
        # Each run that calls the dialog opens it again, even after the user dismissed it
        # and nothing else about it changed (0: drawn but never opened).
        "opened": here.run_number,
    }
    memo = here.run_memo
    if memo.get("dialog.opened"):
        # As Streamlit: the second dialog's block is drawn, never opened, then the error.
        layer = here.root_container(LAYER, LAYER)
        layer.add("dialog", {**props, "opened": 0}, block=True)
        raise StreamlitInvalidLayoutContextError(
            "Only one dialog is allowed to be opened at the same time. Please make sure to "
            "not call a dialog-decorated function more than once in a script run."
        )
    memo["dialog.opened"] = True
    layer = here.root_container(LAYER, LAYER, fresh=True)
    if on_dismiss == "ignore":
        return layer.add("dialog", props, block=True)
    identity = {k: props[k] for k in ("title", "width", "position", "dismissible", "icon")}
    identity["on_dismiss"] = "callback" if callable(on_dismiss) else on_dismiss
    _, modal = layer.widget(
        "dialog",
        {**props, "dismiss_reruns": True},
        key=None,
        identity=identity,
        default=False,
        value_type=bool,
        on_change=on_dismiss if callable(on_dismiss) else None,
        trigger=True,
        assignable=False,
        block=True,
    )
    assert isinstance(modal, Container)
    return modal


def _check_width(width: object) -> None:
    if width in WIDTHS:
        return
    if isinstance(width, int) and not isinstance(width, bool) and 0 < width <= MAX_PIXEL_WIDTH:
        return
    raise StreamlitValueError(
        "width",
        ["'small'", "'medium'", "'large'", "a positive integer"],
        detail=f"Got {width!r}.",
    )


class DialogNode(BlockNode):
    """AppTest's dialog: a block of type "dialog" (`at.get("dialog")`), as Streamlit's."""

    @property
    def type(self) -> str:
        return "dialog"

    @property
    def title(self) -> str:
        return str(self._node.props.get("title", ""))


class DialogLayerNode(BlockNode):
    """The layer beside main holding the open dialog (Streamlit's "event" container)."""

    @property
    def type(self) -> str:
        return "event"


plugin = ElementPlugin(
    elements=[Element("dialog", dialog)],
    components=[
        Component("dialog", STATIC, "dialog.js", test_node=DialogNode),
        Component(LAYER, STATIC, "dialog_layer.js", test_node=DialogLayerNode),
    ],
)

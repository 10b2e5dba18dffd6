"""Widget argument checks shared by the checkbox, slider and text_input plugins."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastlit_core.plugin import Container, StreamlitValueError

LABEL_VISIBILITIES = ("visible", "hidden", "collapsed")


def label_visibility_checked(label_visibility: str) -> str:
    if label_visibility not in LABEL_VISIBILITIES:
        raise StreamlitValueError("label_visibility", [repr(v) for v in LABEL_VISIBILITIES])
    return label_visibility


def on_change_callback(
    container: Container, command: str, on_change: Callable[..., Any] | str | None
) -> Callable[..., Any] | None:
    """Streamlit's on_change: a callback, None, "rerun" (the default) or "ignore"."""
    if on_change is None or callable(on_change):
        return on_change
    if isinstance(on_change, str) and on_change in ("rerun", "ignore"):
        if on_change == "ignore":
            # Every value the browser sends reruns the script; there is no silent update yet.
            container.unsupported(command, on_change=on_change)
        return None
    raise StreamlitValueError("on_change", ["'rerun'", "'ignore'", "a callback function"])


def unsupported_options(container: Container, command: str, **params: Any) -> None:
    """Warn about each parameter given a value other than None."""
    given = {name: value for name, value in params.items() if value is not None}
    if given:
        container.unsupported(command, **given)

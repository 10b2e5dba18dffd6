"""Checks of parameters many elements share (width, height, choices), with Streamlit's errors."""

from __future__ import annotations

from typing import Any

from .errors import StreamlitInvalidHeightError, StreamlitInvalidWidthError, StreamlitValueError


def validate_width(width: Any, allow_content: bool = False) -> None:
    """A positive int (pixels), "stretch", or (when allowed) "content"."""
    _check_size(width, allow_content, StreamlitInvalidWidthError)


def validate_height(height: Any, allow_content: bool = False) -> None:
    _check_size(height, allow_content, StreamlitInvalidHeightError)


def validate_choice(name: str, value: Any, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise StreamlitValueError(name, [f"'{c}'" for c in choices], detail=f"Got {value!r}.")


def omit_defaults(**values: tuple[Any, Any]) -> dict[str, Any]:
    """Props from name=(value, default) pairs, leaving out values equal to their default."""
    return {name: value for name, (value, default) in values.items() if value != default}


def _check_size(
    value: Any,
    allow_content: bool,
    error: type[StreamlitInvalidWidthError | StreamlitInvalidHeightError],
) -> None:
    allowed = ("stretch", "content") if allow_content else ("stretch",)
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise error(value, allow_content)
    if (isinstance(value, str) and value not in allowed) or (isinstance(value, int) and value <= 0):
        raise error(value, allow_content)

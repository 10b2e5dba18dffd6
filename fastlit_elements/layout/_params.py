"""Streamlit's layout parameter checks (gap, width, height, alignment) and their errors."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from fastlit_core.plugin import StreamlitAPIException

GAP_SIZES = ("xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge")
HORIZONTAL_ALIGNMENTS = ("left", "center", "right", "distribute")
VERTICAL_ALIGNMENTS = ("top", "center", "bottom", "distribute")


class StreamlitInvalidColumnSpecError(StreamlitAPIException):
    def __init__(self) -> None:
        super().__init__(
            "The `spec` argument to `st.columns` must be either a positive integer (number of "
            "columns) or a list of positive numbers (width ratios of the columns). See "
            "[documentation](https://docs.streamlit.io/develop/api-reference/layout/st.columns) "
            "for more information."
        )


class StreamlitValueError(StreamlitAPIException):
    def __init__(
        self, parameter: str, valid_values: Collection[str], *, detail: str | None = None
    ) -> None:
        message = f"Invalid `{parameter}` value. Supported values: {', '.join(valid_values)}."
        super().__init__(f"{message} {detail}" if detail else message)


class StreamlitInvalidParameterTypeError(StreamlitAPIException):
    def __init__(self, parameter: str, provided_type: str, expected_types: list[str]) -> None:
        super().__init__(
            f"Invalid `{parameter}` type. Expected one of: {', '.join(expected_types)}. "
            f"Provided type: {provided_type}."
        )


class StreamlitIncompatibleParametersError(StreamlitAPIException):
    def __init__(self, first_use: str, second_use: str, *, explanation: str | None = None) -> None:
        message = f"`{first_use}` and `{second_use}` cannot be used together."
        super().__init__(f"{message} {explanation}" if explanation else message)


class StreamlitInvalidWidthError(StreamlitAPIException):
    def __init__(self, width: Any, allow_content: bool = False) -> None:
        valid = (
            "a positive integer (pixels), 'stretch', or 'content'"
            if allow_content
            else "a positive integer (pixels) or 'stretch'"
        )
        super().__init__(f"Invalid width value: {width!r}. Width must be either {valid}.")


class StreamlitInvalidHeightError(StreamlitAPIException):
    def __init__(self, height: Any, allow_content: bool = False) -> None:
        valid = (
            "a positive integer (pixels), 'stretch', or 'content'"
            if allow_content
            else "a positive integer (pixels) or 'stretch'"
        )
        super().__init__(f"Invalid height value: {height!r}. Height must be either {valid}.")


def gap_value(gap: Any) -> str | int:
    """A gap as sent to the browser: a size name, or pixels (None means 0)."""
    if isinstance(gap, int) and not isinstance(gap, bool) and gap >= 0:
        return gap
    if gap is None:
        return 0
    if isinstance(gap, str) and gap.lower() in GAP_SIZES:
        return gap.lower()
    raise StreamlitValueError(
        "gap",
        [*(f"'{s}'" for s in GAP_SIZES), "None", "a non-negative integer (pixels)"],
        detail=f"Got {gap!r}.",
    )


def _check_size(
    value: Any,
    allow_content: bool,
    error: type[StreamlitInvalidWidthError | StreamlitInvalidHeightError],
) -> None:
    allowed = ("stretch", "content") if allow_content else ("stretch",)
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise error(value, allow_content)
    if isinstance(value, str) and value not in allowed or isinstance(value, int) and value <= 0:
        raise error(value, allow_content)


def validate_width(width: Any, allow_content: bool = False) -> None:
    _check_size(width, allow_content, StreamlitInvalidWidthError)


def validate_height(height: Any, allow_content: bool = False) -> None:
    _check_size(height, allow_content, StreamlitInvalidHeightError)


def validate_choice(name: str, value: Any, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise StreamlitValueError(name, [f"'{c}'" for c in choices], detail=f"Got {value!r}.")


def validate_wrap(wrap: Any) -> None:
    if not isinstance(wrap, bool):
        raise StreamlitValueError("wrap", ["True", "False"])


def omit_defaults(**values: tuple[Any, Any]) -> dict[str, Any]:
    """Props from name=(value, default) pairs, leaving out values equal to their default."""
    return {name: value for name, (value, default) in values.items() if value != default}

"""Streamlit's layout-only parameter checks (gap, alignment, wrap) and their errors."""

from __future__ import annotations

from typing import Any

from fastlit_core.plugin import StreamlitAPIException, StreamlitValueError

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


class StreamlitIncompatibleParametersError(StreamlitAPIException):
    def __init__(self, first_use: str, second_use: str, *, explanation: str | None = None) -> None:
        message = f"`{first_use}` and `{second_use}` cannot be used together."
        super().__init__(f"{message} {explanation}" if explanation else message)


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


def validate_wrap(wrap: Any) -> None:
    if not isinstance(wrap, bool):
        raise StreamlitValueError("wrap", ["True", "False"])

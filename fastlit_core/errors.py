"""Exceptions an app can observe, named as Streamlit names them, and the run-control signals."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any


class StreamlitAPIException(Exception):
    """Base class of the errors Streamlit raises for API misuse (same name, for ported apps)."""


class StreamlitDuplicateElementId(StreamlitAPIException):
    pass


class StreamlitDuplicateElementKey(StreamlitAPIException):
    pass


class StreamlitWidgetAlreadyInstantiatedError(StreamlitAPIException):
    pass


class StreamlitValueAssignmentNotAllowedError(StreamlitAPIException):
    pass


class StreamlitAPIWarning(Warning):
    pass


class FastlitUnsupportedWarning(UserWarning):
    """A Streamlit parameter Fastlit accepts but does not implement yet."""


# Control flow: BaseException so `except Exception` in user code does not swallow them.


class ScriptControlException(BaseException):
    pass


class StopException(ScriptControlException):
    """st.stop(): end this run now; what was drawn so far stays."""


class RerunException(ScriptControlException):
    """st.rerun() or a newer widget change: start the run again."""


class RunTimeoutException(ScriptControlException):
    """The run exceeded its time limit and was stopped at an st.* call."""


# Streamlit's parameter errors, same names and messages, for element plugins to raise.


class StreamlitValueError(StreamlitAPIException):
    """A parameter got a value outside its supported set."""

    def __init__(
        self, parameter: str, valid_values: Collection[str], *, detail: str | None = None
    ) -> None:
        message = f"Invalid `{parameter}` value. Supported values: {', '.join(valid_values)}."
        super().__init__(f"{message} {detail}" if detail else message)


class StreamlitInvalidParameterTypeError(StreamlitAPIException):
    """A parameter got a value of an unsupported type."""

    def __init__(
        self,
        parameter: str,
        provided_type: str,
        expected_types: list[str],
        *,
        detail: str | None = None,
    ) -> None:
        message = (
            f"Invalid `{parameter}` type. Expected one of: {', '.join(expected_types)}. "
            f"Provided type: {provided_type}."
        )
        super().__init__(f"{message} {detail}" if detail else message)


class StreamlitInvalidWidthError(StreamlitAPIException):
    def __init__(self, width: Any, allow_content: bool = False) -> None:
        super().__init__(
            f"Invalid width value: {width!r}. Width must be either {_sizes(allow_content)}."
        )


class StreamlitInvalidHeightError(StreamlitAPIException):
    def __init__(self, height: Any, allow_content: bool = False) -> None:
        super().__init__(
            f"Invalid height value: {height!r}. Height must be either {_sizes(allow_content)}."
        )


def _sizes(allow_content: bool) -> str:
    if allow_content:
        return "a positive integer (pixels), 'stretch', or 'content'"
    return "a positive integer (pixels) or 'stretch'"

"""Exceptions an app can observe, named as Streamlit names them, and the run-control signals."""

from __future__ import annotations

import os
from collections.abc import Collection
from typing import Any


class StreamlitAPIException(Exception):
    """Base class of the errors Streamlit raises for API misuse (same name, for ported apps)."""


class StreamlitDuplicateElementId(StreamlitAPIException):
    pass


class StreamlitDuplicateElementKey(StreamlitAPIException):
    pass


def duplicate_element_key(key: str) -> StreamlitDuplicateElementKey:
    """Streamlit's error for a key used twice in a run (widgets, forms, fragments)."""
    return StreamlitDuplicateElementKey(
        f"There are multiple elements with the same `key='{key}'`. To fix this, please make "
        "sure that the `key` argument is unique for each element you create."
    )


class StreamlitWidgetAlreadyInstantiatedError(StreamlitAPIException):
    """Session state set for a widget's (or form's) key after it was drawn in this run."""

    def __init__(self, key: str) -> None:
        item = _session_state_item(key)
        super().__init__(
            f"{item} cannot be modified after the widget with that key is instantiated. "
            f"Assign {item} before creating the widget, or update it from an `on_change` or "
            "`on_click` callback, which runs before the widget is instantiated. If this is a "
            "read-only session state key (buttons, file and media inputs, `st.data_editor`, "
            "forms, chart or `ButtonColumn` selections), store the value under a different "
            "session state key."
        )


class StreamlitValueAssignmentNotAllowedError(StreamlitAPIException):
    """A widget whose value session state cannot set (a button, ...) found its key set."""

    def __init__(self, key: str) -> None:
        super().__init__(
            f"{_session_state_item(key)} is read-only and cannot be assigned through session "
            "state. Use a different session state key for values you need to set."
        )


def _session_state_item(key: str) -> str:
    """`st.session_state['key']` as a Markdown code span, whatever backticks the key has."""
    text = f"st.session_state[{key!r}]"
    fence = "`"
    while fence in text:
        fence += "`"
    return f"{fence}{text}{fence}"


class StreamlitInvalidFormCallbackError(StreamlitAPIException):
    """A callback on a widget inside a form, other than its submit button (Streamlit's B13)."""

    def __init__(self) -> None:
        super().__init__(
            "Within a form, callbacks can only be defined on `st.form_submit_button`. "
            "Defining callbacks on other widgets inside a form is not allowed."
        )


class StreamlitInvalidLayoutContextError(StreamlitAPIException):
    """A command used where the layout does not allow it (a nested form, a submit button
    outside a form, ...)."""


class StreamlitAPIWarning(StreamlitAPIException, Warning):
    """A misuse Streamlit shows as a warning element (passed to st.exception, not raised)."""


class CachedWidgetWarning(StreamlitAPIWarning):
    """A widget command inside a cached function: it runs only on a cache miss."""

    def __init__(self) -> None:
        super().__init__(
            """
Your script uses a widget command in a cached function
(function decorated with `@st.cache_data` or `@st.cache_resource`).
This code will only be called when we detect a cache "miss",
which can lead to unexpected results.

To fix this, move all widget commands outside the cached function.
"""
        )


class FastlitUnsupportedWarning(UserWarning):
    """A Streamlit parameter Fastlit accepts but does not implement yet."""


# Control flow: BaseException so `except Exception` in user code does not swallow them.


class ScriptControlException(BaseException):
    pass


class StopException(ScriptControlException):
    """st.stop(): end this run now; what was drawn so far stays."""


class RerunException(ScriptControlException):
    """st.rerun() or a newer widget change: start the run again.

    `scope` is set when st.rerun() ends a widget callback: what it asked to rerun (fragment
    ids, or () for the whole app), not requested yet; the runner decides once every
    callback of the interaction has run, as Streamlit does."""

    def __init__(self, scope: tuple[str, ...] | None = None) -> None:
        super().__init__()
        self.scope = scope


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


class StreamlitMissingRequiredParameterError(StreamlitAPIException):
    """A required parameter is missing, None or empty."""

    def __init__(self, parameter: str, *, detail: str | None = None) -> None:
        message = f"The `{parameter}` parameter is required."
        super().__init__(f"{message} {detail}" if detail else message)


class StreamlitIncompatibleParametersError(StreamlitAPIException):
    """Two or more parameter uses cannot be combined."""

    def __init__(
        self, first_use: str, second_use: str, *other_uses: str, explanation: str | None = None
    ) -> None:
        quoted = [f"`{use}`" for use in (first_use, second_use, *other_uses)]
        if len(quoted) == 2:
            uses = f"{quoted[0]} and {quoted[1]}"
        else:
            uses = ", ".join(quoted[:-1]) + f", and {quoted[-1]}"
        message = f"{uses} cannot be used together."
        super().__init__(f"{message} {explanation}" if explanation else message)


class StreamlitPageNotFoundError(StreamlitAPIException):
    """A page file, or a page passed to st.switch_page / st.page_link, does not exist."""

    def __init__(
        self,
        page: str,
        main_script_directory: str | None = None,
        uses_pages_directory: bool = False,
    ) -> None:
        if main_script_directory is None:
            super().__init__(f"Unable to create Page. The file `{page}` could not be found.")
            return
        if uses_pages_directory:
            directory = os.path.basename(main_script_directory)
            super().__init__(
                f"Could not find page: `{page}`. You must provide a file path relative to the "
                f"entrypoint file (from the directory `{directory}`). Only the entrypoint file "
                "and files in the `pages/` directory are supported."
            )
            return
        super().__init__(
            f"Could not find page: `{page}`. You must provide a `Page` object or file path "
            "relative to the entrypoint file. Only pages previously defined by `st.Page` and "
            "passed to `st.navigation` are allowed."
        )


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


class StreamlitInvalidURLError(StreamlitAPIException):
    """A URL that is malformed or uses a protocol not allowed here."""

    def __init__(self, url: str, protocols: Collection[str] = ("http", "https", "mailto")) -> None:
        # mailto: has no authority, so it is written "mailto:" rather than "mailto://".
        prefixes = [f'"{p}:"' if p == "mailto" else f'"{p}://"' for p in protocols]
        if len(prefixes) <= 2:
            allowed = " or ".join(prefixes)
        else:
            allowed = f"{', '.join(prefixes[:-1])}, or {prefixes[-1]}"
        super().__init__(
            f'"{url}" is not a valid URL. You must use a fully qualified domain beginning '
            f"with {allowed}."
        )


def _sizes(allow_content: bool) -> str:
    if allow_content:
        return "a positive integer (pixels), 'stretch', or 'content'"
    return "a positive integer (pixels) or 'stretch'"

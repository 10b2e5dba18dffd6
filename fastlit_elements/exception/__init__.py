"""st.exception, and the renderer of uncaught script exceptions (traceback only with --dev)."""

from __future__ import annotations

import os
import traceback
from pathlib import Path
from typing import Any

from fastlit_core.plugin import (
    Component,
    Container,
    Element,
    ElementNode,
    ElementPlugin,
    StreamlitAPIException,
    validate_width,
)

from .. import STATIC

# Frames inside Fastlit itself (the runner, the st.* dispatch, element functions) are noise.
_INTERNAL = tuple(
    str(Path(p).resolve()) + os.sep
    for p in (
        Path(__file__).parents[1],
        Path(__file__).parents[2] / "fastlit_core",
        Path(__file__).parents[2] / "fastlit",
    )
)
_CAUSE = "The above exception was the direct cause of the following exception:"
_CONTEXT = "During handling of the above exception, another exception occurred:"


def _internal(filename: str) -> bool:
    try:
        return str(Path(filename).resolve()).startswith(_INTERNAL)
    except (OSError, ValueError, RuntimeError):
        return False


def _rows(tbe: traceback.TracebackException, *, own_line: bool, seen: set[int]) -> list[str]:
    """Streamlit's rows: frames as "File ..., line N, in f\\n    code", causes first."""
    rows: list[str] = []
    if id(tbe) in seen:
        return rows
    seen.add(id(tbe))
    if tbe.__cause__ is not None:
        rows += [*_rows(tbe.__cause__, own_line=True, seen=seen), _CAUSE]
    elif tbe.__context__ is not None and not tbe.__suppress_context__:
        rows += [*_rows(tbe.__context__, own_line=True, seen=seen), _CONTEXT]
    frames = [f for f in tbe.stack if not _internal(f.filename)] or list(tbe.stack)
    rows += [row.strip() for row in traceback.StackSummary.from_list(frames).format()]
    if own_line:
        rows += [row.strip() for row in tbe.format_exception_only()]
    return rows


def stack_trace(exc: BaseException) -> list[str]:
    try:
        return _rows(traceback.TracebackException.from_exception(exc), own_line=False, seen=set())
    except Exception:  # noqa: BLE001 - showing an error must never raise another
        return []


def _message(exc: BaseException) -> str:
    try:
        if isinstance(exc, SyntaxError) and exc.text:
            caret = " " * max((exc.offset or 1) - 1, 0)
            return (
                f'File "{exc.filename}", line {exc.lineno}\n  {exc.text.rstrip()}\n'
                f"  {caret}^\n{type(exc).__name__}: {exc.msg}"
            )
        return str(exc).strip()
    except Exception:  # noqa: BLE001 - a broken __str__ must not hide the exception
        return ""


def exception(
    container: Container, exception: BaseException, width: str | int = "stretch"
) -> Container:
    """Display an exception; its traceback only when the app runs with --dev (st.exception)."""
    validate_width(width)
    props: dict[str, Any] = {
        "exc_type": getattr(exception, "alternate_name", None) or type(exception).__name__,
        "message": container.redact(_message(exception)),
    }
    if isinstance(exception, StreamlitAPIException):
        props["is_markdown"] = True  # API errors are written in Markdown, as in Streamlit
    if isinstance(exception, Warning):
        props["is_warning"] = True
    if container.dev:
        trace = stack_trace(exception)
        if trace:
            props["stack_trace"] = trace
    if width != "stretch":
        props["width"] = width
    return container.add("exception", props)


def render_uncaught(container: Container, exc: BaseException) -> bool:
    """The kernel hook: an uncaught script exception becomes an st.exception element."""
    exception(container, exc)
    return True


class ExceptionNode(ElementNode):
    """AppTest's exception: `.value` and `.message` are the message, `.stack_trace` a list."""

    @property
    def value(self) -> str:
        return self.message

    @property
    def message(self) -> str:
        return self.props.get("message", "")

    @property
    def stack_trace(self) -> list[str]:
        return list(self.props.get("stack_trace", []))

    @property
    def is_markdown(self) -> bool:
        return bool(self.props.get("is_markdown", False))

    @property
    def is_warning(self) -> bool:
        return bool(self.props.get("is_warning", False))


plugin = ElementPlugin(
    elements=[Element("exception", exception)],
    components=[Component("exception", STATIC, "exception.js", test_node=ExceptionNode)],
    render_exception=render_uncaught,
)

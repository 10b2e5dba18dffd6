"""Differential checks: run one snippet under Streamlit's AppTest and under Fastlit's."""

from __future__ import annotations

import textwrap
import warnings
from collections.abc import Callable
from typing import Any


def outcome(module: str, snippet: str, act: Callable[[Any], Any] | None = None) -> str:
    """Run a snippet whose last line draws a widget; report its value or exception.

    `act(at)` may interact with the app before a second run. The report is the return
    value's repr and type, or the exception's class and message.
    """
    lines = snippet.split("\n")
    source = "\n".join(
        [
            f"import {module} as st",
            "import datetime as dt",
            *lines[:-1],
            "try:",
            f"    out = {lines[-1]}",
            "    st.markdown('OK ' + repr(out) + ' ' + type(out).__name__)",
            "except Exception as e:",
            "    st.markdown('EXC ' + type(e).__name__ + ': ' + str(e))",
        ]
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        at = app_test_class(module).from_string(textwrap.dedent(source)).run()
        if act is not None:
            act(at)
            at.run()
    return str(at.markdown[0].value)


def same_as_streamlit(snippet: str, act: Callable[[Any], Any] | None = None) -> None:
    assert outcome("fastlit", snippet, act) == outcome("streamlit", snippet, act)


def app_test_class(module: str) -> Any:
    """`streamlit.testing.v1.AppTest` or `fastlit.testing.v1.AppTest`."""
    if module == "streamlit":
        from streamlit.testing.v1 import AppTest
    else:
        from fastlit.testing.v1 import AppTest  # type: ignore[assignment]
    return AppTest


def page(at: Any) -> list[tuple[int, str, Any]]:
    """What an AppTest shows, main then sidebar, in order: (depth, type, value) per node.

    Blocks have no value; an exception's value is (class name, message). Streamlit's
    AppTest names the class only in its proto (`streamlit.errors.X` for its own errors),
    Fastlit's in the element's `exc_type`: both are reduced to the bare class name.
    """
    rows: list[tuple[int, str, Any]] = []

    def visit(block: Any, depth: int) -> None:
        for node in block.children.values():
            if hasattr(node, "children"):
                rows.append((depth, node.type, None))
                visit(node, depth + 1)
            elif node.type == "exception":
                proto = getattr(node, "proto", None)
                name = proto.type if proto is not None else node.exc_type
                rows.append((depth, "exception", (name.rsplit(".", 1)[-1], node.message)))
            else:
                rows.append((depth, node.type, node.value))

    visit(at.main, 0)
    visit(at.sidebar, 0)
    return rows

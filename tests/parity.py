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
    if module == "streamlit":
        from streamlit.testing.v1 import AppTest
    else:
        from fastlit.testing.v1 import AppTest  # type: ignore[assignment]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        at = AppTest.from_string(textwrap.dedent(source)).run()
        if act is not None:
            act(at)
            at.run()
    return str(at.markdown[0].value)


def same_as_streamlit(snippet: str, act: Callable[[Any], Any] | None = None) -> None:
    assert outcome("fastlit", snippet, act) == outcome("streamlit", snippet, act)

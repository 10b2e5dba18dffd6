"""st.exception and uncaught exceptions: no traceback or server paths outside --dev."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from fastlit.testing.v1 import AppTest

RAISES = """
import fastlit as st
st.text("before")
def helper():
    raise ValueError("bad file /home/alice/project/secret.py here")
try:
    helper()
except ValueError as e:
    st.exception(e)
st.text("after")
"""


def run(source: str, *, dev: bool = False) -> AppTest:
    at = AppTest.from_string(textwrap.dedent(source))
    at._app.config.dev = dev  # what `fastlit run --dev` sets
    return at.run()


def test_exception_outside_dev_has_no_trace_or_paths():
    at = run(RAISES)
    assert [el.type for el in at.main] == ["text", "exception", "text"]
    exc = at.exception[0]
    assert exc.props["exc_type"] == "ValueError"
    assert exc.value == exc.message == "bad file <path> here"
    assert exc.stack_trace == []
    assert "stack_trace" not in exc.props
    assert "/home/alice" not in repr(exc.props)


def test_exception_in_dev_has_user_frames_only():
    at = run(RAISES, dev=True)
    exc = at.exception[0]
    assert exc.message == "bad file /home/alice/project/secret.py here"
    trace = exc.stack_trace
    assert len(trace) == 2
    assert trace[0].startswith('File "') and "in <module>" in trace[0] and "helper()" in trace[0]
    assert "in helper" in trace[1] and "raise ValueError" in trace[1]
    fastlit_dir = str(Path(__file__).resolve().parents[2])
    assert not any(fastlit_dir in row for row in trace)  # runner and dispatch frames dropped


def test_chained_exceptions_in_dev():
    at = run(
        """
        import fastlit as st
        try:
            try:
                {}["k"]
            except KeyError as e:
                raise RuntimeError("outer") from e
        except RuntimeError as e:
            st.exception(e)
    """,
        dev=True,
    )
    trace = at.exception[0].stack_trace
    assert "KeyError: 'k'" in trace
    assert "The above exception was the direct cause of the following exception:" in trace


def test_uncaught_exception_renders_after_drawn_elements_then_clears():
    source = """
        import fastlit as st
        st.session_state.runs = st.session_state.get("runs", 0) + 1
        st.text("one")
        st.text("two")
        if st.session_state.runs == 1:
            raise RuntimeError("first run fails at /srv/app/secret.py")
        st.text("three")
    """
    at = run(source)
    assert [el.type for el in at.main] == ["text", "text", "exception"]
    assert at.exception[0].props["exc_type"] == "RuntimeError"
    assert at.exception[0].message == "first run fails at <path>"
    assert at.exception[0].stack_trace == []
    at.run()
    assert [el.type for el in at.main] == ["text", "text", "text"]
    assert at.text.values == ["one", "two", "three"]
    assert len(at.exception) == 0


def test_uncaught_exception_in_dev_has_trace():
    at = run("import fastlit as st\nx = 1\nx.nope\n", dev=True)
    exc = at.exception[0]
    assert exc.props["exc_type"] == "AttributeError"
    assert any("x.nope" in row for row in exc.stack_trace)


def test_streamlit_api_exception_is_markdown_and_warning_flag():
    at = run("""
        import fastlit as st
        from fastlit_core.plugin import StreamlitAPIException
        st.exception(StreamlitAPIException("Use **this**"))
        st.exception(UserWarning("careful"))
        st.exception(ValueError("  padded  "))
    """)
    api, warning, plain = at.exception
    assert api.is_markdown is True and api.message == "Use **this**"
    assert warning.is_warning is True and warning.props["exc_type"] == "UserWarning"
    assert plain.is_markdown is False and plain.value == "padded"


def test_exception_message_matches_streamlit():
    testing = pytest.importorskip("streamlit.testing.v1")
    body = """
        try:
            int("x")
        except ValueError as e:
            st.exception(e)
        st.exception(KeyError("missing"))
    """
    ours = run("import fastlit as st\n" + textwrap.dedent(body))
    theirs = testing.AppTest.from_string("import streamlit as st\n" + textwrap.dedent(body)).run()
    assert [e.value for e in ours.exception] == [e.value for e in theirs.exception]
    assert [e.message for e in ours.exception] == [e.message for e in theirs.exception]


def test_syntax_error_in_script_is_shown_without_paths():
    at = run("import fastlit as st\nst.text('x'\n")
    exc = at.exception[0]
    assert exc.props["exc_type"] == "SyntaxError"
    assert "<path>" in exc.message and "/fastlit-apptest-" not in exc.message

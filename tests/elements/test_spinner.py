"""st.spinner under AppTest: shown at the cursor while its block runs, then nothing left."""

from __future__ import annotations

import importlib
import textwrap
import warnings
from typing import Any

import pytest

from tests.parity import outcome

# Scripts call this to note the spinners the running script's tree holds right now.
PEEK = """
from fastlit_core.context import current
from fastlit_core.tree import walk

def spinners():
    return [(parent.type, node.props) for node, parent in walk(current().root)
            if node.type == "spinner"]
"""


def page(at: Any) -> list[tuple[int, str, Any]]:
    rows: list[tuple[int, str, Any]] = []

    def visit(block: Any, depth: int) -> None:
        for node in block.children.values():
            is_block = hasattr(node, "children")
            rows.append((depth, node.type, None if is_block else node.value))
            if is_block:
                visit(node, depth + 1)

    visit(at.main, 0)
    visit(at.sidebar, 0)
    return rows


def observe(module: str, script: str) -> list[tuple[int, str, Any]]:
    AppTest = importlib.import_module(f"{module}.testing.v1").AppTest
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        at = AppTest.from_string(f"import {module} as st\n{textwrap.dedent(script)}").run()
    assert len(at.get("spinner")) == 0
    return page(at)


def test_nothing_is_left_and_no_place_is_taken_as_in_streamlit() -> None:
    script = """
        with st.spinner("Working"):
            st.write("inside")
        st.write("after")
        with st.sidebar.spinner("In the sidebar", show_time=True):
            st.sidebar.write("side")
        left, right = st.columns(2)
        with right:
            with st.spinner("In a column", width="stretch"):
                st.write("right")
        placeholder = st.empty()
        placeholder.write("kept")
        with placeholder.spinner("Beside the placeholder's element"):
            pass
        with st.spinner():
            with st.spinner("Nested"):
                pass
    """
    ours = observe("fastlit", script)
    assert ours == observe("streamlit", script)
    assert (0, "markdown", "kept") in ours


def test_while_the_block_runs_the_spinner_is_at_the_cursor(app_test: Any) -> None:
    at = app_test(
        PEEK
        + """
import fastlit as st
with st.spinner("  Wait for **it**  ", show_time=True, width=200):
    st.session_state["main"] = spinners()
left, right = st.columns(2)
with right, st.spinner():
    st.session_state["column"] = spinners()
placeholder = st.empty()
placeholder.markdown("kept")
with placeholder.spinner("Beside"):
    st.session_state["placeholder"] = spinners()
st.session_state["after"] = spinners()
"""
    )
    state = at.session_state
    assert state["main"] == [("main", {"text": "Wait for **it**", "show_time": True, "width": 200})]
    assert state["column"] == [("column", {"text": "In progress..."})]
    assert state["placeholder"] == [("main", {"text": "Beside"})]
    assert state["after"] == []
    assert [m.value for m in at.markdown] == ["kept"]


@pytest.mark.parametrize("ending", ["raise ValueError('boom')", "st.stop()"])
def test_the_spinner_goes_when_the_block_raises_or_stops(app_test: Any, ending: str) -> None:
    at = app_test(f"""
        import fastlit as st
        st.write("before")
        with st.spinner("Doomed"):
            {ending}
    """)
    assert len(at.get("spinner")) == 0 and at.markdown[0].value == "before"
    assert len(at.exception) == (1 if "raise" in ending else 0)


@pytest.mark.parametrize(
    "call",
    [
        'st.spinner("x", width=0).__enter__()',
        'st.spinner("x", width="bad").__enter__()',
        'st.spinner("x", width="content").__enter__()',
    ],
)
def test_width_is_checked_as_in_streamlit(call: str) -> None:
    assert outcome("fastlit", call) == outcome("streamlit", call)


def test_a_cached_function_computing_shows_a_cache_spinner(app_test: Any) -> None:
    at = app_test(
        PEEK
        + """
import fastlit as st
@st.cache_data(show_time=True)
def spinner_cached(x):
    st.session_state.setdefault("seen", []).append(spinners())
    return x
with st.sidebar:
    spinner_cached(1)
spinner_cached(1)
st.session_state["after"] = spinners()
"""
    )
    spinner = {"text": "Running `spinner_cached(...)`.", "show_time": True, "cache": True}
    assert at.session_state["seen"] == [[("sidebar", spinner)]]  # the hit computed nothing
    assert at.session_state["after"] == []

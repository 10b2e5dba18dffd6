"""What a cached function draws is drawn again on its cache hits, and a widget inside one
warns: each case run under Streamlit's AppTest and Fastlit's, and the pages compared."""

from __future__ import annotations

import importlib
import logging
import textwrap
import warnings
from typing import Any

import pytest

from fastlit_core import caching

# The caches are process-wide, keyed by the function's source: every script names its
# functions uniquely, and Streamlit's cache is cleared before each comparison.


def page(at: Any) -> list[tuple[int, str, Any]]:
    """(depth, type, what it shows) for main then the sidebar; widgets by label, as a
    replayed widget has no value in Streamlit's AppTest."""
    rows: list[tuple[int, str, Any]] = []

    def visit(block: Any, depth: int) -> None:
        for node in block.children.values():
            if hasattr(node, "children"):
                rows.append((depth, node.type, None))
                visit(node, depth + 1)
            elif node.type == "exception":
                rows.append((depth, "exception", (node.message, node.is_warning)))
            elif node.type == "markdown":
                rows.append((depth, "markdown", node.value))
            else:
                rows.append((depth, node.type, node.label))

    visit(at.main, 0)
    visit(at.sidebar, 0)
    return rows


def observe(module: str, script: str, runs: int = 2) -> list[Any]:
    """The page after each run, then the page a second session sees (all cache hits)."""
    if module == "streamlit":
        import streamlit

        streamlit.cache_data.clear()
        streamlit.cache_resource.clear()
    source = f"import {module} as st\n{textwrap.dedent(script)}"
    AppTest = importlib.import_module(f"{module}.testing.v1").AppTest
    pages = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        at = AppTest.from_string(source)
        for _ in range(runs):
            pages.append(page(at.run()))
        pages.append(page(AppTest.from_string(source).run()))
    return pages


def same_as_streamlit(script: str) -> list[Any]:
    ours = observe("fastlit", script)
    assert ours == observe("streamlit", script)
    return ours


def test_elements_drawn_inside_are_replayed_on_hits() -> None:
    pages = same_as_streamlit("""
        st.session_state.setdefault("calls", 0)
        @st.cache_data
        def replay_write(n):
            st.session_state.calls += 1
            st.write("x")
            return n * 2
        st.write("before")
        st.write(replay_write(3))
        st.markdown(f"calls: {st.session_state.calls}")
    """)
    assert pages[1] == [
        (0, "markdown", "before"),
        (0, "markdown", "x"),
        (0, "markdown", "`6`"),
        (0, "markdown", "calls: 1"),  # the second run was a hit: "x" came from the replay
    ]


def test_blocks_the_sidebar_and_the_cursor_are_replayed() -> None:
    pages = same_as_streamlit("""
        @st.cache_resource
        def replay_layout():
            with st.container(border=True):
                st.write("in block")
                left, right = st.columns(2)
                right.write("right")
            st.sidebar.write("side")
            placeholder = st.empty()
            placeholder.write("first")
            placeholder.write("second")
            return 1
        with st.container():
            replay_layout()
        st.write("after")
    """)
    assert (0, "markdown", "side") in pages[-1] and (1, "markdown", "second") in pages[-1]


def test_nested_cached_functions_replay_once_each() -> None:
    same_as_streamlit("""
        @st.cache_data
        def replay_inner(x):
            st.write(f"inner {x}")
            return x
        @st.cache_data
        def replay_outer(x):
            st.write("outer")
            return replay_inner(x) + replay_inner(x)
        replay_inner(1)
        st.write(replay_outer(1))
    """)


def test_drawing_into_a_block_made_outside_fails_on_the_hit() -> None:
    pages = same_as_streamlit("""
        @st.cache_data
        def replay_closure(_where):
            _where.write("inside")
            return 1
        block = st.container()
        replay_closure(block)
    """)
    kind, (message, is_warning) = pages[1][-1][1:]
    assert kind == "exception" and not is_warning
    assert message.startswith("While running `replay_closure()`, a streamlit element")


def test_a_widget_inside_warns_and_is_replayed_unregistered() -> None:
    pages = same_as_streamlit("""
        @st.cache_data
        def replay_widgets():
            st.write("x")
            st.checkbox("tick")
            st.button("press", key="pressed")
            with st.form("replay_form"):
                st.form_submit_button("send")
            return 1
        replay_widgets()
        st.write("pressed" in st.session_state)
    """)
    warned = [row for row in pages[0] if row[1] == "exception"]
    assert len(warned) == 4 and all(is_warning for _, _, (_, is_warning) in warned)
    assert warned[0][2][0].startswith("Your script uses a widget command in a cached function")
    assert pages[0][-1] == (0, "markdown", "`True`")  # registered on the miss
    assert pages[2][-1] == (0, "markdown", "`False`")  # a hit draws it, registers nothing


def test_the_widget_warning_is_logged(app_test: Any, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        at = app_test("""
            import fastlit as st
            @st.cache_resource
            def replay_logged():
                return st.checkbox("logged")
            replay_logged()
        """)
    assert at.exception[0].is_warning and at.checkbox[0].value is False
    assert "Your script uses a widget command in a cached function" in caplog.text


def test_persisted_entries_replay_too(app_test: Any) -> None:
    source = """
        import fastlit as st
        @st.cache_data(persist="disk")
        def replay_persisted():
            st.markdown("from disk")
            return 1
        replay_persisted()
    """
    app_test(source)
    for cache in caching.cache_data._caches.values():
        cache.clear()  # the memory copies only: the next call reads the file
    assert [m.value for m in app_test(source).markdown] == ["from disk"]

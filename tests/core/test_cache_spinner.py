"""The busy indicator of st.cache_data/st.cache_resource: which text, when, and without one."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from fastlit.testing.v1 import AppTest
from fastlit_core.caching import CacheAPI
from fastlit_core.plugin import Container, ElementPlugin
from fastlit_core.registry import Registry
from fastlit_elements.layout import plugin as layout_plugin
from fastlit_elements.markdown import plugin as markdown_plugin

Shown = list[tuple[str, bool]]


def indicator_plugin(shown: Shown) -> ElementPlugin:
    """A busy indicator that notes what it was asked to show."""

    @contextmanager
    def indicator(container: Container, text: str, show_time: bool) -> Iterator[None]:
        shown.append((text, show_time))
        yield

    return ElementPlugin(busy_indicator=indicator)


def run_twice(source: str, *plugins: Any) -> AppTest:
    registry = Registry.from_plugins([markdown_plugin, layout_plugin, *plugins])
    at = AppTest.from_string(textwrap.dedent(source), registry=registry)
    at.run()
    return at.run()


# Function names are unique per test: the caches are process-wide, keyed by source.


def test_streamlit_texts_on_misses_only() -> None:
    shown: Shown = []
    run_twice(
        """
        import fastlit as st
        @st.cache_data
        def spin_with_args(x):
            return x
        @st.cache_resource
        def spin_without_args():
            return 1
        @st.cache_data(show_spinner="Loading *data*", show_time=True)
        def spin_with_text():
            return 2
        @st.cache_data(show_spinner=False)
        def spin_never():
            return 3
        st.markdown(f"{spin_with_args(1)} {spin_without_args()} {spin_with_text()} {spin_never()}")
        """,
        indicator_plugin(shown),
    )
    assert shown == [
        ("Running `spin_with_args(...)`.", False),
        ("Running `spin_without_args()`.", False),
        ("Loading *data*", True),
    ]


def test_only_the_outermost_cached_function_shows_it() -> None:
    shown: Shown = []
    run_twice(
        """
        import fastlit as st
        @st.cache_data
        def spin_inner(x):
            return x + 1
        @st.cache_data
        def spin_outer(x):
            return spin_inner(x) * 2
        st.markdown(str(spin_outer(1)))
        """,
        indicator_plugin(shown),
    )
    assert shown == [("Running `spin_outer(...)`.", False)]


def test_without_an_indicator_plugin_the_cache_works_as_ever() -> None:
    at = run_twice(
        """
        import fastlit as st
        calls = st.session_state.setdefault("calls", [])
        @st.cache_data
        def spin_unseen(x):
            calls.append(x)
            return x * 3
        st.markdown(f"{spin_unseen(2)} after {len(calls)} call(s)")
        """
    )
    assert at.markdown[0].value == "6 after 1 call(s)"


def test_a_failing_indicator_is_logged_and_skipped(caplog: pytest.LogCaptureFixture) -> None:
    def broken(container: Container, text: str, show_time: bool) -> None:
        raise RuntimeError("indicator broke")

    at = run_twice(
        """
        import fastlit as st
        @st.cache_data
        def spin_broken():
            return "computed"
        st.markdown(spin_broken())
        """,
        ElementPlugin(busy_indicator=broken),
    )
    assert at.markdown[0].value == "computed"
    assert "fastlit_busy_indicator failed" in caplog.text


def test_outside_a_run_nothing_is_shown() -> None:
    calls = []

    @CacheAPI("data")(show_spinner="never seen")
    def spin_offline(x: int) -> int:
        calls.append(x)
        return x

    assert spin_offline(5) == spin_offline(5) == 5 and calls == [5]

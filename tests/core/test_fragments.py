"""st.fragment: fragment runs re-execute only the fragment (in-process server and AppTest)."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

import pytest

from fastlit.testing.v1 import AppTest
from fastlit_core.errors import StreamlitAPIException
from fastlit_core.fragments import parse_interval
from fastlit_core.tree import Node, walk

COUNTERS = """
import fastlit as st

st.session_state.setdefault("full", 0)
st.session_state.full += 1
st.markdown(f"full {st.session_state.full}")
st.slider("outer", 0, 10, key="outer")

@st.fragment
def part():
    st.session_state.setdefault("frag", 0)
    st.session_state.frag += 1
    st.markdown(f"frag {st.session_state.frag}")
    if st.button("inside"):
        st.markdown("clicked")
    st.slider("inner", 0, 10, key="inner")

part()
st.button("outside")
"""


def widget(browser: Any, type: str, label: str) -> str:
    return next(n.id for n in browser.find(type) if n.props["label"] == label)


def markdowns(browser: Any) -> list[str]:
    return [str(n.props["body"]) for n in browser.find("markdown")]


def block_of(tree: Node, wid: str) -> Node:
    """The fragment's block: the innermost block holding the widget."""
    parents = {n.id: p for n, p in walk(tree)}
    parent = parents[wid]
    assert parent is not None
    return parent


def op_ids(frame: dict[str, Any]) -> set[str]:
    ids: set[str] = set()
    for op in frame["ops"]:
        for field in ("id", "parent"):
            if field in op:
                ids.add(op[field])
        if "node" in op:
            ids.add(op["node"]["id"])
    return ids


def test_widget_inside_fragment_reruns_only_the_fragment(server, connect):
    with server(COUNTERS) as (client, _app), connect(client) as browser:
        browser.until_idle()
        assert markdowns(browser) == ["full 1", "frag 1"]
        inside = widget(browser, "button", "inside")
        assert browser.tree is not None
        block = block_of(browser.tree, inside)
        inner = {n.id for n, _ in walk(block)}
        outside = {n.id for n, _ in walk(browser.tree)} - inner

        browser.send({"t": "widgets", "values": {inside: True}})
        frame = browser.until_idle()
        assert markdowns(browser) == ["full 1", "frag 2", "clicked"]
        touched = op_ids(frame)
        assert touched, "the fragment's change reached the browser"
        assert not touched & outside, "only the fragment's block changes on the wire"

        browser.send({"t": "widgets", "values": {widget(browser, "slider", "inner"): [4]}})
        browser.until_idle()
        assert markdowns(browser) == ["full 1", "frag 3"]  # the click was for one run only


def test_widget_outside_fragment_reruns_the_whole_app(server, connect):
    with server(COUNTERS) as (client, _app), connect(client) as browser:
        browser.until_idle()
        browser.send({"t": "widgets", "values": {widget(browser, "button", "outside"): True}})
        browser.until_idle()
        assert markdowns(browser) == ["full 2", "frag 2"]


def test_fragment_run_keeps_outer_widget_values_and_forgets_only_its_own(server, connect):
    source = """
    import fastlit as st

    st.slider("outer", 0, 10, key="outer")

    @st.fragment
    def part():
        if st.checkbox("show", key="show"):
            st.slider("extra", 0, 10, key="extra")

    part()
    st.markdown(f"keys {sorted(k for k in st.session_state.keys())}")
    """
    with server(source) as (client, app), connect(client) as browser:
        browser.until_idle()
        browser.send({"t": "widgets", "values": {widget(browser, "slider", "outer"): [3]}})
        browser.until_idle()
        browser.send({"t": "widgets", "values": {widget(browser, "checkbox", "show"): True}})
        browser.until_idle()
        browser.send({"t": "widgets", "values": {widget(browser, "slider", "extra"): [7]}})
        browser.until_idle()
        session = next(iter(app.sessions.values()))
        assert session.state["extra"] == 7
        browser.send({"t": "widgets", "values": {widget(browser, "checkbox", "show"): False}})
        browser.until_idle()
        assert "extra" not in session.state  # not drawn by its fragment's run: forgotten
        assert session.state["outer"] == 3  # outside the fragment: kept
        assert session.last_run is not None
        slider = next(n for n, _ in walk(session.last_run.root) if n.props.get("label") == "outer")
        assert slider.props["value"] == [3]


def test_rerun_scopes(server, connect):
    source = """
    import fastlit as st

    st.session_state.setdefault("full", 0)
    st.session_state.full += 1
    st.markdown(f"full {st.session_state.full}")

    @st.fragment
    def part():
        st.session_state.setdefault("frag", 0)
        st.session_state.frag += 1
        st.markdown(f"frag {st.session_state.frag}")
        if st.button("again") and st.session_state.frag < 5:
            st.rerun(scope="fragment")
        if st.button("app"):
            st.rerun()

    part()
    """
    with server(source) as (client, _app), connect(client) as browser:
        browser.until_idle()
        browser.send({"t": "widgets", "values": {widget(browser, "button", "again"): True}})
        browser.until_idle()
        # clicked run (frag 2) reruns the fragment once more (frag 3); full never moves
        assert markdowns(browser) == ["full 1", "frag 3"]
        browser.send({"t": "widgets", "values": {widget(browser, "button", "app"): True}})
        browser.until_idle()
        assert markdowns(browser) == ["full 2", "frag 5"]


def test_fragment_exception_shows_inside_the_fragment(server, connect):
    source = """
    import fastlit as st

    st.markdown("top")

    @st.fragment
    def part():
        if st.button("boom"):
            raise ValueError("bad")

    part()
    st.markdown("bottom")
    """
    with server(source) as (client, _app), connect(client) as browser:
        browser.until_idle()
        boom = widget(browser, "button", "boom")
        browser.send({"t": "widgets", "values": {boom: True}})
        browser.until_idle()
        assert markdowns(browser) == ["top", "bottom"]
        assert browser.tree is not None
        block = block_of(browser.tree, boom)
        assert [n.type for n in block.children] == ["button", "exception"]


def test_run_every_reruns_the_fragment_on_a_timer(server, connect):
    source = """
    import fastlit as st

    st.session_state.setdefault("full", 0)
    st.session_state.full += 1
    st.markdown(f"full {st.session_state.full}")

    @st.fragment(run_every=0.1)
    def ticker():
        st.session_state.setdefault("ticks", 0)
        st.session_state.ticks += 1
        st.markdown(f"ticks {st.session_state.ticks}")

    ticker()
    """
    with server(source) as (client, app), connect(client) as browser:
        browser.until_idle()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            browser.until_idle()
            ticks = int(markdowns(browser)[1].split()[1])
            if ticks >= 3:
                break
        assert ticks >= 3
        assert markdowns(browser)[0] == "full 1"
        session = next(iter(app.sessions.values()))
    # the socket closed: the timer stops
    time.sleep(0.3)
    count = session.run_count
    time.sleep(0.4)
    assert session.run_count == count
    assert not session._timers


def test_rerun_scope_fragment_during_a_full_run_raises_like_streamlit():
    import streamlit.testing.v1 as stt

    source = """
import {mod} as st

@st.fragment
def part():
    st.rerun(scope="fragment")

part()
"""
    ours = AppTest.from_string(source.format(mod="fastlit")).run()
    theirs = stt.AppTest.from_string(source.format(mod="streamlit")).run()
    assert len(ours.exception) == len(theirs.exception) == 1
    assert ours.exception[0].message == theirs.exception[0].message


def test_apptest_runs_fragments_like_streamlit():
    import streamlit.testing.v1 as stt

    ours = AppTest.from_string(COUNTERS).run()
    theirs = stt.AppTest.from_string(COUNTERS.replace("fastlit", "streamlit")).run()
    for at in (ours, theirs):
        at.button[0].click().run()
    assert [m.value for m in ours.markdown] == [m.value for m in theirs.markdown]


APPTEST_FRAGMENTS = """
import {mod} as st
ss = st.session_state
for k in ("full", "outer", "inner", "ticks"):
    ss.setdefault(k, 0)
ss.full += 1
st.markdown(f"full={ss.full}")

@st.fragment(run_every=0.05)
def ticker():
    ss.ticks += 1
    st.markdown(f"ticks={ss.ticks}")

@st.fragment
def inner():
    ss.inner += 1
    st.markdown(f"inner={ss.inner}")
    st.button("InnerBtn")
    st.slider("InnerSlider", 0, 10, key="s")

@st.fragment
def outer():
    ss.outer += 1
    st.markdown(f"outer={ss.outer}")
    inner()

ticker()
outer()
"""


def test_apptest_runs_are_full_runs_with_timers_and_nested_fragments_as_streamlit():
    """Streamlit's AppTest never runs a fragment alone: no run_every timer fires between
    runs, and a widget of a nested fragment reruns the whole script."""
    import streamlit.testing.v1 as stt

    seen = []
    for at in (
        stt.AppTest.from_string(APPTEST_FRAGMENTS.replace("{mod}", "streamlit")),
        AppTest.from_string(APPTEST_FRAGMENTS.replace("{mod}", "fastlit")),
    ):
        at.run()
        runs = [[m.value for m in at.markdown]]
        time.sleep(0.3)  # six intervals of the ticker
        at.run()
        runs.append([m.value for m in at.markdown])
        at.button[0].click().run()
        runs.append([m.value for m in at.markdown])
        at.slider[0].set_value(4).run()
        runs.append([m.value for m in at.markdown] + [at.session_state["s"]])
        seen.append(runs)
    assert seen[1] == seen[0]
    assert seen[0][-1] == ["full=4", "ticks=4", "outer=4", "inner=4", 4]


def test_fragment_called_outside_a_run_is_a_plain_call():
    import fastlit as st

    @st.fragment
    def double(x: int) -> int:
        return 2 * x

    assert double(4) == 8


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        (2, 2.0),
        (0.5, 0.5),
        (timedelta(minutes=1), 60.0),
        ("2s", 2.0),
        ("1m 30s", 90.0),
        ("250ms", 0.25),
        (None, None),
    ],
)
def test_run_every_values(value: Any, seconds: float | None) -> None:
    assert parse_interval(value) == seconds


@pytest.mark.parametrize("value", ["soon", -1, 0, "2x"])
def test_run_every_rejects_bad_values(value: Any) -> None:
    with pytest.raises(StreamlitAPIException):
        parse_interval(value)

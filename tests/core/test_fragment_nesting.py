"""Nested fragments and fragments writing outside their block, on the in-process server.

What each test expects was observed on Streamlit 1.67 served by `streamlit run` and driven
in Chromium (the same apps, clicking the same buttons); AppTest cannot show it, since it
always performs full runs. Full runs are compared with Streamlit's AppTest directly.
"""

from __future__ import annotations

import textwrap
import time
import warnings
from typing import Any

import pytest

from fastlit_core.tree import Node
from tests.parity import app_test_class, page

NESTED = """
import fastlit as st
ss = st.session_state
for k in ("full", "outer", "inner"):
    ss.setdefault(k, 0)
ss.full += 1
st.markdown(f"full={ss.full}")

def arm():
    ss.trigger = True

@st.fragment
def inner():
    ss.inner += 1
    st.markdown(f"inner={ss.inner}")
    if st.button("InnerBtn"):
        st.markdown("inner clicked")
    if ss.get("trigger"):
        ss.trigger = False
        st.rerun(scope="fragment")
    st.button("InnerArm", on_click=arm)

@st.fragment
def outer():
    ss.outer += 1
    st.markdown(f"outer={ss.outer}")
    st.button("OuterBtn")
    st.button("OuterArm", on_click=arm)
    inner()
    st.markdown(f"after inner outer={ss.outer} inner={ss.inner}")

outer()
st.markdown(f"end full={ss.full}")
"""


def click(browser: Any, label: str) -> None:
    button = next(n.id for n in browser.find("button") if n.props["label"] == label)
    browser.send({"t": "widgets", "values": {button: True}})
    browser.until_idle()


def texts(node: Node | None, types: tuple[str, ...] = ("markdown", "exception")) -> list[str]:
    """Markdown bodies and exception messages under `node`, in page order."""
    out: list[str] = []
    if node is None:
        return out
    for child in node.children:
        if child.type == "markdown":
            out.append(str(child.props["body"]))
        elif child.type == "exception" and "exception" in types:
            out.append(f"{child.props['exc_type']}: {child.props['message']}")
        out.extend(texts(child, types))
    return out


def root(browser: Any, name: str) -> Node | None:
    assert browser.tree is not None
    return next((c for c in browser.tree.children if c.id == name), None)


def test_a_widget_in_a_nested_fragment_reruns_only_that_fragment(server, connect):
    with server(NESTED) as (client, app), connect(client) as browser:
        browser.until_idle()
        start = ["full=1", "outer=1", "inner=1", "after inner outer=1 inner=1", "end full=1"]
        assert texts(browser.tree) == start
        click(browser, "InnerBtn")
        assert texts(browser.tree) == [
            "full=1",
            "outer=1",
            "inner=2",
            "inner clicked",
            "after inner outer=1 inner=1",  # the outer fragment did not run
            "end full=1",
        ]
        click(browser, "OuterBtn")  # the outer fragment runs, and the inner one inside it
        assert texts(browser.tree) == [
            "full=1",
            "outer=2",
            "inner=3",
            "after inner outer=2 inner=3",
            "end full=1",
        ]
        click(browser, "InnerBtn")  # the inner fragment drawn by the outer's run: its own
        assert texts(browser.tree)[1:4] == ["outer=2", "inner=4", "inner clicked"]
        session = next(iter(app.sessions.values()))
        outer, inner = sorted(session.fragments.values(), key=lambda f: f.parent is not None)
        assert inner.parent == outer.id and outer.parent is None
        labels = {n.id: n.props["label"] for n in browser.find("button")}
        owners = {labels[w]: f for w, f in session.fragment_of.items() if w in labels}
        assert owners == {
            "OuterBtn": outer.id,
            "OuterArm": outer.id,
            "InnerBtn": inner.id,
            "InnerArm": inner.id,
        }


def test_rerun_scope_fragment_in_nested_fragments(server, connect):
    with server(NESTED) as (client, _app), connect(client) as browser:
        browser.until_idle()
        click(browser, "InnerArm")  # the inner run calls st.rerun(scope="fragment"): again
        assert texts(browser.tree)[1:3] == ["outer=1", "inner=3"]
        assert texts(browser.tree)[-1] == "end full=1"
        # In a run of the outer fragment, the inner one may not rerun alone: Streamlit's
        # RuntimeError shows in it, then once more in the outer one, which stops there.
        click(browser, "OuterArm")
        error = "Could not find current_fragment_id in fragment_id_queue. This should never happen."
        assert texts(browser.tree) == [
            "full=1",
            "outer=2",
            "inner=4",
            f"RuntimeError: {error}",
            f"FragmentHandledException: {error}",
            "end full=1",
        ]


def test_a_fragment_exception_shows_in_the_fragment_and_ends_the_run(server, connect):
    source = """
    import fastlit as st
    st.markdown("top")

    @st.fragment
    def part():
        st.markdown("in part")
        if st.button("Boom"):
            raise ValueError("bad")

    part()
    st.markdown("bottom")
    """
    with server(source) as (client, _app), connect(client) as browser:
        browser.until_idle()
        click(browser, "Boom")
        assert texts(browser.tree) == ["top", "in part", "ValueError: bad", "bottom"]


SIDEBAR = """
import fastlit as st
ss = st.session_state
for k in ("full", "frag"):
    ss.setdefault(k, 0)
ss.full += 1
st.sidebar.markdown("side top")
st.markdown(f"full={ss.full}")
st.slider("Outer", 0, 10, key="outer_s")
box = st.container()
box.markdown("box first")
ph = st.empty()
ph.markdown("ph initial")

@st.fragment
def part():
    ss.frag += 1
    st.markdown(f"frag={ss.frag} sees outer_s={ss.outer_s}")
    st.sidebar.markdown(f"side frag={ss.frag}")
    if st.sidebar.button("SideBtn"):
        st.sidebar.markdown("side clicked")
    box.markdown(f"box from frag {ss.frag}")
    if ss.frag % 2 == 0:
        box.markdown("box extra")
    ph.markdown(f"ph from frag {ss.frag}")
    st.button("MainBtn")
    if st.button("SetOuter"):
        ss.outer_s = 7
        st.markdown(f"set outer_s -> {ss.outer_s}")

part()
box.markdown("box last")
st.sidebar.markdown("side bottom")
st.button("Full")
"""


def test_a_fragment_redraws_its_writes_to_outside_containers_in_place(server, connect):
    with server(SIDEBAR) as (client, app), connect(client) as browser:
        browser.until_idle()
        assert texts(root(browser, "sidebar")) == ["side top", "side frag=1", "side bottom"]
        main = ["full=1", "box first", "box from frag 1", "box last", "ph from frag 1"]
        assert texts(root(browser, "main"))[:5] == main
        click(browser, "SideBtn")  # a widget the fragment drew in the sidebar: its own
        assert texts(root(browser, "sidebar")) == [
            "side top",
            "side frag=2",
            "side clicked",
            "side bottom",
        ]
        assert texts(root(browser, "main")) == [
            "full=1",
            "box first",
            "box from frag 2",
            "box extra",
            "box last",
            "ph from frag 2",
            "frag=2 sees outer_s=0",
        ]
        click(browser, "MainBtn")
        assert texts(root(browser, "sidebar")) == ["side top", "side frag=3", "side bottom"]
        shown = texts(root(browser, "main"))
        assert shown[2:5] == ["box from frag 3", "box last", "ph from frag 3"]
        sidebar = root(browser, "sidebar")
        assert sidebar is not None
        assert [c.type for c in sidebar.children] == ["markdown", "transparent", "markdown"]
        session = next(iter(app.sessions.values()))
        assert session.run_count == 3  # two fragment runs after the first full run


def test_a_fragment_run_cannot_write_outside_where_the_full_run_did_not(server, connect):
    source = """
    import fastlit as st
    st.markdown("top")

    @st.fragment
    def part():
        if st.button("Late"):
            st.sidebar.markdown("late")
        st.markdown("after")

    part()
    st.markdown("bottom")
    """
    with server(source) as (client, _app), connect(client) as browser:
        browser.until_idle()
        click(browser, "Late")
        shown = texts(browser.tree)
        assert shown[0] == "top" and shown[2] == "bottom"
        assert shown[1].startswith(
            "StreamlitInvalidLayoutContextError: A fragment tried to write to a container "
            "created outside it, but the fragment did not write to that container during the "
            "last full app run"
        )
        assert texts(root(browser, "sidebar")) == []


def test_session_state_set_for_a_widget_outside_lasts_only_for_the_fragment_run(server, connect):
    with server(SIDEBAR) as (client, app), connect(client) as browser:
        browser.until_idle()
        click(browser, "SetOuter")
        assert "set outer_s -> 7" in texts(root(browser, "main"))
        session = next(iter(app.sessions.values()))
        assert session.state["outer_s"] == 0  # the slider still shows 0: its value wins
        click(browser, "MainBtn")
        assert "frag=3 sees outer_s=0" in texts(root(browser, "main"))
        click(browser, "Full")
        assert "frag=4 sees outer_s=0" in texts(root(browser, "main"))
        slider = next(n for n in browser.find("slider") if n.props["label"] == "Outer")
        assert slider.props["value"] == [0]


def test_a_fragment_can_write_to_a_container_its_parent_made(server, connect):
    source = """
    import fastlit as st
    ss = st.session_state
    ss.setdefault("n", 0)

    @st.fragment
    def inner(c):
        ss.n += 1
        c.markdown(f"inner writes c {ss.n}")
        st.button("InnerBtn")

    @st.fragment
    def outer():
        c = st.container()
        c.markdown("c first")
        inner(c)
        c.markdown("c last")
        st.button("OuterBtn")

    outer()
    """
    with server(source) as (client, _app), connect(client) as browser:
        browser.until_idle()
        assert texts(browser.tree) == ["c first", "inner writes c 1", "c last"]
        click(browser, "InnerBtn")
        assert texts(browser.tree) == ["c first", "inner writes c 2", "c last"]
        click(browser, "OuterBtn")
        assert texts(browser.tree) == ["c first", "inner writes c 3", "c last"]
        click(browser, "InnerBtn")
        assert texts(browser.tree) == ["c first", "inner writes c 4", "c last"]


# --- full runs, compared with Streamlit's AppTest --------------------------------------------

FULL_RUNS = {
    "an exception in a fragment": """
        import {st} as st
        st.markdown("top")
        @st.fragment
        def part():
            st.markdown("in part")
            raise ValueError("bad")
        part()
        st.markdown("bottom")
    """,
    "an exception in a nested fragment": """
        import {st} as st
        @st.fragment
        def inner():
            st.markdown("in inner")
            raise ValueError("bad")
        @st.fragment
        def outer():
            st.markdown("in outer")
            inner()
            st.markdown("after inner")
        outer()
        st.markdown("bottom")
    """,
    "a fragment's exception caught by the script": """
        import {st} as st
        @st.fragment
        def part():
            raise ValueError("bad")
        try:
            part()
        except Exception as e:
            st.markdown(type(e).__name__ + " " + str(e))
    """,
    "writes outside the fragment": """
        import {st} as st
        st.sidebar.markdown("side top")
        box = st.container()
        box.markdown("box first")
        ph = st.empty()
        ph.markdown("ph initial")
        @st.fragment
        def part():
            st.markdown("in part")
            st.sidebar.markdown("side part")
            st.sidebar.button("SideBtn")
            box.markdown("box part")
            box.markdown("box part 2")
            ph.markdown("ph part")
            with st.sidebar:
                st.container().markdown("in a container in the sidebar")
        part()
        box.markdown("box last")
        st.sidebar.markdown("side bottom")
    """,
    "nested fragments writing outside": """
        import {st} as st
        @st.fragment
        def inner(c):
            st.markdown("inner")
            c.markdown("inner writes c")
            st.sidebar.markdown("inner side")
        @st.fragment
        def outer():
            c = st.container()
            c.markdown("c first")
            inner(c)
            c.markdown("c last")
            st.sidebar.markdown("outer side")
        outer()
    """,
}


@pytest.mark.parametrize("source", FULL_RUNS.values(), ids=FULL_RUNS.keys())
def test_full_runs_draw_fragments_as_streamlit(source: str) -> None:
    shown = {}
    for module in ("streamlit", "fastlit"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            script = textwrap.dedent(source).replace("{st}", module)
            shown[module] = page(app_test_class(module).from_string(script).run())
    assert shown["fastlit"] == shown["streamlit"]


def test_a_dialog_opened_by_a_fragment_outlives_the_fragment_runs(server, connect):
    """Streamlit keeps a dialog's body (a fragment) until a full run: the fragment that
    opened it reruns on its timer without opening it again, and the dialog stays, its
    widgets still rerunning only its body."""
    source = """
    import time
    import fastlit as st
    ss = st.session_state

    @st.dialog("D")
    def d():
        ss.body = ss.get("body", 0) + 1
        st.markdown(f"body {ss.body}")
        st.button("InDialog")

    @st.fragment(run_every=0.05)
    def f():
        ss.frag = ss.get("frag", 0) + 1
        st.markdown(f"frag {ss.frag}")
        if st.button("Open"):
            d()

    f()
    """

    def frag() -> int:
        shown = texts(root(browser, "main"))
        return int(shown[0].split()[1]) if shown else 0

    def until(ready: Any) -> None:  # timer runs come and go meanwhile
        deadline = time.monotonic() + 5
        while not ready():
            assert time.monotonic() < deadline
            browser.until_idle()

    with server(source) as (client, _app), connect(client) as browser:
        browser.until_idle()
        until(lambda: frag() > 0)
        click(browser, "Open")
        until(lambda: texts(root(browser, "dialog_layer")) == ["body 1"])
        opened = frag()
        until(lambda: frag() >= opened + 2)  # the fragment runs on, never opening it again
        assert texts(root(browser, "dialog_layer")) == ["body 1"]
        click(browser, "InDialog")
        until(lambda: texts(root(browser, "dialog_layer")) != ["body 1"])
        assert texts(root(browser, "dialog_layer")) == ["body 2"]

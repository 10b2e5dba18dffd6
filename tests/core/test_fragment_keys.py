"""st.fragment(key=) and st.rerun(scope=<key> | [keys]): named fragments rerun from callbacks.

Keys, their errors and st.rerun's scope checks are compared with Streamlit 1.67's AppTest.
A keyed rerun from a callback is compared there by session state (Streamlit's AppTest
shows only what the fragment run drew; Fastlit's shows the whole page, as a browser does),
and on the in-process server by what reaches the browser.
"""

from __future__ import annotations

import textwrap
import warnings
from typing import Any

import pytest

from fastlit_core.tree import Node, walk
from tests.parity import app_test_class, page

from .test_fragment_nesting import click, texts
from .test_fragments import op_ids

# --- keys and st.rerun's checks, against Streamlit's AppTest --------------------------------

FULL_RUNS = {
    "a key used by two functions": """
        @st.fragment(key="a")
        def f():
            st.markdown("f")
        @st.fragment(key="a")
        def g():
            st.markdown("g")
        f()
        g()
        st.markdown("end")
    """,
    "one keyed function called twice": """
        @st.fragment(key="a")
        def f():
            st.markdown("f")
        f()
        f()
        st.markdown("end")
    """,
    "the reserved key app": """
        st.markdown("top")
        @st.fragment(key="app")
        def f():
            st.markdown("f")
        f()
    """,
    "the reserved key fragment": """
        st.fragment(key="fragment")
    """,
    "an int key beside the same widget key": """
        @st.fragment(key=1)
        def f():
            st.markdown("f")
        f()
        st.button("b", key="1")
        st.markdown("end")
    """,
    "a $$ID key": """
        @st.fragment(key="$$ID-abc")
        def f():
            st.markdown("f")
        f()
    """,
    "an empty key": """
        @st.fragment(key="")
        def f():
            st.markdown("f")
    """,
    "a key in st.rerun from the script": """
        @st.fragment(key="a")
        def f():
            st.markdown("f")
        f()
        st.rerun("a")
    """,
    "a key in st.rerun from a fragment": """
        @st.fragment(key="a")
        def f():
            st.markdown("f")
            st.rerun("a")
        f()
        st.markdown("end")
    """,
    "an unknown key from the script": """
        st.rerun("zzz")
    """,
    "an int scope from the script": """
        st.rerun(5)
    """,
    "an empty scope": """
        st.rerun("")
    """,
    "an empty list": """
        st.rerun([])
    """,
    "a reserved name in a list": """
        st.rerun(["a", "app"])
    """,
    "a float scope": """
        st.rerun(3.5)
    """,
    "a bytes scope": """
        st.rerun(b"x")
    """,
    "a float in a list": """
        st.rerun(["a", 2.5])
    """,
    "an empty string in a list": """
        st.rerun(["a", ""])
    """,
}


@pytest.mark.parametrize("source", FULL_RUNS.values(), ids=FULL_RUNS.keys())
def test_keys_and_rerun_scopes_as_streamlit(source: str) -> None:
    shown = {}
    for module in ("streamlit", "fastlit"):
        script = f"import {module} as st\n" + textwrap.dedent(source)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            shown[module] = page(app_test_class(module).from_string(script).run())
    assert shown["fastlit"] == shown["streamlit"]


# --- st.rerun(<key>) from callbacks, against Streamlit's AppTest -----------------------------

CALLBACKS = """
import {st} as st
ss = st.session_state
for k in ("full", "a", "b"):
    ss.setdefault(k, 0)
ss.full += 1
st.markdown(f"full={{ss.full}}")

def cb(scope):
    st.markdown("in cb")
    st.rerun(scope)
    st.markdown("after rerun")

def plain():
    ss.plain = ss.get("plain", 0) + 1

@st.fragment(key="A")
def a(n):
    ss.a += 1
    st.markdown(f"a={{ss.a}} btn={{ss.get('btn')}}")
    st.button("inA", key=f"inA{{n}}", on_click=cb, args=("B",))
    st.button("inAself", key=f"inAself{{n}}", on_click=cb, args=("fragment",))

@st.fragment(key="B")
def b():
    ss.b += 1
    st.markdown(f"b={{ss.b}}")

a(1)
b()
a(2)
st.button("one", key="btn", on_click=cb, args=("A",))
st.button("both", on_click=cb, args=(["A", "B"],))
st.button("unknown", on_click=cb, args=("Z",))
st.button("frag", on_click=cb, args=("fragment",))
st.button("app", on_click=cb, args=("app",))
st.button("int", on_click=cb, args=(5,))
st.button("plain", on_click=plain)
st.slider("sl", 0, 10, key="sl", on_change=cb, args=("B",))
st.markdown("end")
"""


def interact(module: str, label: str, also: str | None) -> tuple[dict[str, int], Any]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        at = app_test_class(module).from_string(CALLBACKS.format(st=module)).run()
        next(b for b in at.button if b.label == label).click()
        if also == "slider":
            at.slider[0].set_value(5)
        elif also is not None:
            next(b for b in at.button if b.label == also).click()
        try:
            at.run()
            shown = ([m.value for m in at.markdown], [e.message for e in at.exception])
        except AttributeError:  # Streamlit's AppTest fails to parse some fragment runs' tree
            shown = None
    state = {k: at.session_state[k] for k in ("full", "a", "b", "plain") if k in at.session_state}
    return state, shown


CLICKS = {
    "a key: both places it was called": ("one", None),
    "a list of keys": ("both", None),
    "an unknown key": ("unknown", None),
    "an int key": ("int", None),
    'scope="fragment" in a full run': ("frag", None),
    'scope="fragment" in a fragment, in a full run': ("inAself", None),
    "another fragment's key, from a fragment": ("inA", None),
    "the app": ("app", None),
    "a callback that returns": ("plain", None),
    "two keys from two callbacks": ("one", "slider"),
    "a key, beside a callback that returns": ("one", "plain"),
}


@pytest.mark.parametrize(("label", "also"), CLICKS.values(), ids=CLICKS.keys())
def test_keyed_reruns_from_callbacks_as_streamlit(label: str, also: str | None) -> None:
    theirs, their_page = interact("streamlit", label, also)
    ours, our_page = interact("fastlit", label, also)
    assert ours == theirs
    if their_page is None:
        return
    if their_page[1] or "full=" in their_page[0][0]:  # an error, or a full run: the page
        assert our_page == their_page
    else:  # a fragment run: Streamlit's AppTest shows only what it drew (and the callback's)
        assert our_page is not None
        drawn = [text for text in their_page[0] if text != "in cb"]
        assert drawn and set(drawn) <= set(our_page[0])


# --- in the browser (in-process server) ------------------------------------------------------

SERVED = """
import fastlit as st
ss = st.session_state
for k in ("full", "a", "b"):
    ss.setdefault(k, 0)
ss.full += 1
ss.log = []
st.markdown(f"full={ss.full}")

def rerun(scope):
    st.rerun(scope)

def note():
    ss.noted = ss.get("noted", 0) + 1

@st.fragment(key="A")
def a(n):
    ss.a += 1
    ss.log.append(f"a{n}")
    st.markdown(f"a{n}={ss.a} go={ss.get('go')}")
    if n == 1:
        st.button("InA", on_click=rerun, args=("B",))
        if st.button("Self", on_click=rerun, args=("fragment",)):
            st.markdown("self clicked")
        st.button("Plain", on_click=note)

@st.fragment(key="B")
def b():
    ss.b += 1
    ss.log.append("b")
    st.markdown(f"b={ss.b}")

a(1)
b()
a(2)
st.button("Go", key="go", on_click=rerun, args=("A",))
st.button("Both", on_click=rerun, args=(["B", "A"],))
st.slider("Slide", 0, 10, key="slide", on_change=note)
st.markdown(f"end full={ss.full}")
"""


def shown(browser: Any) -> str:
    """The page's markdown and exceptions, in order."""
    return " | ".join(texts(browser.tree))


def blocks(tree: Node | None) -> dict[str, Node]:
    """The fragments' blocks on the page, by the first markdown they hold."""
    assert tree is not None
    found = {}
    for node, _ in walk(tree):
        if node.type == "flex_container" and node.children:
            first = node.children[0]
            if first.type == "markdown":
                found[str(first.props["body"]).split("=")[0]] = node
    return found


def values(browser: Any, **labels: Any) -> dict[str, Any]:
    ids = {n.props["label"]: n.id for n in browser.find("button") + browser.find("slider")}
    return {ids[label]: value for label, value in labels.items()}


def test_a_keyed_rerun_from_a_callback_reruns_only_that_fragment(server, connect):
    with server(SERVED) as (client, app), connect(client) as browser:
        browser.until_idle()
        start = ["full=1", "a1=1 go=None", "b=1", "a2=2 go=None", "end full=1"]
        assert texts(browser.tree) == start
        inside = {n.id for key in ("a1", "a2") for n, _ in walk(blocks(browser.tree)[key])}
        outside = {n.id for n, _ in walk(browser.tree)} - inside

        browser.send({"t": "widgets", "values": values(browser, Go=True)})
        frame = browser.until_idle()
        # Both places A was called ran again; the click still reads True there.
        assert shown(browser) == "full=1 | a1=3 go=True | b=1 | a2=4 go=True | end full=1"
        touched = op_ids(frame)
        assert touched and not touched & outside, "only A's blocks change on the wire"

        click(browser, "Both")  # in the order given: B, then A
        assert shown(browser) == "full=1 | a1=5 go=False | b=2 | a2=6 go=False | end full=1"
        session = next(iter(app.sessions.values()))
        assert session.state["log"] == ["a1", "b", "a2", "a1", "a2", "b", "a1", "a2"]


def test_a_callback_in_one_fragment_reruns_another(server, connect):
    with server(SERVED) as (client, _app), connect(client) as browser:
        browser.until_idle()
        click(browser, "InA")
        assert shown(browser) == "full=1 | a1=1 go=None | b=2 | a2=2 go=None | end full=1"


def test_scope_fragment_from_a_callback_reruns_the_widgets_fragment(server, connect):
    # The click makes a fragment run of A (its first place): the callback's rerun replaces
    # it with another one, where the click still counts (Streamlit replays it).
    with server(SERVED) as (client, _app), connect(client) as browser:
        browser.until_idle()
        click(browser, "Self")
        assert shown(browser) == (
            "full=1 | a1=3 go=False | self clicked | b=1 | a2=2 go=None | end full=1"
        )
        click(browser, "Go")
        assert texts(browser.tree)[1:4] == ["a1=4 go=True", "b=1", "a2=5 go=True"]


def test_a_callback_that_returns_beside_a_keyed_rerun_makes_a_full_run(server, connect):
    with server(SERVED) as (client, app), connect(client) as browser:
        browser.until_idle()
        browser.send({"t": "widgets", "values": values(browser, Go=True, Slide=[4])})
        browser.until_idle()
        assert shown(browser) == "full=2 | a1=3 go=True | b=2 | a2=4 go=True | end full=2"
        session = next(iter(app.sessions.values()))
        assert session.state["noted"] == 1


def test_in_a_fragment_run_a_keyed_rerun_wins_over_a_callback_that_returns(server, connect):
    # Streamlit's SessionState._call_callbacks: the interaction's own run is a fragment run
    # (A's), which the keyed request preempts: only B runs.
    with server(SERVED) as (client, app), connect(client) as browser:
        browser.until_idle()
        browser.send({"t": "widgets", "values": values(browser, InA=True, Plain=True)})
        browser.until_idle()
        assert shown(browser) == "full=1 | a1=1 go=None | b=2 | a2=2 go=None | end full=1"
        session = next(iter(app.sessions.values()))
        assert session.state["noted"] == 1


def test_an_unknown_key_from_a_callback_shows_streamlits_error(server, connect):
    source = """
    import fastlit as st
    st.markdown("top")
    st.button("Go", on_click=lambda: st.rerun("nope"))
    """
    with server(source) as (client, _app), connect(client) as browser:
        browser.until_idle()
        click(browser, "Go")
        assert shown(browser) == (
            "StreamlitAPIException: No fragment found for target 'nope'. Pass the same `key` "
            "you set on `@st.fragment(key=...)`, and make sure that fragment has rendered at "
            "least once."
        )


def test_fragment_keys_outside_a_run():
    import fastlit as st

    @st.fragment(key=3)
    def double(x: int) -> int:
        return 2 * x

    assert double(4) == 8
    with pytest.raises(Exception, match="reserved name"):
        st.fragment(key="app")

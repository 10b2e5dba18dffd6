"""st.fragment(parallel=True): full runs run them on worker threads, concurrently.

Full runs are compared with Streamlit 1.67's AppTest (which runs parallel fragments on its
own workers); concurrency, reruns, the time limit and fragment runs on the in-process server.
No timing is asserted: concurrency is proven by barriers that only concurrent fragments pass.
"""

from __future__ import annotations

import textwrap
import threading
import time
import warnings
from typing import Any

import pytest

from fastlit.testing.v1 import AppTest
from tests.parity import app_test_class, page

from .test_fragment_nesting import click, root, texts

FULL_RUNS = {
    "two fragments that only pass a barrier together": """
        import threading
        bar = threading.Barrier(2, timeout=10)
        st.markdown("top")
        @st.fragment(parallel=True)
        def a():
            st.markdown("a1")
            bar.wait()
            st.markdown("a2")
        @st.fragment(parallel=True)
        def b():
            st.markdown("b1")
            bar.wait()
            st.markdown("b2")
        a()
        b()
        st.markdown("end")
    """,
    "the first fragment finishes last": """
        import threading
        b_done = threading.Event()
        @st.fragment(parallel=True)
        def a():
            assert b_done.wait(10)
            st.markdown("a, after b")
        @st.fragment(parallel=True)
        def b():
            st.markdown("b")
            b_done.set()
        a()
        b()
        st.markdown("end")
    """,
    "an exception in a parallel fragment": """
        st.markdown("top")
        @st.fragment(parallel=True)
        def a():
            st.markdown("a1")
            raise ValueError("bad")
        a()
        st.markdown("end")
    """,
    "a dialog in a parallel fragment": """
        @st.dialog("D")
        def d():
            st.markdown("in d")
        @st.fragment(parallel=True)
        def a():
            st.markdown("a1")
            d()
        a()
        st.markdown("end")
    """,
    "writing to the sidebar and to a container outside": """
        box = st.container()
        @st.fragment(parallel=True)
        def a():
            st.markdown("a1")
            st.sidebar.markdown("side")
        a()
        @st.fragment(parallel=True)
        def b():
            box.markdown("box")
        b()
        st.markdown("end")
    """,
    "st.rerun() in a parallel fragment": """
        import threading
        ss = st.session_state
        ss.setdefault("n", 0)
        ss.n += 1
        st.markdown(f"n={ss.n}")
        done = threading.Event()
        @st.fragment(parallel=True)
        def a():
            st.markdown("a1")
            if ss.n < 3:
                try:
                    st.rerun()
                finally:
                    done.set()
            done.set()
        a()
        done.wait(10)
        st.markdown("end")
    """,
    'st.rerun(scope="fragment") in a parallel fragment': """
        @st.fragment(parallel=True)
        def a():
            st.markdown("a1")
            st.rerun(scope="fragment")
        a()
        st.markdown("end")
    """,
    "fragments nested in a parallel fragment": """
        @st.fragment
        def inner():
            st.markdown("inner")
        @st.fragment(parallel=True)
        def nested_parallel():
            st.markdown("nested parallel")
        @st.fragment(parallel=True)
        def a():
            st.markdown("a1")
            c = st.container()
            inner()
            nested_parallel()
            c.markdown("in c")
            st.markdown("a2")
        a()
        st.markdown("end")
    """,
    "a nested fragment writing to its parallel parent's container": """
        @st.fragment
        def inner(c):
            st.markdown("inner")
            c.markdown("inner in c")
        @st.fragment(parallel=True)
        def a():
            c = st.container()
            inner(c)
        a()
        st.markdown("end")
    """,
    "its return value": """
        @st.fragment(parallel=True)
        def a():
            return 5
        st.markdown(repr(a()))
    """,
    "widgets in parallel fragments": """
        import threading
        drawn = threading.Event()
        @st.fragment(parallel=True)
        def a():
            v = st.slider("s", 0, 10, 3, key="s")
            st.markdown(f"v={v}")
            st.button("b")
            drawn.set()
        a()
        drawn.wait(10)
        st.markdown(f"end {st.session_state.get('s')}")
    """,
    "the same key in two parallel fragments": """
        import threading
        first = threading.Event()
        @st.fragment(parallel=True)
        def a():
            st.button("x", key="k")
            first.set()
        @st.fragment(parallel=True)
        def b():
            assert first.wait(10)
            st.button("y", key="k")
        a()
        b()
        st.markdown("end")
    """,
    "parallel fragments in columns": """
        c1, c2 = st.columns(2)
        @st.fragment(parallel=True)
        def a(n):
            st.markdown(f"frag {n}")
        with c1:
            a(1)
        with c2:
            a(2)
        st.markdown("end")
    """,
    "the script ends before its parallel fragment": """
        import time
        @st.fragment(parallel=True)
        def a():
            time.sleep(0.2)
            st.markdown("a late")
        a()
        st.markdown("end")
    """,
    "an exception in the script stops its parallel fragments": """
        import threading
        started, never = threading.Event(), threading.Event()
        @st.fragment(parallel=True)
        def a():
            st.markdown("a1")
            started.set()
            never.wait(0.5)  # the script has raised by then: the next st.* call stops
            st.markdown("a2")
        a()
        started.wait(10)
        raise ValueError("main")
    """,
    "st.stop() in the script stops its parallel fragments": """
        import threading
        started, never = threading.Event(), threading.Event()
        @st.fragment(parallel=True)
        def a():
            st.markdown("a1")
            started.set()
            never.wait(0.5)
            st.markdown("a2")
        a()
        started.wait(10)
        st.stop()
    """,
}


@pytest.mark.parametrize("source", FULL_RUNS.values(), ids=FULL_RUNS.keys())
def test_full_runs_draw_parallel_fragments_as_streamlit(source: str) -> None:
    shown = {}
    for module in ("streamlit", "fastlit"):
        script = f"import {module} as st\n" + textwrap.dedent(source)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            shown[module] = page(app_test_class(module).from_string(script).run(timeout=20))
    assert shown["fastlit"] == shown["streamlit"]
    assert ("exception", ("BrokenBarrierError", "")) not in [row[1:] for row in shown["fastlit"]]


def test_st_stop_in_a_parallel_fragment_ends_it_and_stops_the_script():
    # Streamlit 1.67 lets the fragment run on after st.stop() (with a stray empty element,
    # its yield point drawn from the worker): Fastlit stops it there, as everywhere else.
    at = AppTest.from_string(
        """
        import threading
        import fastlit as st
        stopped = threading.Event()
        @st.fragment(parallel=True)
        def a():
            st.markdown("a1")
            try:
                st.stop()
            finally:
                stopped.set()
            st.markdown("after stop")
        a()
        stopped.wait(10)
        st.markdown("end")
        """
    ).run()
    assert [m.value for m in at.markdown] == ["a1"]


# --- on the in-process server ----------------------------------------------------------------

BARRIER = """
import threading
import fastlit as st
ss = st.session_state
ss.setdefault("bar", threading.Barrier(2, timeout=10))  # one barrier per session
ss.threads = ss.get("threads", {})

def part(name):
    st.markdown(f"{name} start")
    ss.threads[name] = threading.current_thread().name
    ss.bar.wait()  # passes only when both fragments wait at once
    st.markdown(f"{name} passed")

@st.fragment(parallel=True)
def a():
    part("a")

@st.fragment(parallel=True)
def b():
    part("b")

st.markdown("top")
a()
b()
st.markdown("bottom")
"""


def test_parallel_fragments_overlap_and_land_in_call_order(server, connect):
    with server(BARRIER) as (client, app), connect(client) as browser:
        browser.until_idle()
        assert texts(root(browser, "main")) == [
            "top",
            "a start",
            "a passed",
            "b start",
            "b passed",
            "bottom",
        ]
        session = next(iter(app.sessions.values()))
        workers = session.state["threads"]
        assert workers["a"] != workers["b"]
        assert all(name.startswith("fastlit-parallel-fragments-") for name in workers.values())


def test_parallel_fragments_wait_for_a_free_worker(server, connect):
    source = """
    import threading
    import time
    import fastlit as st
    ss = st.session_state
    ss.mutex, ss.active, ss.peak = threading.Lock(), 0, 0

    @st.fragment(parallel=True)
    def part(n):
        with ss.mutex:
            ss.active += 1
            ss.peak = max(ss.peak, ss.active)
        time.sleep(0.02)  # long enough for another worker to overlap, were there one
        st.markdown(f"part {n}")
        if n == 0:
            part(9)  # nested: queued behind the others
        with ss.mutex:
            ss.active -= 1

    for n in range(3):
        part(n)
    """
    with (
        server(source, parallel_max_workers=1) as (client, app),
        connect(client) as browser,
    ):
        browser.until_idle()
        assert texts(root(browser, "main")) == ["part 0", "part 9", "part 1", "part 2"]
        session = next(iter(app.sessions.values()))
        assert session.state["peak"] == 1


def test_fragment_runs_of_a_parallel_fragment_are_sequential(server, connect):
    source = """
    import threading
    import fastlit as st
    ss = st.session_state
    ss.threads = ss.get("threads", [])

    @st.fragment(parallel=True)
    def a():
        ss.threads.append(threading.current_thread().name)
        if st.button("Go"):
            st.sidebar.markdown("side")  # no place was reserved for it in the full run

    a()
    """
    with server(source) as (client, app), connect(client) as browser:
        browser.until_idle()
        click(browser, "Go")  # a fragment run: on the script's own thread
        session = next(iter(app.sessions.values()))
        worker, script = session.state["threads"]
        assert worker.startswith("fastlit-parallel-fragments-")
        assert script.startswith("fastlit-run-")
        assert texts(root(browser, "main"))[0].startswith(
            "StreamlitInvalidLayoutContextError: A fragment tried to write to a container "
            "created outside it, but the fragment did not write to that container during the "
            "last full app run"
        )


def test_a_rerun_stops_parallel_fragments_at_their_next_call(server, connect):
    source = """
    import time
    import fastlit as st
    ss = st.session_state
    ss.runs = ss.get("runs", 0) + 1
    st.markdown(f"run {ss.runs}")

    @st.fragment(parallel=True)
    def ticker():
        place = st.empty()
        n = 0
        while ss.runs == 1:  # the first run's fragment never ends on its own
            n += 1
            place.markdown(f"tick {n}")
            time.sleep(0.01)
        st.markdown("done")

    ticker()
    st.button("Rerun")
    """
    with server(source) as (client, app), connect(client) as browser:
        while not any(n.props["label"] == "Rerun" for n in _find(browser, "button")):
            browser.receive()  # patches stream while the first run waits for its fragment
        button = next(n.id for n in browser.find("button") if n.props["label"] == "Rerun")
        browser.send({"t": "widgets", "values": {button: True}})
        browser.until_idle()
        assert texts(root(browser, "main")) == ["run 2", "done"]
        assert _no_fragment_threads()


def test_the_time_limit_stops_a_parallel_fragment_that_calls_nothing(server, connect):
    source = """
    import fastlit as st
    ss = st.session_state
    ss.runs = ss.get("runs", 0) + 1
    st.markdown(f"run {ss.runs}")

    @st.fragment(parallel=True)
    def spin():
        st.markdown("spinning")
        runs = ss.runs
        while runs == 1:  # pure Python: only the watchdog stops it
            pass

    spin()
    st.button("Again")
    """
    with (
        server(source, run_timeout_seconds=0.5) as (client, _app),
        connect(client) as browser,
    ):
        browser.until_idle()
        assert texts(root(browser, "main"))[-1] == (
            "TimeoutError: The script run exceeded its time limit and was stopped."
        )
        click(browser, "Again")  # the session keeps working
        assert texts(root(browser, "main")) == ["run 2", "spinning"]
        assert _no_fragment_threads()


def test_apptest_timeout_stops_parallel_fragments():
    at = AppTest.from_string(
        """
        import fastlit as st
        @st.fragment(parallel=True)
        def spin():
            st.markdown("spinning")
            while True:
                pass
        spin()
        """
    )
    with pytest.raises(RuntimeError, match="timed out"):
        at.run(timeout=0.5)
    assert _no_fragment_threads()


def test_dialog_is_allowed_in_a_parallel_fragments_fragment_run(server, connect):
    source = """
    import fastlit as st

    @st.dialog("D")
    def d():
        st.markdown("in dialog")

    @st.fragment(parallel=True)
    def a():
        if st.button("Open"):
            d()

    a()
    """
    with server(source) as (client, _app), connect(client) as browser:
        browser.until_idle()
        click(browser, "Open")
        assert texts(root(browser, "dialog_layer")) == ["in dialog"]


def test_switch_page_in_a_parallel_fragment_raises_streamlits_error():
    at = AppTest.from_string(
        """
        import fastlit as st
        @st.fragment(parallel=True)
        def a():
            if not st.session_state.get("switched"):
                st.session_state.switched = True
                st.switch_page("app.py")
        a()
        st.markdown("end")
        """
    ).run()
    assert at.exception
    assert at.exception[0].message.startswith(
        "`st.switch_page` cannot be called from a parallel fragment during the initial page load"
    )


def _find(browser: Any, type: str) -> list[Any]:
    return browser.find(type) if browser.tree is not None else []


def _no_fragment_threads() -> bool:
    """Every parallel fragment's worker has ended (they end with their run)."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        alive = [t for t in threading.enumerate() if "-parallel-fragments-" in t.name]
        if not alive:
            return True
        time.sleep(0.02)
    return False

"""st.on_startup / st.on_shutdown (once per server process) and st.run_in_thread /
st.run_with_session_context (threads whose st.* calls reach the session's page)."""

from __future__ import annotations

import asyncio
import sys
import threading
import time
import types
from collections.abc import Callable, Iterator

import pytest

import fastlit as st
from fastlit.testing.v1 import AppTest

SHARED = "fastlit_test_shared"  # a module the scripts import: a call log and a gate


@pytest.fixture
def shared() -> Iterator[types.ModuleType]:
    module = types.ModuleType(SHARED)
    module.calls = []  # type: ignore[attr-defined]
    module.gate = threading.Event()  # type: ignore[attr-defined]
    sys.modules[SHARED] = module
    yield module
    module.gate.set()  # type: ignore[attr-defined]
    sys.modules.pop(SHARED, None)


def eventually(check: Callable[[], object], timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "it did not happen in time"
        time.sleep(0.02)


def until_text(browser, text: str) -> None:
    """Receive frames until the page shows `text`."""
    while text not in browser.texts():
        browser.receive()


# --- lifecycle hooks -------------------------------------------------------------------------


def test_hooks_registered_before_the_server_run_once_per_process(server):
    calls: list[str] = []

    @st.on_startup
    def sync_startup() -> None:
        calls.append("sync startup")

    @st.on_startup
    async def async_startup() -> None:
        await asyncio.sleep(0)
        calls.append("async startup")

    @st.on_shutdown
    def sync_shutdown() -> None:
        calls.append("sync shutdown")

    @st.on_shutdown
    async def async_shutdown() -> None:
        await asyncio.sleep(0)
        calls.append("async shutdown")

    assert calls == []  # no server yet: they wait for its lifespan
    assert sync_startup.__name__ == "sync_startup"  # the decorator returns the function
    with server("import fastlit as st\n") as (client, app):
        assert calls == ["sync startup", "async startup"]
        assert client.get("/_fl/health").status_code == 200
    assert calls == ["sync startup", "async startup", "sync shutdown", "async shutdown"]
    with server("import fastlit as st\n") as (client, app):
        client.get("/_fl/health")
    assert len(calls) == 4  # once per process, not once per server


def test_hooks_registered_by_the_script_run_once(server, connect, shared):
    source = f"""
        import asyncio, threading
        import fastlit as st
        from {SHARED} import calls

        @st.on_startup
        def open_pool():
            calls.append(("startup", threading.current_thread().name))

        @st.on_startup
        async def warm_up():
            await asyncio.sleep(0)
            calls.append(("async startup", threading.current_thread().name))

        @st.on_shutdown
        async def close_pool():
            calls.append(("shutdown", None))

        st.button("Again")
        st.markdown(f"startups={{len([c for c in calls if 'startup' in c[0]])}}")
    """
    with server(source) as (client, app):
        with connect(client) as first, connect(client) as second:
            first.until_idle()
            second.until_idle()
            # the script's first run ran them before going on: its page already counts them
            assert "startups=2" in first.texts() and "startups=2" in second.texts()
            again = first.find("button")[0].id
            first.send({"t": "widgets", "values": {again: True}})
            first.until_idle()
            assert "startups=2" in first.texts()
        kinds = [kind for kind, _ in shared.calls]
        assert kinds == ["startup", "async startup"]
        # a sync hook runs in the script's thread; an async one on the server's event loop
        threads = dict(shared.calls)
        assert threads["startup"].startswith("fastlit-run")
        assert not threads["async startup"].startswith("fastlit-run")
    assert [kind for kind, _ in shared.calls] == ["startup", "async startup", "shutdown"]


def test_a_failing_startup_hook_shows_in_the_page_and_runs_again(server, connect, shared):
    source = f"""
        import fastlit as st
        from {SHARED} import calls

        st.button("Retry")

        @st.on_startup
        def flaky():
            calls.append("try")
            if len(calls) == 1:
                raise RuntimeError("database is down")

        st.markdown("started")
    """
    with server(source) as (client, app), connect(client) as browser:
        browser.until_idle()
        assert [n.props["message"] for n in browser.find("exception")] == ["database is down"]
        browser.send({"t": "widgets", "values": {browser.find("button")[0].id: True}})
        browser.until_idle()
        assert browser.find("exception") == [] and "started" in browser.texts()
        browser.send({"t": "widgets", "values": {browser.find("button")[0].id: True}})
        browser.until_idle()
    assert shared.calls == ["try", "try"]


def test_apptest_runs_startup_hooks_when_registered(shared):
    at = AppTest.from_string(f"""
        import fastlit as st
        from {SHARED} import calls

        @st.on_startup
        def setup():
            calls.append("startup")

        st.markdown(str(len(calls)))
    """).run()
    assert at.markdown[0].value == "1"
    assert at.run().markdown[0].value == "1"


# --- threads ---------------------------------------------------------------------------------


def test_thread_joined_by_the_script_draws_where_the_script_is(app_test):
    at = app_test("""
        import threading
        import fastlit as st

        def work(label):
            st.markdown(f"from {label}")
            st.session_state.done = threading.current_thread().name

        st.markdown("before")
        t = st.run_in_thread(work, "thread")
        assert not t.is_alive() and t.daemon
        t.start()
        t.join()
        st.markdown("after")
        st.markdown(st.session_state.done.startswith("fastlit-session-thread"))
    """)
    assert [m.value for m in at.markdown] == ["before", "from thread", "after", "True"]


def test_run_with_session_context_returns_the_result(app_test):
    at = app_test("""
        import fastlit as st

        def work(a, b=0):
            st.markdown(f"sum={a + b}")
            return a + b

        st.markdown(f"result={st.run_with_session_context(work, 2, b=3)}")
    """)
    assert [m.value for m in at.markdown] == ["sum=5", "result=5"]


def test_run_in_thread_needs_a_session():
    from fastlit_core.context import NoRunContext

    with pytest.raises(NoRunContext):
        st.run_in_thread(print)


def test_thread_output_after_the_run_reaches_the_page(server, connect, shared):
    source = f"""
        import fastlit as st
        from {SHARED} import gate

        def late():
            gate.wait()
            st.markdown("late")
            with st.container():
                st.markdown("nested")
            st.session_state.finished = True

        st.markdown("script")
        if "finished" not in st.session_state:
            st.run_in_thread(late).start()
        st.markdown("end")
    """
    with server(source) as (client, app), connect(client) as browser:
        browser.until_idle()
        assert browser.texts() == ["script", "end"]
        shared.gate.set()
        until_text(browser, "nested")
        # appended to main after the run's own elements, the `with` block nested inside it
        assert browser.texts() == ["script", "end", "late", "nested"]
        session = next(iter(app.sessions.values()))
        eventually(lambda: session.threads == 0)
        assert session.state["finished"] is True
        assert browser.tree == session.client_tree


def test_thread_keeps_the_cursor_and_its_with_blocks_are_its_own(app_test):
    at = app_test("""
        import threading
        import fastlit as st

        started, go = threading.Event(), threading.Event()

        def work():
            with st.container():  # pushed on the thread's own stack
                started.set()
                go.wait()
                st.markdown("in thread container")

        with st.container():
            st.markdown("in script container")
            t = st.run_in_thread(work)
        t.start()
        started.wait()
        st.markdown("script, main")  # the thread's open `with` does not move this
        go.set()
        t.join()
    """)
    # main: [the script's container: [markdown, the thread's container: [markdown]], markdown]
    outer, last = at.main.children.values()
    assert last.value == "script, main"
    assert [m.value for m in outer.markdown] == ["in script container", "in thread container"]
    assert [m.value for m in outer.children[1].markdown] == ["in thread container"]


def test_rerun_from_a_thread_reruns_the_session(server, connect, shared):
    source = f"""
        import fastlit as st
        from {SHARED} import gate

        def fetch():
            gate.wait()
            st.session_state.result = 42
            st.rerun()

        if "result" in st.session_state:
            st.markdown(f"result={{st.session_state.result}}")
        else:
            st.markdown("loading")
            st.run_in_thread(fetch).start()
    """
    with server(source) as (client, app), connect(client) as browser:
        browser.until_idle()
        assert browser.texts() == ["loading"]
        shared.gate.set()
        until_text(browser, "result=42")
        assert browser.texts() == ["result=42"]


def test_thread_writing_during_reruns_keeps_the_page_consistent(server, connect, shared):
    # A thread appends while the browser reruns the session: patches stay in sequence (the
    # test client asserts it) and the page ends as the server's copy of it.
    source = f"""
        import time
        import fastlit as st
        from {SHARED} import gate

        def chatter():
            for i in range(200):
                st.markdown(f"tick {{i}}")
                time.sleep(0.001)
            gate.set()

        if "started" not in st.session_state:
            st.session_state.started = True
            st.run_in_thread(chatter).start()
        st.button("Rerun")
        st.markdown("page")
    """
    with server(source) as (client, app), connect(client) as browser:
        browser.until_idle()
        rerun = browser.find("button")[0].id
        while not shared.gate.is_set():
            browser.send({"t": "widgets", "values": {rerun: True}})
            browser.until_idle()
        browser.send({"t": "widgets", "values": {rerun: True}})
        browser.until_idle()
        session = next(iter(app.sessions.values()))
        eventually(lambda: session.threads == 0)
        assert browser.tree == session.client_tree
        assert browser.texts()[-1] == "page"

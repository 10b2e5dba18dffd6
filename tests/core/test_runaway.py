"""Runaway scripts: the run time limit interrupts pure-Python loops, stuck runs never keep
other sessions from their first render, and /_fl/health reports them."""

from __future__ import annotations

import sys
import threading
import time
import types
from collections.abc import Callable, Iterator

import pytest

from fastlit.testing.v1 import AppTest

GATE = "fastlit_test_gate"  # a module the scripts import: an Event the test opens


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    event = threading.Event()
    module = types.ModuleType(GATE)
    module.event = event  # type: ignore[attr-defined]
    sys.modules[GATE] = module
    yield event
    event.set()  # never leave a run spinning behind the test
    sys.modules.pop(GATE, None)


def eventually(check: Callable[[], object], timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "it did not happen in time"
        time.sleep(0.02)


def button(browser, label: str) -> str:
    return next(node.id for node in browser.find("button") if node.props["label"] == label)


def exceptions(browser) -> list[str]:
    return [f"{n.props['exc_type']}: {n.props['message']}" for n in browser.find("exception")]


def test_pure_python_loop_is_stopped_by_the_time_limit(server, connect):
    source = """
        import fastlit as st
        spin = st.button("Spin")
        st.button("Again")
        if spin:
            while True:
                pass
        st.markdown("alive")
    """
    with server(source, run_timeout_seconds=0.5) as (client, app), connect(client) as browser:
        browser.until_idle()
        assert "alive" in browser.texts()
        browser.send({"t": "widgets", "values": {button(browser, "Spin"): True}})
        browser.until_idle()
        assert exceptions(browser) == [
            "TimeoutError: The script run exceeded its time limit and was stopped."
        ]
        assert "alive" not in browser.texts()
        assert app.pool.interrupts >= 1
        # the session keeps working, and the interrupted thread serves runs again
        browser.send({"t": "widgets", "values": {button(browser, "Again"): True}})
        browser.until_idle()
        assert exceptions(browser) == [] and "alive" in browser.texts()
        assert client.get("/_fl/health").json()["runs"]["stuck"] == 0
        eventually(lambda: client.get("/_fl/health").json()["runs"]["active"] == 0)


def test_whole_script_loop_times_out_on_every_run(server, connect):
    with server("while True:\n    pass\n", run_timeout_seconds=0.5) as (client, app):
        with connect(client) as browser:
            browser.until_idle()
            assert [n.props["exc_type"] for n in browser.find("exception")] == ["TimeoutError"]


def test_a_stuck_session_does_not_block_another_sessions_first_render(server, connect, gate):
    # No time limit, one regular slot: session A spins in pure Python until the test opens
    # the gate. Session B still gets its page; its later runs wait for a free slot.
    source = f"""
        import fastlit as st
        from {GATE} import event
        if st.button("Block"):
            while not event.is_set():
                pass
        if st.button("Tick"):
            st.markdown("ticked")
        st.markdown("ready")
    """
    with server(source, max_concurrent_runs=1) as (client, app):
        with connect(client) as a, connect(client) as b:
            a.until_idle()
            a.send({"t": "widgets", "values": {button(a, "Block"): True}})
            eventually(lambda: client.get("/_fl/health").json()["runs"]["active"] == 1)

            b.until_idle()  # B's first render ran beside the stuck run
            assert "ready" in b.texts()
            b.send({"t": "widgets", "values": {button(b, "Tick"): True}})
            eventually(lambda: client.get("/_fl/health").json()["runs"]["queued"] == 1)
            runs = client.get("/_fl/health").json()["runs"]
            assert runs["active"] == 1 and runs["capacity"] == 1 and runs["stuck"] == 0

            gate.set()  # A finishes; B's queued run gets the slot
            a.until_idle()
            b.until_idle()
            assert "ticked" in b.texts()


def test_stuck_runs_are_reported_and_grow_the_capacity(server, connect, gate):
    # A run blocked in C (an Event wait) cannot take the interrupt until it returns: it is
    # stuck, reported on /_fl/health, and the pool runs other sessions beside it.
    source = f"""
        import fastlit as st
        from {GATE} import event
        if st.button("Block"):
            event.wait()
        if st.button("Tick"):
            st.markdown("ticked")
        st.markdown("ready")
    """
    with server(source, max_concurrent_runs=1, run_timeout_seconds=0.3) as (client, app):
        with connect(client) as a, connect(client) as b:
            a.until_idle()
            b.until_idle()
            a.send({"t": "widgets", "values": {button(a, "Block"): True}})
            eventually(lambda: client.get("/_fl/health").json()["runs"]["stuck"] == 1)
            runs = client.get("/_fl/health").json()["runs"]
            assert runs["active"] == 1 and runs["capacity"] == 2 and runs["limit"] >= 2

            # with the stuck run's slot given back, B's (not first) run is not queued
            b.send({"t": "widgets", "values": {button(b, "Tick"): True}})
            b.until_idle()
            assert "ticked" in b.texts()

            gate.set()  # the wait returns and the pending interrupt stops the run
            a.until_idle()
            assert [n.props["exc_type"] for n in a.find("exception")] == ["TimeoutError"]
            eventually(lambda: client.get("/_fl/health").json()["runs"]["stuck"] == 0)
            assert client.get("/_fl/health").json()["runs"]["capacity"] == 1


def test_the_hard_cap_bounds_first_renders(server, connect, gate):
    source = f"""
        import fastlit as st
        from {GATE} import event
        while not event.is_set():
            pass
        st.markdown("ready")
    """
    with server(source, max_concurrent_runs=1, max_run_threads=2) as (client, app):
        with connect(client) as a, connect(client) as b, connect(client) as c:
            eventually(lambda: client.get("/_fl/health").json()["runs"]["queued"] == 1)
            runs = client.get("/_fl/health").json()["runs"]
            assert runs["active"] == 2 and runs["limit"] == 2
            gate.set()
            for browser in (a, b, c):
                browser.until_idle()
                assert browser.texts() == ["ready"]


def test_apptest_timeout_stops_a_pure_python_loop():
    at = AppTest.from_string("import fastlit as st\nwhile True:\n    pass\n")
    with pytest.raises(RuntimeError, match="timed out"):
        at.run(timeout=0.3)
    assert at._session.wait_idle(5)  # the thread was interrupted, not left spinning


def test_an_import_in_progress_is_not_interrupted(server, connect, gate, tmp_path):
    # importlib's module locks are not exception safe: the watchdog waits for the import to
    # finish, then stops the loop after it; the module imports fine afterwards.
    (tmp_path / "fastlit_test_slow_import.py").write_text(
        f"from {GATE} import event\nevent.wait()\n"
    )
    source = f"""
        import fastlit as st
        import fastlit_test_slow_import
        from {GATE} import event
        if not hasattr(event, "looped"):  # the first run only
            event.looped = True
            while True:
                pass
        st.markdown("imported")
    """
    try:
        with server(source, run_timeout_seconds=0.3) as (client, app):
            with connect(client) as first:
                eventually(lambda: client.get("/_fl/health").json()["runs"]["stuck"] == 1)
                time.sleep(0.2)  # past the deadline, the watchdog keeps postponing
                assert app.pool.interrupts == 0
                gate.set()
                first.until_idle()
                assert [n.props["exc_type"] for n in first.find("exception")] == ["TimeoutError"]
                assert app.pool.interrupts >= 1
            with connect(client) as second:  # the module's import lock was released
                eventually(lambda: all(s.last_run for s in app.sessions.values()))
                second.until_idle()
                assert second.texts() == ["imported"]
    finally:
        sys.modules.pop("fastlit_test_slow_import", None)

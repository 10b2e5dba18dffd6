"""The server end to end in-process: hello, patches, bad input, reconnect, streaming."""

from __future__ import annotations

import time

from fastlit_core.tree import Node

COUNTER = """
import fastlit as st
if "n" not in st.session_state:
    st.session_state.n = 0
if st.button("Add", key="add"):
    st.session_state.n += 1
st.markdown(f"count={st.session_state.n}")
"""


def button_id(browser) -> str:
    return browser.find("button")[0].id


def test_first_run_streams_the_page(server, connect):
    with server(COUNTER) as (client, app), connect(client) as browser:
        assert browser.receive()["t"] == "welcome"
        browser.until_idle()
        assert browser.texts() == ["Add", "count=0"]


def test_click_patches_only_what_changed(server, connect):
    with server(COUNTER) as (client, app), connect(client) as browser:
        browser.until_idle()
        browser.send({"t": "widgets", "values": {button_id(browser): True}})
        patch = browser.until_idle()
        assert browser.texts() == ["Add", "count=1"]
        assert [op["op"] for op in patch["ops"]] == ["set"]
        assert patch["ops"][0]["props"] == {"body": "count=1"}


def test_malformed_messages_get_protocol_errors_and_session_survives(server, connect):
    with server(COUNTER, max_message_bytes=2048) as (client, app), connect(client) as browser:
        browser.until_idle()
        wid = button_id(browser)
        browser.ws.send_text("{not json")
        assert "malformed" in browser.until_error()
        browser.send({"t": "no-such-message"})
        assert "malformed" in browser.until_error()
        browser.send({"t": "widgets", "values": {"nope": True}})
        assert "unknown widget" in browser.until_error()
        browser.send({"t": "widgets", "values": {wid: "not a bool"}})
        assert "bad value" in browser.until_error()
        browser.ws.send_text("x" * 5000)
        assert "exceeds the limit" in browser.until_error()
        browser.ws.send_bytes(b"\xff\xfe")
        assert "malformed" in browser.until_error()
        # the session still works
        browser.send({"t": "widgets", "values": {wid: True}})
        browser.until_idle()
        assert "count=1" in browser.texts()


def test_reconnect_resumes_session_state(server, connect):
    with server(COUNTER) as (client, app):
        with connect(client) as first:
            first.until_idle()
            first.send({"t": "widgets", "values": {button_id(first): True}})
            first.until_idle()
            session = first.session
        with connect(client, session=session) as second:
            welcome = second.receive()
            assert welcome["resumed"] is True and welcome["session"] == session
            assert second.receive()["t"] == "tree"
            assert "count=1" in second.texts()
            second.send({"t": "widgets", "values": {button_id(second): True}})
            second.until_idle()
            assert "count=2" in second.texts()


def test_expired_session_id_starts_fresh(server, connect):
    with server(COUNTER) as (client, app), connect(client, session="unknown") as browser:
        welcome = browser.receive()
        assert welcome.get("resumed", False) is False and welcome["session"] != "unknown"
        browser.until_idle()
        assert "count=0" in browser.texts()


def test_resync_request_sends_the_whole_tree(server, connect):
    with server(COUNTER) as (client, app), connect(client) as browser:
        browser.until_idle()
        browser.send({"t": "resync", "last_seq": 0})
        while (message := browser.receive())["t"] != "tree":
            pass
        assert message["seq"] == browser.seq and "count=0" in browser.texts()


def test_two_sockets_are_independent_sessions(server, connect):
    with server(COUNTER) as (client, app):
        with connect(client) as a, connect(client) as b:
            a.until_idle()
            b.until_idle()
            a.send({"t": "widgets", "values": {button_id(a): True}})
            a.until_idle()
            assert "count=1" in a.texts()
            b.send({"t": "resync", "last_seq": 0})
            while b.receive()["t"] != "tree":
                pass
            assert "count=0" in b.texts()
            assert a.session != b.session


def test_slow_script_shows_first_elements_before_it_ends(server, connect):
    source = """
    import time, fastlit as st
    st.markdown("first")
    time.sleep(0.6)
    st.markdown("second")
    """
    with server(source, flush_interval_seconds=0.05) as (client, app), connect(client) as browser:
        browser.receive()  # welcome
        browser.receive()  # empty tree
        started = time.monotonic()
        message = browser.receive()
        assert message["t"] == "patch" and message["running"] is True
        assert time.monotonic() - started < 0.5
        assert browser.texts() == ["first"]
        browser.until_idle()
        assert browser.texts() == ["first", "second"]


def test_exception_keeps_tree_consistent_and_hides_paths(server, connect):
    source = """
    import fastlit as st
    st.markdown("before")
    if st.session_state.get("fail", True):
        st.session_state.fail = False
        open("/definitely/not/here/secret.txt")
    st.button("again")
    """
    with server(source) as (client, app), connect(client) as browser:
        browser.until_idle()
        texts = browser.texts()
        assert texts[0] == "before"
        frames = str(browser.frames)
        assert "/definitely/not/here" not in frames and "Traceback" not in frames
        assert "secret.txt" not in frames or "<path>" in frames
        # a good run afterwards: no duplicates, no leftover exception
        app.sessions[browser.session].request_rerun()
        browser.until_idle()
        assert browser.texts() == ["before", "again"]


def test_dev_mode_may_show_tracebacks(server, connect):
    source = """
    import fastlit as st
    raise RuntimeError("boom at /srv/app/x.py")
    """
    with server(source, dev=True) as (client, app), connect(client) as browser:
        browser.until_idle()
        assert "/srv/app/x.py" in str(browser.frames)


def test_page_and_hashed_assets(server):
    with server(COUNTER) as (client, app):
        page = client.get("/")
        assert page.status_code == 200 and 'type="importmap"' in page.text
        assert "/work/" not in page.text and str(app.script.path) not in page.text
        url = page.text.split('<script type="module" src="')[1].split('"')[0]
        asset = client.get(url)
        assert asset.status_code == 200
        assert "immutable" in asset.headers["cache-control"]
        assert "javascript" in asset.headers["content-type"]
        digest = url.split("/")[3]
        traversal = client.get(f"/_fl/static/{digest}/..%2F..%2F..%2Fpyproject.toml")
        assert traversal.status_code == 404
        assert client.get("/_fl/static/0000/shell/shell.js").status_code == 404
        assert client.get("/_fl/health").json()["status"] == "ok"


def test_one_run_at_a_time_per_session(server, connect):
    source = """
    import threading, time, fastlit as st
    active = st.session_state.setdefault("active", [0, 0])
    active[0] += 1
    try:  # a rerun interrupts the run at st.button: count it out either way
        active[1] = max(active[1], active[0])
        time.sleep(0.05)
        st.button("go")
    finally:
        active[0] -= 1
    st.markdown(f"max concurrent={active[1]}")
    """
    with server(source) as (client, app), connect(client) as browser:
        browser.until_idle()
        wid = browser.find("button")[0].id
        for _ in range(10):
            browser.send({"t": "widgets", "values": {wid: True}})
        session = app.sessions[browser.session]
        time.sleep(0.2)
        assert session.wait_idle(10)
        assert session.state["active"][1] == 1


def test_node_ids_are_short_and_opaque(server, connect):
    with server(COUNTER) as (client, app), connect(client) as browser:
        browser.until_idle()

        def ids(node: Node):
            yield node.id
            for c in node.children:
                yield from ids(c)

        for node_id in ids(browser.tree):
            assert len(node_id) <= 12 and "/" not in node_id and "add" != node_id


def test_value_reset_by_the_script_reaches_the_browser(server, connect):
    source = """
    import fastlit as st
    def clear():
        st.session_state.entry = ""
    st.text_input("Entry", key="entry", on_change=clear)
    """
    with server(source) as (client, app), connect(client) as browser:
        browser.until_idle()
        wid = browser.find("text_input")[0].id
        browser.send({"t": "widgets", "values": {wid: "hello"}})
        patch = browser.until_idle()
        # the browser shows "hello"; Python cleared it, so the clear must be sent
        assert {"op": "set", "id": wid, "props": {"value": ""}} in patch["ops"]


def test_a_converter_that_raises_anything_is_a_protocol_error(server, connect):
    source = """
    import fastlit as st
    st.slider("When", value=__import__("datetime").date(2024, 1, 1))
    st.button("ok")
    """
    with server(source) as (client, app), connect(client) as browser:
        browser.until_idle()
        wid = browser.find("slider")[0].id
        browser.send({"t": "widgets", "values": {wid: 10**30}})
        assert "bad value" in browser.until_error()
        browser.send({"t": "widgets", "values": {browser.find("button")[0].id: True}})
        browser.until_idle()


def test_write_stream_sends_appends_not_the_whole_text(server, connect):
    source = """
    import time, fastlit as st
    def words():
        for i in range(40):
            time.sleep(0.01)
            yield f"word{i} "
    st.write_stream(words())
    """
    with server(source, flush_interval_seconds=0.03) as (client, app), connect(client) as browser:
        browser.until_idle()
        text = " ".join(f"word{i}" for i in range(40)) + " "
        assert browser.texts() == [text]
        patches = [f for f in browser.frames if f["t"] == "patch"]
        ops = [op for f in patches for op in f["ops"]]
        appends = [op for op in ops if op["op"] == "append"]
        assert len(patches) > 2 and appends, "a slow stream should arrive in several appends"
        carried = sum(len(op.get("text", "")) for op in appends) + sum(
            len(op.get("props", {}).get("body", ""))
            + len(op.get("node", {}).get("props", {}).get("body", ""))
            for op in ops
            if op["op"] in ("set", "insert")
        )
        # Re-sending the text on every chunk would carry ~len(text)**2 / 2 characters.
        assert carried < 2 * len(text)

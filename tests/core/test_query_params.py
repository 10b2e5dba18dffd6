"""st.query_params: Streamlit's semantics, and the URL kept in sync both ways."""

from __future__ import annotations

import textwrap
import warnings

SCRIPT = """
import {module} as st
qp = st.query_params
st.write(repr(qp.get("x")), repr(qp.to_dict()), repr(qp.get_all("x")))
qp["a"] = 1
qp.b = [1, 2]
st.write(repr(qp["a"]), repr(qp.b), repr(qp.get_all("b")), repr(qp.to_dict()), len(qp), "a" in qp)
for attempt in (lambda: qp.missing, lambda: qp["missing"]):
    try:
        attempt()
    except Exception as e:
        st.write(type(e).__name__, str(e))
del qp["a"]
qp.from_dict({{"z": ["1", "2"], "y": 3}})
st.write(repr(qp.to_dict()), repr(qp.get_all("z")))
try:
    qp["embed"] = "true"
except Exception as e:
    st.write(type(e).__name__, str(e))
"""


def run(module: str) -> tuple[list[str], object]:
    if module == "streamlit":
        from streamlit.testing.v1 import AppTest
    else:
        from fastlit.testing.v1 import AppTest
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        at = AppTest.from_string(textwrap.dedent(SCRIPT.format(module=module)))
        at.query_params["x"] = ["p", "q"]
        at.run()
    return [str(m.value) for m in at.markdown], at.query_params


def test_same_as_streamlit():
    ours, params = run("fastlit")
    theirs, their_params = run("streamlit")
    assert ours == theirs
    assert ours[1].startswith("'1' '2'")  # B16: values are stored as strings
    assert params.to_dict() == {"z": "2", "y": "3"} and params.get_all("z") == ["1", "2"]


def test_hello_query_reaches_the_script_and_changes_ride_on_the_patch(server, connect):
    source = """
    import fastlit as st
    st.markdown(f"name={st.query_params.get('name')}")
    if st.button("rename"):
        st.query_params["name"] = "Grace"
    """
    with server(source) as (client, app), client.websocket_connect("/_fl/ws") as ws:
        from tests.core.conftest import Browser

        browser = Browser(ws)
        browser.send({"t": "hello", "protocol": 1, "query": "?name=Ada"})
        first = browser.until_idle()
        assert "name=Ada" in browser.texts()
        assert first.get("query") in (None, "name=Ada")
        browser.send({"t": "widgets", "values": {browser.find("button")[0].id: True}})
        patch = browser.until_idle()
        assert patch["query"] == "name=Grace"
        browser.send({"t": "location", "path": "/", "query": "?name=Back"})
        browser.until_idle()
        assert "name=Back" in browser.texts()


def test_context_headers_and_cookies_mappings():
    from fastlit_core.client_context import ClientContext, Cookies, Headers

    headers = Headers([("X-Thing", "a"), ("x-thing", "b"), ("Host", "h")])
    assert headers["x_thing"] == "a" and headers.get_all("X-THING") == ["a", "b"]
    assert headers.to_dict() == {"x-thing": "a", "host": "h"}
    assert Cookies("a=1; b=two").to_dict() == {"a": "1", "b": "two"}
    assert Cookies("%%%malformed").to_dict() == {}
    assert ClientContext(remote_ip="127.0.0.1").ip_address is None
    assert ClientContext(remote_ip="10.1.2.3").ip_address == "10.1.2.3"

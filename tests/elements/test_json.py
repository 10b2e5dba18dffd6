"""st.json: serialization of strings and objects, expanded, and the warning for bad keys."""

from __future__ import annotations

import json
import textwrap

import pytest

SOURCE = """
import fastlit as st
from collections import namedtuple, OrderedDict
st.json({"a": [1, 2, {"b": None}], "t": (1, 2), "s": "x"})
st.json('{"already": "json"}')
st.json([1, "two", 3.5, True])
Thing = type("Thing", (), {"__repr__": lambda self: "<Thing>"})
st.json({"set": {3}, "obj": Thing()})
Point = namedtuple("Point", "x y")
st.json(Point(1, 2))
st.json(OrderedDict(b=1, a=2), expanded=False)
st.json({"n": 1}, expanded=2, width=300)
st.json(range(3))
"""


def streamlit_run(source: str):
    testing = pytest.importorskip("streamlit.testing.v1")
    return testing.AppTest.from_string(
        textwrap.dedent(source).replace("import fastlit as st", "import streamlit as st")
    ).run()


def test_json_values(app_test):
    at = app_test(SOURCE)
    values = at.json.values
    assert json.loads(values[0]) == {"a": [1, 2, {"b": None}], "t": [1, 2], "s": "x"}
    assert values[1] == '{"already": "json"}'  # a string is taken as JSON text, unchanged
    assert json.loads(values[2]) == [1, "two", 3.5, True]
    assert json.loads(values[3]) == {"set": [3], "obj": "<Thing>"}  # safe fallbacks
    assert json.loads(values[4]) == {"x": 1, "y": 2}  # a namedtuple is an object
    assert json.loads(values[7]) == [0, 1, 2]


def test_json_expanded_props(app_test):
    at = app_test(SOURCE)
    assert "expanded" not in at.json[0].props and at.json[0].expanded is True
    assert at.json[5].props["expanded"] is False and at.json[5].expanded is False
    assert at.json[6].props == {"body": '{"n": 1}', "max_expand_depth": 2, "width": 300}


def test_json_matches_streamlit(app_test):
    assert app_test(SOURCE).json.values == streamlit_run(SOURCE).json.values


def test_json_nan_is_written_like_python(app_test):
    at = app_test("import fastlit as st\nst.json({'v': float('nan')})\n")
    assert at.json[0].value == '{"v": NaN}'  # the component parses NaN tolerantly


def test_json_unserializable_keys_warn_and_skip(app_test):
    at = app_test("import fastlit as st\nst.json({(1, 2): 'tuple key', 'ok': 1})\n")
    assert json.loads(at.json[0].value) == {"ok": 1}
    assert len(at.warning) == 1 and "not fully serializable" in at.warning[0].value


def test_json_rejects_bad_expanded(app_test):
    at = app_test("import fastlit as st\nst.json({}, expanded='yes')\n")
    assert len(at.json) == 0
    assert "expanded" in at.exception[0].message


def test_json_of_session_state(app_test):
    at = app_test("import fastlit as st\nst.session_state.k = 5\nst.json(st.session_state)\n")
    assert json.loads(at.json[0].value) == {"k": 5}

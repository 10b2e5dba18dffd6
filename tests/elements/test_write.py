"""st.write dispatch: each argument type goes to the element Streamlit 1.67 picks."""

from __future__ import annotations

import json
import textwrap

import pytest

SOURCE = """
import fastlit as st
import io
from collections import namedtuple
import numpy as np
import pandas as pd
st.write("Hello *world*")
st.write("a", "b", 3, "c")
st.write(3)
st.write(None)
st.write(True)
st.write(1.5)
st.write({"a": 1})
st.write([1, 2])
st.write(ValueError("boom"))
st.write(pd.DataFrame({"x": [1, 2]}))
st.write(pd.Series([1, 2]))
st.write(np.array([1, 2]))
st.write((1, 2))
st.write("line1\\nline2")
class Multi:
    def __str__(self):
        return "multi\\nline"
st.write(Multi())
st.write({1, 2})
st.write(b"bytes")
st.write("has `ticks`", 7)
st.write(KeyboardInterrupt("k"))
st.write(namedtuple("P", "x y")(1, 2))
st.write(io.StringIO("from *StringIO*"))
"""


def streamlit_run(source: str):
    testing = pytest.importorskip("streamlit.testing.v1")
    return testing.AppTest.from_string(
        textwrap.dedent(source).replace("import fastlit as st", "import streamlit as st")
    ).run()


def summary(elements) -> list[tuple[str, object]]:
    out = []
    for el in elements:
        value = el.value
        if el.type == "dataframe":
            value = value.to_dict("list")
        out.append((el.type, value))
    return out


def test_write_dispatch(app_test):
    at = app_test(SOURCE)
    assert summary(at.main)[:9] == [
        ("markdown", "Hello *world*"),
        ("markdown", "a b `3` c"),  # strings and scalars share one markdown
        ("markdown", "`3`"),
        ("markdown", "`None`"),
        ("markdown", "`True`"),
        ("markdown", "`1.5`"),
        ("json", '{"a": 1}'),
        ("json", "[1, 2]"),
        ("exception", "boom"),
    ]
    assert [el.type for el in at.main][9:12] == ["dataframe"] * 3
    assert summary(at.main)[12:] == [
        ("markdown", "`(1, 2)`"),
        ("markdown", "line1\nline2"),
        ("markdown", "```\nmulti\nline\n```"),
        ("markdown", "`{1, 2}`"),
        ("markdown", "`b'bytes'`"),
        ("markdown", "has `ticks` `7`"),
        ("markdown", "`k`"),  # not an Exception subclass: Streamlit shows its str()
        ("json", '{"x": 1, "y": 2}'),
        ("markdown", "from *StringIO*"),
    ]


def test_write_matches_streamlit(app_test):
    ours, theirs = app_test(SOURCE), streamlit_run(SOURCE)
    assert summary(ours.main) == summary(theirs.main.children.values())


def test_write_unsafe_allow_html_reaches_markdown(app_test):
    at = app_test("""
        import fastlit as st
        st.write("<b>x</b>", unsafe_allow_html=True)
        st.write("<b>y</b>", 1, unsafe_allow_html=True)
        st.write("<b>z</b>")
    """)
    assert [m.props.get("unsafe_allow_html", False) for m in at.markdown] == [True, True, False]


def test_write_help_types_show_help_named_as_in_the_call(app_test):
    at = app_test("""
        import fastlit as st
        import json
        def greet(name: str) -> str:
            return name
        class Box:
            pass
        st.write(greet)
        st.write(Box)
        st.write(json)
        st.write(Box())
    """)
    shown = [(c.type, c.props["name"]) for c in at.main.children.values()]
    # what Streamlit 1.67 shows for the same script
    assert shown == [("help_info", n) for n in ("greet", "Box", "json", "Box()")]


def test_write_streams_a_generator(app_test):
    at = app_test("""
        import fastlit as st
        st.write("before")
        st.write(str(x) for x in range(3))
    """)
    assert at.markdown.values == ["before", "012"]


def test_write_multiple_into_one_element_slot_raises(app_test):
    at = app_test("""
        import fastlit as st
        handle = st.text("placeholder")
        handle.write("a", {"b": 1})
    """)
    assert at.text.values == ["placeholder"]
    assert "Cannot replace a single element" in at.exception[0].message


def test_write_single_into_element_handle_replaces_it(app_test):
    at = app_test("""
        import fastlit as st
        handle = st.text("placeholder")
        st.text("after")
        handle.write({"b": 1})
    """)
    assert [el.type for el in at.main] == ["json", "text"]
    assert json.loads(at.json[0].value) == {"b": 1}


def test_write_returns_none(app_test):
    at = app_test("import fastlit as st\nst.text(repr(st.write('x')))\n")
    assert at.text.values == ["None"]


def test_write_session_state_is_json(app_test):
    at = app_test("import fastlit as st\nst.session_state.k = 1\nst.write(st.session_state)\n")
    assert [(el.type, el.value) for el in at.main] == [("json", '{"k": 1}')]

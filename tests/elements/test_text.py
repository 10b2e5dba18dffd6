"""st.text: value, props and validation, checked against Streamlit's AppTest."""

from __future__ import annotations

import textwrap

import pytest

SOURCE = """
import fastlit as st
st.text("  indented\\n    more  ")
st.text("**not markdown** <b>nor html</b>")
st.text(42, help="tip", width=300, text_alignment="center", wrap=False)
"""


def streamlit_run(source: str):
    testing = pytest.importorskip("streamlit.testing.v1")
    return testing.AppTest.from_string(
        textwrap.dedent(source).replace("import fastlit as st", "import streamlit as st")
    ).run()


def test_text_values_and_props(app_test):
    at = app_test(SOURCE)
    assert [t.type for t in at.text] == ["text"] * 3
    assert at.text[0].value == "indented\n  more"  # dedented and stripped, inner spaces kept
    assert at.text[0].props == {"body": "indented\n  more"}  # defaults omitted
    assert at.text[1].value == "**not markdown** <b>nor html</b>"
    assert at.text[2].props == {
        "body": "42",
        "help": "tip",
        "width": 300,
        "text_alignment": "center",
        "wrap": False,
    }


def test_text_matches_streamlit(app_test):
    assert app_test(SOURCE).text.values == streamlit_run(SOURCE).text.values


def test_text_rejects_non_bool_wrap(app_test):
    at = app_test("import fastlit as st\nst.text('x', wrap='yes')\n")
    assert len(at.text) == 0
    assert at.exception[0].props["exc_type"] == "StreamlitAPIException"
    assert "wrap" in at.exception[0].message


def test_text_handle_replaces_in_place(app_test):
    at = app_test("""
        import fastlit as st
        handle = st.text("first")
        st.text("after")
        handle.text("replaced")
    """)
    assert at.text.values == ["replaced", "after"]

"""st.code: body trimming, language, line numbers and layout props."""

from __future__ import annotations

import textwrap

import pytest

SOURCE = """
import fastlit as st
st.code("\\n\\ndef f():\\n    return 1\\n\\n")
st.code("SELECT 1", language="sql", line_numbers=True)
st.code("plain", language=None)
st.code(123, wrap_lines=True)
"""


def streamlit_run(source: str):
    testing = pytest.importorskip("streamlit.testing.v1")
    return testing.AppTest.from_string(
        textwrap.dedent(source).replace("import fastlit as st", "import streamlit as st")
    ).run()


def test_code_values(app_test):
    at = app_test(SOURCE)
    # One leading and one trailing newline go; the rest of the whitespace stays.
    assert at.code[0].value == "\ndef f():\n    return 1\n"
    assert at.code[0].language == "python"
    assert at.code[0].show_line_numbers is False
    assert at.code[1].language == "sql" and at.code[1].show_line_numbers is True
    assert at.code[2].language == "plaintext"
    assert at.code[3].value == "123" and at.code[3].wrap_lines is True


def test_code_props_omit_defaults(app_test):
    at = app_test(SOURCE + 'st.code("x", height=200, width="content")\nst.code("y", height=None)\n')
    assert at.code[0].props == {"body": "\ndef f():\n    return 1\n"}
    assert at.code[1].props == {"body": "SELECT 1", "language": "sql", "line_numbers": True}
    assert at.code[4].props == {"body": "x", "height": 200, "width": "content"}
    assert at.code[5].props == {"body": "y"}


def test_code_matches_streamlit(app_test):
    ours, theirs = app_test(SOURCE), streamlit_run(SOURCE)
    assert [(c.value, c.language, c.show_line_numbers) for c in ours.code] == [
        (c.value, c.language, c.show_line_numbers) for c in theirs.code
    ]

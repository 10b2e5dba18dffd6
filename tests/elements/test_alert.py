"""st.success/info/warning/error: types, Markdown body kept raw, icons, title and width."""

from __future__ import annotations

import textwrap

import pytest

SOURCE = """
import fastlit as st
st.success("Saved **all** rows")
st.info("🚨 Leading emoji becomes the icon")
st.warning(":material/warning: Leading Material icon too")
st.error("  Indented <b>raw html</b>  ", icon="🔥")
st.info("Titled", title="Heads up")
"""


def streamlit_run(source: str):
    testing = pytest.importorskip("streamlit.testing.v1")
    return testing.AppTest.from_string(
        textwrap.dedent(source).replace("import fastlit as st", "import streamlit as st")
    ).run()


def test_alert_types_and_values(app_test):
    at = app_test(SOURCE)
    assert [el.type for el in at.main] == ["success", "info", "warning", "error", "info"]
    assert at.success[0].value == "Saved **all** rows"
    assert at.info[0].value == "Leading emoji becomes the icon"
    assert at.info[0].props["icon"] == "🚨"
    assert at.warning[0].value == "Leading Material icon too"
    assert at.warning[0].props["icon"] == ":material/warning:"
    assert at.info[1].props == {"body": "Titled", "title": "Heads up"}


def test_alert_html_is_not_opted_in(app_test):
    at = app_test(SOURCE)
    # The body travels as raw Markdown and the component escapes HTML: there is no opt-in.
    assert at.error[0].props == {"body": "Indented <b>raw html</b>", "icon": "🔥"}
    assert not any("unsafe_allow_html" in el.props for el in at.main)


def test_alert_matches_streamlit(app_test):
    ours, theirs = app_test(SOURCE), streamlit_run(SOURCE)
    for kind in ("success", "info", "warning", "error"):
        assert getattr(ours, kind).values == getattr(theirs, kind).values
    assert [el.icon for el in ours.main] == [el.icon for el in theirs.main.children.values()]


@pytest.mark.parametrize(
    "call, fragment",
    [
        ("st.info('x', icon='ok')", "not a valid icon"),
        ("st.info('x', icon=':material/Bad Icon:')", "Material icon"),
        ("st.info('x', width='content')", "width"),
    ],
)
def test_alert_validation(app_test, call, fragment):
    at = app_test(f"import fastlit as st\n{call}\n")
    assert len(at.info) == 0
    assert fragment in at.exception[0].message


def test_alert_width(app_test):
    at = app_test("import fastlit as st\nst.warning('w', width=250)\n")
    assert at.warning[0].props == {"body": "w", "width": 250}

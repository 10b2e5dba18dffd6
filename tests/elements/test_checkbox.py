"""st.checkbox under AppTest: values, callbacks, session_state, wire checks, Streamlit parity."""

from __future__ import annotations

import warnings

import pytest

from fastlit_core.plugin import FastlitUnsupportedWarning
from fastlit_core.state import WidgetValueError
from tests.parity import same_as_streamlit

LOG_APP = """
import fastlit as st

if "log" not in st.session_state:
    st.session_state.log = []

def changed(tag, *, extra):
    st.session_state.log.append(f"cb:{tag}:{extra}:{st.session_state.box}")

st.session_state.log.append("body")
v = st.checkbox("Box", key="box", on_change=changed, args=("x",), kwargs={"extra": 1})
st.markdown(f"value={v!r} type={type(v).__name__}")
"""


def test_default_is_false_and_a_plain_bool(app_test):
    at = app_test("import fastlit as st\nst.markdown(repr(st.checkbox('Accept')))")
    box = at.checkbox[0]
    assert box.value is False and type(box.value) is bool
    assert box.label == "Accept"
    assert box.props == {"label": "Accept", "value": False}  # defaults are omitted
    assert at.markdown[0].value == "False"


def test_value_true_and_truthy_defaults(app_test):
    at = app_test("import fastlit as st\nst.checkbox('a', True)\nst.checkbox('b', value=1)")
    assert [b.value for b in at.checkbox] == [True, True]
    assert all(type(b.value) is bool for b in at.checkbox)


def test_check_and_uncheck_over_several_runs(app_test):
    at = app_test(LOG_APP)
    assert at.markdown[0].value == "value=False type=bool"
    at.checkbox[0].check().run()
    assert at.markdown[0].value == "value=True type=bool"
    at.run()
    assert at.checkbox[0].value is True  # the value persists across plain reruns
    at.checkbox[0].uncheck().run()
    assert at.markdown[0].value == "value=False type=bool"
    assert at.session_state["box"] is False


def test_on_change_fires_once_per_change_before_the_body(app_test):
    at = app_test(LOG_APP)
    assert at.session_state["log"] == ["body"]
    at.checkbox[0].check().run()
    assert at.session_state["log"] == ["body", "cb:x:1:True", "body"]
    at.checkbox[0].check().run()  # same value: no change, no callback
    at.run()
    assert at.session_state["log"] == ["body", "cb:x:1:True", "body", "body", "body"]
    at.checkbox[0].uncheck().run()
    assert at.session_state["log"][-2:] == ["cb:x:1:False", "body"]


def test_session_state_mirrors_the_value(app_test):
    at = app_test("import fastlit as st\nst.checkbox('Box', key='box')")
    assert at.session_state["box"] is False
    at.checkbox(key="box").check().run()
    assert at.session_state["box"] is True


def test_a_value_set_in_session_state_first_wins(app_test):
    at = app_test("""
        import fastlit as st
        if "box" not in st.session_state:
            st.session_state.box = True
        st.markdown(repr(st.checkbox("Box", key="box")))
    """)
    assert at.markdown[0].value == "True"
    at.checkbox[0].uncheck().run()
    assert at.markdown[0].value == "False"


def test_props_carry_the_options(app_test):
    at = app_test("""
        import fastlit as st
        st.checkbox("**Bold**", help="Some help", disabled=True, label_visibility="collapsed",
                    width="stretch")
    """)
    assert at.checkbox[0].props == {
        "label": "**Bold**",
        "value": False,
        "help": "Some help",
        "disabled": True,
        "label_visibility": "collapsed",
        "width": "stretch",
    }
    assert at.checkbox[0].disabled is True


def test_key_is_the_identity_so_the_label_may_change(app_test):
    at = app_test("""
        import fastlit as st
        flip = st.session_state.get("flip", False)
        st.checkbox("On" if flip else "Off", key="box")
    """)
    at.checkbox[0].check().run()
    at.session_state["flip"] = True
    at.run()
    assert at.checkbox[0].label == "On" and at.checkbox[0].value is True


def test_wire_values_that_are_not_booleans_are_rejected(app_test):
    at = app_test("import fastlit as st\nst.checkbox('Box')")
    state = at._session.state
    wid = at.checkbox[0].id
    assert state.validate_wire(wid, True) is True
    with pytest.raises(WidgetValueError):
        state.validate_wire(wid, "maybe")
    with pytest.raises(WidgetValueError):
        state.validate_wire(wid, [True])
    at.checkbox[0].set_value({"x": 1})
    with pytest.raises(WidgetValueError):
        at.run()


def test_unsupported_options_warn(app_test):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        at = app_test("""
            import fastlit as st
            st.checkbox("a", on_change="ignore", bind="query-params", key="a")
        """)
    assert at.checkbox[0].value is False
    messages = [str(w.message) for w in caught if issubclass(w.category, FastlitUnsupportedWarning)]
    assert any("on_change" in m for m in messages) and any("bind" in m for m in messages)


# --- the same snippets under Streamlit's AppTest ------------------------------------------

PARITY = [
    ("st.checkbox('c')", None),
    ("st.checkbox('c', value=1)", None),
    ("st.checkbox('c', value='')", None),
    ("st.checkbox('c')", lambda at: at.checkbox[0].check()),
    ("st.checkbox('c', True)", lambda at: at.checkbox[0].uncheck()),
    ("st.session_state['k'] = True\nst.checkbox('c', key='k')", None),
    ("st.checkbox('c', on_change='nope')", None),
    ("st.checkbox('c', label_visibility='nope')", None),
    ("st.checkbox('a')\nst.checkbox('a')", None),
]


@pytest.mark.parametrize(("snippet", "act"), PARITY)
def test_same_result_as_streamlit(snippet, act):
    same_as_streamlit(snippet, act)

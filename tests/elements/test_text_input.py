"""st.text_input under AppTest: values, None, max_chars, types, callbacks, Streamlit parity."""

from __future__ import annotations

import warnings

import pytest

from fastlit_core.plugin import FastlitUnsupportedWarning
from fastlit_core.state import WidgetValueError
from tests.parity import same_as_streamlit


def test_default_is_an_empty_string(app_test):
    at = app_test("import fastlit as st\nv = st.text_input('Name')\nst.markdown(repr(v))")
    box = at.text_input[0]
    assert box.value == "" and type(box.value) is str
    assert box.props == {"label": "Name", "value": ""}
    assert at.markdown[0].value == "''"


def test_value_none_and_non_string_values(app_test):
    at = app_test("import fastlit as st\nst.text_input('a', value=None)\nst.text_input('b', 5)")
    assert at.text_input[0].value is None and at.text_input[0].props["value"] is None
    assert at.text_input[1].value == "5"


def test_input_flow_over_several_runs(app_test):
    at = app_test("""
        import fastlit as st
        v = st.text_input("Name", key="name")
        st.markdown(f"hi {v}")
    """)
    for text in ("Ada", "Grace", ""):
        at.text_input[0].input(text).run()
        assert at.markdown[0].value == f"hi {text}"
        assert at.session_state["name"] == text
    at.text_input(key="name").set_value("Linus").run()
    at.run()
    assert at.text_input[0].value == "Linus"


def test_none_input_becomes_text_and_back(app_test):
    at = app_test("import fastlit as st\nst.markdown(repr(st.text_input('a', value=None)))")
    at.text_input[0].input("x").run()
    assert at.markdown[0].value == "'x'"
    at.text_input[0].set_value(None).run()
    assert at.markdown[0].value == "None"


def test_max_chars_is_enforced_server_side(app_test):
    at = app_test("import fastlit as st\nst.markdown(repr(st.text_input('t', 'abcdef', 3)))")
    assert at.markdown[0].value == "'abc'"  # the default is clipped, as in Streamlit
    assert at.text_input[0].max_chars == 3
    wid = at.text_input[0].id
    assert at._session.state.validate_wire(wid, "abcdef") == "abc"
    at.text_input[0].input("wxyz").run()  # AppTest's input() refuses over-long text
    assert at.markdown[0].value == "'abc'"
    at.text_input[0].set_value("wxyz").run()  # a value from the wire is clipped
    assert at.markdown[0].value == "'wxy'"


def test_a_preset_session_state_value_wins_unclipped(app_test):
    at = app_test("""
        import fastlit as st
        if "t" not in st.session_state:
            st.session_state.t = "preset value"
        st.markdown(repr(st.text_input("T", "default", max_chars=6, key="t")))
    """)
    assert at.markdown[0].value == "'preset value'"  # as Streamlit: only browser values
    at.text_input[0].input("new").run()
    assert at.session_state["t"] == "new"


@pytest.mark.parametrize("bad", [5, ["a"], {"a": 1}, True])
def test_non_text_wire_values_are_rejected(app_test, bad):
    at = app_test("import fastlit as st\nst.text_input('t')")
    with pytest.raises(WidgetValueError):
        at._session.state.validate_wire(at.text_input[0].id, bad)


def test_on_change_fires_once_per_change_before_the_body(app_test):
    at = app_test("""
        import fastlit as st
        st.session_state.setdefault("log", [])
        def typed(tag, suffix=""):
            st.session_state.log.append(tag + st.session_state.t + suffix)
        st.session_state.log.append("body")
        st.text_input("T", key="t", on_change=typed, args=("cb:",), kwargs={"suffix": "!"})
    """)
    at.text_input[0].input("a").run()
    assert at.session_state["log"] == ["body", "cb:a!", "body"]
    at.text_input[0].input("a").run()
    assert at.session_state["log"] == ["body", "cb:a!", "body", "body"]
    at.text_input[0].input("b").run()
    assert at.session_state["log"][-2:] == ["cb:b!", "body"]


def test_types_placeholder_and_autocomplete(app_test):
    at = app_test("""
        import fastlit as st
        st.text_input("p", type="password", placeholder="secret", autocomplete="off")
        st.text_input("e", type="email")
        st.text_input("s", type="search", icon="🔎", live=True, required=True)
    """)
    password, email, search = at.text_input
    assert password.props["type"] == "password" and password.placeholder == "secret"
    assert password.autocomplete == "off"
    assert email.placeholder == "you@example.com" and email.autocomplete == "email"
    assert email.props["validate"].startswith("^") and email.props["validate_message"]
    assert search.props["icon"] == "🔎" and search.props["live"] == 250
    assert search.props["required"] is True


def test_validate_rules(app_test):
    at = app_test("""
        import fastlit as st
        st.text_input("a", validate=r"^\\d+$")
        st.text_input("b", validate=(r"^x", "Starts with x"))
        st.text_input("c", type="email", validate="")
    """)
    a, b, c = at.text_input
    assert a.props["validate"] == r"^\d+$" and "validate_message" not in a.props
    assert b.props["validate_message"] == "Starts with x"
    assert "validate" not in c.props  # "" turns the type's rule off


def test_live_durations(app_test):
    at = app_test("""
        import fastlit as st
        st.text_input("a", live="300ms")
        st.text_input("b", live="0.5s")
        st.text_input("c", live="0ms")
    """)
    assert [t.props["live"] for t in at.text_input] == [300, 500, 0]


def test_password_and_options_omit_defaults(app_test):
    at = app_test("""
        import fastlit as st
        st.text_input("T", help="h", disabled=True, label_visibility="collapsed", width=200)
    """)
    assert at.text_input[0].props == {
        "label": "T",
        "value": "",
        "help": "h",
        "disabled": True,
        "label_visibility": "collapsed",
        "width": 200,
    }


def test_material_icons_and_bind_warn(app_test):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        at = app_test("""
            import fastlit as st
            st.text_input("a", icon=":material/search:", bind="query-params", key="a")
        """)
    assert "icon" not in at.text_input[0].props
    messages = [str(w.message) for w in caught if issubclass(w.category, FastlitUnsupportedWarning)]
    assert any("icon" in m for m in messages) and any("bind" in m for m in messages)


def test_max_chars_is_in_the_key_identity(app_test):
    at = app_test("""
        import fastlit as st
        n = st.session_state.get("n", 10)
        st.text_input(st.session_state.get("label", "T"), max_chars=n, key="t")
    """)
    at.text_input[0].input("hello").run()
    at.session_state["label"] = "Renamed"
    at.run()
    assert at.text_input[0].value == "hello"
    at.session_state["n"] = 20
    at.run()
    assert at.text_input[0].value == ""


# --- the same snippets under Streamlit's AppTest ------------------------------------------

PARITY = [
    ("st.text_input('t')", None),
    ("st.text_input('t', value=None)", None),
    ("st.text_input('t', value=5)", None),
    ("st.text_input('t', type='bogus')", None),
    ("st.text_input('t', max_chars=-1)", None),
    ("st.text_input('t', max_chars=0)", None),
    ("st.text_input('t', max_chars=2, value='abcd')", None),
    ("st.text_input('t', on_change='ignore')", None),
    ("st.text_input('t', live=300)", None),
    ("st.text_input('t', live='2m')", None),
    ("st.text_input('t', live='abc')", None),
    ("st.text_input('t', validate=5)", None),
    ("st.text_input('t', validate=('a',))", None),
    ("st.text_input('t', type='email')", None),
    ("st.text_input('t', type='password', value='s')", None),
    ("st.text_input('t', max_chars=3)", lambda at: at.text_input[0].set_value("abcdef")),
    ("st.text_input('t', max_chars=3)", lambda at: at.text_input[0].input("abcdef")),
    ("st.text_input('t', max_chars=3)", lambda at: at.text_input[0].input("ab")),
    ("st.text_input('t', value=None)", lambda at: at.text_input[0].input("x")),
    ("st.session_state['k'] = None\nst.text_input('c', key='k')", None),
    ("st.session_state['k'] = 'zz'\nst.text_input('c', 'a', key='k')", None),
    ("st.text_input('t', label_visibility='nope')", None),
    ("st.text_input('a')\nst.text_input('a')", None),
]


@pytest.mark.parametrize(("snippet", "act"), PARITY)
def test_same_result_as_streamlit(snippet, act):
    same_as_streamlit(snippet, act)

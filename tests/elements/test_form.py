"""st.form and st.form_submit_button under AppTest, differential against Streamlit's AppTest."""

from __future__ import annotations

import textwrap
import warnings
from collections.abc import Callable
from typing import Any

import pytest

from fastlit.testing.v1 import AppTest, AppTestError

Step = Callable[[Any], Any]


def trace(module: str, source: str, steps: list[Step]) -> list[Any]:
    """Run `source` (with `st` imported from `module`), then each step followed by a run;
    report after every run what the script wrote and what AppTest shows of the widgets."""
    if module == "streamlit":
        from streamlit.testing.v1 import AppTest as Test
    else:
        Test = AppTest  # type: ignore[assignment]
    script = f"import {module} as st\n" + textwrap.dedent(source)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        at = Test.from_string(script).run()
        reports = [report(at)]
        for step in steps:
            step(at)
            at.run()
            reports.append(report(at))
    return reports


def report(at: Any) -> dict[str, Any]:
    return {
        "markdown": [m.value for m in at.markdown],
        "exceptions": len(at.exception),
        "text_input": [(t.value, t.form_id) for t in at.text_input],
        "slider": [s.value for s in at.slider],
        "button": [(b.type, b.key, b.value, b.form_id) for b in at.button],
        "submit": len(at.get("form_submit_button")),
        "form": [f.type for f in at.get("form")],
    }


def same_as_streamlit(source: str, steps: list[Step]) -> list[Any]:
    ours = trace("fastlit", source, steps)
    assert ours == trace("streamlit", source, steps)
    return ours


FORM = """
st.session_state["runs"] = st.session_state.get("runs", 0) + 1
with st.form("f", clear_on_submit={clear}):
    name = st.text_input("Name", key="name")
    level = st.slider("Level", 0, 10, 3)
    sent = st.form_submit_button("Go")
st.markdown(f"run={{st.session_state.runs}} name={{name!r}} level={{level}} sent={{sent}}")
st.markdown(f"state={{st.session_state.name!r}}")
"""


def type_and_move(at: Any) -> None:
    at.text_input[0].input("Ada")
    at.slider[0].set_value(7)


def submit(at: Any) -> None:
    at.button[0].click()


def type_move_submit(at: Any) -> None:
    type_and_move(at)
    submit(at)


def nothing(at: Any) -> None:
    pass


@pytest.mark.parametrize("clear", [False, True])
def test_values_reach_the_script_only_with_the_submit_click(clear: bool) -> None:
    runs = same_as_streamlit(
        FORM.format(clear=clear),
        [type_and_move, type_move_submit, nothing, lambda at: at.text_input[0].input("x"), submit],
    )
    assert runs[1]["markdown"][0] == "run=2 name='' level=3 sent=False"  # not submitted
    assert runs[2]["markdown"][0] == "run=3 name='Ada' level=7 sent=True"  # all in one run
    assert runs[3]["markdown"][0] == "run=4 name='Ada' level=7 sent=False"
    assert runs[4]["markdown"][0] == "run=5 name='Ada' level=7 sent=False"  # "x" never sent
    # clear_on_submit: the next submit sends the defaults of the widgets left alone
    expected = "run=6 name='' level=3 sent=True" if clear else "run=6 name='Ada' level=7 sent=True"
    assert runs[5]["markdown"][0] == expected


def test_clear_on_submit_shows_the_defaults_while_the_script_keeps_the_values(app_test):
    at = app_test(
        "import fastlit as st\n"
        + FORM.format(clear=True)
        + "st.session_state.setdefault('seen', []).append(st.session_state.name)\n"
    )
    type_move_submit(at)
    at.run()
    assert at.markdown[0].value == "run=2 name='Ada' level=7 sent=True"
    assert at.text_input[0].value == "Ada"  # what the script has, as Streamlit's AppTest
    assert at.text_input[0].props["value"] == ""  # what the browser is sent: the default
    assert at.slider[0].props["value"] == [3]
    at.text_input[0].input("Bo")  # changed after the clear: sent with the next submit
    submit(at)
    at.run()
    assert at.markdown[0].value == "run=3 name='Bo' level=3 sent=True"
    assert at.session_state["seen"] == ["", "Ada", "Bo"]


def test_submit_on_click_runs_first_with_the_form_values() -> None:
    source = """
    def saved():
        st.markdown(f"callback sees {st.session_state.name!r} {st.session_state.agree}")
    with st.form("f"):
        st.text_input("Name", key="name")
        st.checkbox("Agree", key="agree")
        clicked = st.form_submit_button("Save", on_click=saved)
    st.markdown(f"script sees {st.session_state.name!r} clicked={clicked}")
    """

    def fill_and_submit(at: Any) -> None:
        at.text_input[0].input("Ada")
        at.checkbox[0].check()
        at.button[0].click()

    runs = same_as_streamlit(source, [fill_and_submit, nothing])
    assert runs[1]["markdown"] == ["callback sees 'Ada' True", "script sees 'Ada' clicked=True"]
    assert runs[2]["markdown"] == ["script sees 'Ada' clicked=False"]


def test_each_form_submits_only_its_own_values() -> None:
    source = """
    with st.form("a"):
        a = st.text_input("Text")
        sa = st.form_submit_button("Save")
    with st.form("b"):
        b = st.text_input("Text")
        sb = st.form_submit_button("Save")
    free = st.text_input("Text")
    st.markdown(f"a={a!r} b={b!r} free={free!r} sa={sa} sb={sb}")
    """

    def set_all(at: Any) -> None:
        for i, text in enumerate(["in a", "in b", "free"]):
            at.text_input[i].input(text)

    def submit_b(at: Any) -> None:
        set_all(at)
        at.button[1].click()

    runs = same_as_streamlit(source, [set_all, submit_b])
    assert runs[1]["markdown"] == ["a='' b='' free='free' sa=False sb=False"]
    assert runs[2]["markdown"] == ["a='' b='in b' free='free' sa=False sb=True"]
    # the same widget in two forms (and outside) is three widgets: the form is in its id
    assert [t[1] for t in runs[0]["text_input"]] == ["a", "b", ""]


def test_form_is_a_container_and_submit_buttons_are_buttons() -> None:
    source = """
    form = st.form("f")
    form.text_input("Inside")
    st.text_input("Outside")
    sent = form.form_submit_button()
    with st.form("g", border=False):
        st.form_submit_button("One", key="one")
        st.form_submit_button("Two", type="primary")
    st.markdown(f"{sent}")
    """
    runs = same_as_streamlit(source, [lambda at: at.get("form_submit_button")[0].click()])
    assert runs[0]["form"] == ["form", "form"]
    assert runs[0]["button"] == [
        ("button", "FormSubmitter:f-Submit", False, "f"),
        ("button", "one", False, "g"),
        ("button", "FormSubmitter:g-Two", False, "g"),
    ]
    assert runs[1]["markdown"] == ["True"]


def test_at_form_by_key_and_form_props(app_test):
    at = app_test(
        """
        import fastlit as st
        with st.form("plain"):
            st.form_submit_button()
        with st.form("custom", clear_on_submit=True, enter_to_submit=False, border=False):
            st.form_submit_button()
        """
    )
    plain, custom = at.form
    assert at.form(key="custom").id == custom.id
    assert (plain.key, plain.clear_on_submit, plain.enter_to_submit, plain.border) == (
        "plain", False, True, True
    )  # fmt: skip
    assert (custom.clear_on_submit, custom.enter_to_submit, custom.border) == (True, False, False)
    assert plain.props == {"form_id": "plain"}
    assert len(custom.button) == 1


ERRORS = {
    "nested": 'with st.form("a"):\n    with st.form("b"):\n        pass',
    "nested_in_column": 'f = st.form("a")\nf.columns(2)[0].form("b")',
    "submit_outside": 'st.form_submit_button("x")',
    "submit_in_sidebar": 'with st.form("a"):\n    st.sidebar.form_submit_button()',
    "button_in_form": 'with st.form("a"):\n    st.button("x")',
    "button_callback_in_form": 'with st.form("a"):\n    st.button("x", on_click=print)',
    "checkbox_callback": 'with st.form("a"):\n    st.checkbox("x", on_change=print)',
    "slider_callback": 'with st.form("a"):\n    st.slider("x", on_change=print)',
    "text_callback": 'with st.form("a"):\n    st.text_input("x", on_change=print)',
    "text_rerun": 'with st.form("a"):\n    st.text_input("x", on_change="rerun")',
    "submit_callback": 'with st.form("a"):\n    st.form_submit_button(on_click=print)',
    "duplicate_form": 'st.form("a")\nst.form("a")',
    "form_key_is_no_widget_key": 'st.text_input("t", key="a")\nst.form("a")',
    "duplicate_submit": 'with st.form("a"):\n    st.form_submit_button()\n'
    "    st.form_submit_button()",
    "same_widget_in_a_form": 'with st.form("a"):\n    st.text_input("t")\n    st.text_input("t")',
    "same_widget_in_two_forms": 'with st.form("a"):\n    st.text_input("t")\n'
    'with st.form("b"):\n    st.text_input("t")',
    "form_key_type": "st.form(1)",
    "submit_type": 'with st.form("a"):\n    st.form_submit_button(type="x")',
    "submit_icon_position": 'with st.form("a"):\n    st.form_submit_button(icon_position="x")',
    "sidebar_form_in_form": 'with st.form("a"):\n    st.sidebar.form("b")',
    "form_width": 'st.form("a", width="x")',
    "form_height": 'st.form("a", height=0)',
    "submit_in_placeholder": 'with st.form("a"):\n    st.empty().form_submit_button()',
    "submit_in_container": 'with st.form("a"):\n    with st.container():\n'
    "        st.form_submit_button()",
    "assign_submit_key": 'st.session_state["s"] = True\nwith st.form("a"):\n'
    '    st.form_submit_button(key="s")',
}


@pytest.mark.parametrize("case", ERRORS)
def test_errors_are_streamlits(case: str) -> None:
    catch = "try:\n{code}\n    st.markdown('no error')\nexcept Exception as e:\n" + (
        "    st.markdown(type(e).__name__ + ': ' + str(e))\n"
    )
    source = catch.format(code=textwrap.indent(ERRORS[case], "    "))
    ours, theirs = (trace(m, source, [])[0]["markdown"][-1] for m in ("fastlit", "streamlit"))
    if case in ("form_key_type", "assign_submit_key"):  # same class, protobuf's/older text
        ours, theirs = ours.split(":")[0], theirs.split(":")[0]
    assert ours == theirs


def test_uncaught_form_errors_become_exception_elements(app_test):
    at = app_test("import fastlit as st\nst.form_submit_button()\nst.markdown('after')")
    assert len(at.exception) == 1
    assert "must be used inside an `st.form()`" in at.exception[0].value
    assert len(at.markdown) == 0


def test_widget_ids_include_the_form(app_test):
    at = app_test(
        """
        import fastlit as st
        with st.form("a"):
            st.text_input("t")
            st.text_input("k", key="k")
            st.form_submit_button()
        with st.form("b"):
            st.text_input("t")
            st.form_submit_button()
        st.text_input("t")
        """
    )
    ids = [t.id for t in at.text_input]
    assert len(set(ids)) == 4
    assert at.text_input(key="k").form_id == "a"


def test_a_form_without_a_submit_button_is_marked_for_the_warning(app_test):
    at = app_test(
        """
        import fastlit as st
        with st.form("lonely"):
            st.text_input("t")
        with st.form("fine"):
            st.form_submit_button()
        later = st.form("late")
        st.markdown("between")
        later.form_submit_button()
        """
    )
    lonely, fine, late = at.form
    assert lonely.props.get("missing_submit_button") is True
    assert "missing_submit_button" not in fine.props
    assert "missing_submit_button" not in late.props  # drawn after other elements: still fine


def test_submit_button_session_state_and_reset(app_test):
    at = app_test(
        """
        import fastlit as st
        with st.form("f"):
            go = st.form_submit_button("Go")
        st.markdown(f"{go} {st.session_state['FormSubmitter:f-Go']}")
        """
    )
    assert at.markdown[0].value == "False False"
    at.button[0].click().run()
    assert at.markdown[0].value == "True True"
    at.run()
    assert at.markdown[0].value == "False False"


def test_disabled_submit_button_sends_nothing(app_test):
    at = app_test(
        """
        import fastlit as st
        with st.form("f"):
            text = st.text_input("t")
            go = st.form_submit_button(disabled=True)
        st.markdown(f"{text!r} {go}")
        """
    )
    at.text_input[0].input("x")
    with pytest.raises(AppTestError):  # as Streamlit's AppTest: no user could click it
        at.button[0].click()
    at._set_widget(at.button[0].id, True)  # what a stale page or a forged message sends
    at.run()
    assert at.markdown[0].value == "'' False"

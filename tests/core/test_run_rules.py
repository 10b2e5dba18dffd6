"""Run rules through AppTest: fresh __main__, callbacks first, one-shot buttons, control flow."""

from __future__ import annotations

import pytest

from fastlit.testing.v1 import AppTestError


def test_each_run_gets_a_fresh_main_module(app_test):
    at = app_test("""
        import fastlit as st, sys
        counter = globals().get("counter", 0) + 1
        st.markdown(f"counter={counter} main={sys.modules['__main__'].__dict__ is globals()}")
        st.button("again")
    """)
    assert at.markdown[0].value == "counter=1 main=True"
    at.button[0].click().run()
    assert at.markdown[0].value == "counter=1 main=True"


def test_script_folder_is_first_on_sys_path(tmp_path):
    from fastlit.testing.v1 import AppTest

    (tmp_path / "helper_mod_xyz.py").write_text("VALUE = 42\n")
    (tmp_path / "app.py").write_text(
        "import fastlit as st\nimport helper_mod_xyz\nst.markdown(str(helper_mod_xyz.VALUE))\n"
    )
    assert AppTest.from_file(tmp_path / "app.py").run().markdown[0].value == "42"


def test_button_is_one_shot_and_key_reads_false_afterwards(app_test):
    at = app_test("""
        import fastlit as st
        clicked = st.button("Go", key="go")
        st.markdown(f"clicked={clicked} state={st.session_state.go}")
    """)
    assert at.markdown[0].value == "clicked=False state=False"
    at.button[0].click().run()
    assert at.markdown[0].value == "clicked=True state=True"
    at.run()
    assert at.markdown[0].value == "clicked=False state=False"
    assert at.session_state["go"] is False


def test_callbacks_run_before_the_script_with_captured_args(app_test):
    at = app_test("""
        import fastlit as st
        log = st.session_state.setdefault("log", [])
        def on_click(tag, *, n):
            log.append((tag, n))
            st.markdown(f"callback {tag}")
        n = len(log)
        st.button("Go", on_click=on_click, args=("a",), kwargs={"n": n})
        st.markdown(f"log={log}")
    """)
    at.button[0].click().run()
    assert at.markdown.values == ["callback a", "log=[('a', 0)]"]
    at.button[0].click().run()
    assert at.markdown.values == ["callback a", "log=[('a', 0), ('a', 1)]"]


def test_disabled_widget_callbacks_are_skipped(app_test):
    at = app_test("""
        import fastlit as st
        hits = st.session_state.setdefault("hits", [])
        st.button("Go", on_click=lambda: hits.append(1), disabled=True)
        st.markdown(f"hits={len(hits)}")
    """)
    with pytest.raises(AppTestError):  # as Streamlit's AppTest: no user could click it
        at.button[0].click()
    at._set_widget(at.button[0].id, True)  # what a stale page or a forged message sends
    at.run()
    assert at.markdown[0].value == "hits=0"


def test_stop_and_rerun_escape_except_exception(app_test):
    at = app_test("""
        import fastlit as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        try:
            if st.session_state.runs == 1:
                st.rerun()
            st.stop()
        except Exception:
            st.markdown("caught")
        st.markdown("after stop")
    """)
    assert at.session_state["runs"] == 2
    assert at.markdown.values == []


def test_exception_then_good_run_has_no_duplicates(app_test):
    at = app_test("""
        import fastlit as st
        st.title("top")
        st.button("retry")
        if not st.session_state.get("ok"):
            st.session_state.ok = True
            raise ValueError("first run fails")
        st.markdown("fine")
    """)
    assert at.title.values == ["top"]
    assert len(at.exception) + len(at.get("fl_error")) == 1
    at.button[0].click().run()
    assert at.title.values == ["top"] and at.markdown.values == ["fine"]
    assert len(at.exception) + len(at.get("fl_error")) == 0


def test_set_state_before_widget_wins_and_after_raises(app_test):
    at = app_test("""
        import fastlit as st
        st.session_state.setdefault("msg", "")
        try:
            st.session_state.go = True
        except Exception as e:
            st.session_state.msg = type(e).__name__
        st.button("Go", key="go")
        try:
            st.session_state.go = False
        except Exception as e:
            st.markdown(type(e).__name__)
        st.markdown(st.session_state.msg)
    """)
    names = at.markdown.values + [e.value for e in at.exception]
    assert "StreamlitValueAssignmentNotAllowedError" in str(names) or at.exception


def test_widget_keys_leave_state_when_not_drawn(app_test):
    at = app_test("""
        import fastlit as st
        show = st.session_state.setdefault("show", True)
        if show:
            st.button("Go", key="go")
        st.markdown(str(sorted(k for k in st.session_state.keys())))
    """)
    assert "go" in at.markdown[0].value
    at.session_state["show"] = False
    at.run()
    at.run()
    assert "go" not in at.session_state


def test_duplicate_widgets_raise_streamlit_errors(app_test):
    at = app_test("""
        import fastlit as st
        st.button("Same")
        st.button("Same")
    """)
    assert len(at.button) == 1
    at2 = app_test("""
        import fastlit as st
        st.button("A", key="k")
        st.button("B", key="k")
    """)
    assert len(at2.button) == 1
    errors = [str(e.value) for e in [*at.exception, *at.get("fl_error")]]
    errors2 = [str(e.value) for e in [*at2.exception, *at2.get("fl_error")]]
    assert errors and errors2


def test_session_state_attribute_error_hint(app_test):
    at = app_test("""
        import fastlit as st
        try:
            st.session_state.missing
        except AttributeError as e:
            st.markdown(str(e))
    """)
    assert "Did you forget to initialize it?" in at.markdown[0].value


def test_runs_time_out_in_apptest():
    import pytest

    from fastlit.testing.v1 import AppTest

    at = AppTest.from_string(
        "import time, fastlit as st\nwhile True:\n    time.sleep(0.01)\n    st.markdown('x')\n"
    )
    with pytest.raises(RuntimeError, match="timed out"):
        at.run(timeout=0.3)

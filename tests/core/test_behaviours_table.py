"""The behaviours table of STREAMLIT_COMPAT.md (B1-B16, and the widget and state rules),
each case run under Streamlit's AppTest and Fastlit's, with what each observes compared."""

from __future__ import annotations

import textwrap
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from tests.parity import app_test_class, page

Action = Callable[[Any], Any]  # interacts with an AppTest before its next run()


@dataclass(frozen=True)
class Case:
    """A script (with `st` imported) and the interactions between its runs. `shows` are
    fragments of Streamlit's observation of run `in_run` (the last by default) that show the
    row's behaviour, so that no case passes vacuously."""

    name: str
    script: str
    shows: str | tuple[str, ...]
    actions: tuple[Action, ...] = ()
    in_run: int = -1

    def __str__(self) -> str:
        return self.name


def click(index: int = 0) -> Action:
    return lambda at: at.button[index].click()


def set_value(kind: str, value: Any, index: int = 0) -> Action:
    return lambda at: at.get(kind)[index].set_value(value)


def set_state(key: str, value: Any) -> Action:
    return lambda at: at.session_state.__setitem__(key, value)


def rerun(at: Any) -> None:
    """No interaction: just run again."""


def observe(module: str, case: Case) -> list[dict[str, Any]]:
    """Per run: the page, the session_state (plain values), the query params, and the class
    and message of anything an action raised."""
    source = f"import {module} as st\n{textwrap.dedent(case.script)}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        at = app_test_class(module).from_string(source)
        runs = [_snapshot(at.run())]
        for act in case.actions:
            try:
                act(at)
                raised = None
            except Exception as exc:  # noqa: BLE001 - what an action raises is observed
                raised = f"{type(exc).__name__}: {exc}"
            runs.append({"action raised": raised, **_snapshot(at.run())})
    return runs


def _snapshot(at: Any) -> dict[str, Any]:
    state = {k: at.session_state[k] for k in sorted(at.session_state.keys())}
    return {
        "page": page(at),
        "state": {k: v for k, v in state.items() if _plain(v)},
        "query": dict(at.query_params),
    }


def _plain(value: Any) -> bool:
    if isinstance(value, (list, tuple)):
        return all(_plain(v) for v in value)
    return value is None or isinstance(value, (str, int, float, bool))


WIDGETS = ("button", "checkbox", "slider", "text_input")

CASES = [
    # --- B1-B3 and widget identity --------------------------------------------------------
    *(
        Case(
            f"B1 two identical keyless {w}",
            f"st.{w}('Same')\nst.{w}('Same')\nst.markdown('not reached')",
            shows="StreamlitDuplicateElementId",
        )
        for w in WIDGETS
    ),
    Case(
        "B1 identity ignores callbacks, args, disabled and label_visibility",
        """
        st.checkbox("c", on_change=lambda: None)
        st.checkbox("c", args=(1,), disabled=True, label_visibility="hidden")
        """,
        shows="StreamlitDuplicateElementId",
    ),
    Case(
        "B1 identity: columns are not root containers",
        """
        a, b = st.columns(2)
        a.slider("s")
        b.slider("s")
        """,
        shows="StreamlitDuplicateElementId",
    ),
    Case(
        "B1 identity: containers and placeholders are not root containers",
        """
        with st.container():
            st.slider("s")
        st.empty().slider("s")
        """,
        shows="StreamlitDuplicateElementId",
    ),
    Case(
        "B1 identity: label, default, min/max, help, placeholder, root container, form",
        """
        st.slider("s"); st.slider("s", 0, 50); st.slider("s", value=3); st.slider("s", help="h")
        st.text_input("t"); st.text_input("t", "v"); st.text_input("t", placeholder="p")
        st.checkbox("c"); st.checkbox("c", True); st.button("b"); st.sidebar.button("b")
        with st.form("f"):
            st.text_input("t")
            st.form_submit_button()
        st.markdown("all drawn")
        """,
        shows="all drawn",
    ),
    Case(
        "B2 same key on two widgets",
        """
        st.button("A", key="k")
        st.checkbox("B", key="k")
        """,
        shows="StreamlitDuplicateElementKey",
    ),
    Case(
        "B2 two forms with the same key",
        """
        with st.form("f"):
            st.form_submit_button()
        with st.form("f"):
            st.form_submit_button("Other")
        """,
        shows="StreamlitDuplicateElementKey",
    ),
    Case(
        "B3 same label, different keys",
        """
        a = st.button("Same", key="a")
        b = st.button("Same", key="b")
        c = st.button("Same")
        st.markdown(repr((a, b, c)))
        """,
        shows="(False, True, False)",
        actions=(click(1),),
    ),
    Case(
        "identity: a keyed slider resets when min/max/step change",
        """
        high = st.session_state.get("high", 10)
        st.markdown(repr(st.slider("s", 0, high, key="s")))
        """,
        shows="'s': 0",
        actions=(set_value("slider", 5), set_state("high", 20)),
    ),
    Case(
        "identity: a keyed slider keeps its value when label, default or help change",
        """
        label = st.session_state.get("label", "A")
        st.markdown(repr(st.slider(label, 0, 10, len(label), key="s", help=label)))
        """,
        shows="'s': 5",
        actions=(set_value("slider", 5), set_state("label", "Longer")),
    ),
    Case(
        "identity: a keyed text_input keeps its value when the placeholder changes",
        """
        hint = st.session_state.get("hint", "p")
        st.markdown(repr(st.text_input("t", key="t", max_chars=5, placeholder=hint)))
        """,
        shows="'t': 'abc'",
        actions=(lambda at: at.text_input[0].input("abc"), set_state("hint", "q")),
    ),
    Case(
        "identity: a keyed text_input resets when max_chars changes",
        """
        n = st.session_state.get("n", 5)
        st.markdown(repr(st.text_input("t", key="t", max_chars=n)))
        """,
        shows="'t': ''",
        actions=(lambda at: at.text_input[0].input("abc"), set_state("n", 6)),
    ),
    Case(
        "identity: a keyless widget keeps its value when disabled changes",
        """
        st.markdown(repr(st.slider("s", 0, 10, disabled=st.session_state.get("off", False))))
        """,
        shows="(0, 'slider', 5)",
        actions=(set_value("slider", 5), set_state("off", True)),
    ),
    Case(
        "identity: a keyless widget resets when its label changes",
        """
        st.markdown(repr(st.slider(st.session_state.get("label", "s"), 0, 10)))
        """,
        shows="(0, 'slider', 0)",
        actions=(set_value("slider", 5), set_state("label", "t")),
    ),
    # --- B4 buttons -----------------------------------------------------------------------
    Case(
        "B4 button is True only on the run its click caused",
        """
        clicked = st.button("Go", key="go")
        plain = st.button("Plain")
        st.markdown(f"clicked={clicked!r} plain={plain!r} state={st.session_state.go!r}")
        """,
        shows=("clicked=True plain=False state=True", "'state': {'go': False}"),
        actions=(click(0), rerun, click(1)),
        in_run=1,
    ),
    Case(
        "B4 st.rerun after a click: the rerun sees False",
        """
        n = st.session_state.setdefault("n", 0)
        clicked = st.button("Go", key="go")
        st.markdown(f"n={n} clicked={clicked}")
        if clicked and n == 0:
            st.session_state.n = 1
            st.rerun()
        """,
        shows="n=1 clicked=False",
        actions=(click(),),
    ),
    # --- B5 callbacks ---------------------------------------------------------------------
    Case(
        "B5 callbacks run first, with new values applied; their output shows at the top",
        """
        log = st.session_state.setdefault("log", [])
        def changed():
            log.append(("callback", st.session_state.s))
            st.markdown("from the callback")
        st.markdown("script top")
        log.append(("script", st.slider("s", 0, 10, key="s", on_change=changed)))
        st.markdown(repr(log))
        """,
        shows="'from the callback'), (0, 'markdown', 'script top'",
        actions=(set_value("slider", 4), rerun),
        in_run=1,
    ),
    Case(
        "B5 on_click args/kwargs are the ones given when the widget command ran",
        """
        n = st.session_state.setdefault("n", 0)
        def clicked(a, *, b):
            st.session_state.got = (a, b)
        st.button("Go", on_click=clicked, args=(n,), kwargs={"b": n * 10})
        st.session_state.n = n + 1
        """,
        shows="'got': (1, 10)",
        actions=(click(), click()),
    ),
    Case(
        "B5 on_change args/kwargs: the objects passed, mutated after the call",
        """
        def changed(*args, **kwargs):
            st.session_state.got = [list(args), sorted(kwargs.items())]
        args, kwargs = ["a"], {"k": 1}
        st.checkbox("c", on_change=changed, args=args, kwargs=kwargs)
        args.append("later")
        kwargs["k"] = 2
        """,
        shows="'got': [['a', 'later'], [('k', 2)]]",
        actions=(set_value("checkbox", True),),
    ),
    Case(
        "B5 a disabled widget cannot be clicked from AppTest",
        """
        st.button("Go", key="go", on_click=lambda: st.markdown("callback"), disabled=True)
        st.checkbox("c", on_change=lambda: st.markdown("callback"), disabled=True)
        """,
        shows="AppTestError: Cannot update a disabled checkbox widget.",
        actions=(click(), set_value("checkbox", True)),
    ),
    # --- session_state precedence, B6-B8 --------------------------------------------------
    Case(
        "precedence: a callback's session_state write beats the browser's value",
        """
        def submitted():
            st.session_state.seen = st.session_state.t
            st.session_state.t = ""
        st.markdown(repr(st.text_input("t", key="t", on_change=submitted)))
        """,
        shows="'seen': 'hello', 't': ''",
        actions=(lambda at: at.text_input[0].input("hello"),),
    ),
    Case(
        "precedence: a script write before the widget beats the browser's value",
        """
        if st.checkbox("zero"):
            st.session_state.s = 0
        st.markdown(repr(st.slider("s", 0, 10, 3, key="s")))
        """,
        shows="(0, 'markdown', '0')",
        actions=(lambda at: (at.slider[0].set_value(5), at.checkbox[0].check()),),
    ),
    Case(
        "precedence: AppTest's session_state write beats the widget's own value",
        """
        st.markdown(repr(st.slider("s", 0, 10, 3, key="s")))
        """,
        shows="'9'",
        actions=(set_value("slider", 5), set_state("s", 9), rerun),
    ),
    Case(
        "B6 setting a widget's key after it was drawn",
        """
        st.slider("s", 0, 10, key="s")
        try:
            st.session_state.s = 3
        except Exception as e:
            st.markdown(type(e).__name__)
        st.session_state["s"] = 4
        """,
        shows="StreamlitWidgetAlreadyInstantiatedError",
    ),
    Case(
        "B6 setting a form's key after the form was drawn",
        """
        with st.form("f"):
            st.form_submit_button()
        st.session_state.f = 1
        """,
        shows="StreamlitWidgetAlreadyInstantiatedError",
        actions=(set_state("f", 2),),
    ),
    Case(
        "B7 assigning a button's key before it is drawn",
        """
        st.session_state.go = True
        st.button("Go", key="go")
        """,
        shows="StreamlitValueAssignmentNotAllowedError",
    ),
    Case(
        "B7 assigning a form_submit_button's key",
        """
        st.session_state["sub"] = True
        with st.form("f"):
            st.form_submit_button(key="sub")
        """,
        shows="StreamlitValueAssignmentNotAllowedError",
    ),
    Case(
        "B7 assigning a button's key after it is drawn, and on a later run before it is",
        """
        if "go" in st.session_state:
            try:
                st.session_state.go = True
            except Exception as e:
                st.markdown(f"before: {type(e).__name__}")
        st.button("Go", key="go")
        try:
            st.session_state.go = True
        except Exception as e:
            st.markdown(f"after: {type(e).__name__}")
        """,
        shows="`st.session_state['go']` is read-only",
        actions=(rerun,),
    ),
    Case(
        "B8 a key set before its widget is first drawn is the widget's value",
        """
        if "s" not in st.session_state:
            st.session_state.s = 7
            st.session_state.t = "preset"
            st.session_state.c = True
        v = st.slider("s", 0, 10, 3, key="s")
        t = st.text_input("t", key="t")
        c = st.checkbox("c", key="c")
        st.markdown(repr((v, t, c)))
        """,
        shows="(7, 'preset', True)",
        actions=(set_value("slider", 2), rerun),
        in_run=0,
    ),
    Case(
        "B8 a key set before a text_input is not clipped to max_chars",
        """
        st.session_state.setdefault("t", "abcdef")
        st.markdown(repr(st.text_input("t", key="t", max_chars=3)))
        """,
        shows="'abcdef'",
    ),
    pytest.param(
        Case(
            "B8 ... and is clipped on the next run",
            """
            st.session_state.setdefault("t", "abcdef")
            st.markdown(repr(st.text_input("t", key="t", max_chars=3)))
            """,
            shows="'abc'",
            actions=(rerun,),
        ),
        marks=pytest.mark.xfail(
            strict=True,
            reason="Streamlit's AppTest sends every widget's value with each run, as if from "
            "the browser, which clips it to max_chars; Fastlit's sends only changed values",
        ),
    ),
    # --- B9 stale widgets -----------------------------------------------------------------
    Case(
        "B9 a widget not drawn in a completed run leaves session_state and resets",
        """
        if st.session_state.setdefault("show", True):
            st.checkbox("c", key="c")
            st.slider("s", 0, 10)
        st.markdown(repr(sorted(st.session_state.keys())))
        """,
        shows="'state': {'show': False}",
        in_run=2,
        actions=(
            lambda at: (at.checkbox[0].check(), at.slider[0].set_value(5)),
            set_state("show", False),
            set_state("show", True),
        ),
    ),
    Case(
        "B9 a run interrupted by st.rerun drops nothing",
        """
        runs = st.session_state.setdefault("runs", 0) + 1
        st.session_state.runs = runs
        if runs == 2:
            st.rerun()
        c = st.checkbox("c", key="c")
        st.markdown(f"runs={runs} c={c}")
        """,
        shows="runs=3 c=True",
        actions=(set_value("checkbox", True),),
    ),
    Case(
        "B9 a run ended by st.stop drops nothing",
        """
        go = st.button("Go", key="go")
        if not st.session_state.setdefault("show", True):
            st.stop()
        st.markdown(repr((go, st.checkbox("c", key="c"))))
        """,
        shows="'c': True, 'go': True",
        actions=(
            set_value("checkbox", True),
            set_state("show", False),
            click(),
            rerun,
            set_state("show", True),
        ),
        in_run=3,
    ),
    Case(
        "B9 a run ended by an uncaught exception drops nothing",
        """
        go = st.button("Go", key="go")
        if not st.session_state.setdefault("show", True):
            raise ValueError("hidden")
        st.markdown(repr((go, st.checkbox("c", key="c"))))
        """,
        shows="'c': True, 'go': True",
        actions=(
            set_value("checkbox", True),
            set_state("show", False),
            click(),
            rerun,
            set_state("show", True),
        ),
        in_run=3,
    ),
    # --- B10, B11 control flow ------------------------------------------------------------
    Case(
        "B10 st.stop inside try/except Exception",
        """
        st.markdown("before")
        try:
            st.stop()
        except Exception:
            st.markdown("caught")
        st.markdown("after")
        """,
        shows="[(0, 'markdown', 'before')]",
    ),
    Case(
        "B11 st.rerun inside try/except Exception",
        """
        runs = st.session_state.setdefault("runs", 0) + 1
        st.session_state.runs = runs
        try:
            if runs == 1:
                st.rerun()
        except Exception:
            st.markdown("caught")
        st.markdown(f"runs={runs}")
        """,
        shows="runs=2",
    ),
    # --- B12-B14 forms --------------------------------------------------------------------
    Case(
        "B12 form values reach the script only with the submit click",
        """
        with st.form("f"):
            s = st.slider("s", 0, 10, key="s")
            t = st.text_input("t")
            done = st.form_submit_button("Go")
        st.markdown(repr((s, t, done)))
        """,
        shows="(5, 'hi', True)",
        in_run=2,
        actions=(
            set_value("slider", 3),
            lambda at: (at.slider[0].set_value(5), at.text_input[0].input("hi"), click()(at)),
            rerun,
        ),
    ),
    Case(
        "B12 clear_on_submit resets the form's widgets",
        """
        with st.form("f", clear_on_submit=True):
            s = st.slider("s", 0, 10, key="s")
            t = st.text_input("t")
            done = st.form_submit_button("Go")
        st.markdown(repr((s, t, done)))
        """,
        shows="(0, '', True)",
        actions=(
            lambda at: (at.slider[0].set_value(5), at.text_input[0].input("hi"), click()(at)),
            rerun,
            click(),
        ),
    ),
    *(
        Case(
            f"B13 on_change on a {w} inside a form",
            f"""
            with st.form("f"):
                st.{w}("w", on_change=lambda: None)
                st.form_submit_button()
            """,
            shows="StreamlitInvalidFormCallbackError",
        )
        for w in ("checkbox", "slider", "text_input")
    ),
    Case(
        "B13 a button inside a form; a submit button's on_click is fine",
        """
        with st.form("f"):
            st.form_submit_button(on_click=lambda: st.markdown("submitted"))
            st.button("b")
        """,
        shows="StreamlitInvalidLayoutContextError",
    ),
    Case(
        "B14 form_submit_button outside a form",
        'st.form_submit_button("Go")',
        shows="StreamlitInvalidLayoutContextError",
    ),
    Case(
        "B14 nested forms",
        """
        with st.form("outer"):
            with st.form("inner"):
                st.form_submit_button()
        """,
        shows="StreamlitInvalidLayoutContextError",
    ),
    Case(
        "B14 a submit button in a column inside a form is fine",
        """
        with st.form("f"):
            a, b = st.columns(2)
            t = a.text_input("t")
            done = b.form_submit_button("Go")
        st.markdown(repr((t, done)))
        """,
        shows="('x', True)",
        actions=(lambda at: (at.text_input[0].input("x"), click()(at)),),
    ),
    # --- B15, B16 -------------------------------------------------------------------------
    Case(
        "B15 an uncaught exception: elements before it stay, an exception element follows",
        """
        st.title("top")
        st.checkbox("c")
        if not st.session_state.get("fixed"):
            raise ValueError("boom")
        st.markdown("fine")
        """,
        shows="(0, 'checkbox', False), (0, 'exception', ('ValueError', 'boom'))",
        actions=(set_state("fixed", True),),
        in_run=0,
    ),
    Case(
        "B16 query params are stored as strings",
        """
        st.query_params["a"] = 1
        st.query_params.b = 2.5
        st.markdown(repr((st.query_params["a"], st.query_params.b, st.query_params.to_dict())))
        """,
        shows="'query': {'a': '1', 'b': '2.5'}",
    ),
    # --- session_state as a mapping -------------------------------------------------------
    Case(
        "session_state: attribute and item access, iteration, del, clear",
        """
        ss = st.session_state
        ss.a = 1
        ss["b"] = 2
        ss.update({"c": 3})
        st.markdown(repr((ss.a, ss["b"], "a" in ss, "zz" in ss, len(ss), sorted(ss))))
        st.markdown(repr((ss.get("zz", "d"), ss.pop("c"), ss.setdefault("d", 4))))
        st.markdown(repr(sorted(ss.to_dict().items())))
        del ss.a
        del ss["b"]
        st.markdown(repr(sorted(ss.keys())))
        ss.clear()
        st.markdown(repr(sorted(ss.items())))
        ss.e = 5
        """,
        shows="['d', 'e']",
        actions=(rerun,),
    ),
    Case(
        "session_state: any name is a key, even one the runtime might use itself",
        """
        ss = st.session_state
        ss.lock = "l"
        ss._private = "p"
        ss.register = "r"
        ss.widgets = "w"
        st.markdown(repr((ss.lock, ss._private, ss.register, ss.widgets, sorted(ss))))
        del ss._private
        st.markdown(repr(sorted(ss)))
        """,
        shows="['lock', 'register', 'widgets']",
        actions=(rerun,),
    ),
    Case(
        "session_state: missing keys and attributes",
        """
        ss = st.session_state
        for attempt in (lambda: ss.missing, lambda: ss["missing"], lambda: ss.__delattr__("x"),
                        lambda: ss.__delitem__("x")):
            try:
                attempt()
            except Exception as e:
                st.markdown(f"{type(e).__name__}: {e}")
        st.session_state.never_set
        """,
        shows="Did you forget to initialize it?",
    ),
    Case(
        "session_state: deleting a widget's key in a callback resets the widget",
        """
        def reset():
            del st.session_state.c
        st.button("reset", on_click=reset)
        st.markdown(repr(st.checkbox("c", key="c")))
        """,
        shows="'c': False",
        actions=(set_value("checkbox", True), click()),
    ),
    Case(
        "session_state: clear() in a callback resets keyed widgets, not keyless ones",
        """
        st.session_state.setdefault("x", 1)
        c = st.checkbox("c", key="c")
        s = st.slider("s", 0, 10)
        st.button("clear", on_click=st.session_state.clear)
        st.markdown(repr((c, s, sorted(st.session_state))))
        """,
        shows="(False, 5, ['c', 'x'])",
        actions=(lambda at: (at.checkbox[0].check(), at.slider[0].set_value(5)), click(), rerun),
    ),
    # --- return types ---------------------------------------------------------------------
    Case(
        "return values are plain Python values",
        """
        values = (st.slider("s", 0, 10), st.slider("f", 0.0, 1.0, (0.25, 0.5)),
                  st.text_input("t"), st.text_input("n", None), st.checkbox("c"), st.button("b"))
        st.markdown(repr([(v, type(v).__name__) for v in values]))
        """,
        shows="(0.25, 0.75), 'tuple'",
        actions=(lambda at: at.slider[1].set_range(0.25, 0.75),),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_same_as_streamlit(case: Case) -> None:
    expected = observe("streamlit", case)
    shown = repr(expected[case.in_run])
    for fragment in (case.shows,) if isinstance(case.shows, str) else case.shows:
        assert fragment in shown, "the case does not show its row's behaviour"
    assert observe("fastlit", case) == expected

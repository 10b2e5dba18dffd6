"""@st.dialog: AppTest differential against Streamlit, and dialog runs on the in-process server."""

from __future__ import annotations

import textwrap
import warnings
from typing import Any

import pytest

from fastlit_core.tree import walk
from tests.core.conftest import connect, server  # noqa: F401  (fixtures)

VOTE = """
import {module} as st

@st.dialog("Vote", on_dismiss="rerun")
def vote(item):
    st.write(f"Why {{item}}?")
    reason = st.text_input("Because")
    if st.button("Submit"):
        st.session_state.vote = {{"item": item, "reason": reason}}
        st.rerun()

st.session_state.setdefault("n", 0)
st.session_state.n += 1
st.write("runs", st.session_state.n)
if "vote" not in st.session_state:
    if st.button("A"):
        vote("A")
else:
    st.write("voted", st.session_state.vote["item"], st.session_state.vote["reason"])
"""


def app(module: str, source: str) -> Any:
    if module == "streamlit":
        from streamlit.testing.v1 import AppTest
    else:
        from fastlit.testing.v1 import AppTest  # type: ignore[assignment]
    return AppTest.from_string(textwrap.dedent(source).format(module=module))


def seen(at: Any) -> dict[str, Any]:
    """What a test observes: buttons, markdown, dialogs (title and children), exceptions."""
    dialogs = at.get("dialog")
    return {
        "buttons": [b.label for b in at.button],
        "markdown": [m.value for m in at.markdown],
        "dialogs": [[child.type for child in d.children.values()] for d in dialogs],
        "exceptions": [_exception_class(e) for e in at.exception],
    }


def _exception_class(element: Any) -> tuple[str, str]:
    """The exception's class name and message (Streamlit keeps the class in its proto)."""
    proto = getattr(element, "proto", None)
    name = proto.type if proto is not None else element.props["exc_type"]
    return str(name).rsplit(".", 1)[-1], str(element.message)


def both(source: str, steps: list[Any]) -> None:
    """Run the same script under both AppTests, step by step, comparing what each shows."""
    runs: dict[str, list[dict[str, Any]]] = {}
    for module in ("streamlit", "fastlit"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            at = app(module, source).run()
            observed = [seen(at)]
            for step in steps:
                step(at)
                at.run()
                observed.append(seen(at))
        runs[module] = observed
    assert runs["fastlit"] == runs["streamlit"]


def test_calling_the_dialog_function_opens_it_and_a_rerun_inside_closes_it():
    both(
        VOTE,
        [
            lambda at: at.button[0].click(),  # "A": opens the dialog
            lambda at: at.text_input[0].input("because"),  # AppTest: a full run, closes it
            lambda at: at.button[0].click(),  # opens it again
            lambda at: (at.text_input[0].input("reason"), at.button[1].click()),  # Submit
        ],
    )


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            """
            @st.dialog("One")
            def one():
                st.write("1")

            @st.dialog("Two")
            def two():
                st.write("2")

            one()
            two()
            """,
            id="two-dialogs-in-one-run",
        ),
        pytest.param(
            """
            @st.dialog("Inner")
            def inner():
                st.write("inner")

            @st.dialog("Outer")
            def outer():
                inner()

            outer()
            """,
            id="nested-dialogs",
        ),
        pytest.param(
            """
            @st.dialog("")
            def untitled():
                st.write("x")
            """,
            id="empty-title",
        ),
        pytest.param(
            """
            @st.dialog
            def untitled():
                st.write("x")
            """,
            id="bare-decorator",
        ),
        pytest.param(
            """
            @st.dialog("Wide", width="huge")
            def wide():
                st.write("x")

            wide()
            """,
            id="bad-width",
        ),
        pytest.param(
            """
            @st.dialog("Pixels", width=640, icon="🚨", dismissible=False)
            def pixels():
                st.write("x")
                return 5

            st.write(pixels())
            """,
            id="pixel-width-returns-none",
        ),
        pytest.param(
            """
            @st.dialog("Side", position="left")
            def side():
                st.write("x")

            with st.form("f"):
                side()
                st.form_submit_button()
            """,
            id="opened-in-a-form",
        ),
        pytest.param(
            """
            @st.dialog("Mode", on_dismiss="sometimes")
            def mode():
                st.write("x")

            mode()
            """,
            id="bad-on-dismiss",
        ),
    ],
)
def test_dialog_rules_match_streamlit(body: str):
    both(
        "import {module} as st\n" + textwrap.dedent(body).replace("{", "{{").replace("}", "}}"), []
    )


# --- dialog runs on the in-process server ---------------------------------------------------

COUNTED = """
import fastlit as st

st.session_state.full = st.session_state.get("full", 0) + 1
st.markdown(f"full {st.session_state.full}")

def dismissed():
    st.session_state.dismissals = st.session_state.get("dismissals", 0) + 1

@st.dialog("Counted", on_dismiss=dismissed)
def counted():
    st.session_state.body = st.session_state.get("body", 0) + 1
    st.markdown(f"body {st.session_state.body}")
    st.slider("inside", 0, 10, key="inside")
    if st.button("Close"):
        st.rerun()

if st.button("Open") or st.session_state.get("keep"):
    counted()
st.markdown(f"dismissals {st.session_state.get('dismissals', 0)}")
"""


def ids_of(browser: Any, type: str, label: str | None = None) -> str:
    return next(n.id for n in browser.find(type) if label is None or n.props.get("label") == label)


def markdowns(browser: Any) -> list[str]:
    return [str(n.props["body"]) for n in browser.find("markdown")]


def test_a_widget_in_the_dialog_reruns_only_its_body(server, connect):  # noqa: F811
    with server(COUNTED) as (client, _app), connect(client) as browser:
        browser.until_idle()
        browser.send({"t": "widgets", "values": {ids_of(browser, "button", "Open"): True}})
        browser.until_idle()
        assert markdowns(browser) == ["full 2", "dismissals 0", "body 1"]
        dialog = browser.find("dialog")[0]
        inside = {n.id for n, _ in walk(dialog)}

        browser.send({"t": "widgets", "values": {ids_of(browser, "slider", "inside"): [4]}})
        frame = browser.until_idle()
        assert markdowns(browser) == ["full 2", "dismissals 0", "body 2"]  # full did not move
        assert browser.find("dialog"), "the dialog stays open"
        touched = {op.get("id") or op.get("parent") or op["node"]["id"] for op in frame["ops"]}
        assert touched and touched <= inside, "only the dialog's body changes on the wire"

        browser.send({"t": "widgets", "values": {ids_of(browser, "button", "Close"): True}})
        browser.until_idle()
        assert not browser.find("dialog"), "st.rerun() in the dialog runs the app: it closes"
        assert markdowns(browser) == ["full 3", "dismissals 0"]


def test_dismissing_runs_the_callback_then_the_app(server, connect):  # noqa: F811
    with server(COUNTED) as (client, _app), connect(client) as browser:
        browser.until_idle()
        browser.send({"t": "widgets", "values": {ids_of(browser, "button", "Open"): True}})
        browser.until_idle()
        dialog = browser.find("dialog")[0]
        assert dialog.props["dismiss_reruns"] is True
        browser.send({"t": "widgets", "values": {dialog.id: True}})
        browser.until_idle()
        assert markdowns(browser) == ["full 3", "dismissals 1"]
        assert not browser.find("dialog")


def test_each_run_that_calls_the_dialog_opens_it_again(server, connect):  # noqa: F811
    source = COUNTED.replace('st.button("Open")', 'st.checkbox("Open")')
    with server(source) as (client, _app), connect(client) as browser:
        browser.until_idle()
        browser.send({"t": "widgets", "values": {ids_of(browser, "checkbox"): True}})
        browser.until_idle()
        first = browser.find("dialog")[0].props["opened"]
        # The user dismissed it with nothing sent (as on_dismiss="ignore"); another full run
        # that calls the dialog must reopen it: its `opened` prop changes.
        browser.send({"t": "widgets", "values": {ids_of(browser, "checkbox"): True}})
        browser.until_idle()
        assert browser.find("dialog")[0].props["opened"] != first


def test_a_dialog_opened_in_a_fragment_reruns_only_its_body(server, connect):  # noqa: F811
    source = """
    import fastlit as st

    st.session_state.full = st.session_state.get("full", 0) + 1
    st.markdown(f"full {st.session_state.full}")

    @st.dialog("In a fragment")
    def body():
        st.session_state.body = st.session_state.get("body", 0) + 1
        st.markdown(f"body {st.session_state.body}")
        st.slider("inside", 0, 10, key="inside")

    @st.fragment
    def part():
        st.session_state.frag = st.session_state.get("frag", 0) + 1
        st.markdown(f"frag {st.session_state.frag}")
        if st.button("Open"):
            body()

    part()
    """
    with server(source) as (client, _app), connect(client) as browser:
        browser.until_idle()
        browser.send({"t": "widgets", "values": {ids_of(browser, "button", "Open"): True}})
        browser.until_idle()
        assert markdowns(browser) == ["full 1", "frag 2", "body 1"]
        for value in (4, 5):
            browser.send({"t": "widgets", "values": {ids_of(browser, "slider", "inside"): [value]}})
            browser.until_idle()
            assert browser.find("dialog"), "the dialog stays open"
        assert markdowns(browser) == ["full 1", "frag 2", "body 3"]

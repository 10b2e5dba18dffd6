"""Transient nodes (Container.add_transient, st.spinner's way): streamed while shown, never
kept as stale, never counted as a place among a container's elements."""

from __future__ import annotations

import threading

from fastlit_core.tree import TRANSIENT_MARK, Node, merge_stale

GATE = threading.Event()  # the script below waits on it, so the test sees the run mid-block


def main(*children: Node) -> Node:
    return Node("root", "root", {}, [Node("main", "main", {}, list(children))])


def texts(tree: Node) -> list[str]:
    return [c.props["body"] for c in tree.children[0].children]


def leaf(id: str, body: str) -> Node:
    return Node(id, "markdown", {"body": body}, [])


SPINNER = Node(TRANSIENT_MARK + "s", "spinner", {"body": "spinning"}, [])


def test_a_transient_node_takes_no_place_among_stale_ones() -> None:
    previous = main(leaf("a", "A"), leaf("b", "B"), leaf("c", "C"))
    shown = merge_stale(main(leaf("a", "A"), SPINNER), previous)
    assert texts(shown) == ["A", "spinning", "B", "C"]  # B stays until something replaces it
    shown = merge_stale(main(leaf("a", "A"), leaf("x", "X")), shown)
    assert texts(shown) == ["A", "X", "C"]  # X took B's place, not the spinner's


def test_a_transient_node_gone_from_the_run_is_never_kept_as_stale() -> None:
    previous = main(leaf("a", "A"), SPINNER)
    assert texts(merge_stale(main(leaf("a", "A")), previous)) == ["A"]


def test_the_browser_gets_the_spinner_mid_run_and_loses_it_after(server, connect) -> None:
    GATE.clear()
    source = """
    import fastlit as st
    from tests.core.test_transient_nodes import GATE
    st.markdown("before")
    with st.spinner("Crunching *numbers*"):
        GATE.wait(10)
    st.markdown("after")
    """
    with server(source, flush_interval_seconds=0.05) as (client, _), connect(client) as browser:
        while browser.tree is None or not browser.find("spinner"):
            message = browser.receive()
            assert message.get("running", True), "the run ended without showing the spinner"
        [spinner] = browser.find("spinner")
        assert spinner.props == {"text": "Crunching *numbers*"} and browser.texts() == ["before"]
        GATE.set()
        browser.until_idle()
        assert browser.find("spinner") == [] and browser.texts() == ["before", "after"]

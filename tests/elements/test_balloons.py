"""st.balloons under AppTest: node type, the per-run nonce that replays it, placement."""

from __future__ import annotations

from typing import Any

import pytest


def test_balloons_node(app_test: Any) -> None:
    at = app_test("""
        import fastlit as st
        st.balloons()
    """)
    assert len(at.balloons) == 1
    node = at.balloons[0]
    assert node.type == "balloons"
    assert set(node.props) == {"nonce"}


def test_nonce_changes_on_every_run_so_the_animation_replays(app_test: Any) -> None:
    at = app_test("""
        import fastlit as st
        st.balloons()
    """)
    first = at.balloons[0].props["nonce"]
    at.run()
    second = at.balloons[0].props["nonce"]
    assert second != first
    assert at.balloons[0].id == at.get("balloons")[0].id  # same node, new props


def test_balloons_only_on_the_run_that_calls_it(app_test: Any) -> None:
    at = app_test("""
        import fastlit as st
        if st.button("celebrate"):
            st.balloons()
    """)
    assert len(at.balloons) == 0
    at.button[0].click().run()
    assert len(at.balloons) == 1
    at.run()
    assert len(at.balloons) == 0


def test_two_calls_make_two_nodes(app_test: Any) -> None:
    at = app_test("""
        import fastlit as st
        st.balloons()
        st.balloons()
    """)
    assert len(at.balloons) == 2
    assert at.balloons[0].id != at.balloons[1].id


@pytest.mark.parametrize(
    "where", ["st.sidebar", "st.columns(2)[1]", "st.container()", "st.empty()"]
)
def test_balloons_in_any_container(app_test: Any, where: str) -> None:
    at = app_test(f"""
        import fastlit as st
        {where}.balloons()
    """)
    assert len(at.balloons) == 1


def test_matches_streamlit_type() -> None:
    pytest.importorskip("streamlit")
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    at = StreamlitAppTest.from_string("import streamlit as st\nst.balloons()").run()
    assert at.main.children[0].type == "balloons"

"""st.fragment in a real browser: a widget inside a fragment re-executes only the fragment."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

APP = """
import fastlit as st

st.session_state.full = st.session_state.get("full", 0) + 1
st.markdown(f"full={st.session_state.full}")

@st.fragment
def part():
    st.session_state.frag = st.session_state.get("frag", 0) + 1
    st.markdown(f"frag={st.session_state.frag}")
    st.button("Inside")

part()
st.button("Outside")
"""


def test_a_widget_inside_a_fragment_reruns_only_the_fragment(serve, page):
    from playwright.sync_api import expect

    server = serve(APP)
    page.goto(server.url)
    expect(page.get_by_text("full=1")).to_be_visible()
    expect(page.get_by_text("frag=1")).to_be_visible()
    page.get_by_role("button", name="Inside").click()
    expect(page.get_by_text("frag=2")).to_be_visible()
    page.get_by_role("button", name="Inside").click()
    expect(page.get_by_text("frag=3")).to_be_visible()
    expect(page.get_by_text("full=1")).to_be_visible()  # the counter outside did not move
    page.get_by_role("button", name="Outside").click()
    expect(page.get_by_text("full=2")).to_be_visible()
    expect(page.get_by_text("frag=4")).to_be_visible()
    assert page.errors == []

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


NESTED_AND_SIDEBAR = """
import fastlit as st

ss = st.session_state
for name in ("full", "outer", "inner"):
    ss[name] = ss.get(name, 0) + (name == "full")
st.sidebar.markdown("side top")
st.markdown(f"full={ss.full}")

@st.fragment
def inner():
    ss.inner += 1
    st.markdown(f"inner={ss.inner}")
    st.sidebar.markdown(f"side inner={ss.inner}")
    st.sidebar.button("SideInner")

@st.fragment
def outer():
    ss.outer += 1
    st.markdown(f"outer={ss.outer}")
    st.button("Outer")
    inner()

outer()
st.sidebar.markdown("side bottom")
"""


def test_nested_fragments_and_their_sidebar_writes(serve, page):
    from playwright.sync_api import expect

    server = serve(NESTED_AND_SIDEBAR)
    page.goto(server.url)
    sidebar = page.get_by_test_id("stSidebar")
    expect(page.get_by_text("inner=1", exact=True)).to_be_visible()
    # A button the inner fragment drew in the sidebar reruns only the inner fragment, and
    # its sidebar lines are redrawn in place, between the app's own.
    sidebar.get_by_role("button", name="SideInner").click()
    expect(page.get_by_text("inner=2", exact=True)).to_be_visible()
    expect(sidebar).to_contain_text("side top")
    texts = [t.strip() for t in sidebar.locator('[data-testid="stMarkdown"]').all_inner_texts()]
    assert texts == ["side top", "side inner=2", "side bottom"]
    expect(page.get_by_text("outer=1", exact=True)).to_be_visible()
    page.get_by_role("button", name="Outer").click()  # the outer one reruns both
    expect(page.get_by_text("outer=2", exact=True)).to_be_visible()
    expect(page.get_by_text("inner=3", exact=True)).to_be_visible()
    expect(page.get_by_text("full=1", exact=True)).to_be_visible()
    texts = [t.strip() for t in sidebar.locator('[data-testid="stMarkdown"]').all_inner_texts()]
    assert texts == ["side top", "side inner=3", "side bottom"]
    assert page.errors == []

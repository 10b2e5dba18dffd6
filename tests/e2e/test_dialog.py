"""@st.dialog in a real browser: a modal whose widgets rerun only its body; dismissal rules."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

APP = """
import fastlit as st

st.session_state.full = st.session_state.get("full", 0) + 1
st.markdown(f"full={st.session_state.full}")

@st.dialog("Vote")
def vote():
    st.session_state.body = st.session_state.get("body", 0) + 1
    st.markdown(f"body={st.session_state.body}")
    st.button("Bump")
    if st.button("Finish"):
        st.rerun()

@st.dialog("Locked", dismissible=False)
def locked():
    st.markdown("locked body")
    if st.button("Done"):
        st.rerun()

@st.dialog("Rerunning", on_dismiss="rerun", width="large")
def rerunning():
    st.markdown("rerunning body")

if st.button("Open"):
    vote()
if st.button("Open locked"):
    locked()
if st.button("Open rerunning"):
    rerunning()
"""


def test_dialog_opens_reruns_only_its_body_and_closes(serve, page):
    from playwright.sync_api import expect

    page.goto(serve(APP).url)
    expect(page.get_by_text("full=1")).to_be_visible()
    page.get_by_role("button", name="Open", exact=True).click()
    dialog = page.get_by_role("dialog", name="Vote")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_text("body=1")).to_be_visible()
    expect(page.get_by_test_id("stDialog")).to_have_count(1)
    expect(page.get_by_text("full=2")).to_be_attached()

    dialog.get_by_role("button", name="Bump").click()
    expect(dialog.get_by_text("body=2")).to_be_visible()
    expect(page.get_by_text("full=2")).to_be_attached()  # the counter outside did not move

    page.keyboard.press("Escape")  # dismissible, on_dismiss="ignore": hidden, no rerun
    expect(dialog).to_be_hidden()
    expect(page.get_by_text("full=2")).to_be_visible()

    page.get_by_role("button", name="Open", exact=True).click()  # opens again
    expect(dialog).to_be_visible()
    expect(page.get_by_text("full=3")).to_be_attached()
    page.mouse.click(5, 5)  # the backdrop, outside the dialog
    expect(dialog).to_be_hidden()

    page.get_by_role("button", name="Open", exact=True).click()
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Finish").click()  # st.rerun(): the app runs, closes it
    expect(page.get_by_text("full=5")).to_be_visible()
    expect(page.get_by_test_id("stDialog")).to_have_count(0)
    assert page.errors == []


def test_a_dialog_that_is_not_dismissible_stays_until_the_app_closes_it(serve, page):
    from playwright.sync_api import expect

    page.goto(serve(APP).url)
    page.get_by_role("button", name="Open locked").click()
    dialog = page.get_by_role("dialog", name="Locked")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("button", name="Close")).to_have_count(0)  # no X
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.mouse.click(5, 5)
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Done").click()
    expect(page.get_by_test_id("stDialog")).to_have_count(0)
    assert page.errors == []


def test_on_dismiss_rerun_reruns_the_app(serve, page):
    from playwright.sync_api import expect

    page.goto(serve(APP).url)
    expect(page.get_by_text("full=1")).to_be_visible()
    page.get_by_role("button", name="Open rerunning").click()
    dialog = page.get_by_role("dialog", name="Rerunning")
    expect(dialog).to_be_visible()
    assert dialog.evaluate("d => d.getBoundingClientRect().width") > 750  # width="large"
    dialog.get_by_role("button", name="Close").click()  # the X
    expect(page.get_by_text("full=3")).to_be_visible()  # the dismissal reran the app
    expect(page.get_by_test_id("stDialog")).to_have_count(0)
    assert page.errors == []

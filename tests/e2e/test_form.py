"""st.form in a real browser: values wait for Submit, arrive in one run, clear, submit on Enter."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

APP = """
import fastlit as st

st.session_state.runs = st.session_state.get("runs", 0) + 1
with st.form("profile"):
    name = st.text_input("Name")
    level = st.slider("Level", 0, 10, 3)
    submitted = st.form_submit_button("Save")
st.markdown(f"run={st.session_state.runs} name=[{name}] level={level} submitted={submitted}")

with st.form("note", clear_on_submit=True):
    note = st.text_input("Note")
    st.form_submit_button("Send")
st.markdown(f"note=[{note}]")

with st.form("quiet", enter_to_submit=False, border=False):
    quiet = st.text_input("Quiet")
    st.form_submit_button("Apply")
st.markdown(f"quiet=[{quiet}]")
"""


@pytest.fixture
def app_page(serve, page):
    from playwright.sync_api import expect

    server = serve(APP)
    page.goto(server.url)
    expect(page.get_by_text("run=1 name=[] level=3 submitted=False")).to_be_visible()
    return page


def test_values_wait_for_submit_and_arrive_in_one_run(app_page):
    from playwright.sync_api import expect

    page = app_page
    expect(page.get_by_test_id("stForm")).to_have_count(3)
    name = page.get_by_label("Name")
    name.click()
    name.press_sequentially("Ada")
    thumb = page.get_by_role("slider", name="Level")
    thumb.focus()  # the text input's blur stages "Ada"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(thumb).to_have_attribute("aria-valuenow", "5")
    page.wait_for_timeout(500)
    expect(page.get_by_text("run=1 name=[] level=3 submitted=False")).to_be_visible()
    form = page.get_by_test_id("stForm").first
    form.get_by_test_id("stFormSubmitButton").get_by_role("button", name="Save").click()
    expect(page.get_by_text("run=2 name=[Ada] level=5 submitted=True")).to_be_visible()
    expect(name).to_have_value("Ada")  # no clear_on_submit: the values stay
    expect(thumb).to_have_attribute("aria-valuenow", "5")
    assert page.errors == []  # type: ignore[attr-defined]


def test_clear_on_submit_empties_the_input(app_page):
    from playwright.sync_api import expect

    page = app_page
    note = page.get_by_label("Note")
    note.click()
    note.press_sequentially("hello")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("note=[hello]")).to_be_visible()
    expect(note).to_have_value("")
    expect(page.get_by_text("run=2 name=[] level=3 submitted=False")).to_be_visible()


def test_enter_submits_unless_enter_to_submit_is_off(app_page):
    from playwright.sync_api import expect

    page = app_page
    name = page.get_by_label("Name")
    name.click()
    name.press_sequentially("Bob")
    hint = page.get_by_test_id("InputInstructions")
    expect(hint).to_have_text("Press Enter to submit form")  # as Streamlit, in a form
    name.press("Enter")
    expect(page.get_by_text("run=2 name=[Bob] level=3 submitted=True")).to_be_visible()
    quiet = page.get_by_label("Quiet")
    quiet.click()
    quiet.press_sequentially("shh")
    expect(hint).to_have_count(0)  # enter_to_submit=False: Enter does nothing, no hint
    quiet.press("Enter")
    page.wait_for_timeout(500)
    expect(page.get_by_text("quiet=[]")).to_be_visible()
    expect(page.get_by_text("run=2 ")).to_be_visible()
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_text("quiet=[shh]")).to_be_visible()
    expect(page.get_by_text("run=3 name=[Bob] level=3 submitted=False")).to_be_visible()


def test_a_form_without_a_submit_button_warns(serve, page):
    from playwright.sync_api import expect

    server = serve(
        """
        import fastlit as st
        with st.form("lonely"):
            st.text_input("Alone")
        st.markdown("done")
        """
    )
    page.goto(server.url)
    expect(page.get_by_text("done")).to_be_visible()
    warning = page.get_by_test_id("stForm").get_by_test_id("stAlert")
    expect(warning).to_contain_text("Missing Submit Button")
    expect(warning).to_contain_text("st.form_submit_button()")

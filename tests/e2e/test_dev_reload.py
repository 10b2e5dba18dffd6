"""`fastlit run --dev` in Chromium: saving the script reruns the page and keeps session_state;
a syntax error shows in the page while the server keeps serving; fixing it recovers."""

from __future__ import annotations

import textwrap

import httpx
from playwright.sync_api import expect

COUNTER = """
import fastlit as st
if "n" not in st.session_state:
    st.session_state.n = 0
if st.button("Add"):
    st.session_state.n += 1
st.markdown(f"version one: n={st.session_state.n}")
"""

SAVE = 15_000  # ms: generous, for "the page eventually shows the saved file"


def test_saving_the_script_reruns_the_page_and_keeps_state(serve, page):
    server = serve(COUNTER, "--dev")
    script = server.log.with_suffix(".py")
    page.goto(server.url)
    expect(page.get_by_text("version one: n=0")).to_be_visible()
    page.get_by_role("button", name="Add").click()
    expect(page.get_by_text("version one: n=1")).to_be_visible()

    script.write_text(textwrap.dedent(COUNTER).replace("version one", "version two"))
    expect(page.get_by_text("version two: n=1")).to_be_visible(timeout=SAVE)

    script.write_text("import fastlit as st\nst.markdown('broken'\nst.write(1)\n")
    exception = page.get_by_test_id("stException")
    expect(exception).to_contain_text("SyntaxError", timeout=SAVE)
    expect(exception).to_contain_text("line 2")  # dev mode: where it is
    assert httpx.get(f"{server.url}/_fl/health", timeout=5).json()["status"] == "ok"

    script.write_text(textwrap.dedent(COUNTER).replace("version one", "version three"))
    expect(page.get_by_text("version three: n=1")).to_be_visible(timeout=SAVE)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    page.get_by_role("button", name="Add").click()
    expect(page.get_by_text("version three: n=2")).to_be_visible()
    assert page.errors == []

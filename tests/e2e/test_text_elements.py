"""The text elements in a real browser: each renders with Streamlit's data-testid, HTML escaped."""

from __future__ import annotations

APP = """
import fastlit as st
import pandas as pd
st.markdown("Markdown <b id='md-html'>raw</b> **bold**")
st.text("  monospace   keeps   spaces")
st.code("print('hi')\\nprint('there')", language="python", line_numbers=True)
st.json({"outer": {"inner": [1, 2, float("nan")]}}, expanded=1)
st.success("Saved <b id='alert-html'>raw</b> and **bold**")
st.info("🚨 With icon", title="Title")
st.warning("Careful")
st.error("Broken <img src=x onerror='window.pwned=1'>")
st.write("written", 42)
st.dataframe(pd.DataFrame({"n": range(250), "s": ["x"] * 250}))
try:
    raise ValueError("bad at /srv/app/secret.py")
except ValueError as e:
    st.exception(e)
raise RuntimeError("uncaught")
"""


def test_text_elements_render(serve, page):
    server = serve(APP)
    page.goto(server.url)
    page.wait_for_selector('[data-testid="stDataFrame"]')
    page.wait_for_selector("text=RuntimeError")

    for test_id, count in (
        ("stMarkdown", 2),
        ("stText", 1),
        ("stCode", 1),
        ("stJson", 1),
        ("stAlert", 4),
        ("stDataFrame", 1),
        ("stException", 2),
    ):
        assert page.locator(f'[data-testid="{test_id}"]').count() == count, test_id

    # Raw HTML is text, never markup, in Markdown and in alerts.
    assert page.locator("#md-html").count() == 0
    assert page.locator("#alert-html").count() == 0
    success = page.locator('[data-testid="stAlertContentSuccess"]')
    assert "<b id='alert-html'>raw</b>" in success.inner_text()
    assert success.locator("strong").inner_text() == "bold"
    assert page.locator('[data-testid="stAlert"] img').count() == 0
    assert page.evaluate("window.pwned") is None

    assert "monospace   keeps   spaces" in page.locator('[data-testid="stText"]').inner_text()
    code = page.locator('[data-testid="stCode"] code')
    assert code.get_attribute("class") == "language-python"
    assert "print('there')" in code.inner_text()
    assert page.locator('[data-testid="stAlertDynamicIcon"]').inner_text() == "🚨"
    assert page.locator('[data-testid="stAlertTitle"]').inner_text() == "Title"

    tree = page.locator('[data-testid="stJson"]')
    assert '"outer"' in tree.inner_text() and '"inner"' not in tree.inner_text()
    assert tree.locator("details[open]").count() == 1  # expanded=1 opens the top level only
    tree.locator("summary").nth(1).focus()
    page.keyboard.press("Enter")  # native <details>: keyboard-operable
    tree.locator("summary").nth(2).click()
    assert "NaN" in tree.inner_text()  # Python's NaN survives the tolerant parse

    frame = page.locator('[data-testid="stDataFrame"]')
    assert frame.locator("tbody tr").count() == 200
    assert "Showing 200 of 250 rows" in frame.inner_text()

    exceptions = page.locator('[data-testid="stException"]')
    assert "ValueError" in exceptions.nth(0).inner_text()
    assert "/srv/app" not in exceptions.nth(0).inner_text()  # not --dev: paths redacted
    assert page.locator('[data-testid="stExceptionTraceback"]').count() == 0
    assert "RuntimeError: uncaught" in exceptions.nth(1).inner_text()
    assert "written `42`" not in page.content()  # the backticks became code
    assert page.locator('[data-testid="stMarkdown"] code', has_text="42").count() == 1
    assert page.errors == []  # type: ignore[attr-defined]

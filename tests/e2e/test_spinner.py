"""st.spinner in a real browser: visible while a slow block (or a cached function's first
call) runs, gone once it ends. The app waits for files the test creates, so no timing."""

from __future__ import annotations

import re

APP = """
import time
from pathlib import Path
import fastlit as st

def wait_for(name):
    gate = Path(__file__).with_name(name)
    while not gate.exists():
        time.sleep(0.05)

st.markdown("before")
with st.spinner("Crunching **numbers**", show_time=True):
    wait_for("block-done")
st.markdown("after the block")

@st.cache_data
def slow_total():
    wait_for("cache-done")
    return 42

st.markdown(f"total={slow_total()}")
"""


def test_spinner_shows_while_its_block_runs_then_goes(serve, page, tmp_path):
    from playwright.sync_api import expect

    server = serve(APP)
    page.goto(server.url)
    spinner = page.get_by_test_id("stSpinner")
    expect(spinner).to_be_visible()
    expect(spinner.get_by_role("status")).to_have_text("Crunching numbers")
    expect(spinner.locator("strong")).to_have_text("numbers")
    expect(spinner.get_by_test_id("stSpinnerTime")).to_have_text(
        re.compile(r"^\(\d+\.\d seconds\)$")
    )
    expect(page.get_by_text("before")).to_be_visible()

    (tmp_path / "block-done").touch()
    expect(page.get_by_text("after the block")).to_be_visible()
    cache_spinner = page.locator(".stCacheSpinner")
    expect(cache_spinner).to_have_count(1)
    expect(cache_spinner).to_contain_text("Running slow_total().")
    expect(spinner).to_have_count(1)  # the block's spinner is gone; this is the cache's

    (tmp_path / "cache-done").touch()
    expect(page.get_by_text("total=42")).to_be_visible()
    expect(spinner).to_have_count(0)
    assert page.errors == []  # type: ignore[attr-defined]

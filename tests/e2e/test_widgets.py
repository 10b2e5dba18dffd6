"""Slider, text input and checkbox in a real browser: keys, typing and clicks reach Python."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

APP = """
import fastlit as st

level = st.slider("Level", 0, 10, 3)
st.markdown(f"slider={level}")
share = st.slider("Share", 0.0, 1.0, (0.25, 0.75), format="%0.1f%%")
st.markdown(f"range={share[0]:.2f}-{share[1]:.2f}")
name = st.text_input("Name", max_chars=8)
st.markdown(f"text=[{name}]")
accepted = st.checkbox("Accept the terms")
st.markdown(f"checkbox={accepted}")
"""


@pytest.fixture
def app_page(serve, page):
    from playwright.sync_api import expect

    server = serve(APP)
    page.goto(server.url)
    expect(page.get_by_text("slider=3")).to_be_visible()
    return page


def test_slider_keyboard(app_page):
    from playwright.sync_api import expect

    page = app_page
    thumb = page.get_by_role("slider", name="Level")
    expect(thumb).to_have_attribute("aria-valuenow", "3")
    expect(thumb).to_have_attribute("aria-valuemin", "0")
    expect(thumb).to_have_attribute("aria-valuemax", "10")
    slider = page.get_by_test_id("stSlider").first
    expect(slider.get_by_test_id("stSliderThumbValue")).to_have_text("3")
    expect(slider.get_by_test_id("stSliderTickBarMin")).to_have_text("0")
    expect(slider.get_by_test_id("stSliderTickBarMax")).to_have_text("10")
    thumb.focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_text("slider=4")).to_be_visible()
    page.keyboard.press("End")
    expect(page.get_by_text("slider=10")).to_be_visible()
    expect(thumb).to_have_attribute("aria-valuenow", "10")
    page.keyboard.press("Home")
    expect(page.get_by_text("slider=0")).to_be_visible()
    page.keyboard.press("PageUp")
    expect(page.get_by_text("slider=10")).to_be_visible()
    assert page.errors == []  # type: ignore[attr-defined]


def test_slider_key_repeats_send_one_value(app_page):
    from playwright.sync_api import expect

    page = app_page
    page.get_by_role("slider", name="Level").focus()
    for _ in range(3):
        page.keyboard.press("ArrowLeft")
    expect(page.get_by_text("slider=0")).to_be_visible()


def test_slider_drag_sends_on_release(app_page):
    from playwright.sync_api import expect

    page = app_page
    track = page.get_by_test_id("stSliderTrack").first
    box = track.bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.3, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.8, y, steps=5)
    thumb = page.get_by_role("slider", name="Level")
    expect(thumb).to_have_attribute("aria-valuenow", "8")
    expect(page.get_by_text("slider=3")).to_be_visible()  # nothing sent while dragging
    page.mouse.up()
    expect(page.get_by_text("slider=8")).to_be_visible()


def test_range_slider_thumbs_and_format(app_page):
    from playwright.sync_api import expect

    page = app_page
    low, high = page.get_by_role("slider", name="Share").all()
    expect(low).to_have_attribute("aria-valuetext", "0.3%")  # toFixed, as sprintf-js
    expect(high).to_have_attribute("aria-valuemin", "0.25")
    high.focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_text("range=0.25-0.76")).to_be_visible()
    low.focus()
    page.keyboard.press("End")  # a range's start stops at its end
    expect(page.get_by_text("range=0.76-0.76")).to_be_visible()


def test_text_input_sends_on_enter_and_blur_only(app_page):
    from playwright.sync_api import expect

    page = app_page
    box = page.get_by_label("Name")
    box.click()
    box.press_sequentially("Ada")
    expect(page.get_by_test_id("InputInstructions")).to_have_text("Press Enter to apply")
    page.wait_for_timeout(300)
    expect(page.get_by_text("text=[]")).to_be_visible()  # not sent per keystroke
    box.press("Enter")
    expect(page.get_by_text("text=[Ada]")).to_be_visible()
    box.press_sequentially(" Lovelace")  # max_chars=8 stops the browser at "Ada Love"
    expect(box).to_have_value("Ada Love")
    box.blur()
    expect(page.get_by_text("text=[Ada Love]")).to_be_visible()


def test_checkbox_label_click_toggles(app_page):
    from playwright.sync_api import expect

    page = app_page
    page.get_by_text("Accept the terms").click()
    expect(page.get_by_text("checkbox=True")).to_be_visible()
    expect(page.get_by_role("checkbox", name="Accept the terms")).to_be_checked()
    page.get_by_text("Accept the terms").click()
    expect(page.get_by_text("checkbox=False")).to_be_visible()
    page.get_by_role("checkbox", name="Accept the terms").press("Space")
    expect(page.get_by_text("checkbox=True")).to_be_visible()

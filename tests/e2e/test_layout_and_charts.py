"""Layout, balloons and line charts in a real browser; chart code loads only where charts are."""

from __future__ import annotations

import json
import time
from typing import Any

LAYOUT_APP = """
import time
import fastlit as st

a, b, c = st.columns([1, 2, 1])
a.markdown("col-a")
b.markdown("col-b")
with c:
    st.markdown("col-c")

st.sidebar.markdown("side-text")
st.sidebar.button("side-button")

ph = st.empty()
ph.markdown("first-content")
time.sleep(0.3)
ph.markdown("second-content")
st.empty()

with st.container(border=True, height=120):
    for i in range(12):
        st.markdown(f"scroll-line-{i}")
"""


def box(page: Any, selector: str) -> dict[str, float]:
    element = page.locator(selector)
    element.first.wait_for()
    bounds = element.first.bounding_box()
    assert bounds is not None, selector
    return bounds


def text_box(page: Any, text: str) -> dict[str, float]:
    return box(page, f'[data-testid="stMarkdown"]:has-text("{text}")')


def test_columns_sit_side_by_side_with_weighted_widths(serve: Any, page: Any) -> None:
    server = serve(LAYOUT_APP)
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(server.url)
    page.wait_for_selector("text=scroll-line-11")

    assert page.locator('[data-testid="stHorizontalBlock"]').count() == 1
    columns = page.locator('[data-testid="stHorizontalBlock"] > [data-testid="stColumn"]')
    assert columns.count() == 3
    boxes = [columns.nth(i).bounding_box() for i in range(3)]
    assert all(b is not None for b in boxes)
    tops = {round(b["y"]) for b in boxes}
    assert len(tops) == 1  # one row
    assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]
    assert boxes[0]["x"] + boxes[0]["width"] <= boxes[1]["x"] + 1
    assert abs(boxes[1]["width"] / boxes[0]["width"] - 2) < 0.1  # weights 1:2:1
    assert abs(boxes[2]["width"] - boxes[0]["width"]) < 1
    a, b = text_box(page, "col-a"), text_box(page, "col-b")
    assert abs(a["y"] - b["y"]) < 1 and a["x"] < b["x"]

    # A fixed-height container scrolls instead of growing.
    scroller = page.locator('[data-testid="stVerticalBlock"].fl-scroll')
    assert scroller.count() == 1
    assert abs(scroller.bounding_box()["height"] - 120) < 1
    assert scroller.evaluate("el => el.scrollHeight > el.clientHeight")
    assert page.errors == []


def test_columns_stack_on_narrow_screens(serve: Any, page: Any) -> None:
    server = serve(LAYOUT_APP)
    page.set_viewport_size({"width": 500, "height": 900})
    page.goto(server.url)
    page.wait_for_selector("text=col-c")
    a, b, c = (text_box(page, t) for t in ("col-a", "col-b", "col-c"))
    assert a["y"] < b["y"] < c["y"]
    assert abs(a["x"] - b["x"]) < 1 and abs(b["x"] - c["x"]) < 1


def test_sidebar_renders_at_the_left_and_collapses(serve: Any, page: Any) -> None:
    server = serve(LAYOUT_APP)
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(server.url)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.wait_for()
    page.wait_for_selector('[data-testid="stSidebarUserContent"] >> text=side-text')
    side = sidebar.bounding_box()
    main = box(page, '[data-testid="stMain"]')
    assert side is not None and side["x"] == 0
    assert 300 <= side["width"] <= 360  # ~21rem
    assert side["x"] + side["width"] <= main["x"] + 1
    assert text_box(page, "side-text")["x"] < text_box(page, "col-a")["x"]
    assert (
        sidebar.locator('[data-testid="stSidebarContent"] button:has-text("side-button")').count()
        == 1
    )

    page.locator('[data-testid="stSidebarCollapseButton"] button').click()
    page.wait_for_selector('[data-testid="stExpandSidebarButton"]')
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stSidebar]').getBoundingClientRect().right <= 1"
    )
    assert sidebar.get_attribute("aria-expanded") == "false"
    page.locator('[data-testid="stExpandSidebarButton"]').click()
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stSidebar]').getBoundingClientRect().left >= 0"
    )
    assert sidebar.get_attribute("aria-expanded") == "true"
    assert page.locator('[data-testid="stExpandSidebarButton"]').count() == 0


def test_no_sidebar_without_sidebar_content(serve: Any, page: Any) -> None:
    server = serve('import fastlit as st\nst.markdown("only main")\n')
    page.goto(server.url)
    page.wait_for_selector("text=only main")
    assert page.locator('[data-testid="stSidebar"]').count() == 0


def test_empty_shows_only_its_last_content(serve: Any, page: Any) -> None:
    server = serve(LAYOUT_APP)
    page.goto(server.url)
    page.wait_for_selector("text=second-content")
    page.wait_for_selector("text=scroll-line-11")
    assert page.locator("text=first-content").count() == 0
    # The second placeholder stays empty: attached, taking no room.
    page.wait_for_selector('[data-testid="stEmpty"]', state="attached")
    empty = page.locator('[data-testid="stEmpty"]')
    assert empty.count() == 1
    assert not empty.is_visible()


BALLOONS_APP = """
import fastlit as st
st.session_state.setdefault("clicks", 0)
if st.button("click-me"):
    st.session_state.clicks += 1
st.markdown(f"clicks={st.session_state.clicks}")
st.balloons()
"""


def test_balloons_appear_let_clicks_through_clean_up_and_replay(serve: Any, page: Any) -> None:
    server = serve(BALLOONS_APP)
    page.goto(server.url)
    page.wait_for_selector('[data-testid="stBalloons"] .fl-balloon')
    overlay = page.locator('[data-testid="stBalloons"]')
    assert overlay.evaluate("el => getComputedStyle(el).pointerEvents") == "none"
    assert page.locator('[data-testid="stBalloons"] .fl-balloon').count() > 10

    # Clicks reach the page while balloons fly.
    page.locator('button:has-text("click-me")').click()
    page.wait_for_selector("text=clicks=1")

    # The overlay empties itself...
    gone = "() => document.querySelectorAll('[data-testid=stBalloons] .fl-balloon').length === 0"
    page.wait_for_function(gone, timeout=8000)
    assert not overlay.is_visible()

    # ...and a later run that calls st.balloons() again plays them again.
    page.locator('button:has-text("click-me")').click()
    page.wait_for_selector("text=clicks=2")
    page.wait_for_selector('[data-testid="stBalloons"] .fl-balloon', timeout=3000)
    page.wait_for_function(gone, timeout=8000)
    assert page.errors == []


# --- chart bundles load only with charts -----------------------------------------------------


def record(page: Any) -> tuple[list[str], dict[str, str]]:
    """Every URL the page requests, and the component map from the welcome message."""
    requests: list[str] = []
    components: dict[str, str] = {}
    page.on("request", lambda request: requests.append(request.url))

    def on_socket(ws: Any) -> None:
        def on_frame(payload: Any) -> None:
            if isinstance(payload, str) and '"welcome"' in payload:
                message = json.loads(payload)
                if message.get("t") == "welcome":
                    components.update(message["components"])

        ws.on("framereceived", on_frame)

    page.on("websocket", on_socket)
    return requests, components


def chart_folder(components: dict[str, str]) -> str:
    url = components["vega_lite_chart"]
    return url.rsplit("/", 1)[0] + "/"  # /_fl/static/<digest of fastlit_charts/static>/


def test_page_without_charts_loads_no_chart_code(serve: Any, page: Any) -> None:
    server = serve("""
import fastlit as st
a, b = st.columns(2)
a.markdown("no charts here")
st.sidebar.markdown("side")
st.balloons()
""")
    requests, components = record(page)
    page.goto(server.url)
    page.wait_for_selector("text=no charts here")
    page.wait_for_selector('[data-testid="stBalloons"]', state="attached")
    page.wait_for_load_state("networkidle")
    time.sleep(0.3)
    folder = chart_folder(components)
    assert not [url for url in requests if folder in url], requests
    assert any("/balloons.js" in url for url in requests)


def test_page_with_a_line_chart_loads_and_renders_it(serve: Any, page: Any) -> None:
    server = serve("""
import fastlit as st
import pandas as pd
st.line_chart(pd.DataFrame({"a": [1, 3, 2, 4], "b": [2, 2, 3, 1]}), x_label="step")
left, right = st.columns(2)
right.line_chart([5, 1, 4], color="#ff0000")
""")
    requests, components = record(page)
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(server.url)
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    page.wait_for_selector(
        '[data-testid="stVegaLiteChart"] svg, [data-testid="stVegaLiteChart"] canvas'
    )
    page.wait_for_function(
        "() => document.querySelectorAll('[data-testid=stVegaLiteChart] svg.marks').length === 2"
    )
    assert charts.count() == 2
    folder = chart_folder(components)
    assert any(url == f"{server.url}{components['vega_lite_chart']}" for url in requests)
    assert any(folder in url for url in requests)

    first = charts.nth(0)
    # One line per y column, the axis title from x_label, no actions menu.
    assert first.locator("path[aria-roledescription='line mark']").count() == 2
    assert "step" in first.inner_text()
    assert first.locator(".vega-actions, details").count() == 0
    # Responsive width: the chart fills main; the one in a column fits the column.
    main_width = box(
        page, '[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"]'
    )["width"]
    assert first.locator("svg.marks").bounding_box()["width"] > main_width * 0.9
    column_chart = charts.nth(1).locator("svg.marks").bounding_box()
    column = box(page, '[data-testid="stColumn"] >> nth=1')
    assert column_chart["width"] <= column["width"] + 1
    assert column_chart["height"] > 100
    assert page.errors == []

"""The README's Quick Start app in Chromium: renders, reacts, isolates sessions and failures."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]
QUICKSTART = (ROOT / "examples" / "quickstart.py").read_text()


def open_app(page, server):
    page.goto(server.url)
    expect(page.get_by_test_id("stHeading")).to_contain_text("My First Fastlit App")


def test_quickstart_renders(serve, page):
    server = serve(QUICKSTART)
    open_app(page, server)
    expect(page.get_by_test_id("stTextInput")).to_be_visible()
    expect(page.get_by_test_id("stSlider")).to_be_visible()
    expect(page.get_by_test_id("stButton")).to_be_visible()
    expect(page.get_by_text("Hello, !")).to_be_visible()
    expect(page.get_by_text("You selected: 50")).to_be_visible()
    assert page.errors == []


def test_typing_sliding_and_clicking_update_the_page(serve, page):
    server = serve(QUICKSTART)
    open_app(page, server)
    name = page.get_by_test_id("stTextInput").locator("input")
    name.fill("Ada")
    name.press("Enter")
    expect(page.get_by_text("Hello, Ada!")).to_be_visible()

    thumb = page.get_by_role("slider")
    thumb.focus()
    thumb.press("ArrowRight")
    expect(page.get_by_text("You selected: 51")).to_be_visible()
    thumb.press("End")
    expect(page.get_by_text("You selected: 100")).to_be_visible()

    page.get_by_role("button", name="Click me!").click()
    expect(page.get_by_test_id("stAlert")).to_contain_text("Button clicked!")
    expect(page.get_by_test_id("stBalloons")).to_have_count(1)
    # the text input and slider kept their values through the button's rerun
    expect(page.get_by_text("Hello, Ada!")).to_be_visible()
    expect(page.get_by_text("You selected: 100")).to_be_visible()


def test_page_without_charts_downloads_no_chart_code(serve, page):
    server = serve(QUICKSTART)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_app(page, server)
    page.get_by_role("button", name="Click me!").click()
    expect(page.get_by_test_id("stAlert")).to_be_visible()
    chart_bundles = _chart_bundle_prefixes(page)
    assert chart_bundles, "the welcome message should list the line_chart component"
    assert not [u for u in requested if any(u.startswith(p) for p in chart_bundles)]
    assert not [u for u in requested if "vega" in u]


def test_page_with_line_chart_renders_it(serve, page):
    server = serve("""
        import fastlit as st, pandas as pd
        st.title("Chart")
        st.line_chart(pd.DataFrame({"a": [1, 3, 2, 4], "b": [2, 2, 3, 1]}))
    """)
    page.goto(server.url)
    chart = page.get_by_test_id("stVegaLiteChart")
    expect(chart.locator("svg, canvas").first).to_be_visible(timeout=15000)


def test_two_tabs_are_independent_sessions(serve, browser):
    server = serve(QUICKSTART)
    context = browser.new_context()
    first, second = context.new_page(), context.new_page()
    open_app(first, server)
    open_app(second, server)
    name = first.get_by_test_id("stTextInput").locator("input")
    name.fill("Grace")
    name.press("Enter")
    expect(first.get_by_text("Hello, Grace!")).to_be_visible()
    second.reload()
    open_app(second, server)
    expect(second.get_by_text("Hello, !")).to_be_visible()
    context.close()


COUNTER = """
import fastlit as st
st.session_state.setdefault("clicks", 0)
if st.button("Add"):
    st.session_state.clicks += 1
st.markdown(f"clicks: {st.session_state.clicks}")
"""


def test_dropped_websocket_reconnects_with_session_state(serve, page):
    server = serve(COUNTER)
    page.goto(server.url)
    add = page.get_by_role("button", name="Add")
    add.click()
    expect(page.get_by_text("clicks: 1")).to_be_visible()
    session = page.evaluate("window.__fastlit.connection.sessionId")
    page.evaluate("window.__fastlit.connection.drop()")
    app = page.get_by_test_id("stApp")
    # First see the drop, then the reconnect (else the old "connected" passes at once).
    offline = re.compile("disconnected|connecting")
    expect(app).to_have_attribute("data-status", offline, timeout=5000)
    add.click()  # while offline: the value is kept and delivered after the resume
    expect(app).to_have_attribute("data-status", "connected", timeout=10000)
    assert page.evaluate("window.__fastlit.connection.sessionId") == session
    expect(page.get_by_text("clicks: 2")).to_be_visible()
    add.click()
    expect(page.get_by_text("clicks: 3")).to_be_visible()


def test_broken_plugins_leave_the_rest_of_the_page_working(serve, page, tmp_path):
    site = _install_broken_plugins(tmp_path / "site")
    server = serve(
        """
        import fastlit as st
        st.title("Still here")
        st.rating(5)
        st.kaboom()
        if st.button("Works"):
            st.markdown("button still works")
    """,
        env={"PYTHONPATH": str(site)},
    )
    page.goto(server.url)
    expect(page.get_by_test_id("stHeading")).to_contain_text("Still here")
    boxes = page.get_by_test_id("fl-error")
    expect(boxes).to_have_count(2)
    expect(boxes.nth(0)).to_contain_text("st.rating is unavailable")
    expect(boxes.nth(1)).to_contain_text("failed to render")
    page.get_by_role("button", name="Works").click()
    expect(page.get_by_text("button still works")).to_be_visible()
    assert "/site/" not in page.content()


def _chart_bundle_prefixes(page) -> list[str]:
    """URL folders of chart components (served as /_fl/static/<digest>/<file>)."""
    components = page.evaluate("window.__fastlit.connection.components")
    origin = re.match(r"https?://[^/]+", page.url).group(0)
    chart = components.get("vega_lite_chart")
    return [origin + chart.rsplit("/", 1)[0] + "/"] if chart else []


def _install_broken_plugins(site: Path) -> Path:
    """A dist whose st.rating fails to import, and one whose component throws in React."""
    site.mkdir(parents=True)
    (site / "broken_rating.py").write_text("raise ImportError('the rating plugin is broken')\n")
    static = site / "kaboom_static"
    static.mkdir()
    (static / "kaboom.js").write_text(
        "export default function Kaboom() { throw new Error('kaboom component'); }\n"
    )
    (site / "kaboom_plugin.py").write_text(
        "from pathlib import Path\n"
        "from fastlit_core.plugin import Component, Element, ElementPlugin\n"
        "def kaboom(container):\n    return container.add('kaboom', {})\n"
        "plugin = ElementPlugin([Element('kaboom', kaboom)],\n"
        "    [Component('kaboom', Path(__file__).parent / 'kaboom_static', 'kaboom.js')])\n"
    )
    for name, entry in (
        ("broken_rating", "rating = broken_rating:plugin"),
        ("kaboom_plugin", "kaboom = kaboom_plugin:plugin"),
    ):
        info = site / f"{name}-0.1.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n")
        (info / "entry_points.txt").write_text(f"[fastlit.elements]\n{entry}\n")
    return site


def test_sequence_gap_makes_the_client_resync(serve, page):
    server = serve(COUNTER)
    frames: list[str] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda f: frames.append(str(f))))
    page.goto(server.url)
    add = page.get_by_role("button", name="Add")
    add.click()
    expect(page.get_by_text("clicks: 1")).to_be_visible()
    # Pretend a patch was lost: the next one then skips a number.
    page.evaluate("window.__fastlit.connection.lastSeq -= 1")
    frames.clear()
    add.click()
    expect(page.get_by_text("clicks: 2")).to_be_visible()
    assert any('"t":"tree"' in f for f in frames), "a gap must be answered with a whole tree"
    add.click()
    expect(page.get_by_text("clicks: 3")).to_be_visible()

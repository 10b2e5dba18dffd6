"""Multipage apps in Chromium: menu links, back/forward, deep links, switch_page, page_link."""

from __future__ import annotations

import textwrap
from pathlib import Path

from playwright.sync_api import expect

APP = """
    import fastlit as st

    def home():
        st.title("Home page")
        st.page_link(reports, label="See the reports", icon="📊")
        if st.button("Switch to settings"):
            st.switch_page("settings_page.py")

    def reports():
        st.title("Reports page")
        st.text_input("Filter", key="filter")

    reports = st.Page(reports, title="Reports", icon=":material/bar_chart:", url_path="reports")
    pg = st.navigation(
        {"": [st.Page(home, title="Home", icon="🏠")],
         "Admin": [reports, st.Page("settings_page.py", title="Settings")]},
        position=POSITION,
    )
    st.sidebar.markdown("sidebar content")
    pg.run()
"""

SETTINGS = """
    import fastlit as st
    st.title("Settings page")
    st.markdown(f"settings file: {__file__.rsplit('/', 1)[-1]}")
"""


def start(serve, position: str = "sidebar"):
    server = serve(APP.replace("POSITION", repr(position)))
    folder = Path(server.log).parent  # the entry script's folder
    (folder / "settings_page.py").write_text(textwrap.dedent(SETTINGS))
    return server


def test_menu_links_switch_pages_and_the_url(serve, page):
    server = start(serve)
    page.goto(server.url)
    nav = page.get_by_test_id("stSidebarNav")
    expect(page.get_by_role("heading", name="Home page")).to_be_visible()
    expect(nav.get_by_test_id("stSidebarNavLink")).to_have_count(3)
    expect(nav.get_by_test_id("stNavSectionHeader")).to_have_text(["Admin"])
    expect(page).to_have_title("Home")
    home_link = nav.get_by_role("link", name="Home")
    expect(home_link).to_have_attribute("aria-current", "page")
    # the menu comes first in the sidebar, above its content
    sidebar_text = page.get_by_test_id("stSidebar").inner_text()
    assert sidebar_text.index("Settings") < sidebar_text.index("sidebar content")

    page.evaluate("window.__marker = 1")  # survives only if the page never reloads
    nav.get_by_role("link", name="Reports").click()
    expect(page.get_by_role("heading", name="Reports page")).to_be_visible()
    expect(page.get_by_role("heading", name="Home page")).to_have_count(0)
    expect(page).to_have_url(f"{server.url}/reports")
    expect(page).to_have_title("Reports")
    expect(nav.get_by_role("link", name="Reports")).to_have_attribute("aria-current", "page")

    nav.get_by_role("link", name="Settings").click()
    expect(page.get_by_text("settings file: settings_page.py")).to_be_visible()
    expect(page).to_have_url(f"{server.url}/settings_page")
    assert page.evaluate("window.__marker") == 1
    assert page.errors == []


def test_back_and_forward(serve, page):
    server = start(serve)
    page.goto(server.url)
    nav = page.get_by_test_id("stSidebarNav")
    expect(page.get_by_role("heading", name="Home page")).to_be_visible()
    nav.get_by_role("link", name="Reports").click()
    expect(page.get_by_role("heading", name="Reports page")).to_be_visible()
    nav.get_by_role("link", name="Settings").click()
    expect(page.get_by_role("heading", name="Settings page")).to_be_visible()

    page.go_back()
    expect(page).to_have_url(f"{server.url}/reports")
    expect(page.get_by_role("heading", name="Reports page")).to_be_visible()
    page.go_back()
    expect(page).to_have_url(f"{server.url}/")
    expect(page.get_by_role("heading", name="Home page")).to_be_visible()
    page.go_forward()
    expect(page.get_by_role("heading", name="Reports page")).to_be_visible()
    expect(page).to_have_title("Reports")
    assert page.errors == []


def test_a_deep_link_opens_its_page(serve, page):
    server = start(serve)
    page.goto(f"{server.url}/reports")
    expect(page.get_by_role("heading", name="Reports page")).to_be_visible()
    expect(page.get_by_role("heading", name="Home page")).to_have_count(0)
    expect(page).to_have_title("Reports")
    page.goto(f"{server.url}/settings_page")
    expect(page.get_by_role("heading", name="Settings page")).to_be_visible()


def test_an_unknown_page_shows_the_notice_and_runs_the_default_page(serve, page):
    server = start(serve)
    page.goto(f"{server.url}/no_such_page")
    expect(page.get_by_test_id("stPageNotFound")).to_contain_text("Page not found")
    expect(page.get_by_role("heading", name="Home page")).to_be_visible()
    expect(page).to_have_url(f"{server.url}/")
    page.get_by_role("button", name="Close").click()
    expect(page.get_by_test_id("stPageNotFound")).to_have_count(0)


def test_switch_page_moves_the_url(serve, page):
    server = start(serve)
    page.goto(server.url)
    page.get_by_role("button", name="Switch to settings").click()
    expect(page.get_by_role("heading", name="Settings page")).to_be_visible()
    expect(page).to_have_url(f"{server.url}/settings_page")
    expect(page).to_have_title("Settings")
    page.go_back()  # st.switch_page added a history entry
    expect(page.get_by_role("heading", name="Home page")).to_be_visible()
    expect(page).to_have_url(f"{server.url}/")


def test_page_link(serve, page):
    server = start(serve)
    page.goto(server.url)
    link = page.get_by_test_id("stPageLink").get_by_role("link", name="See the reports")
    expect(link).to_have_attribute("href", "/reports")
    page.evaluate("window.__marker = 1")
    link.click()
    expect(page.get_by_role("heading", name="Reports page")).to_be_visible()
    expect(page).to_have_url(f"{server.url}/reports")
    assert page.evaluate("window.__marker") == 1


def test_widgets_belong_to_their_page(serve, page):
    server = start(serve)
    page.goto(server.url)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Reports").click()
    page.get_by_label("Filter").fill("north")
    page.get_by_label("Filter").press("Enter")
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Reports").click()  # a rerun
    expect(page.get_by_label("Filter")).to_have_value("north")
    page.go_back()  # to Home: the Reports page's widgets are forgotten, as in Streamlit
    expect(page.get_by_role("heading", name="Home page")).to_be_visible()
    page.go_forward()
    expect(page.get_by_role("heading", name="Reports page")).to_be_visible()
    expect(page.get_by_label("Filter")).to_have_value("")


def test_top_navigation(serve, page):
    server = start(serve, position="top")
    page.goto(server.url)
    top = page.get_by_test_id("stTopNav")
    expect(top.get_by_test_id("stTopNavLink")).to_have_text(["🏠Home"])
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    top.get_by_test_id("stTopNavSection").get_by_role("button", name="Admin").click()
    top.get_by_test_id("stTopNavDropdownLink").filter(has_text="Reports").click()
    expect(page.get_by_role("heading", name="Reports page")).to_be_visible()
    expect(page).to_have_url(f"{server.url}/reports")
    assert page.errors == []


def test_pages_folder(serve, page):
    server = serve(
        """
        import fastlit as st
        st.title("Main page")
        """,
        name="main_app.py",
    )
    pages = Path(server.log).parent / "pages"
    pages.mkdir()
    (pages / "2_Second.py").write_text("import fastlit as st\nst.title('Second page')\n")
    (pages / "1_🎈_First.py").write_text("import fastlit as st\nst.title('First page')\n")
    page.goto(server.url)
    nav = page.get_by_test_id("stSidebarNav")
    expect(nav.get_by_test_id("stSidebarNavLink")).to_have_text(["main app", "🎈First", "Second"])
    nav.get_by_role("link", name="Second").click()
    expect(page.get_by_role("heading", name="Second page")).to_be_visible()
    expect(page).to_have_url(f"{server.url}/Second")
    page.goto(f"{server.url}/First")
    expect(page.get_by_role("heading", name="First page")).to_be_visible()

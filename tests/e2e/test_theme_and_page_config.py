"""Theming (config files, flags, the OS's dark mode) and st.set_page_config in Chromium."""

from __future__ import annotations

from playwright.sync_api import expect


def _style(page, selector: str, prop: str) -> str:
    return page.eval_on_selector(selector, f"e => getComputedStyle(e).{prop}")


def test_dark_theme_from_fastlit_toml(serve, page, tmp_path):
    (tmp_path / "fastlit.toml").write_text('[theme]\nbase = "dark"\n')
    server = serve("""
        import fastlit as st
        st.markdown(f"theme={st.context.theme.type} base={st.get_option('theme.base')}")
    """)
    page.goto(server.url)
    expect(page.get_by_text("theme=dark base=dark")).to_be_visible()
    assert _style(page, "body", "backgroundColor") == "rgb(14, 17, 23)"
    assert _style(page, "body", "color") == "rgb(250, 250, 250)"
    assert page.evaluate("document.documentElement.dataset.flTheme") == "dark"
    assert page.errors == []


def test_custom_primary_color_from_streamlit_config(serve, page, tmp_path):
    # Streamlit's own file beside the script; a flag overrides the file's background.
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text(
        '[theme]\nprimaryColor = "#00aa00"\nbackgroundColor = "#101010"\n'
        "[server]\nheadless = true\n"  # a Streamlit option Fastlit does not use: skipped
    )
    server = serve(
        """
        import fastlit as st
        st.button("Go", type="primary")
        """,
        "--theme.backgroundColor",
        "#fafaf0",
    )
    page.goto(server.url)
    button = page.get_by_role("button", name="Go")
    expect(button).to_be_visible()
    assert button.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(0, 170, 0)"
    assert _style(page, "body", "backgroundColor") == "rgb(250, 250, 240)"


def test_follows_the_os_dark_mode_without_a_configured_base(serve, browser):
    server = serve("""
        import fastlit as st
        st.markdown(f"theme={st.context.theme.type}")
    """)
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(server.url)
    expect(page.get_by_text("theme=dark")).to_be_visible()
    assert _style(page, "body", "backgroundColor") == "rgb(14, 17, 23)"
    context.close()


def test_page_config_title_layout_and_last_call_wins(serve, page):
    page.set_viewport_size({"width": 1400, "height": 900})
    server = serve("""
        import fastlit as st
        st.set_page_config(page_title="First", layout="centered", page_icon="🦈")
        wide = st.checkbox("wide", value=True)
        st.markdown("body text")
        st.set_page_config(page_title="Second", layout="wide" if wide else "centered")
    """)
    page.goto(server.url)
    expect(page).to_have_title("Second")
    block = page.get_by_test_id("stMainBlockContainer")
    expect(block).to_be_visible()
    expect(page.locator("html")).to_have_attribute("data-fl-layout", "wide")
    assert block.bounding_box()["width"] > 1200
    icon = page.locator('link[rel="icon"]')
    assert icon.get_attribute("href").startswith("data:image/svg+xml,")

    page.get_by_text("wide").click()  # the rerun's calls change the layout back
    expect(page.locator("html")).to_have_attribute("data-fl-layout", "centered")
    assert block.bounding_box()["width"] <= 46 * 16
    expect(page).to_have_title("Second")
    assert page.errors == []


def test_menu_items_and_collapsed_sidebar(serve, page):
    page.set_viewport_size({"width": 1400, "height": 900})
    server = serve("""
        import fastlit as st
        st.set_page_config(
            initial_sidebar_state="collapsed",
            menu_items={"Get help": "https://example.com/help", "About": "An *app*."},
        )
        st.sidebar.markdown("in the sidebar")
        st.markdown("main")
    """)
    page.goto(server.url)
    expect(page.get_by_text("main", exact=True)).to_be_visible()
    expect(page.get_by_test_id("stSidebar")).to_have_attribute("aria-expanded", "false")
    page.get_by_test_id("stMainMenu").click()
    help_link = page.get_by_role("menuitem", name="Get help")
    expect(help_link).to_have_attribute("href", "https://example.com/help")
    expect(page.get_by_role("menuitem", name="Report a bug")).to_have_count(0)
    page.get_by_role("menuitem", name="About").click()
    expect(page.get_by_test_id("stAboutDialog")).to_contain_text("An *app*.")
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("stAboutDialog")).to_have_count(0)


def test_no_menu_without_menu_items(serve, page):
    server = serve("""
        import fastlit as st
        st.markdown("plain")
    """)
    page.goto(server.url)
    expect(page.get_by_text("plain")).to_be_visible()
    expect(page.get_by_test_id("stMainMenu")).to_have_count(0)

"""st.context in a real browser: headers, cookies, locale, timezone, URL, theme."""

from __future__ import annotations

from playwright.sync_api import expect


def test_context_reports_the_browser(serve, browser):
    server = serve("""
        import fastlit as st
        c = st.context
        st.markdown(f"ua={'HeadlessChrome' in c.headers.get('User-Agent', '')}")
        st.markdown(f"cookie={c.cookies.get('flavour')}")
        st.markdown(f"locale={c.locale} tz={c.timezone} offset={c.timezone_offset}")
        st.markdown(f"url={c.url} theme={c.theme.type} ip={c.ip_address}")
    """)
    context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin")
    context.add_cookies([{"name": "flavour", "value": "oat", "url": server.url}])
    page = context.new_page()
    page.goto(f"{server.url}/?x=1")
    expect(page.get_by_text("ua=True")).to_be_visible()
    expect(page.get_by_text("cookie=oat")).to_be_visible()
    expect(page.get_by_text("locale=de-DE tz=Europe/Berlin")).to_be_visible()
    expect(page.get_by_text(f"url={server.url}/?x=1 theme=light ip=None")).to_be_visible()
    context.close()

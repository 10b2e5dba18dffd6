"""The address bar and st.query_params follow each other."""

from __future__ import annotations

from playwright.sync_api import expect


def test_url_to_script_and_script_to_url(serve, page):
    server = serve("""
        import fastlit as st
        st.markdown(f"name={st.query_params.get('name')}")
        if st.button("rename"):
            st.query_params["name"] = "Grace"
    """)
    page.goto(f"{server.url}/?name=Ada")
    expect(page.get_by_text("name=Ada")).to_be_visible()
    page.get_by_role("button", name="rename").click()
    expect(page).to_have_url(f"{server.url}/?name=Grace")
    page.reload()
    expect(page.get_by_text("name=Grace")).to_be_visible()

"""st.set_page_config: Streamlit's checks, additive calls, what reaches the browser."""

from __future__ import annotations

import base64

import pytest

import fastlit as st
from fastlit.testing.v1 import AppTest
from fastlit_core.errors import StreamlitAPIException
from fastlit_core.page_config import emoji_svg, favicon_url
from fastlit_core.protocol import MenuItems, PageConfig
from tests.parity import outcome


@pytest.mark.parametrize(
    "snippet",
    [
        "st.set_page_config(page_title='T', page_icon='🦈', layout='wide')",
        "st.set_page_config(layout='tall')",
        "st.set_page_config(layout='WIDE')",
        "st.set_page_config(initial_sidebar_state='open')",
        "st.set_page_config(initial_sidebar_state=0)",
        "st.set_page_config(initial_sidebar_state=-5)",
        "st.set_page_config(initial_sidebar_state=320)",
        "st.set_page_config(initial_sidebar_state='locked')",
        "st.set_page_config(initial_sidebar_state=1.5)",
        "st.set_page_config(menu_items={'Foo': 'https://x.com'})",
        "st.set_page_config(menu_items={' Get Help ': 'https://x.com', 'ABOUT': None})",
        "st.set_page_config(menu_items={'Get help': 'not a url'})",
        "st.set_page_config(menu_items={'Report a bug': 'ftp://x.com/bug'})",
        "st.set_page_config(menu_items={'Report a bug': 'mailto:me@x.com'})",
        "st.set_page_config(menu_items={'Get help': 'https://'})",
        "st.set_page_config(menu_items={'About': 'not a url, and fine'})",
        "st.set_page_config(page_icon=':material/Thumb:')",
        "st.set_page_config(page_icon=':nopack:')",
        "st.set_page_config(page_icon=':material/thumb_up:')",
        "st.set_page_config(page_icon=':shark:')",
        "st.set_page_config(page_icon='random')",
    ],
)
def test_checks_match_streamlit(snippet):
    assert outcome("fastlit", snippet) == outcome("streamlit", snippet)


def test_calls_add_up_and_later_ones_win():
    at = AppTest.from_string("""
        import fastlit as st
        st.set_page_config(page_title="One", layout="wide", menu_items={
            "Get help": "https://x.com/help", "About": "    # About\\n    text",
        })
        st.markdown("between")
        st.set_page_config(page_title="Two", initial_sidebar_state="collapsed")
        st.set_page_config(menu_items={"get help": None, "Report a bug": "mailto:a@b.c"})
    """).run()
    assert not at.exception
    assert at._session.page_config == PageConfig(
        title="Two",
        layout="wide",
        initial_sidebar_state="collapsed",
        menu_items=MenuItems(report_a_bug="mailto:a@b.c", about="# About\ntext"),
    )


def test_outside_a_run_it_only_checks():
    st.set_page_config(page_title="nothing to configure")
    with pytest.raises(StreamlitAPIException, match="Invalid `layout` value"):
        st.set_page_config(layout="tall")


def test_favicons(tmp_path):
    assert favicon_url("🦈") == emoji_svg("🦈")
    assert emoji_svg("🦈").startswith("data:image/svg+xml,%3Csvg")
    assert favicon_url("https://x.com/icon.png") == "https://x.com/icon.png"
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 16
    icon = tmp_path / "icon.png"
    icon.write_bytes(png)
    expected = "data:image/png;base64," + base64.b64encode(png).decode()
    assert favicon_url(str(icon)) == expected
    assert favicon_url(icon) == expected
    assert favicon_url(png) == expected
    assert favicon_url(":shark:") is None  # no shortcode catalogue: the favicon stays
    assert favicon_url(":material/thumb_up:") is None  # no Material Symbols in the shell
    assert favicon_url(str(tmp_path / "missing.png")) is None
    assert favicon_url("random").startswith("data:image/svg+xml,")


def test_the_browser_gets_the_config_only_when_it_changes(server, connect):
    source = """
        import fastlit as st
        st.set_page_config(page_title="Hello", layout="wide" if st.checkbox("wide") else None)
    """
    with server(source) as (client, app):
        with connect(client) as browser:
            patch = browser.until_idle()
            assert patch["page_config"] == {"title": "Hello"}
            checkbox = browser.find("checkbox")[0].id

            browser.send({"t": "widgets", "values": {checkbox: True}})
            patch = browser.until_idle()
            assert patch["page_config"] == {"title": "Hello", "layout": "wide"}

            browser.send({"t": "widgets", "values": {checkbox: False}})
            patch = browser.until_idle()  # layout=None keeps "wide": nothing changed or sent
            assert "page_config" not in patch
            session = browser.session

        with connect(client, session) as resumed:  # a reconnect's snapshot carries all of it
            while (message := resumed.receive())["t"] != "tree":
                pass
            assert message["page_config"] == {"title": "Hello", "layout": "wide"}

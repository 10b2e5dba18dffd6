"""Multipage apps: st.Page, st.navigation, st.switch_page and the pages/ folder.

Page selection lives here; the navigation menu is drawn by whichever plugin implements the
`fastlit_navigation_menu` hook. A session remembers which page its browser asked for
(`PageState`); a run resolves that request against the pages `st.navigation` declares and
tells the browser the page's URL path when it differs from what the browser shows.
"""

from .icons import split_leading_emoji, validate_icon
from .links import PageTarget, resolve_page
from .lookup import test_page_key
from .menu import MenuPage, NavigationMenu
from .page import Page, StreamlitPage
from .page_state import Location, PageState
from .pages_folder import run_app
from .selection import navigation
from .switching import switch_page

# st.Page's public home: the generated fastlit/__init__.pyi imports it from here.
StreamlitPage.__module__ = __name__

__all__ = [
    "Location",
    "MenuPage",
    "NavigationMenu",
    "Page",
    "PageState",
    "PageTarget",
    "StreamlitPage",
    "navigation",
    "resolve_page",
    "run_app",
    "split_leading_emoji",
    "switch_page",
    "test_page_key",
    "validate_icon",
]

"""Multipage navigation: st.page_link, and the menu st.navigation draws (sidebar or top).

The kernel (fastlit_core.pages) selects the page; this plugin only draws: the menu through
the `fastlit_navigation_menu` hook, a "page not found" notice, and page links. Links follow
pages without reloading (the shell's `navigateTo`): a history entry, then a rerun.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastlit_core.plugin import (
    Component,
    Container,
    Element,
    ElementNode,
    ElementPlugin,
    NavigationMenu,
    StreamlitAPIException,
    StreamlitValueError,
    omit_defaults,
    resolve_page,
    validate_icon,
    validate_width,
)

from .. import STATIC

MENU_ID = "fl_nav_menu"  # the menu's node in the sidebar
TOP_MENU_ID = "fl_nav_top"  # the menu as a top bar (a root container)
NOT_FOUND_ID = "fl_page_not_found"  # the "page not found" notice (a root container)


def page_link(
    container: Container,
    page: str | Path | Any,
    *,
    label: str | None = None,
    icon: str | None = None,
    icon_position: str = "left",
    help: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: str | int = "content",
    query_params: Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None,
) -> Container:
    """A link to a page of the app (a `st.Page` or a file path) or to a URL (st.page_link)."""
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    validate_width(width, allow_content=True)
    if icon_position not in ("left", "right"):
        raise StreamlitValueError("icon_position", ["'left'", "'right'"])
    query = _query_string(query_params) if query_params else ""
    shown_icon = validate_icon(icon) if icon is not None else None
    shown_help = _help(help) if help is not None else None
    target = resolve_page(page, label=label)
    if target.external_url is not None:
        href, external = target.external_url, True
    else:
        href, external = f"/{target.url_path}", False
    if query:
        href += f"?{query}"
    props = {
        "href": href,
        "label": str(label) if label is not None else target.title,
        **omit_defaults(
            icon=(shown_icon if shown_icon is not None else target.icon, ""),
            icon_position=(icon_position, "left"),
            help=(shown_help if shown_help is not None else target.help, ""),
            disabled=(bool(disabled), False),
            width=(width, "content"),
            external=(external, False),
            current=(target.current, False),
        ),
    }
    return container.add("page_link", props)


def _help(help: Any) -> str:
    import textwrap

    return textwrap.dedent(str(help))


def _query_string(params: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> str:
    """Streamlit's encoding: a value may be a string or an iterable of strings (repeats)."""
    pairs: dict[str, list[str]] = {}
    items = params.items() if isinstance(params, Mapping) else params
    for key, value in items:
        if isinstance(value, dict):
            raise StreamlitAPIException(
                f"Query param value for `{key}` cannot be set to a dictionary. Provide a string "
                "or iterable of strings instead."
            )
        values = value if isinstance(value, Iterable) and not isinstance(value, str) else [value]
        if isinstance(params, Mapping):
            pairs[str(key)] = [str(v) for v in values]
        else:
            pairs.setdefault(str(key), []).extend(str(v) for v in values)
    return urlencode(pairs, doseq=True)


# --- the menu -------------------------------------------------------------------------------


def navigation_menu(container: Container, menu: NavigationMenu) -> bool:
    """Draw what st.navigation asks for: the menu (unless hidden or a single page) and, when
    the requested page does not exist, Streamlit's "Page not found" notice."""
    if menu.not_found:
        container.root_container(NOT_FOUND_ID, "page_not_found", {})
    visible = [p for p in menu.pages if not p.hidden]
    if menu.position == "hidden" or len(visible) < 2:
        return True
    pages = [
        {
            "title": p.title,
            "href": p.external_url if p.external_url is not None else f"/{p.url_path}",
            **omit_defaults(
                icon=(p.icon, ""),
                section=(p.section, ""),
                help=(p.help, ""),
                current=(p.current, False),
                external=(p.external_url is not None, False),
            ),
        }
        for p in visible
    ]
    props = {
        "pages": pages,
        **omit_defaults(
            position=(menu.position, "sidebar"),
            expanded=(menu.expanded, False),
            visible_items=(menu.visible_items, None),
        ),
    }
    if menu.position == "top":
        container.root_container(TOP_MENU_ID, "navigation_menu", props)
        return True
    try:
        sidebar: Container = container.sidebar  # through the registry: the layout plugin's
    except AttributeError:  # no sidebar element installed: a top bar instead
        container.root_container(TOP_MENU_ID, "navigation_menu", {**props, "position": "top"})
        return True
    sidebar.add("navigation_menu", props, id=MENU_ID, index=0)  # above the sidebar's content
    return True


class NavigationMenuNode(ElementNode):
    """AppTest's view of the menu: `.pages` (dicts with title, href, section, current...)."""

    @property
    def type(self) -> str:
        return "navigation_menu"

    @property
    def titles(self) -> list[str]:
        return [str(p["title"]) for p in self._node.props.get("pages", [])]


class PageLinkNode(ElementNode):
    """AppTest's page link: `.label`, `.href` ("/url_path", or the external URL)."""

    @property
    def value(self) -> Any:
        return self._node.props.get("href")


plugin = ElementPlugin(
    elements=[Element("page_link", page_link)],
    components=[
        Component("page_link", STATIC, "page_link.js", test_node=PageLinkNode),
        Component("navigation_menu", STATIC, "navigation_menu.js", test_node=NavigationMenuNode),
        Component("page_not_found", STATIC, "page_not_found.js"),
    ],
    navigation_menu=navigation_menu,
)

"""The navigation menu model: what the `fastlit_navigation_menu` hook is given to draw."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class MenuPage:
    """One page as the navigation menu shows it."""

    title: str
    icon: str
    url_path: str  # public: "" for the default page
    section: str
    help: str = ""
    hidden: bool = False
    default: bool = False
    current: bool = False
    external_url: str | None = None


@dataclass(frozen=True)
class NavigationMenu:
    """What the menu plugin draws: every page (hidden ones marked), where, and how."""

    pages: list[MenuPage]
    sections: list[str]
    position: Literal["sidebar", "top", "hidden"]
    expanded: bool = False
    visible_items: int | None = None
    not_found: bool = False  # the requested page does not exist: the default page runs
    current: MenuPage | None = None

"""What a session remembers: the page its browser asked for, and what the last navigation chose."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ..context import RunContext
    from .page import StreamlitPage


@dataclass(frozen=True)
class RegisteredPage:
    """A page as the last `st.navigation` call declared it (for switch_page and page links)."""

    key: str  # the page's own url path, unique among the pages (the default page's too)
    url_path: str  # public: "" for the default page
    title: str
    icon: str
    help: str
    script_path: str  # "" for a callable or an external URL
    external_url: str | None = None


@dataclass(frozen=True)
class Location:
    """What the browser should show: the page's URL path ("/x") and its title."""

    path: str
    title: str
    replace: bool = False  # replace the history entry (a page that was not found)


class PageState:
    """One session's page: what its browser asked for and what the last navigation chose."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.request: tuple[Literal["url", "key"], str] = ("url", "")
        self.browser: str | None = None  # the URL path the browser shows, as far as we know
        self.registered: dict[str, RegisteredPage] = {}
        self.current: RegisteredPage | None = None
        self.not_found = False
        self.forget_widgets = False  # st.switch_page: the next run starts without widget values
        self._sent: Location | None = None

    def set_url(self, path: str) -> None:
        """The browser is at `path` (on connect, back/forward, or a link it followed)."""
        with self._lock:
            self.browser = path
            self.request = ("url", _page_name(path))

    def switch_to(self, key: str, *, forget_widgets: bool = True) -> None:
        """Select the page whose own url path is `key` on the next run.

        As in Streamlit, st.switch_page to another page carries no widget values along: the
        next run starts with none (staying on the same page keeps them). AppTest's
        switch_page, like a click in the menu, keeps them."""
        with self._lock:
            self.request = ("key", key)
            if forget_widgets and self.current is not None and self.current.key != key:
                self.forget_widgets = True

    def take_forget_widgets(self) -> bool:
        with self._lock:
            forget, self.forget_widgets = self.forget_widgets, False
            return forget

    def location(self) -> Location | None:
        """The current page's location, None when the app has no navigation."""
        with self._lock:
            page = self.current
            if page is None:
                return None
            return Location(f"/{page.url_path}", page.title, replace=self.not_found)

    def take_change(self) -> Location | None:
        """The location to send with the next patch: when the browser shows another page,
        or has not been told this page's title yet."""
        location = self.location()
        with self._lock:
            if location is None:
                return None
            sent = self._sent
            if location.path == self.browser and sent is not None and sent.title == location.title:
                return None
            self._sent = location
            self.browser = location.path
            return location

    def resolve(self, pages: dict[str, StreamlitPage], default: StreamlitPage) -> StreamlitPage:
        """The page this run shows; Streamlit's fallback to the default page when not found."""
        with self._lock:
            kind, wanted = self.request
            found: StreamlitPage | None
            if kind == "key":
                found = pages.get(wanted, default)
            elif wanted == "":
                found = default
            else:
                found = next((p for p in pages.values() if p.url_path == wanted), None)
            if found is not None and found.is_external:
                found = None
            self.not_found = found is None
            page = found or default
            self.request = ("key", page._url_path)  # reruns stay on this page
            return page


def _page_name(path: str) -> str:
    """The page a URL path asks for: its last segment ("/a/b/" -> "b")."""
    segments = [s for s in path.split("/") if s]
    return segments[-1] if segments else ""


def state_of(ctx: RunContext) -> PageState:
    pages: PageState = ctx.session.pages
    return pages
